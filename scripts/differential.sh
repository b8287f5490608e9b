#!/usr/bin/env bash
# differential.sh [COUNT] [SEED] — build `clvm` (dev preset), install clvm_rs 0.7.0 from npm, and
# compare COUNT random programs (default 100000, seed 1) between them (tests/differential/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target clvm
node_modules=$(scripts/install_peer.sh build/peer)
exec tests/differential/run.sh build/dev/tools/clvm "$node_modules" "${1:-100000}" "${2:-1}" \
  build/differential
