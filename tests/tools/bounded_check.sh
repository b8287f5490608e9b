#!/usr/bin/env bash
# Runs one command under a time and a memory bound and checks its exit status and output.
#   bounded_check.sh SECONDS DATA_MIB STATUS STDOUT_REGEX STDIN_FILE|- COMMAND...
# The memory bound is RLIMIT_DATA (ulimit -d: the process's private writable memory; the arena's
# address-space reservation is not counted until it is used). STDOUT_REGEX is a bash (POSIX
# extended) regular expression in which \n stands for a newline. DATA_MIB 0: no memory bound. Exceeding either bound, another
# exit status, or stdout not matching fails the test.
set -u
seconds=$1 mib=$2 want_status=$3 regex=$4 input=$5
shift 5
[[ $input == - ]] && input=/dev/null
regex=${regex//\\n/$'\n'}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s%N)
if ((mib > 0)); then
  (ulimit -d $((mib * 1024)) && exec timeout "$seconds" "$@") <"$input" 2>"$tmp/err" >"$tmp/out"
else
  timeout "$seconds" "$@" <"$input" 2>"$tmp/err" >"$tmp/out"
fi
status=$?
ms=$((($(date +%s%N) - start) / 1000000))
out=$(cat "$tmp/out"; echo x)
out=${out%x}
echo "exit $status after $ms ms (bounds: ${seconds} s, ${mib} MiB); stdout: ${out:0:300}"
[[ -s $tmp/err ]] && echo "stderr: $(head -c 300 "$tmp/err")"
if [[ $status -eq 124 ]]; then echo "FAIL: timed out"; exit 1; fi
if [[ $status -ne $want_status ]]; then echo "FAIL: exit status $status, expected $want_status"; exit 1; fi
if ! [[ $out =~ $regex ]]; then echo "FAIL: stdout does not match: $regex"; exit 1; fi
echo ok
