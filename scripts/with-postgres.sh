#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL 15 cluster: initialises it in a temporary
# directory, listens only on a Unix socket there, exports its URL as
# ZONEATLAS_TEST_POSTGRESQL, and removes it all afterwards, whatever the command did.
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z $pg_bin ]]; then
  echo "with-postgres: PostgreSQL is not installed (run scripts/install-deps.sh test)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/zoneatlas-pg.XXXXXX)
port=$((54000 + RANDOM % 1000))
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  # PostgreSQL refuses to run as root.
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_owner[@]}" "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
"${as_owner[@]}" "$pg_bin/createdb" -h "$dir" -p "$port" -U postgres zoneatlas_test

export ZONEATLAS_TEST_POSTGRESQL="postgresql:///zoneatlas_test?host=$dir&port=$port&user=postgres"
export ZONEATLAS_REQUIRE_POSTGRESQL=1
"$@"
