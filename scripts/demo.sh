#!/usr/bin/env bash
# demo.sh — install what is missing, build the `clvm` tool, and run it on the bundled example (the
# standard transaction puzzle with a solution: its conditions, cost and arena summary).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { cmake --preset dev && cmake --build --preset dev --target clvm; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "demo: the build failed (output above)" >&2
  exit 1
fi
exec build/dev/tools/clvm demo "$@"
