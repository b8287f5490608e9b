#!/usr/bin/env bash
# format.sh [--check] [FILE...] — the project's C++ formatting (.clang-format) with clang-format 16.
#   scripts/format.sh            reformat every tracked *.cpp / *.hpp in place
#   scripts/format.sh --check    change nothing; list the files that are not formatted and exit 1
#   scripts/format.sh [--check] FILE...   only these files
# clang-format 16 is the project's formatter (its RequiresClausePosition keeps concepts and
# requires-clauses readable; 14 glued `noexcept->` and `)&&(`). CLANG_FORMAT=path picks another
# binary; scripts/setup.sh installs clang-format-16.
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${CLANG_FORMAT:-clang-format-16}
check=false
if [[ ${1:-} == --check ]]; then
  check=true
  shift
fi
if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "format.sh: $clang_format not found (scripts/setup.sh installs clang-format-16)" >&2
  exit 2
fi
if (($# > 0)); then
  files=("$@")
else
  # Tracked sources only: build trees, fetched dependencies and generated files are not ours.
  mapfile -t files < <(git ls-files -- '*.cpp' '*.hpp')
fi
((${#files[@]} > 0)) || exit 0

if ! $check; then
  printf '%s\0' "${files[@]}" | xargs -0 -n 32 -P 2 "$clang_format" -i --style=file
  exit 0
fi

# --check: compare each file with what clang-format would make of it.
unformatted=()
for f in "${files[@]}"; do
  if ! "$clang_format" --style=file "$f" | cmp -s - "$f"; then unformatted+=("$f"); fi
done
if ((${#unformatted[@]} > 0)); then
  printf '%s\n' "${unformatted[@]}"
  echo "format.sh: ${#unformatted[@]} of ${#files[@]} files are not formatted" \
    "(scripts/format.sh fixes them)" >&2
  exit 1
fi
echo "format.sh: ${#files[@]} files formatted" >&2
