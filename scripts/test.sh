#!/usr/bin/env bash
# test.sh [PRESET] — install what is missing, build, and run every test (default preset: dev).
#   scripts/test.sh          Debug build with assertions
#   scripts/test.sh asan     the suite under AddressSanitizer + UndefinedBehaviorSanitizer (its test
#                            preset leaves out the `install` label: packaging is the plain run's job)
set -euo pipefail
cd "$(dirname "$0")/.."
# CI (CI=true) builds with -Werror; otherwise the dev preset.
if [[ ${CI:-} == true ]]; then default=ci; else default=dev; fi
preset=${1:-$default}
scripts/setup.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
# Make the build tree's Python package importable by the user's python3 (as `pip install -e` would):
# a .pth file in its user site-packages names build/<preset>/python. Plain builds only: the
# sanitizer builds' module needs their runtime preloaded.
if [[ $preset == dev || $preset == ci ]] && [[ -d build/$preset/python/clvmpp ]] &&
  site=$(python3 -c 'import site; print(site.getusersitepackages())' 2>/dev/null); then
  mkdir -p "$site" && echo "$PWD/build/$preset/python" >"$site/clvmpp-build.pth" &&
    echo "test.sh: python3 imports clvmpp from build/$preset/python ($site/clvmpp-build.pth)" >&2
fi
ctest --preset "$preset" ${CTEST_ARGS:-}
