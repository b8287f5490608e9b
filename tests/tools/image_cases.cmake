# `clvm save`, `load` and `dump --image`: the image cycle and hostile images. Included by
# CMakeLists.txt (tools_case is defined there).

set(tools_image ${CMAKE_CURRENT_BINARY_DIR}/saved.img)
tools_case(image_save ARGS save -o ${tools_image} --names puzzle,solution "(q . \"hello world\")"
  "(2 3 0x0102030405)" EXPECT "")
tools_case(image_load ARGS load ${tools_image}
  EXPECT "puzzle: (q . \"hello world\")\nsolution: (a 3 0x0102030405)")
set_tests_properties(tools_image_load PROPERTIES DEPENDS tools_image_save)
tools_case(image_load_committed ARGS load ${tools_data}/input/two.img
  EXPECT "puzzle: (q . \"hello world\")\nsolution: (a 3 0x0102030405)")
tools_case(image_dump ARGS dump --image ${tools_data}/input/two.img --sections roots,pairs
  EXPECT "root puzzle = pair:0\nroot solution = pair:3\npairs [0, 4) of 4 (index: first → rest)\n         0: small:1 → bytes:0\n         1: bytes:1 → nil\n         2: small:3 → pair:1\n         3: small:2 → pair:2")
tools_bad_input(image_truncated "not a valid arena image: truncated" ARGS load ${tools_data}/input/truncated.img)
tools_bad_input(image_corrupted "not a valid arena image: checksum mismatch"
  ARGS load ${tools_data}/input/corrupted.img)
tools_bad_input(image_cyclic "pair 0 refers to an invalid node" ARGS load ${tools_data}/input/cyclic.img)
tools_bad_input(image_atom_outside "atom 0 lies outside the heap"
  ARGS load ${tools_data}/input/atom_outside.img)
tools_bad_input(image_not_an_image "not a valid arena image: bad magic"
  ARGS load ${tools_data}/../bench/programs/factorial.hex)
tools_bad_input(image_names_mismatch "--names: 1 names for 2 programs"
  ARGS save -o ${CMAKE_CURRENT_BINARY_DIR}/unused.img --names a "()" "()")
