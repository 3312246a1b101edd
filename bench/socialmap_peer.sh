#!/usr/bin/env bash
# The social map's search API over HTTP beside its peer, PostgreSQL full-text search, on
# the same services in one run (bench/socialmap.sh runs it inside scripts/with-postgres.sh,
# which sets ZONEATLAS_TEST_POSTGRESQL).
#   zoneatlas: wrk against /api/hsds/services?search=voedselhulp within 5 km of the Bourse,
#              nearest first, 20 a page (Xapian: stems, synonyms, every facet counted).
#   peer:      pgbench running the same question in SQL: a GIN-indexed tsvector of the
#              names, descriptions and plain texts (dutch configuration, unaccent), the
#              query word and its synonyms OR-ed as zoneatlas expands them, the same radius,
#              nearest first, 20 rows with the total.
# Usage: bench/socialmap_peer.sh path/to/zoneatlas path/to/socialmap.db
set -euo pipefail
binary=$(realpath "${1:?usage: $0 path/to/zoneatlas path/to/socialmap.db}")
db=$(realpath "${2:?usage: $0 path/to/zoneatlas path/to/socialmap.db}")
: "${ZONEATLAS_TEST_POSTGRESQL:?run inside scripts/with-postgres.sh}"
work=$(mktemp -d /tmp/zoneatlas-socialmap-peer.XXXXXX)
chmod 755 "$work"
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
seconds=${SECONDS_PER_RUN:-15}

# zoneatlas over HTTP.
"$binary" --database "$db" --search-index "$db.search" serve --port 0 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 200); do grep -q "listening on" "$work/server.log" && break; sleep 0.05; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
target="http://127.0.0.1:$port/api/hsds/services?search=voedselhulp&lat=50.8476&lon=4.3497&proximity=5000&per_page=20"
curl -sf "$target" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("zoneatlas answers", d["total_items"], "matches")'
wrk -t2 -c8 -d"${seconds}s" --latency "$target" | tee "$work/wrk.txt" | grep -E "Requests/sec|99%"
ours=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

# The peer: the same services in PostgreSQL (its tables made by our migrations).
"$binary" --database "$ZONEATLAS_TEST_POSTGRESQL" migrate >/dev/null 2>&1
host=$(echo "$ZONEATLAS_TEST_POSTGRESQL" | sed -n 's/.*host=\([^&]*\).*/\1/p')
pgport=$(echo "$ZONEATLAS_TEST_POSTGRESQL" | sed -n 's/.*port=\([^&]*\).*/\1/p')
psql=(psql -q -X -h "$host" -p "$pgport" -U postgres -d zoneatlas_test -v ON_ERROR_STOP=1)
for table in sm_services sm_locations sm_service_at_location; do
  sqlite3 -csv "$db" "SELECT * FROM $table" >"$work/$table.csv"
done
"${psql[@]}" <<SQL
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TABLE s (LIKE sm_services);
CREATE TABLE l (id TEXT PRIMARY KEY, organization_id TEXT, name TEXT, address TEXT, postal_code TEXT, city TEXT,
  municipality_code TEXT, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, transport_nl TEXT, transport_fr TEXT,
  wheelchair INTEGER, revision BIGINT);
CREATE TABLE sl (service_id TEXT, location_id TEXT);
\copy s FROM '$work/sm_services.csv' CSV
\copy l FROM '$work/sm_locations.csv' CSV
\copy sl FROM '$work/sm_service_at_location.csv' CSV
-- unaccent is not immutable; a wrapper that says it is, as the PostgreSQL docs advise.
CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$ SELECT public.unaccent('public.unaccent', \$1) \$\$;
ALTER TABLE s ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('dutch', f_unaccent(
  name_nl || ' ' || name_fr || ' ' || description_nl || ' ' || description_fr || ' ' || plain_nl || ' ' || plain_fr))) STORED;
CREATE INDEX s_tsv ON s USING GIN (tsv);
CREATE INDEX sl_service ON sl (service_id);
ANALYZE;
SQL
# "voedselhulp" and its synonym group as zoneatlas expands it (data/socialmap/taxonomy.json).
cat >"$work/query.sql" <<'SQL'
WITH matches AS (
  SELECT s.id, s.name_nl, s.phone, MIN(2 * 6371.0088 * asin(sqrt(
      power(sin(radians(l.latitude - 50.8476) / 2), 2) +
      cos(radians(50.8476)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - 4.3497) / 2), 2)))) AS km
  FROM s JOIN sl ON sl.service_id = s.id JOIN l ON l.id = sl.location_id
  WHERE s.status = 'active'
    AND s.tsv @@ to_tsquery('dutch', f_unaccent('voedselhulp | voedselbank | voedselpakket | (colis <-> alimentaire) | (aide <-> alimentaire) | (banque <-> alimentaire) | (food <-> bank)'))
  GROUP BY s.id, s.name_nl, s.phone)
SELECT id, name_nl, phone, km, COUNT(*) OVER () AS total FROM matches WHERE km <= 5 ORDER BY km LIMIT 20;
SQL
echo "peer answers $("${psql[@]}" -t -A -f "$work/query.sql" | tail -n 1 | cut -d'|' -f5) matches"
pgbench -n -h "$host" -p "$pgport" -U postgres -c 8 -j 2 -T "$seconds" -f "$work/query.sql" zoneatlas_test 2>/dev/null |
  tee "$work/pgbench.txt" | grep -E "^tps|latency average"
theirs=$(awk '/^tps/ {print $3}' "$work/pgbench.txt")
echo "ratio: zoneatlas $ours requests/s, PostgreSQL FTS $theirs queries/s: $(echo "scale=2; $ours / $theirs" | bc)x"
