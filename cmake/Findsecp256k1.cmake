# Findsecp256k1: libsecp256k1 (bitcoin-core), e.g. Debian's libsecp256k1-dev.
# Defines the imported target secp256k1::secp256k1 and secp256k1_FOUND / secp256k1_VERSION.
# pkg-config (libsecp256k1.pc), when present, only supplies search hints and the version.
include(FindPackageHandleStandardArgs)
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_secp256k1 QUIET libsecp256k1)
endif()
find_path(secp256k1_INCLUDE_DIR secp256k1.h HINTS ${PC_secp256k1_INCLUDE_DIRS})
find_library(secp256k1_LIBRARY NAMES secp256k1 libsecp256k1 HINTS ${PC_secp256k1_LIBRARY_DIRS})
set(secp256k1_VERSION ${PC_secp256k1_VERSION})
find_package_handle_standard_args(secp256k1
  REQUIRED_VARS secp256k1_LIBRARY secp256k1_INCLUDE_DIR VERSION_VAR secp256k1_VERSION)
if(secp256k1_FOUND AND NOT TARGET secp256k1::secp256k1)
  add_library(secp256k1::secp256k1 UNKNOWN IMPORTED)
  set_target_properties(secp256k1::secp256k1 PROPERTIES IMPORTED_LOCATION ${secp256k1_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${secp256k1_INCLUDE_DIR})
endif()
mark_as_advanced(secp256k1_INCLUDE_DIR secp256k1_LIBRARY)
