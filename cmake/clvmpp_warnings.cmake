# clvmpp_target_warnings(target): the project's warning set, applied PRIVATE per target so that
# consumers of the installed package never inherit our flags.
function(clvmpp_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
    $<$<BOOL:${CLVMPP_WERROR}>:-Werror>)
endfunction()

# clvmpp_library(name EXPORT export_name TYPE LIBRARY|STATIC|INTERFACE DIR dir): a library target
# `clvm_<name>` aliased `clvm::<export_name>`, its public headers under DIR/include as a header file
# set, its sources the .cpp files under DIR/src (one concern per file; adding a file needs no CMake
# edit). LIBRARY is static or shared as BUILD_SHARED_LIBS says; a shared one gets the SONAME
# lib<output>.so.MAJOR.MINOR (the ABI may change with every minor version before 1.0, as the CMake
# package's SameMinorVersion compatibility says) and exports only the public API
# (cmake/clvmpp_exports.cmake).
function(clvmpp_library name)
  cmake_parse_arguments(ARG "" "EXPORT;TYPE;DIR" "" ${ARGN})
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${ARG_DIR}/include/*.hpp)
  set(target clvm_${name})
  if(ARG_TYPE STREQUAL "INTERFACE")
    add_library(${target} INTERFACE)
    target_sources(${target} INTERFACE FILE_SET HEADERS BASE_DIRS ${ARG_DIR}/include FILES ${headers})
    target_compile_features(${target} INTERFACE cxx_std_20)
  else()
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${ARG_DIR}/src/*.cpp ${ARG_DIR}/src/*.hpp)
    if(ARG_TYPE STREQUAL "LIBRARY")
      add_library(${target} ${sources})
    else()
      add_library(${target} ${ARG_TYPE} ${sources})
    endif()
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "SHARED_LIBRARY")
      set(map ${CLVMPP_EXPORTS_MAP})  # cmake/clvmpp_exports.cmake
      set_target_properties(${target} PROPERTIES VERSION ${PROJECT_VERSION}
        SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR} LINK_DEPENDS ${map})
      target_link_options(${target} PRIVATE "LINKER:--version-script=${map}" "LINKER:--no-undefined")
    endif()
    target_sources(${target} PUBLIC FILE_SET HEADERS BASE_DIRS ${ARG_DIR}/include FILES ${headers})
    target_include_directories(${target} PRIVATE ${ARG_DIR}/src)
    target_compile_features(${target} PUBLIC cxx_std_20)
    clvmpp_target_warnings(${target})
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  endif()
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${ARG_EXPORT} OUTPUT_NAME clvmpp_${name})
  add_library(clvm::${ARG_EXPORT} ALIAS ${target})
  set_property(GLOBAL APPEND PROPERTY CLVMPP_EXPORTED_TARGETS ${target})
endfunction()
