# Installs only the `python` component of BUILD_DIR into PREFIX, then imports the package from
# <PREFIX>/<INSTALL_DIR> with PYTHON and checks it is that copy that was imported.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
  --component python RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install --component python failed")
endif()
set(site ${PREFIX}/${INSTALL_DIR})
foreach(f __init__.py clvm_rs.py errors.py)
  if(NOT EXISTS ${site}/clvmpp/${f})
    message(FATAL_ERROR "missing ${site}/clvmpp/${f}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${site} ${PYTHON} -c
  "import clvmpp, sys; assert clvmpp.__file__.startswith(sys.argv[1]), clvmpp.__file__; from clvmpp import clvm_rs; print(clvmpp.__file__, clvm_rs.run_serialized_chia_program(bytes.fromhex('ff0101'), b'\\x80', 0, 0)[0])"
  ${site} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the installed package does not import")
endif()
