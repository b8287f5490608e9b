#!/usr/bin/env bash
# bench.sh [--native PATH | --no-native] [report args]
#                          — build Release and print the performance report (bench/perf_report):
#                            run_program on the 20 benchmark programs, serialization and tree hash,
#                            beside native clvmr 0.19 (the clvmr-bench executable PATH, interleaved
#                            with ours in the same run) and clvm_rs 0.7.0 (wasm, installed from npm
#                            into build/peer); exits 1 on any cost mismatch. Without --native, a
#                            machine-local clvmr-bench is used if present (docs/oracles.md: the
#                            native clvmr tools); without any, the report shows the fixed
#                            reference column (another processor).
# bench.sh micro [args]    — the Google Benchmark micro-benchmarks (bench/*_bench).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
if [[ ${1:-} == micro ]]; then
  shift
  cmake --build --preset release
  for b in build/release/bench/*_bench; do
    echo "== $(basename "$b")"
    "$b" "$@"
  done
  exit 0
fi
cmake --build --preset release --target clvm_perf_report
node_modules=$(scripts/install_peer.sh build/peer)
echo "# clvm++ performance report — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
native_args=()
if [[ " $* " != *" --native "* && " $* " != *" --no-native "* ]]; then
  for candidate in ../shared/peers/native/clvmr-bench /work/shared/peers/native/clvmr-bench; do
    if [[ -x $candidate ]]; then
      native_args=(--native "$(realpath "$candidate")")
      break
    fi
  done
fi
exec build/release/bench/clvm_perf_report --node-path "$node_modules" "${native_args[@]}" "$@"
