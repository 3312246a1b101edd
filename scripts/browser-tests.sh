#!/usr/bin/env bash
# Runs the browser tests (tests/browser) against the real binary: loads the demo data
# into a temporary database, starts `zoneatlas serve` on a free port, installs the npm
# test packages if needed (Playwright uses Debian's Chromium, never a downloaded one),
# and runs node's test runner. ZONEATLAS_BROWSER_TESTS=REGEX runs only the tests it names.
set -euo pipefail
binary=$(realpath "${1:?usage: $0 path/to/zoneatlas}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/zoneatlas-browser.XXXXXX)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/browser.db"
# The tests may change the database behind the server's back, as an older version would have left it.
export ZONEATLAS_TEST_DATABASE="$db"
"$binary" --database "$db" import areas "$root/data/demo/areas.csv" >/dev/null
"$binary" --database "$db" import zones "$root/data/demo/zones.csv" >/dev/null
"$binary" --database "$db" import geometry "$root/data/demo/boundaries.geojson" --source demo >/dev/null
# Every other Flemish eerstelijnszone, as `make demo` shows them.
"$binary" --database "$db" import areas "$root/data/geography/flanders-areas.csv" >/dev/null
"$binary" --database "$db" import zones "$root/data/geography/flanders-zones.csv" >/dev/null
"$binary" --database "$db" import geometry "$root/data/geography/flanders-boundaries.geojson" --source demo >/dev/null
sectors="$root/data/geography/OPENDATA_SECTOREN_2025_NEW.xlsx"
"$binary" --database "$db" import areas "$sectors" --skip-unknown >/dev/null 2>&1
"$binary" --database "$db" import parts "$root/data/geography/brussels-city-parts.csv" >/dev/null
"$binary" --database "$db" import observations "$root/data/demo/population-2018-2020.csv" >/dev/null 2>&1
"$binary" --database "$db" import observations "$root/data/demo/observations-demo.csv" --demo >/dev/null 2>&1
"$binary" --database "$db" import observations "$sectors" --skip-unknown --source Statbel >/dev/null 2>&1
"$binary" --database "$db" import hsds "$root/data/demo/social-map-demo.json" >/dev/null
"$binary" --database "$db" import initiatives "$root/data/demo/initiatives.json" >/dev/null
"$binary" --database "$db" import consultations "$root/data/demo/consultations.json" >/dev/null
"$binary" --database "$db" import agenda "$root/data/demo/agenda.json" >/dev/null
"$binary" --database "$db" import providers "$root/data/demo/providers.json" >/dev/null
# A test account; its password goes through standard input, as for a real one.
export ZONEATLAS_TEST_EMAIL="browser-test@zoneatlas.test"
export ZONEATLAS_TEST_PASSWORD="een lange zin voor de browsertest"
echo "$ZONEATLAS_TEST_PASSWORD" | "$binary" --database "$db" user add --email "$ZONEATLAS_TEST_EMAIL" --role professional >/dev/null 2>&1
export ZONEATLAS_TEST_EDITOR_EMAIL="browser-editor@zoneatlas.test"
echo "$ZONEATLAS_TEST_PASSWORD" | "$binary" --database "$db" user add --email "$ZONEATLAS_TEST_EDITOR_EMAIL" --role zone_editor:elz-zennevallei >/dev/null 2>&1
export ZONEATLAS_TEST_ADMIN_EMAIL="browser-admin@zoneatlas.test"
echo "$ZONEATLAS_TEST_PASSWORD" | "$binary" --database "$db" user add --email "$ZONEATLAS_TEST_ADMIN_EMAIL" --role admin >/dev/null 2>&1
# Map tiles from nowhere: the tests need no network, and the map must work without its tiles.
"$binary" --database "$db" serve --port 0 --map-tiles "http://127.0.0.1:9/{z}/{x}/{y}.png" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  grep -q "listening on" "$work/server.log" && break
  sleep 0.05
done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
[[ -n $port ]] || { cat "$work/server.log" >&2; exit 1; }

cd "$root/tests/browser"
[[ -d node_modules/playwright-core && -d node_modules/@axe-core/playwright && -d node_modules/node-ical ]] || npm ci --no-audit --no-fund
ZONEATLAS_URL="http://127.0.0.1:$port" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" node --test --test-concurrency=1 \
  ${ZONEATLAS_BROWSER_TESTS:+--test-name-pattern="$ZONEATLAS_BROWSER_TESTS"} .
