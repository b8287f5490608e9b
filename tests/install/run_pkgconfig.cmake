# Script mode: builds the single-file program SRC with nothing but what pkg-config says about the
# clvm++ installed in PREFIX, runs it, and checks its output against EXPECT_FILE.
#   VARIANT static: `pkg-config --static` (the static libraries need the Requires.private and
#                   Libs.private entries: OpenSSL's libcrypto, libsecp256k1, Crypto++, blst);
#   VARIANT shared: plain `pkg-config --libs` (the shared libraries bring their own dependencies).
# Also checks that the three modules report the package's version.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/expect.cmake)
find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)

file(GLOB pcdirs ${PREFIX}/lib*/pkgconfig ${PREFIX}/lib/*/pkgconfig)
if(NOT pcdirs)
  message(FATAL_ERROR "no pkgconfig directory under ${PREFIX}")
endif()
# Only the installed files: the system's default search path stays (fmt, libcrypto, ...).
set(ENV{PKG_CONFIG_PATH} "${pcdirs}")
function(pkg out)
  execute_process(COMMAND ${PKG_CONFIG} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE o
    ERROR_VARIABLE e OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config ${ARGN} failed (${rc}): ${e}")
  endif()
  set(${out} "${o}" PARENT_SCOPE)
endfunction()

pkg(version --modversion clvmpp-runtime)
foreach(module clvmpp-allocators clvmpp-traits)
  pkg(v --modversion ${module})
  if(NOT v STREQUAL version)
    message(FATAL_ERROR "${module} is version ${v}, clvmpp-runtime ${version}")
  endif()
endforeach()
pkg(requires_private --print-requires-private clvmpp-runtime)
string(REPLACE "\n" ";" requires_private "${requires_private}")
foreach(dep libcrypto libsecp256k1 libcrypto++)
  if(NOT dep IN_LIST requires_private)
    message(FATAL_ERROR "clvmpp-runtime's Requires.private lacks ${dep}: ${requires_private}")
  endif()
endforeach()
set(flags_args --cflags --libs)
if(VARIANT STREQUAL "static")
  list(PREPEND flags_args --static)
endif()
pkg(flags ${flags_args} clvmpp-traits clvmpp-allocators)
separate_arguments(flags UNIX_COMMAND "${flags}")
separate_arguments(cxx_flags UNIX_COMMAND "${CXX_FLAGS} ${LINKER_FLAGS}")

file(REMOVE_RECURSE ${BUILD})
file(MAKE_DIRECTORY ${BUILD})
set(cmd ${CXX} -std=c++20 ${cxx_flags} "-DCONSUMER_PACKAGE_VERSION=\"${version}\"" ${SRC}
  -o ${BUILD}/consumer ${flags})
execute_process(COMMAND ${cmd} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling with pkg-config's flags failed (${rc}):\n${cmd}\n${out}\n${err}")
endif()
list(GET pcdirs 0 pcdir)
get_filename_component(libdir ${pcdir} DIRECTORY)
execute_process(COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${libdir} ${BUILD}/consumer
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer failed (${rc}):\n${out}\n${err}")
endif()
expect_lines("${out}" ${EXPECT_FILE})
message(STATUS "${cmd}\n${out}")
