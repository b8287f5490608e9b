# Installs headers, libraries and the `clvmpp` CMake package:
#   find_package(clvmpp CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE clvm::runtime)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CLVMPP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/clvmpp)

get_property(clvmpp_targets GLOBAL PROPERTY CLVMPP_EXPORTED_TARGETS)
get_property(clvmpp_modules GLOBAL PROPERTY CLVMPP_EXTRA_CMAKE_MODULES)
install(TARGETS ${clvmpp_targets}
  EXPORT clvmppTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT clvmppTargets NAMESPACE clvm:: DESTINATION ${CLVMPP_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/clvmppConfig.cmake.in
  ${PROJECT_BINARY_DIR}/clvmppConfig.cmake INSTALL_DESTINATION ${CLVMPP_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/clvmppConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/clvmppConfig.cmake ${PROJECT_BINARY_DIR}/clvmppConfigVersion.cmake
  ${clvmpp_modules}
  DESTINATION ${CLVMPP_CMAKE_DIR})
