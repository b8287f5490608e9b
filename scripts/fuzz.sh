#!/usr/bin/env bash
# fuzz.sh [SECONDS_PER_TARGET] [TARGET...] — build the libFuzzer targets (clang 14, ASan+UBSan) and run
# each for the given time (default 60 s) on a working copy of its committed corpus. Crash inputs land
# in build/fuzz/findings/<target>/; copy them to tests/data/fuzz/<target>/ as regression inputs.
# FUZZ_RUNS=N also stops a target after N executions (the budget "10M executions or 30 minutes" is
# `FUZZ_RUNS=10000000 scripts/fuzz.sh 1800`).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
scripts/setup.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
status=0
for t in "${targets[@]}"; do
  work=build/fuzz/corpus/$t findings=build/fuzz/findings/$t
  mkdir -p "$work" "$findings"
  cp -n tests/data/fuzz/"$t"/* "$work"/ 2>/dev/null || true
  rm -f "$work/README.md"
  dict=tests/fuzz/$t.dict
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$findings/" -print_final_stats=1)
  [[ -f $dict ]] && args+=(-dict="$dict")
  [[ -n ${FUZZ_RUNS:-} ]] && args+=(-runs="$FUZZ_RUNS")
  echo "== $t (${seconds}s)"
  if ! build/fuzz/tests/fuzz/"$t" "${args[@]}" "$work" 2>"build/fuzz/$t.log"; then
    echo "FINDING in $t: see build/fuzz/$t.log and $findings/"; status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build/fuzz/$t.log" || true
done
exit $status
