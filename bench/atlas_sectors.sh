#!/usr/bin/env bash
# Statbel's statistical sectors as published: all 21,183 sectors of the 2025 delineation
# (OPENDATA_SECTOREN_2025_NEW.xlsx, 1.6 MB) imported as areas and then as population
# figures into a fresh SQLite database, each timed with its peak memory. The 565
# municipalities come first, from the same workbook (the REFNIS copy predates the 2025
# mergers). Issue 17's target: areas and figures in under 10 s.
# Usage: bench/atlas_sectors.sh path/to/zoneatlas [path/to/OPENDATA_SECTOREN_2025_NEW.xlsx]
set -euo pipefail
binary=$(realpath "${1:?usage: $0 path/to/zoneatlas [sector workbook]}")
root=$(cd "$(dirname "$0")/.." && pwd)
workbook=$(realpath "${2:-$root/../shared/data/published/statbel-sectors-2025/OPENDATA_SECTOREN_2025_NEW.xlsx}")
work=$(mktemp -d /tmp/zoneatlas-sectors-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
database="$work/sectors.db"

# The municipalities of the workbook (CD_REFNIS with its Dutch and French names).
python3 - "$workbook" "$work/municipalities.csv" <<'PY'
import csv, re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
strings = [re.sub(r'<[^>]+>', '', s) for s in re.findall(r'<si>(.*?)</si>', book.read('xl/sharedStrings.xml').decode(), re.S)]
municipalities = {}
for row in re.findall(r'<row [^>]*>(.*?)</row>', book.read('xl/worksheets/sheet1.xml').decode(), re.S)[1:]:
    cells = {}
    for column, attributes, value in re.findall(r'<c r="([A-Z]+)\d+"([^>]*)><v>(.*?)</v></c>', row):
        cells[column] = strings[int(value)] if 't="s"' in attributes else value
    municipalities.setdefault(cells['A'], (cells.get('I', cells['A']), cells.get('J', cells['A'])))
with open(sys.argv[2], 'w', newline='') as out:
    writer = csv.writer(out)
    writer.writerow(['code', 'kind', 'name_nl', 'name_fr', 'valid_from'])
    for code, (nl, fr) in sorted(municipalities.items()):
        writer.writerow([code, 'municipality', nl, fr, '1977-01-01'])
PY

"$binary" --database "$database" import areas "$work/municipalities.csv" >/dev/null 2>&1
measure() {
  local what=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$binary" --database "$database" "$@" >"$work/out" 2>&1
  read -r seconds kilobytes <"$work/time"
  printf '%-32s %6.2f s  %6d MB peak  %s\n' "$what" "$seconds" $((kilobytes / 1024)) "$(tail -1 "$work/out")"
}
echo "$(basename "$workbook"), $(nproc) cores, $(date -u +%F)"
measure "sectors as areas" import areas "$workbook"
measure "population per sector" import observations "$workbook"
