#!/usr/bin/env bash
# bench.sh [report args]   — build Release and print the performance report (bench/perf_report):
#                            run_program on the 20 benchmark programs, serialization and tree hash,
#                            beside clvm_rs 0.7.0 (wasm, installed from npm into build/peer) in the
#                            same run and the native clvmr reference; exits 1 on any cost mismatch.
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
exec build/release/bench/clvm_perf_report --node-path "$node_modules" "$@"
