# Script mode: configures and builds the CMake project SRC in BUILD against the clvm++ installed in
# PREFIX (with compiler CXX, CXX_FLAGS and LINKER_FLAGS), runs BUILD/EXE in BUILD and checks its
# output against EXPECT_FILE.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/expect.cmake)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
    WORKING_DIRECTORY ${BUILD})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${BUILD})
file(MAKE_DIRECTORY ${BUILD})
run(${CMAKE_COMMAND} -S ${SRC} -B ${BUILD} -G Ninja -DCMAKE_PREFIX_PATH=${PREFIX}
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_CXX_COMPILER=${CXX} "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
run(${CMAKE_COMMAND} --build ${BUILD})
run(${BUILD}/${EXE})
expect_lines("${last_output}" ${EXPECT_FILE})
message(STATUS "${last_output}")
