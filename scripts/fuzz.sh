#!/usr/bin/env bash
# Runs every fuzz target of BUILD_DIR for SECONDS each (default 60), starting from its seed
# corpus in tests/fuzz/corpus/NAME; what it learns goes to a scratch corpus, never into the
# repository. Fails on a crash, a sanitizer report, a leak, a single input slower than 10 s,
# more than 2 GiB resident or one allocation over 512 MiB. Findings are kept in
# BUILD_DIR/fuzz-findings/NAME/ for a regression test.
#
# usage: scripts/fuzz.sh BUILD_DIR [SECONDS] [NAME…]
set -euo pipefail
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS] [NAME...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")/.." && pwd)
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  for seeds in "$here"/tests/fuzz/corpus/*/; do names+=("$(basename "$seeds")"); done
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=()
for name in "${names[@]}"; do
  target="$build/tests/fuzz/fuzz_$name"
  [[ -x $target ]] || { echo "fuzz: no $target (build with -DZONEATLAS_FUZZ=ON)" >&2; exit 2; }
  mkdir -p "$scratch/$name" "$build/fuzz-findings/$name"
  echo "== fuzz_$name for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
      -print_final_stats=1 -artifact_prefix="$build/fuzz-findings/$name/" \
      "$scratch/$name" "$here/tests/fuzz/corpus/$name" > "$scratch/$name.log" 2>&1; then
    tail -n 60 "$scratch/$name.log"
    failed+=("$name")
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$scratch/$name.log" | tail -n 2 || true
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: findings in ${failed[*]} (inputs in $build/fuzz-findings/)" >&2
  exit 1
fi
echo "fuzz: ${#names[@]} target(s), ${seconds}s each, nothing found"
