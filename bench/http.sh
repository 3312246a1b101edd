#!/usr/bin/env bash
# Measures zoneatlas against nginx on this machine, in one run, with wrk:
#   1. a static asset (site.css, uncompressed) from zoneatlas and the same bytes from nginx;
#   2. the zone list API (/api/v1/zones) from zoneatlas.
# Prints requests/s and p99 latency for each and the ratios that bench/RESULTS.md records.
# Everything listens on 127.0.0.1 only and stops when the script ends.
set -euo pipefail
binary=$(realpath "${1:?usage: $0 path/to/zoneatlas}")
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-15s}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
work=$(mktemp -d /tmp/zoneatlas-bench.XXXXXX)
chmod 755 "$work"  # nginx workers run as another user.
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (scripts/install-deps.sh all)" >&2; exit 1; }
done

db="$work/bench.db"
"$binary" --database "$db" import areas "$root/data/demo/areas.csv" >/dev/null 2>&1
"$binary" --database "$db" import zones "$root/data/demo/zones.csv" >/dev/null
"$binary" --database "$db" import geometry "$root/data/demo/boundaries.geojson" --source demo >/dev/null
"$binary" --database "$db" serve --port 0 >"$work/zoneatlas.log" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$work/zoneatlas.log" && break; sleep 0.05; done
za_port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/zoneatlas.log" | head -n 1)

mkdir -p "$work/www/static/css"
cp "$root/web/static/css/site.css" "$work/www/static/css/site.css"
ng_port=$((za_port + 1))
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { text/css css; }
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  server { listen 127.0.0.1:$ng_port; root $work/www; etag on; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
sleep 0.5

# Echoes "requests_per_second p99_ms" for one wrk run.
measure() {
  local url=$1 output
  output=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$output")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
  # wrk prints latency with a unit: us, ms or s.
  p99=$(awk -v v="$p99" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/) n *= 1000; printf "%.2f", n }')
  echo "$rps $p99"
}

bytes=$(stat -c %s "$root/web/static/css/site.css")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo "wrk: $threads threads, $connections connections, $duration per run; static asset: site.css, $bytes bytes"
curl -fsS "http://127.0.0.1:$za_port/static/css/site.css" | cmp - "$work/www/static/css/site.css"
curl -fsS "http://127.0.0.1:$ng_port/static/css/site.css" | cmp - "$work/www/static/css/site.css"

read -r ng_rps ng_p99 < <(measure "http://127.0.0.1:$ng_port/static/css/site.css")
read -r za_rps za_p99 < <(measure "http://127.0.0.1:$za_port/static/css/site.css")
read -r api_rps api_p99 < <(measure "http://127.0.0.1:$za_port/api/v1/zones")

printf '%-34s %12s %10s\n' "" "requests/s" "p99 (ms)"
printf '%-34s %12s %10s\n' "nginx static site.css" "$ng_rps" "$ng_p99"
printf '%-34s %12s %10s\n' "zoneatlas static site.css" "$za_rps" "$za_p99"
printf '%-34s %12s %10s\n' "zoneatlas /api/v1/zones" "$api_rps" "$api_p99"
awk -v z="$za_rps" -v n="$ng_rps" -v a="$api_rps" 'BEGIN {
  printf "static: zoneatlas/nginx = %.2f (target >= 0.50)\n", z / n;
  printf "api: zoneatlas static/api = %.2f (target <= 2.00)\n", z / a }'
