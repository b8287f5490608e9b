#!/usr/bin/env bash
# demo.sh — install what is missing, build the `clvm` tool, and run it on the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target clvm >/dev/null
exec build/dev/tools/clvm demo "$@"
