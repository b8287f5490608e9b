# Installs headers, libraries, the `clvmpp` CMake package and pkg-config files:
#   find_package(clvmpp CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE clvm::runtime)
#   pkg-config --cflags --libs clvmpp-runtime      (--static for the static libraries)
# Layout under the prefix: include/clvm/ (headers), <libdir>/libclvmpp_*.{a,so*},
# <libdir>/cmake/clvmpp/ (package), <libdir>/pkgconfig/clvmpp-*.pc, bin/clvm (+ brun opc opd).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CLVMPP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/clvmpp)
set(CLVMPP_PKGCONFIG_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

get_property(clvmpp_targets GLOBAL PROPERTY CLVMPP_EXPORTED_TARGETS)
get_property(clvmpp_modules GLOBAL PROPERTY CLVMPP_EXTRA_CMAKE_MODULES)
if(BUILD_SHARED_LIBS)
  # The bundled blst is linked into libclvmpp_runtime.so (and hidden there); consumers never see it.
  list(REMOVE_ITEM clvmpp_targets clvm_blst)
endif()
install(TARGETS ${clvmpp_targets}
  EXPORT clvmppTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT clvmppTargets NAMESPACE clvm:: DESTINATION ${CLVMPP_CMAKE_DIR})

set(CLVMPP_SHARED ${BUILD_SHARED_LIBS})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/clvmppConfig.cmake.in
  ${PROJECT_BINARY_DIR}/clvmppConfig.cmake INSTALL_DESTINATION ${CLVMPP_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/clvmppConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/clvmppConfig.cmake ${PROJECT_BINARY_DIR}/clvmppConfigVersion.cmake
  ${clvmpp_modules}
  DESTINATION ${CLVMPP_CMAKE_DIR})

# pkg-config: relocatable (paths relative to the .pc file's directory).
file(RELATIVE_PATH CLVMPP_PC_PREFIX_REL /prefix/${CLVMPP_PKGCONFIG_DIR} /prefix)
string(REGEX REPLACE "/$" "" CLVMPP_PC_PREFIX_REL "${CLVMPP_PC_PREFIX_REL}")
if(BUILD_SHARED_LIBS)
  set(CLVMPP_PC_BLST_LIBS "")
elseif(CLVMPP_USE_SYSTEM_BLST)
  set(CLVMPP_PC_BLST_LIBS "-lblst")
else()
  set(CLVMPP_PC_BLST_LIBS "-L\${libdir} -lclvmpp_blst")
endif()
foreach(pc clvmpp-allocators clvmpp-runtime clvmpp-traits)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/${pc}.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/${pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/${pc}.pc DESTINATION ${CLVMPP_PKGCONFIG_DIR})
endforeach()
