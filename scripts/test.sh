#!/usr/bin/env bash
# test.sh [PRESET] — install what is missing, build, and run every test (default preset: dev).
#   scripts/test.sh          Debug build with assertions
#   scripts/test.sh asan     the same suite under AddressSanitizer + UndefinedBehaviorSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
# CI (CI=true) builds with -Werror; otherwise the dev preset.
if [[ ${CI:-} == true ]]; then default=ci; else default=dev; fi
preset=${1:-$default}
scripts/setup.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" ${CTEST_ARGS:-}
