# Script mode: runs EXE with the shell-quoted arguments in ARGS_FILE and checks that its standard
# output equals EXPECTED_FILE (a ```console block of DOC) and that it exits with status 0.
cmake_minimum_required(VERSION 3.25)
file(READ ${ARGS_FILE} command)
file(READ ${EXPECTED_FILE} expected)
separate_arguments(args UNIX_COMMAND "${command}")
execute_process(COMMAND ${EXE} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${DOC}: `clvm ${command}` exited ${rc}\n${err}")
endif()
if(NOT out STREQUAL expected)
  file(WRITE ${EXPECTED_FILE}.actual "${out}")
  message(FATAL_ERROR "${DOC}: the output of `clvm ${command}` is not what the document shows:\n"
    "--- document\n${expected}--- actual\n${out}(diff ${EXPECTED_FILE} ${EXPECTED_FILE}.actual)")
endif()
