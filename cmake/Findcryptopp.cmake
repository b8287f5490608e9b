# Findcryptopp: Crypto++ as Debian packages it (libcrypto++-dev: <crypto++/*.h>, libcrypto++), or
# the upstream layout (<cryptopp/*.h>, libcryptopp). Defines the imported target cryptopp::cryptopp
# whose include directory is the parent of crypto++/ (or cryptopp/), and cryptopp_FOUND /
# cryptopp_VERSION. pkg-config (libcrypto++.pc / libcryptopp.pc) only supplies hints and the version.
include(FindPackageHandleStandardArgs)
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_cryptopp QUIET libcrypto++)
  if(NOT PC_cryptopp_FOUND)
    pkg_check_modules(PC_cryptopp QUIET libcryptopp)
  endif()
endif()
find_path(cryptopp_INCLUDE_DIR crypto++/keccak.h HINTS ${PC_cryptopp_INCLUDE_DIRS})
find_library(cryptopp_LIBRARY NAMES crypto++ cryptopp HINTS ${PC_cryptopp_LIBRARY_DIRS})
set(cryptopp_VERSION ${PC_cryptopp_VERSION})
find_package_handle_standard_args(cryptopp
  REQUIRED_VARS cryptopp_LIBRARY cryptopp_INCLUDE_DIR VERSION_VAR cryptopp_VERSION)
if(cryptopp_FOUND AND NOT TARGET cryptopp::cryptopp)
  add_library(cryptopp::cryptopp UNKNOWN IMPORTED)
  set_target_properties(cryptopp::cryptopp PROPERTIES IMPORTED_LOCATION ${cryptopp_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${cryptopp_INCLUDE_DIR})
endif()
mark_as_advanced(cryptopp_INCLUDE_DIR cryptopp_LIBRARY)
