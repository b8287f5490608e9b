#!/usr/bin/env bash
# bench.sh [benchmark args] — build bench/ in Release and run it (ratios to the baselines are printed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
for b in build/release/bench/*_bench; do
  echo "== $(basename "$b")"
  "$b" "$@"
done
