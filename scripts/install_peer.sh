#!/usr/bin/env bash
# install_peer.sh [DIR] — install clvm_rs 0.7.0 (npm clvm_wasm, pinned by bench/peer/package-lock.json)
# into DIR (default build/peer) unless it is there already; prints DIR/node_modules. Used by the perf
# report (scripts/bench.sh) and the differential tests (tests/differential).
set -euo pipefail
src=$(cd "$(dirname "$0")/../bench/peer" && pwd)
dir=${1:-$(dirname "$0")/../build/peer}
if ! cmp -s "$src/package-lock.json" "$dir/package-lock.json" 2>/dev/null ||
  [[ ! -d $dir/node_modules/clvm_wasm ]]; then
  mkdir -p "$dir"
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
echo "$(cd "$dir" && pwd)/node_modules"
