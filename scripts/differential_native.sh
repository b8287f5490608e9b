#!/usr/bin/env bash
# differential_native.sh --native PATH [options] — the differential run against a native clvmr
# 0.19 `clvmr-batch` (same line protocol as `clvm run --batch`): every case goes through both, and
# result bytes, cost and failure text (clvmr's, via `--messages clvmr`) must be identical. Then each
# success is run again with max_cost = its cost and cost - 1 (both must succeed at the cost and
# fail below it, for the same reason). Cases whose native answer contains `clvmr-native stub` (a
# native build without BLS/secp) are counted apart and not compared.
#
# Options:
#   --native PATH     the native clvmr-batch (required)
#   --clvm PATH       our `clvm` (default: build the dev preset's and use it)
#   --count N         cases per chunk from the generator (default 100000)
#   --chunks K        chunks, seeds SEED .. SEED+K-1 (default 1)
#   --seed S          first seed (default 1)
#   --mode M          tests/differential/gen_cases.js mode: clvmr (default; what clvm_rs 0.7
#                     never knew too) or classic (the 0.7 operator set, as the suite's own run);
#                     or backrefs: tests/differential/gen_backrefs.py's back-reference inputs,
#                     parsed by both with --backrefs
#   --cases FILE      compare FILE's lines instead of generating (repeatable)
#   --work DIR        scratch directory (default build/differential_native)
#   --keep            keep each chunk's case and answer files
# Prints one summary line per chunk and the totals; exits 1 if anything differs.
set -euo pipefail
cd "$(dirname "$0")/.."
native="" clvm="" count=100000 chunks=1 seed=1 mode=clvmr work=build/differential_native keep=0
case_files=()
while (($#)); do
  case $1 in
    --native) native=$2; shift 2 ;;
    --clvm) clvm=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --chunks) chunks=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --cases) case_files+=("$2"); shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "differential_native.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ -n $native && -x $native ]] || { echo "differential_native.sh: --native PATH to clvmr-batch is required" >&2; exit 2; }
[[ $mode == clvmr || $mode == classic || $mode == backrefs ]] ||
  { echo "differential_native.sh: --mode clvmr|classic|backrefs" >&2; exit 2; }
parse_flags=()
[[ $mode == backrefs ]] && parse_flags=(--backrefs)
if [[ -z $clvm ]]; then
  cmake --preset dev >/dev/null
  cmake --build --preset dev --target clvm >/dev/null
  clvm=build/dev/tools/clvm
fi
mkdir -p "$work"
diffs="$work/differences.txt"
: >"$diffs"

# compare CASES OURS NATIVE: prints "agree_ok agree_fail stub differ" and appends differences.
compare() {
  paste -d '\t' "$1" "$2" "$3" | awk -F '\t' -v out="$diffs" '
    $2 == "" && $3 == "" { next }  # blank and comment lines
    $3 ~ /clvmr-native stub/ { stub++; next }
    $2 == $3 { if ($2 ~ /^FAIL: /) fail++; else ok++; next }
    { differ++; if (shown++ < 50) printf "case: %s\n  ours:   %s\n  native: %s\n", $1, $2, $3 >> out }
    END { printf "%d %d %d %d\n", ok, fail, stub, differ }'
}

# run_both NAME: answers NAME.cases with both runtimes and compares.
run_both() {
  local name=$1
  "$clvm" run --batch --messages clvmr "${parse_flags[@]}" <"$work/$name.cases" >"$work/$name.ours" || true
  "$native" "${parse_flags[@]}" <"$work/$name.cases" >"$work/$name.native" || true
  compare "$work/$name.cases" "$work/$name.ours" "$work/$name.native"
}

total_cases=0 total_ok=0 total_fail=0 total_stub=0 total_differ=0
check_chunk() {  # check_chunk LABEL: $work/chunk.cases is filled
  local label=$1 r b
  r=$(run_both chunk)
  # The cost boundary of every success both agree on: max_cost = cost, and cost - 1.
  paste -d '\t' "$work/chunk.cases" "$work/chunk.native" "$work/chunk.ours" |
    awk -F '\t' '{ split($1, c, " "); split($2, r, " ") }
      $2 != "" && r[1] != "FAIL:" && $2 == $3 && r[2] > 1 {
        f = (c[4] == "" ? 0 : c[4]); print c[1], c[2], r[2], f; printf "%s %s %.0f %s\n", c[1], c[2], r[2] - 1, f }' \
      >"$work/boundary.cases"
  b=$(run_both boundary)
  local n nb
  n=$(grep -cv '^[[:space:]]*\(#\|$\)' "$work/chunk.cases" || true) nb=$(wc -l <"$work/boundary.cases")
  read -r ok fail stub differ <<<"$r"
  read -r bok bfail bstub bdiffer <<<"$b"
  echo "$label: $n cases ($ok ok, $fail failures agree, $stub native stub, $differ differ);" \
    "boundary $nb ($bok ok, $bfail failures agree, $bstub stub, $bdiffer differ)"
  total_cases=$((total_cases + n + nb)) total_ok=$((total_ok + ok + bok))
  total_fail=$((total_fail + fail + bfail)) total_stub=$((total_stub + stub + bstub))
  total_differ=$((total_differ + differ + bdiffer))
  if ((keep)); then
    for f in chunk.cases chunk.ours chunk.native; do mv "$work/$f" "$work/$label.$f"; done
  fi
}

gen_mode=()
[[ $mode == clvmr ]] && gen_mode=(clvmr)
if ((${#case_files[@]})); then
  for f in "${case_files[@]}"; do
    cp "$f" "$work/chunk.cases"
    check_chunk "$(basename "$f")"
  done
else
  for ((i = 0; i < chunks; i++)); do
    s=$((seed + i))
    if [[ $mode == backrefs ]]; then
      python3 tests/differential/gen_backrefs.py "$count" "$s" >"$work/chunk.cases"
    else
      node tests/differential/gen_cases.js "$count" "$s" "${gen_mode[@]}" >"$work/chunk.cases"
    fi
    check_chunk "seed $s ($mode)"
  done
fi
echo "total: $total_cases cases: $total_ok successes and $total_fail failures identical" \
  "(result, cost, clvmr text); $total_stub reach the native BLS/secp stub (not compared);" \
  "$total_differ differ"
if ((total_differ)); then
  echo "differences (first 50 per comparison) in $diffs:"
  head -60 "$diffs"
  exit 1
fi
