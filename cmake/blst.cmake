# BLS12-381 for the runtime: blst 0.3.10.
#
# Debian does not package blst, so by default we build it from the genuine C/assembly sources that
# the npm package @chainsafe/blst@0.2.11 ships under package/blst. FetchContent downloads the
# registry's tarball once into the build tree (_deps/blst-src), checks it against the registry's
# sha512 integrity value (URL_HASH) before extracting it, and never downloads again on a
# re-configure. Offline builds point CLVMPP_BLST_TARBALL at a copy of the same tarball (verified
# just the same), or FETCHCONTENT_SOURCE_DIR_BLST at an extracted one.
#
# With CLVMPP_USE_SYSTEM_BLST=ON an installed blst (blst.h + libblst) is used instead, found by
# cmake/Findblst.cmake (FIND_PACKAGE_ARGS), and nothing is downloaded.
#
# Either way the result is the target `blst::blst`. The fetched build is the static library
# `clvm_blst` (installed and exported as clvm::blst, since the static runtime needs it at link time).
# The options are defined in the top-level CMakeLists.txt.
include_guard(GLOBAL)
include(FetchContent)

# The registry's `integrity` field for @chainsafe/blst@0.2.11 is
#   sha512-URyOLq5GtxBoxibOnd2pgLydCy0UZzbiIIBcsRAvGxAsRzjZL04TsQfwRkz5aphU3a1ebeRoMmI/HHyMCiFSQg==
# which base64-decodes to this hex digest (what URL_HASH takes):
set(clvmpp_blst_sha512
  "511c8e2eae46b71068c626ce9ddda980bc9d0b2d146736e220805cb1102f1b102c4738d92f4e13b107f0464cf96a9854ddad5e6de46832623f1c7c8c0a215242")
if(CLVMPP_BLST_TARBALL)
  set(clvmpp_blst_url ${CLVMPP_BLST_TARBALL})
else()
  set(clvmpp_blst_url https://registry.npmjs.org/@chainsafe/blst/-/blst-0.2.11.tgz)
endif()
if(CLVMPP_USE_SYSTEM_BLST)
  set(clvmpp_blst_find FIND_PACKAGE_ARGS MODULE REQUIRED)
else()
  set(clvmpp_blst_find "")
endif()
# The tarball has no CMakeLists.txt: MakeAvailable only downloads, verifies and extracts it (the
# top folder `package/` stripped); the library is defined below.
FetchContent_Declare(blst
  URL ${clvmpp_blst_url}
  URL_HASH SHA512=${clvmpp_blst_sha512}
  DOWNLOAD_DIR ${FETCHCONTENT_BASE_DIR}/blst-download
  DOWNLOAD_NAME chainsafe-blst-0.2.11.tgz
  DOWNLOAD_EXTRACT_TIMESTAMP TRUE
  ${clvmpp_blst_find})
FetchContent_MakeAvailable(blst)
if(CLVMPP_USE_SYSTEM_BLST)
  return()  # find_package(blst MODULE REQUIRED) defined blst::blst (or stopped the configure)
endif()
# The verified tarball, for nested configures (tests/install) that must not download it again.
if(CLVMPP_BLST_TARBALL)
  set_property(GLOBAL PROPERTY CLVMPP_BLST_TARBALL_FILE ${CLVMPP_BLST_TARBALL})
else()
  set_property(GLOBAL PROPERTY CLVMPP_BLST_TARBALL_FILE
    ${FETCHCONTENT_BASE_DIR}/blst-download/chainsafe-blst-0.2.11.tgz)
endif()
set(clvmpp_blst_src ${blst_SOURCE_DIR}/blst)

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
