# Script mode: checks the shared libraries installed in PREFIX (version VERSION):
#   - each has the SONAME lib<name>.so.MAJOR.MINOR and the file lib<name>.so.VERSION;
#   - its dynamic symbol table holds only the public API: names in namespace clvm (or their
#     typeinfo, vtables, thunks, guard variables, fmt formatters of clvm types), none from the
#     runtime's internal namespaces (cmake/clvmpp_exports.cmake), nothing of the bundled blst, the
#     standard library or fmt;
#   - and it does export the API (a few names that every user needs).
# Prints the number of exported symbols per library.
cmake_minimum_required(VERSION 3.25)
find_program(READELF readelf REQUIRED)
find_program(NM nm REQUIRED)
find_program(CXXFILT c++filt REQUIRED)
string(REGEX MATCH "^[0-9]+\\.[0-9]+" abi "${VERSION}")
set(private_namespaces crypto detail eval ops serde_detail text_detail tree_hash_detail)
list(JOIN private_namespaces "|" private_re)

foreach(name clvmpp_allocators clvmpp_runtime)
  file(GLOB lib ${PREFIX}/lib*/lib${name}.so.${VERSION} ${PREFIX}/lib/*/lib${name}.so.${VERSION})
  if(NOT lib)
    message(FATAL_ERROR "lib${name}.so.${VERSION} is not installed under ${PREFIX}")
  endif()
  execute_process(COMMAND ${READELF} -d ${lib} OUTPUT_VARIABLE dyn COMMAND_ERROR_IS_FATAL ANY)
  if(NOT dyn MATCHES "\\(SONAME\\)[^\n]*\\[lib${name}\\.so\\.${abi}\\]")
    message(FATAL_ERROR "${lib}: SONAME is not lib${name}.so.${abi}:\n${dyn}")
  endif()
  execute_process(COMMAND ${NM} -D --defined-only ${lib} COMMAND ${CXXFILT}
    OUTPUT_VARIABLE symbols COMMAND_ERROR_IS_FATAL ANY)
  string(REGEX REPLACE "\n$" "" symbols "${symbols}")
  string(REPLACE ";" "\\;" symbols "${symbols}")
  string(REPLACE "\n" ";" symbols "${symbols}")
  set(count 0)
  set(bad)
  foreach(line IN LISTS symbols)
    # "<address> <type> <name>"; skip the version definitions nm lists as absolute symbols
    if(NOT line MATCHES "^[0-9a-f]+ ([A-Za-z]) (.*)$")
      continue()
    endif()
    set(sym "${CMAKE_MATCH_2}")
    math(EXPR count "${count} + 1")
    string(REGEX REPLACE "^(typeinfo name for|typeinfo for|vtable for|VTT for|non-virtual thunk to|virtual thunk to|guard variable for) " "" base "${sym}")
    if(base MATCHES "^clvm::(${private_re})::" OR NOT (base MATCHES "^clvm::" OR
       base MATCHES "^fmt::[^ ]*formatter<clvm::"))
      list(APPEND bad "${sym}")
    endif()
  endforeach()
  if(bad)
    list(LENGTH bad nbad)
    list(JOIN bad "\n  " bad)
    message(FATAL_ERROR "${lib} exports ${nbad} symbols outside the public API:\n  ${bad}")
  endif()
  set(required)
  if(name STREQUAL "clvmpp_runtime")
    set(required "clvm::run_program(" "clvm::version()" "typeinfo for clvm::EvalError"
      "clvm::node_from_bytes(" "clvm::Allocator::Allocator(")
  else()
    set(required "clvm::mem::PageAllocator::" "clvm::mem::detail::DebugTable::")
  endif()
  list(JOIN symbols "\n" all)
  foreach(r IN LISTS required)
    string(FIND "${all}" "${r}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${lib} does not export ${r}")
    endif()
  endforeach()
  message(STATUS "lib${name}.so.${abi}: ${count} exported symbols, all public")
endforeach()
