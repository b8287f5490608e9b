#!/usr/bin/env bash
# Runs every example of the `clvm` help texts, docs/cli.md and the README's CLI table, and checks
# what each one prints.
#   doc_examples.sh BIN_DIR SOURCE_DIR
# An example is a help line `  COMMAND  +prints EXPECTED` (or `  COMMAND  +description`), or a
# table row `| ... | \`COMMAND\` | EXPECTED |` of the documents. COMMAND runs in bash (clvm, brun,
# opc, opd from BIN_DIR) in a scratch folder holding the repository's examples/; it must exit 0.
# EXPECTED is split at ", then " and " and "; each piece (in the tables: each `quoted` piece) must
# be a whole line of the output, `…` / `...` matching anything; pieces starting with "the " or
# holding a backquote describe the output, pieces starting with "-" name options: those are not
# compared. Fails listing every mismatch.
set -u
bin=$1 src=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
ln -s "$src/examples" "$scratch/examples"
export PATH="$bin:$PATH"
cd "$scratch" || exit 1
failures=0 count=0

# Whether `piece` is a whole line of `out` (… and ... match anything).
has_line() {
  local out=$1 piece=$2 line pattern
  pattern=${piece//\\/\\\\}
  pattern=${pattern//\*/\\*}
  pattern=${pattern//\?/\\?}
  pattern=${pattern//\[/\\[}
  pattern=${pattern//…/*}
  pattern=${pattern//.../*}
  while IFS= read -r line; do
    # shellcheck disable=SC2053
    [[ $line == $pattern ]] && return 0
  done <<<"$out"
  return 1
}

check() {  # where command expected-pieces...
  local where=$1 cmd=$2
  shift 2
  count=$((count + 1))
  local out status
  out=$(bash -c "$cmd" 2>&1)
  status=$?
  if [[ $status -ne 0 ]]; then
    echo "FAIL ($where): \`$cmd\` exited $status:"$'\n'"$out"
    failures=$((failures + 1))
    return
  fi
  local piece
  for piece in "$@"; do
    [[ -z $piece || $piece == the\ * || $piece == -* || $piece == *\`* ]] && continue
    if ! has_line "$out" "$piece"; then
      echo "FAIL ($where): \`$cmd\` does not print the line '$piece'; it printed:"$'\n'"$out"
      failures=$((failures + 1))
    fi
  done
}

split_expected() {  # text -> pieces, one a line
  local t=$1
  t=${t//, then /$'\n'}
  t=${t// then /$'\n'}
  t=${t// and /$'\n'}
  printf '%s\n' "$t"
}

# 1. the help texts
for sub in run asm disasm serialize deserialize hash length dump save load demo; do
  while IFS= read -r line; do
    [[ $line =~ ^\ \ (echo\ |clvm\ |brun\ |opc\ |opd\ ) ]] || continue
    line=${line#  }
    cmd=${line%%  *} rest=
    [[ $cmd != "$line" ]] && rest=$(sed 's/^ *//' <<<"${line#"$cmd"}")
    pieces=()
    if [[ $rest == prints\ * ]]; then
      mapfile -t pieces < <(split_expected "${rest#prints }")
    fi
    check "clvm $sub --help" "$cmd" "${pieces[@]}"
  done < <(clvm "$sub" --help)
done

# 2. the tables of docs/cli.md and the README (a \| in a cell is a shell pipe)
for doc in docs/cli.md README.md; do
  while IFS= read -r row; do
    row=${row//\\|/$'\x01'}
    IFS='|' read -r _ _ cmd_cell expect_cell _ <<<"$row"
    [[ $cmd_cell =~ \`([^\`]+)\` ]] || continue
    cmd=${BASH_REMATCH[1]//$'\x01'/|}
    [[ $cmd =~ ^(echo|clvm|brun|opc|opd)\  ]] || continue
    pieces=()
    rest=$expect_cell
    while [[ $rest =~ \`([^\`]*)\`(.*)$ ]]; do
      pieces+=("${BASH_REMATCH[1]}")
      rest=${BASH_REMATCH[2]}
    done
    check "$doc" "$cmd" "${pieces[@]}"
  done < <(grep -E '^\| `[a-z -]+`' "$src/$doc")
done

# 3. prose in docs/cli.md: "`COMMAND` prints `X` and `Y`" (sentences may run over lines)
prose=$(tr '\n' ' ' <"$src/docs/cli.md")
while [[ $prose =~ \`((clvm|brun|opc|opd)\ [^\`]+)\`\ prints\ ((\`[^\`]*\`(,\ |\ and\ |\ then\ )?)+)(.*)$ ]]; do
  cmd=${BASH_REMATCH[1]} list=${BASH_REMATCH[3]} prose=${BASH_REMATCH[6]}
  pieces=()
  while [[ $list =~ \`([^\`]*)\`(.*)$ ]]; do
    pieces+=("${BASH_REMATCH[1]}")
    list=${BASH_REMATCH[2]}
  done
  check "docs/cli.md prose" "$cmd" "${pieces[@]}"
done

echo "$count examples, $failures failures"
[[ $failures -eq 0 ]]
