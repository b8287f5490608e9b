# BLS12-381 for the runtime: blst 0.3.10.
#
# Debian does not package blst, so by default we build it from the genuine C/assembly sources that
# the npm package @chainsafe/blst@0.2.11 ships under package/blst. The tarball is fetched once with
# `npm pack` into the build tree, checked against the registry's sha512 integrity value and only
# then extracted; a re-configure reuses the verified tarball and never downloads again. Offline
# builds can point CLVMPP_BLST_TARBALL at a copy of the same tarball (it is verified just the same).
#
# With CLVMPP_USE_SYSTEM_BLST=ON an installed blst (blst.h + libblst) is used instead, through
# cmake/Findblst.cmake.
#
# Either way the result is the target `blst::blst`. The fetched build is the static library
# `clvm_blst` (installed and exported as clvm::blst, since the static runtime needs it at link time).
include_guard(GLOBAL)

option(CLVMPP_USE_SYSTEM_BLST "Use an installed blst instead of building blst 0.3.10 from npm" OFF)
option(CLVMPP_BLST_PORTABLE
  "Build blst without the ADX/BMI2 (mulx) code paths even when the build host has them" OFF)
set(CLVMPP_BLST_TARBALL "" CACHE FILEPATH
  "A local copy of the @chainsafe/blst@0.2.11 npm tarball (verified); empty means fetch with npm")

if(CLVMPP_USE_SYSTEM_BLST)
  find_package(blst REQUIRED)
  return()
endif()

set(clvmpp_blst_npm_spec "@chainsafe/blst@0.2.11")
# The registry's `integrity` field for that version ...
set(clvmpp_blst_integrity
  "sha512-URyOLq5GtxBoxibOnd2pgLydCy0UZzbiIIBcsRAvGxAsRzjZL04TsQfwRkz5aphU3a1ebeRoMmI/HHyMCiFSQg==")
# ... and the same digest base64-decoded to hex, which is what file(SHA512) produces.
set(clvmpp_blst_sha512
  "511c8e2eae46b71068c626ce9ddda980bc9d0b2d146736e220805cb1102f1b102c4738d92f4e13b107f0464cf96a9854ddad5e6de46832623f1c7c8c0a215242")

set(clvmpp_blst_dir ${CMAKE_BINARY_DIR}/_deps/blst)
set(clvmpp_blst_tgz ${clvmpp_blst_dir}/chainsafe-blst-0.2.11.tgz)
set(clvmpp_blst_src ${clvmpp_blst_dir}/package/blst)
set(clvmpp_blst_stamp ${clvmpp_blst_dir}/extracted.stamp)

# clvmpp_blst_digest_ok(<file> <out-var>): TRUE when <file> exists and has the expected sha512.
function(clvmpp_blst_digest_ok file out)
  set(ok FALSE)
  if(EXISTS ${file})
    file(SHA512 ${file} digest)
    if(digest STREQUAL clvmpp_blst_sha512)
      set(ok TRUE)
    endif()
  endif()
  set(${out} ${ok} PARENT_SCOPE)
endfunction()

clvmpp_blst_digest_ok(${clvmpp_blst_tgz} clvmpp_blst_cached)
if(NOT clvmpp_blst_cached)
  file(MAKE_DIRECTORY ${clvmpp_blst_dir})
  file(REMOVE ${clvmpp_blst_tgz} ${clvmpp_blst_stamp})
  if(CLVMPP_BLST_TARBALL)
    message(STATUS "blst: using ${CLVMPP_BLST_TARBALL}")
    file(COPY_FILE ${CLVMPP_BLST_TARBALL} ${clvmpp_blst_tgz})
  else()
    find_program(CLVMPP_NPM npm)
    if(NOT CLVMPP_NPM)
      message(FATAL_ERROR "blst: npm is needed to fetch ${clvmpp_blst_npm_spec} (or set "
        "CLVMPP_BLST_TARBALL to a local copy, or CLVMPP_USE_SYSTEM_BLST=ON)")
    endif()
    message(STATUS "blst: fetching ${clvmpp_blst_npm_spec} with npm pack")
    execute_process(
      COMMAND ${CLVMPP_NPM} pack ${clvmpp_blst_npm_spec} --pack-destination ${clvmpp_blst_dir}
        --silent
      WORKING_DIRECTORY ${clvmpp_blst_dir}
      RESULT_VARIABLE npm_result OUTPUT_VARIABLE npm_out ERROR_VARIABLE npm_err)
    if(NOT npm_result EQUAL 0 OR NOT EXISTS ${clvmpp_blst_tgz})
      message(FATAL_ERROR "blst: `npm pack ${clvmpp_blst_npm_spec}` failed (${npm_result}):\n"
        "${npm_out}${npm_err}")
    endif()
  endif()
  clvmpp_blst_digest_ok(${clvmpp_blst_tgz} clvmpp_blst_verified)
  if(NOT clvmpp_blst_verified)
    file(SHA512 ${clvmpp_blst_tgz} clvmpp_blst_actual)
    file(RENAME ${clvmpp_blst_tgz} ${clvmpp_blst_tgz}.rejected)
    message(FATAL_ERROR "blst: integrity check FAILED for ${clvmpp_blst_npm_spec}\n"
      "  expected ${clvmpp_blst_integrity}\n"
      "  (sha512 hex ${clvmpp_blst_sha512})\n"
      "  actual   sha512 hex ${clvmpp_blst_actual}\n"
      "The tarball was moved to ${clvmpp_blst_tgz}.rejected and is not used.")
  endif()
endif()

# Extract only the parts we build from; the stamp records which verified tarball they came from.
set(clvmpp_blst_stamp_text "${clvmpp_blst_sha512}")
set(clvmpp_blst_stamp_have "")
if(EXISTS ${clvmpp_blst_stamp})
  file(READ ${clvmpp_blst_stamp} clvmpp_blst_stamp_have)
endif()
if(NOT clvmpp_blst_stamp_have STREQUAL clvmpp_blst_stamp_text OR NOT EXISTS
   ${clvmpp_blst_src}/src/server.c)
  file(REMOVE_RECURSE ${clvmpp_blst_dir}/package)
  file(ARCHIVE_EXTRACT INPUT ${clvmpp_blst_tgz} DESTINATION ${clvmpp_blst_dir}
    PATTERNS package/blst/src package/blst/build package/blst/bindings/blst.h
      package/blst/bindings/blst_aux.h package/blst/LICENSE)
  file(WRITE ${clvmpp_blst_stamp} "${clvmpp_blst_stamp_text}")
endif()

# server.c #includes every other C file of the library; assembly.S picks the right .s files for
# the platform. That pair is blst's own "one translation unit" build (build.sh does the same).
add_library(clvm_blst STATIC ${clvmpp_blst_src}/src/server.c ${clvmpp_blst_src}/build/assembly.S)
# SYSTEM: blst's headers are not ours to keep warning-free (blst_aux.h has an empty extern "C" struct).
target_include_directories(clvm_blst SYSTEM PUBLIC
  $<BUILD_INTERFACE:${clvmpp_blst_src}/bindings>)
# blst's own flags (build.sh): -fno-builtin, PIC; always optimised, even in Debug trees, because
# the tests and the evaluator spend most of their BLS time here. Warnings are blst's business.
target_compile_options(clvm_blst PRIVATE -O2 -fno-builtin -w)
set_target_properties(clvm_blst PROPERTIES POSITION_INDEPENDENT_CODE ON EXPORT_NAME blst
  OUTPUT_NAME clvmpp_blst C_VISIBILITY_PRESET hidden)
# ADX (mulx/adcx/adox) code is ~25% faster; blst 0.3.10 has no run-time dispatch, so like its
# build.sh we enable it only when the machine doing the build has it, unless asked to stay portable.
if(NOT CLVMPP_BLST_PORTABLE AND NOT CMAKE_CROSSCOMPILING
   AND CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$" AND EXISTS /proc/cpuinfo)
  file(STRINGS /proc/cpuinfo clvmpp_cpu_flags REGEX "^flags.*[ \t]adx([ \t]|$)" LIMIT_COUNT 1)
  if(clvmpp_cpu_flags)
    target_compile_definitions(clvm_blst PRIVATE __ADX__)
  endif()
endif()
if(CLVMPP_BLST_PORTABLE)
  target_compile_definitions(clvm_blst PRIVATE __BLST_PORTABLE__)
endif()
add_library(blst::blst ALIAS clvm_blst)
set_property(GLOBAL APPEND PROPERTY CLVMPP_EXPORTED_TARGETS clvm_blst)
