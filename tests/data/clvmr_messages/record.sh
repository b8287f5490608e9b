#!/usr/bin/env bash
# record.sh NATIVE_CLVMR_BATCH — rewrites table.txt: the cases of gen_cases.js with native clvmr
# 0.19's answers (README.md). A case whose native answer is the BLS/secp stub takes its answer from
# source_answers.txt (by label) instead, marked `source`. Needs node.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$1
cases=$(mktemp) answers=$(mktemp)
trap 'rm -f "$cases" "$answers"' EXIT
node "$here/gen_cases.js" >"$cases"
"$native" <"$cases" >"$answers"
paste -d '\t' "$cases" "$answers" | awk -F '\t' -v src="$here/source_answers.txt" '
  BEGIN { while ((getline line < src) > 0) { split(line, f, "\t"); known[f[1]] = f[2] } }
  /^#/ { label = substr($1, 3); print $1; next }
  $2 ~ /clvmr-native stub/ {
    if (!(label in known)) { print "no source answer for: " label > "/dev/stderr"; exit 1 }
    printf "%s\t%s\tsource\n", $1, known[label]; next }
  { printf "%s\t%s\tnative\n", $1, $2 }' >"$here/table.txt"
echo "table.txt: $(grep -c 'native$' "$here/table.txt") native answers, $(grep -c 'source$' "$here/table.txt") from source"
