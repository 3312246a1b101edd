#!/usr/bin/env bash
# The social map's HSDS output against the official HSDS 3.0 schemas (../shared/data/hsds-3.0):
# the demo social map exported by `zoneatlas export hsds` (JSON, and the CSV tabular package
# against the compiled tabular schema), and the API's answers for a page
# of services, one service and one organization. Debian's python3 (with python3-jsonschema,
# which scripts/install-deps.sh test installs) does the checking.
set -euo pipefail
binary=$(realpath "${1:?usage: $0 path/to/zoneatlas}")
root=$(cd "$(dirname "$0")/../.." && pwd)
schemas="$root/../shared/data/hsds-3.0/schema"
[[ -d $schemas ]] || { echo "no HSDS schemas at $schemas" >&2; exit 1; }
work=$(mktemp -d /tmp/zoneatlas-hsds.XXXXXX)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
db="$work/hsds.db"
"$binary" --database "$db" import areas "$root/data/demo/areas.csv" >/dev/null
"$binary" --database "$db" import hsds "$root/data/demo/social-map-demo.json" >/dev/null
"$binary" --database "$db" export hsds -o "$work/export.json"
"$binary" --database "$db" export hsds --language fr -o "$work/export-fr.json"
/usr/bin/python3 "$root/tests/hsds/validate_export.py" "$schemas" "$work/export.json"
/usr/bin/python3 "$root/tests/hsds/validate_export.py" "$schemas" "$work/export-fr.json"
"$binary" --database "$db" export hsds --format csv -o "$work/package"
/usr/bin/python3 "$root/tests/hsds/validate_package.py" "$schemas" "$work/package"
"$binary" --database "$db" serve --port 0 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  grep -q "listening on" "$work/server.log" && break
  sleep 0.05
done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
[[ -n $port ]] || { cat "$work/server.log" >&2; exit 1; }
base="http://127.0.0.1:$port/api/hsds"
curl -sf "$base/services?per_page=100&search=ocmw" -o "$work/page.json"
curl -sf "$base/services/demo-social-service-23027?lang=fr" -o "$work/one.json"
curl -sf "$base/organizations/ocmw-23027" -o "$work/organization.json"
/usr/bin/python3 "$root/tests/hsds/validate_export.py" "$schemas" "$work/page.json"
/usr/bin/python3 "$root/tests/hsds/validate_export.py" "$schemas" "$work/one.json"
/usr/bin/python3 "$root/tests/hsds/validate_export.py" "$schemas" "$work/organization.json" organization
