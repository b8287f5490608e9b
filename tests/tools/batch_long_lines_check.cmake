# `clvm run --batch --max-line-bytes N`: a line longer than N answers `FAIL: bad input: ...` without
# being stored and the batch goes on; lines up to N bytes (across the reader's 64 KiB chunks) are
# read whole. The input is generated here (about 1 MB); -j 1 and -j 2 must print the same.
#   EXE, WORK (a scratch directory)
cmake_minimum_required(VERSION 3.25)
set(max 200000)
set(nl "\n")
# `ff0180 80` ((q) on nil: `80 20`) padded with trailing spaces to exactly `length` bytes.
function(padded length out)
  string(LENGTH "ff0180 80" n)
  math(EXPR pad "${length} - ${n}")
  string(REPEAT " " ${pad} spaces)
  set(${out} "ff0180 80${spaces}" PARENT_SCOPE)
endfunction()
padded(65535 chunk_minus_one)   # fills the first chunk exactly, newline next
padded(65536 chunk)             # one byte into the second chunk
padded(${max} at_limit)
padded(200001 over_limit)
string(REPEAT "00" 150000 too_long)          # 300,000 bytes: stopped in the 4th chunk
string(REPEAT "00" 70000 big_atom)           # a 70,000-byte atom: 140,006 bytes of line
string(REPEAT "f" 250000 last_too_long)      # the last line, with no newline after it
set(input "ff10ffff0101ffff010280 80${nl}${too_long}${nl}ff0180 e11170${big_atom}${nl}")
string(APPEND input "${chunk_minus_one}${nl}${chunk}${nl}${at_limit}${nl}${over_limit}${nl}")
string(APPEND input "ff0180 80${nl}${last_too_long}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/long_lines.txt" "${input}")

set(too "longer than ${max} bytes (--max-line-bytes); not read")
set(expected "03 796\nFAIL: bad input: line 2: ${too}\n80 20\n80 20\n80 20\n80 20\n")
string(APPEND expected "FAIL: bad input: line 7: ${too}\n80 20\nFAIL: bad input: line 9: ${too}\n")
foreach(jobs 1 2)
  execute_process(COMMAND "${EXE}" run --batch -j ${jobs} --max-line-bytes ${max}
    INPUT_FILE "${WORK}/long_lines.txt" OUTPUT_VARIABLE out ERROR_VARIABLE err
    RESULT_VARIABLE status)
  if(NOT status EQUAL 2)
    message(FATAL_ERROR "-j ${jobs}: exit status ${status}, expected 2 (a malformed line)\n${err}")
  endif()
  if(NOT out STREQUAL expected)
    message(FATAL_ERROR "-j ${jobs}: stdout differs; expected:\n${expected}--- got:\n${out}")
  endif()
endforeach()

# With the default bound (64 MiB) no line of this input is too long (lines 2 and 9 are then
# malformed for what they hold, not for their length).
execute_process(COMMAND "${EXE}" run --batch INPUT_FILE "${WORK}/long_lines.txt"
  OUTPUT_VARIABLE out RESULT_VARIABLE status)
if(out MATCHES "max-line-bytes")
  message(FATAL_ERROR "the default bound refused a line under 64 MiB:\n${out}")
endif()
