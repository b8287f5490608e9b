# Runs `clvm run --batch` on each of CASES (a list of files) with -j 1 and with -j JOBS and
# requires byte-identical output and the same exit status: the thread count never shows.
#   EXE, CASES (files separated by |), JOBS
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" case_files "${CASES}")
foreach(cases IN LISTS case_files)
  execute_process(COMMAND "${EXE}" run --batch -j 1 INPUT_FILE "${cases}"
    OUTPUT_VARIABLE one RESULT_VARIABLE one_status)
  execute_process(COMMAND "${EXE}" run --batch -j ${JOBS} INPUT_FILE "${cases}"
    OUTPUT_VARIABLE many RESULT_VARIABLE many_status)
  if(NOT one_status EQUAL many_status)
    message(FATAL_ERROR "${cases}: exit ${one_status} with -j 1, ${many_status} with -j ${JOBS}")
  endif()
  if(NOT one STREQUAL many)
    message(FATAL_ERROR "${cases}: -j ${JOBS} output differs from -j 1")
  endif()
  string(LENGTH "${one}" n)
  if(n EQUAL 0)
    message(FATAL_ERROR "${cases}: no output")
  endif()
endforeach()
