# Findblst: an installed blst (supranational), used when CLVMPP_USE_SYSTEM_BLST=ON.
# Looks for blst.h (directly or under blst/) and libblst; defines the imported target blst::blst
# and blst_FOUND. The runtime needs blst 0.3.10's API (blst_p1_uncompress, blst_hash_to_g1, ...).
include(FindPackageHandleStandardArgs)
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_blst QUIET libblst)
endif()
find_path(blst_INCLUDE_DIR blst.h HINTS ${PC_blst_INCLUDE_DIRS} PATH_SUFFIXES blst)
find_library(blst_LIBRARY NAMES blst libblst HINTS ${PC_blst_LIBRARY_DIRS})
find_package_handle_standard_args(blst REQUIRED_VARS blst_LIBRARY blst_INCLUDE_DIR)
if(blst_FOUND AND NOT TARGET blst::blst)
  add_library(blst::blst UNKNOWN IMPORTED)
  set_target_properties(blst::blst PROPERTIES IMPORTED_LOCATION ${blst_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${blst_INCLUDE_DIR})
endif()
mark_as_advanced(blst_INCLUDE_DIR blst_LIBRARY)
