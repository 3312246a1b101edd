#!/usr/bin/env bash
# Installs the Debian 12 packages zoneatlas builds, tests and benchmarks with.
# Idempotent: asks apt only for what is missing, so a second `make demo` is quick.
set -euo pipefail

build_packages=(
  build-essential cmake ccache pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3
  libkainjow-mustache-dev libcli11-dev libspdlog-dev libfmt-dev
  libsodium-dev zlib1g-dev ninja-build libxlsxwriter-dev libminizip-dev libexpat1-dev
  libxapian-dev libqrencode-dev libmuparser-dev libical-dev libhowardhinnant-date-dev tzdata nodejs npm
  libgtest-dev libgmock-dev libbenchmark-dev
)
test_packages=(postgresql chromium curl python3-jsonschema gdal-bin)
bench_packages=(wrk nginx bc time)
fuzz_packages=(clang-16 libclang-rt-16-dev)

wanted=("${build_packages[@]}")
case "${1:-build}" in
  build) ;;
  test) wanted+=("${test_packages[@]}") ;;
  fuzz) wanted+=("${fuzz_packages[@]}") ;;
  all) wanted+=("${test_packages[@]}" "${bench_packages[@]}" "${fuzz_packages[@]}") ;;
  *) echo "usage: $0 [build|test|fuzz|all]" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  # node and npm may come from elsewhere on a developer machine; accept what is on PATH.
  if [[ $package == nodejs ]] && command -v node >/dev/null; then continue; fi
  if [[ $package == npm ]] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
