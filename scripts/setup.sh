#!/usr/bin/env bash
# setup.sh — install whatever build dependency is missing (Debian 12). Idempotent: when everything is
# present it only asks dpkg and returns in well under a second. Uses sudo when not root.
#   scripts/setup.sh         what the build and the tests need
#   scripts/setup.sh chart   also matplotlib, for scripts/perf_chart.py
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  clang-14 lld-14 libclang-rt-14-dev        # the fuzz and sanitizer builds
  libboost-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev librapidcheck-dev libcli11-dev
  libssl-dev libsecp256k1-dev libcrypto++-dev
  nodejs npm                               # the wasm peer (scripts/install_peer.sh; docs/oracles.md)
  clang-format-16 clang-tidy-16            # scripts/format.sh, scripts/lint.sh (.ci/run)
  pybind11-dev python3-dev                 # the clvmpp Python module (python/)
)
if [[ ${1:-} == chart ]]; then packages+=(python3 python3-matplotlib); fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ $status == installed ]] || missing+=("$p")
done
# Node may come from elsewhere than Debian (a node install on PATH is enough).
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs/}"); missing=("${missing[@]/npm/}")
fi
read -r -a missing <<<"${missing[*]}"
((${#missing[@]} == 0)) && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=""
if ((EUID != 0)); then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
