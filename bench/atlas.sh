#!/usr/bin/env bash
# The atlas at scale: a synthetic but realistically shaped set of observations —
# SECTORS statistical sectors (20,000, coded as Statbel codes them: the municipality's
# NIS code and four characters, 34 to a municipality) × INDICATORS indicators (50) × YEARS years (10) =
# 10 million rows — in 60 zones, beside the demo zones. Measures, in one run:
#   1. `zoneatlas import observations` of the CSV (rows/s, peak memory), SQLite;
#   2. PostgreSQL as the peer: COPY of the same CSV, the primary key, and the same
#      aggregation (one indicator and year to every zone) and ranking with GROUP BY/ORDER BY;
#   3. atlas_bench on the imported database: aggregation to all zones and ranking of all
#      sectors, and the zone profile page, as the server does them.
# Usage: bench/atlas.sh path/to/zoneatlas path/to/atlas_bench   (make bench-atlas)
set -euo pipefail
binary=$(realpath "${1:?usage: $0 path/to/zoneatlas path/to/atlas_bench}")
bench=$(realpath "${2:?usage: $0 path/to/zoneatlas path/to/atlas_bench}")
root=$(cd "$(dirname "$0")/.." && pwd)
sectors=${SECTORS:-20000}
years=${YEARS:-10}
zones=60
work=$(mktemp -d /tmp/zoneatlas-atlas-bench.XXXXXX)
chmod 755 "$work"  # PostgreSQL reads the CSV as its own user.
trap 'rm -rf "$work"' EXIT

# 50 importable indicators: 12 counts, 38 published rates with numerator and denominator.
counts=(pop_total pop_0_19 pop_20_64 pop_65plus pop_80plus households_total hh_single dwellings
        social_rental_dwellings_count eldercare_wzc childcare_places_0_2 homecare_hours)
rates=(chronic_status diabetes_prev dg_han_recognised care_budget_severe care_budget_elderly care_budget_disability
       gmd_coverage screen_breast screen_cervix screen_colorectal dental_visit med_antibiotics med_antidepressants
       med_antidementia income_mean_return income_per_inhabitant increased_reimb leefloon socioecon_employed
       socioecon_jobseekers socioecon_inactive credit_arrears energy_budget_meters energy_social_supplier
       energy_disconnections pupil_home_language pupil_mother_low_education pupil_school_allowance
       pupil_neighbourhood early_school_leavers education_low education_mid education_high built_up_share
       tenure_owner tenure_private_tenant tenure_social_tenant bso_progress)
indicators=$(( ${#counts[@]} + ${#rates[@]} ))
rows=$(( sectors * indicators * years ))
echo "atlas bench: $sectors sectors × $indicators indicators × $years years = $rows observations; $(nproc) cores"

awk -v n="$sectors" -v z="$zones" -v areas="$work/areas.csv" -v members="$work/zones.csv" 'BEGIN {
  print "code,kind,name_nl,name_fr,name_en,parent_code,valid_from,valid_to,population,population_date,land_area_km2,approximate,source,note" > areas
  print "zone_id,kind,name_nl,name_fr,name_en,region_code,website,source,valid_from,valid_to,member_code,approximate,note" > members
  for (i = 0; i < n; i++) {
    # 7xxxx: Flemish codes (Limburg's range, none of them real), so that indicators of
    # Flemish producers are measured there too.
    code = sprintf("%05dA%02d-", 70001 + int(i / 34), i % 34)
    printf "%s,statistical_sector,Sector %d,Secteur %d,,,1970-01-01,,,,,no,synthetic,\n", code, i, i > areas
    printf "bench-zone-%02d,eerstelijnszone,Zone %d,Zone %d,,,,synthetic,2020-01-01,,%s,no,\n", i % z, i % z, i % z, code > members
  }
}'
awk -v n="$sectors" -v years="$years" -v counts="${counts[*]}" -v rates="${rates[*]}" 'BEGIN {
  srand(42)
  nc = split(counts, c, " "); nr = split(rates, r, " ")
  print "area_code,indicator,period,value,numerator,denominator"
  for (i = 0; i < n; i++) for (y = 0; y < years; y++) {
    code = sprintf("%05dA%02d-", 70001 + int(i / 34), i % 34)
    period = 2015 + y
    for (k = 1; k <= nc; k++) printf "%s,%s,%d,%d,,\n", code, c[k], period, 5 + int(rand() * 2000)
    for (k = 1; k <= nr; k++) { d = 200 + int(rand() * 1800); printf "%s,%s,%d,,%d,%d\n", code, r[k], period, int(rand() * d * 0.3), d }
  }
}' > "$work/observations.csv"
echo "CSV: $(du -h "$work/observations.csv" | cut -f1)"

db="$work/atlas.db"
"$binary" --database "$db" migrate >/dev/null
"$binary" --database "$db" import areas "$root/data/demo/areas.csv" >/dev/null 2>&1
"$binary" --database "$db" import zones "$root/data/demo/zones.csv" >/dev/null 2>&1
"$binary" --database "$db" import observations "$root/data/demo/observations-demo.csv" --demo >/dev/null 2>&1
"$binary" --database "$db" import areas "$work/areas.csv" >/dev/null 2>&1
"$binary" --database "$db" import zones "$work/zones.csv" >/dev/null 2>&1

sync  # The CSV just written must not be flushed to disk while the import is timed.
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$binary" --database "$db" import observations "$work/observations.csv" \
  --source synthetic >"$work/import.log" 2>&1 || { tail -20 "$work/import.log"; exit 1; }
seconds=$(echo "$(date +%s.%N) - $start" | bc)
echo "zoneatlas import (SQLite): $rows rows in ${seconds}s = $(echo "$rows / $seconds" | bc) rows/s, peak $(( $(cat "$work/rss") / 1024 )) MiB"
echo "SQLite file: $(du -h "$db" | cut -f1)"

# The peer: PostgreSQL's COPY and GROUP BY on the same rows.
cat >"$work/peer.sh" <<'PEER'
set -euo pipefail
csv=$1 zones_csv=$2 rows=$3 period=$4
host=$(echo "$ZONEATLAS_TEST_POSTGRESQL" | sed -n 's/.*host=\([^&]*\).*/\1/p')
port=$(echo "$ZONEATLAS_TEST_POSTGRESQL" | sed -n 's/.*port=\([^&]*\).*/\1/p')
psql=(psql -q -X -h "$host" -p "$port" -U postgres -d zoneatlas_test -v ON_ERROR_STOP=1)
"${psql[@]}" -c "CREATE TABLE o (area_code text, indicator text, period text, value double precision, numerator double precision, denominator double precision)"
"${psql[@]}" -c "CREATE TABLE m (zone_id text, kind text, a text, b text, c text, d text, e text, f text, g text, h text, area_code text, i text, j text)"
t0=$(date +%s.%N)
"${psql[@]}" -c "\copy o FROM '$csv' WITH (FORMAT csv, HEADER true)"
t1=$(date +%s.%N)
"${psql[@]}" -c "ALTER TABLE o ADD PRIMARY KEY (indicator, area_code, period)"
t2=$(date +%s.%N)
"${psql[@]}" -c "\copy m FROM '$zones_csv' WITH (FORMAT csv, HEADER true)"
"${psql[@]}" -c "ANALYZE"
echo "PostgreSQL COPY: $(echo "$t1 - $t0" | bc)s = $(echo "$rows / ($t1 - $t0)" | bc) rows/s; then the primary key: $(echo "$t2 - $t1" | bc)s"
query="SELECT m.zone_id, sum(o.numerator) / sum(o.denominator) * 100 FROM o JOIN m USING (area_code)
         WHERE o.indicator = 'diabetes_prev' AND o.period = '$period' GROUP BY m.zone_id;
       SELECT area_code, numerator / denominator AS v FROM o
         WHERE indicator = 'diabetes_prev' AND period = '$period' ORDER BY v DESC;"
for _ in 1 2 3; do "${psql[@]}" -c "$query" >/dev/null; done
best=999999
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N); "${psql[@]}" -c "$query" >/dev/null; t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 )); (( ms < best )) && best=$ms
done
echo "PostgreSQL GROUP BY to all zones + ORDER BY all sectors: ${best} ms, best of 5 (one psql run included)"
PEER
latest=$((2015 + years - 1))
"$root/scripts/with-postgres.sh" bash "$work/peer.sh" "$work/observations.csv" "$work/zones.csv" "$rows" "$latest"

"$bench" --database "$db" --indicator diabetes_prev --period "$latest" --benchmark_min_time=1
