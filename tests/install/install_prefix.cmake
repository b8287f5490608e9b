# Script mode: fills PREFIX with an installed clvm++.
#   BUILD_DIR, PREFIX              without SHARED: `cmake --install BUILD_DIR --prefix PREFIX`
#   SHARED=ON, SOURCE_DIR, CXX, CC, BLST_TARBALL, USE_SYSTEM_BLST
#                                  configure SOURCE_DIR into BUILD_DIR with BUILD_SHARED_LIBS=ON and
#                                  only the libraries (no tools, tests or benchmarks; -O0, no debug
#                                  information: the cheapest build), build it, install it.
cmake_minimum_required(VERSION 3.25)
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

file(REMOVE_RECURSE ${PREFIX})
if(SHARED)
  set(blst)
  if(USE_SYSTEM_BLST)
    set(blst -DCLVMPP_USE_SYSTEM_BLST=ON)
  elseif(BLST_TARBALL)
    set(blst -DCLVMPP_BLST_TARBALL=${BLST_TARBALL})  # the verified copy: no second download
  endif()
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BUILD_DIR} -G Ninja -DBUILD_SHARED_LIBS=ON
    -DCLVMPP_BUILD_TESTS=OFF -DCLVMPP_BUILD_TOOLS=OFF -DCLVMPP_BUILD_BENCH=OFF
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DCMAKE_C_FLAGS_DEBUG=-O0
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_C_COMPILER=${CC} ${blst})
  run(${CMAKE_COMMAND} --build ${BUILD_DIR})
  set(BUILD_DIR ${BUILD_DIR})
endif()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX})
