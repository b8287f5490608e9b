#!/usr/bin/env bash
# run.sh CLVM NODE_MODULES COUNT SEED WORKDIR — the differential run against clvm_rs 0.7.0:
# COUNT random programs (gen_cases.js, seed SEED) through `CLVM run --batch` and through clvm_rs,
# compared by compare.js; then every success again with max_cost = its cost and cost - 1, where
# both must agree too (clvm_rs succeeds at its cost and fails one below). Exits 1 on any difference.
set -euo pipefail
clvm=$1 node_modules=$2 count=$3 seed=$4 work=$5
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
export NODE_PATH=$node_modules

# wasm_answers.js stops at a wasm trap (exit 3) after printing it; resume after that line.
wasm_answers() {
  local cases=$1 out=$2 done=0 status
  : >"$out"
  while :; do
    status=0
    node "$here/wasm_answers.js" "$done" <"$cases" >>"$out" || status=$?
    done=$(wc -l <"$out")
    [[ $status == 3 ]] || break
    echo "clvm_rs trapped on case $done (recorded as TRAP)" >&2
  done
  return "$status"
}

check() {
  local name=$1
  wasm_answers "$work/$name.cases" "$work/$name.clvm_rs"
  "$clvm" run --batch <"$work/$name.cases" >"$work/$name.ours"
  node "$here/compare.js" "$work/$name.cases" "$work/$name.clvm_rs" "$work/$name.ours"
}

node "$here/gen_cases.js" "$count" "$seed" >"$work/random.cases"
status=0
check random || status=1
# The cost boundary: for each success, the same case with max_cost = cost and cost - 1.
paste -d' ' "$work/random.cases" "$work/random.clvm_rs" |
  awk '$5 != "FAIL:" && $6 > 1 { print $1, $2, $6, $4; printf "%s %s %.0f %s\n", $1, $2, $6 - 1, $4 }' \
    >"$work/boundary.cases"
check boundary || status=1
exit $status
