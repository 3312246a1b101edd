#!/usr/bin/env bash
# The social map at scale: SERVICES synthetic but realistically shaped services (100,000)
# over the demo municipalities (bench/make_services.py). Measures, in one run:
#   1. `zoneatlas import hsds` of the file (checked, saved and indexed), time and peak memory;
#   2. `zoneatlas index rebuild` (target: under 60 s);
#   3. socialmap_bench: a faceted, geo-sorted, filtered text search in process, median and
#      99th percentile (target: p99 under 5 ms);
#   4. the search API over HTTP beside PostgreSQL full-text search answering the same
#      question, in a throw-away PostgreSQL cluster (bench/socialmap_peer.sh).
# Usage: bench/socialmap.sh path/to/zoneatlas path/to/socialmap_bench   (make bench-socialmap)
set -euo pipefail
binary=$(realpath "${1:?usage: $0 path/to/zoneatlas path/to/socialmap_bench}")
bench=$(realpath "${2:?usage: $0 path/to/zoneatlas path/to/socialmap_bench}")
root=$(cd "$(dirname "$0")/.." && pwd)
services=${SERVICES:-100000}
work=$(mktemp -d /tmp/zoneatlas-socialmap-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "social map bench: $services services; $(nproc) cores"
python3 "$root/bench/make_services.py" "$services" > "$work/services.json"
echo "HSDS file: $(du -h "$work/services.json" | cut -f1)"
db="$work/socialmap.db"
"$binary" --database "$db" migrate >/dev/null
"$binary" --database "$db" import areas "$root/data/demo/areas.csv" >/dev/null 2>&1
/usr/bin/time -f "import hsds: %e s, peak %M KiB" "$binary" --database "$db" import hsds "$work/services.json"
/usr/bin/time -f "index rebuild: %e s, peak %M KiB" "$binary" --database "$db" index rebuild
echo "index size: $(du -sh "$db.search" | cut -f1)"
date -u +%Y-%m-%dT%H:%M:%S+00:00
"$bench" --database "$db" --search-index "$db.search"
"$root/scripts/with-postgres.sh" "$root/bench/socialmap_peer.sh" "$binary" "$db"
