#!/usr/bin/env bash
# bench_batch.sh [--rounds R] [--native PATH] [--tiny N] [--heavy K] [--skip-lib]
# The batch runner's throughput (docs/performance.md, "Batches across cores"): builds Release,
# then, interleaved over R rounds (default 3), times
#   - clvm_batch_bench: tiny cases through the library API at 1 and 2 threads, and K
#     heap-doubling cases on one worker with and without the arena keeping its capacity;
#   - `clvm run --batch` with -j 1 and -j 2 on a tiny stream (N lines, default 1,000,000), a mixed
#     stream (the 20 benchmark programs, the tools' batch cases, 20,000 small programs) and a
#     heavy stream (K heap-doubling cases), output discarded; then one run of each to a file,
#     where every -j 2 output must equal -j 1's byte for byte (those times are printed apart);
#   - the native clvmr-batch on the same streams when PATH is given (default: the machine-local one if
#     present; docs/oracles.md), interleaved with ours.
# Prints the median wall time per configuration and the ratios. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3 tiny=1000000 heavy=8 skip_lib=0
native=../shared/peers/native/clvmr-batch
[[ -x $native ]] || native=../../shared/peers/native/clvmr-batch  # from a worktree in wt/
while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --native) native=$2; shift 2 ;;
    --tiny) tiny=$2; shift 2 ;;
    --heavy) heavy=$2; shift 2 ;;
    --skip-lib) skip_lib=1; shift ;;
    *) echo "usage: $0 [--rounds R] [--native PATH] [--tiny N] [--heavy K] [--skip-lib]" >&2; exit 2 ;;
  esac
done
[[ -x $native ]] || native=
scripts/setup.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release --target clvm clvm_batch_bench
clvm=build/release/tools/clvm
dir=build/release/batch-bench
mkdir -p "$dir"
echo "# batch benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# The streams.
awk -v n="$tiny" 'BEGIN { for (i = 0; i < n; i++) print (i % 2 ? "ff10ff02ff0580 ff0aff1480" : "ff0101 80") }' > "$dir/tiny.txt"
{
  for p in tests/data/bench/programs/*.hex; do
    name=$(basename "$p" .hex)
    echo "$(tr -d ' \n' < "$p") $(tr -d ' \n' < "tests/data/bench/env/$name.env.hex") 11000000000 32"
  done
  grep -v '^#' tests/data/tools/batch/cases.txt | grep . || true
  awk 'BEGIN { for (i = 0; i < 20000; i++) print (i % 2 ? "ff10ff02ff0580 ff0aff1480" : "ff0101 80") }'
} > "$dir/mixed.txt"
doubling=$($clvm asm '(a (q . (a 2 (c 2 (c (concat 5 5) ())))) (c (q . (a 2 (c 2 (c (concat 5 5) ())))) (c (q . "xy") ())))')
for ((i = 0; i < heavy; i++)); do echo "$doubling 80"; done > "$dir/heavy.txt"

declare -A times
now() { date +%s.%N; }
run() {  # run KEY STREAM OUTPUT COMMAND...
  local key=$1 stream=$2 output=$3; shift 3
  local t0 t1
  t0=$(now)
  "$@" < "$dir/$stream.txt" > "$output"
  t1=$(now)
  times[$key]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') "
}
# The timed runs discard their output: the mixed stream answers 375 MB (concat's 182 MB result in
# hex), and writing that to a file costs ~0.6-0.9 s of kernel time, followed by the page cache's
# writeback on whichever cores are free, i.e. during the next timed run: that measures the disk
# and penalises whichever configuration runs next, not the runner. After the rounds one run of
# each writes to a file (its time printed apart) and every -j 2 output must equal -j 1's.
extra_args() {  # extra_args STREAM: sets `extra` to the stream's flags
  extra=()
  [[ $1 == mixed ]] && extra=(--backrefs)
  return 0
}
for ((r = 1; r <= rounds; r++)); do
  for s in tiny mixed heavy; do
    extra_args "$s"
    run "$s-j1" "$s" /dev/null "$clvm" run --batch -j 1 "${extra[@]}"
    run "$s-j2" "$s" /dev/null "$clvm" run --batch -j 2 "${extra[@]}"
    if [[ -n $native ]]; then
      run "$s-native" "$s" /dev/null "$native" "${extra[@]}"
    fi
  done
done
for s in tiny mixed heavy; do
  extra_args "$s"
  run "$s-j1-file" "$s" "$dir/$s-j1.out" "$clvm" run --batch -j 1 "${extra[@]}"
  run "$s-j2-file" "$s" "$dir/$s-j2.out" "$clvm" run --batch -j 2 "${extra[@]}"
  cmp -s "$dir/$s-j1.out" "$dir/$s-j2.out" || { echo "DIFFERENT: $s -j 2 vs -j 1" >&2; exit 1; }
  rm -f "$dir/$s-j1.out" "$dir/$s-j2.out"
done
echo "answers: -j 2 byte-identical to -j 1 on all three streams"
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo
echo "## clvm run --batch: median wall seconds over $rounds interleaved rounds"
echo "| stream | lines | -j 1 | -j 2 | -j 2 speed-up | -j 1 lines/s |${native:+ native clvmr-batch | -j 1 vs native |}"
echo "|---|---:|---:|---:|---:|---:|${native:+---:|---:|}"
for s in tiny mixed heavy; do
  lines=$(wc -l < "$dir/$s.txt")
  j1=$(echo "${times[$s-j1]}" | median)
  j2=$(echo "${times[$s-j2]}" | median)
  row="| $s | $lines | $j1 | $j2 | $(div "$j1" "$j2")x | $(awk -v a="$lines" -v b="$j1" 'BEGIN { printf "%.0f", a / b }') |"
  if [[ -n $native ]]; then
    nat=$(echo "${times[$s-native]}" | median)
    row+=" $nat | $(div "$nat" "$j1")x |"
  fi
  echo "$row"
done
echo
echo "## the same, one run each with the output written to a file ($dir), after the rounds"
echo "| stream | -j 1 | -j 2 | -j 2 speed-up |"
echo "|---|---:|---:|---:|"
for s in tiny mixed heavy; do
  j1=${times[$s-j1-file]% } j2=${times[$s-j2-file]% }
  echo "| $s | $j1 | $j2 | $(div "$j1" "$j2")x |"
done
if [[ $skip_lib == 0 ]]; then
  echo
  build/release/bench/clvm_batch_bench --rounds "$rounds" --tiny 2000000 --heavy "$heavy"
fi
