#!/usr/bin/env bash
# lint.sh [--preset NAME] [--all] [FILE...] — clang-tidy 16 with the checks of .clang-tidy, every
# warning an error (exit 1 if any). Uses build/<preset>/compile_commands.json (default preset: dev;
# configured here if missing). Two files at a time (-j 2, or LINT_JOBS=N).
#   scripts/lint.sh               the default scope (below)
#   scripts/lint.sh --all         every translation unit of the build, tests and benchmarks too
#   scripts/lint.sh FILE...       only these files (sources listed in the compile database)
#
# Scope and cost. clang-tidy parses each translation unit in full and runs its matchers over every
# header it includes, system ones too (it only hides their warnings), so it costs more than a Debug
# compile: on the reference machine (2 cores, Debian 12, clang-tidy 16) 10-20 s per library TU,
# about 57 s for a tool TU that includes CLI11 (performance-unnecessary-value-param alone spends
# ~30 s in CLI11's headers) and 40-60 s for a GoogleTest file. The default scope is every library,
# tool and Python-module source (allocators/src, runtime/src, tools/, python/src) and, because the
# traits library is header-only, one test that includes its umbrella header <clvm/traits.hpp>
# (tests/traits/traits_readme_example_test.cpp): every header of the four libraries is thus
# checked. The other tests (gtest-heavy, the slowest per file) stay out of CI's budget: `--all`
# runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
clang_tidy=${CLANG_TIDY:-clang-tidy-16}
jobs=${LINT_JOBS:-2}
preset=dev
all=false
files=()
while (($# > 0)); do
  case $1 in
    --preset) preset=$2; shift 2 ;;
    --all) all=true; shift ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
if ! command -v "$clang_tidy" >/dev/null 2>&1; then
  echo "lint.sh: $clang_tidy not found (scripts/setup.sh installs clang-tidy-16)" >&2
  exit 2
fi
build=build/$preset
# Configuring is enough: the generated headers (<clvm/version.hpp>, the tool's example data) and
# blst's sources are produced at configure time.
if [[ ! -f $build/compile_commands.json ]]; then
  cmake --preset "$preset" >/dev/null
fi

# The translation units the compile database knows, relative to the source tree.
root=$PWD
mapfile -t known < <(sed -n 's/^  "file": "\(.*\)",\{0,1\}$/\1/p' "$build/compile_commands.json" |
  sed "s|^$root/||" | sort -u)
if ((${#files[@]} == 0)); then
  for f in "${known[@]}"; do
    [[ $f == /* || $f == build/* ]] && continue  # generated or fetched: not ours
    if $all; then
      files+=("$f")
    else
      case $f in
        allocators/src/* | runtime/src/* | tools/* | python/src/*) files+=("$f") ;;
        tests/traits/traits_readme_example_test.cpp) files+=("$f") ;;
      esac
    fi
  done
fi
((${#files[@]} > 0)) || { echo "lint.sh: no files to check in $build" >&2; exit 2; }

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
# The tests' precompiled headers (tests/CMakeLists.txt: -Winvalid-pch -include .../cmake_pch.hxx,
# beside a GCC .gch that clang cannot read) are a build-time measure only: clang-tidy reads a copy
# of the compile database without them, so it parses each file as its own includes say. The
# GCC-only -Wno-stringop-* that go with them (clang does not know them) are dropped too.
mkdir "$log/db"
sed -E 's# -Winvalid-pch -include [^ ]*/cmake_pch\.hxx##g; s# -Wno-stringop-(overflow|overread)##g' \
  "$build/compile_commands.json" >"$log/db/compile_commands.json"
echo "lint.sh: $clang_tidy on ${#files[@]} files, $jobs at a time ($build)" >&2
start=$SECONDS
# One clang-tidy per file; each file's output is printed whole once it is done, so two parallel
# runs never interleave their lines. --warnings-as-errors='*' makes any warning fail the file.
db=$log/db
export clang_tidy db log
printf '%s\0' "${files[@]}" | xargs -0 -n 1 -P "$jobs" bash -c '
  f=$1 out=$log/$(echo "$1" | tr / _).txt
  if "$clang_tidy" -p "$db" --quiet --warnings-as-errors="*" "$f" >"$out" 2>&1; then
    rm -f "$out"
  else
    { echo "== $f"; grep -v "warnings\? generated\.$" "$out"; } >&2
  fi' _ || true
failed=$(find "$log" -name '*.txt' | wc -l)
echo "lint.sh: ${#files[@]} files in $((SECONDS - start)) s, $failed with findings" >&2
((failed == 0))
