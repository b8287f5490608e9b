# `clvm save`, `load` and `dump --image`: the image cycle and hostile images. Included by
# CMakeLists.txt (tools_case is defined there). The bad images in tests/data/tools/input are derived
# from two.img by tests/data/tools/make_images.py.

set(tools_image ${CMAKE_CURRENT_BINARY_DIR}/saved.img)
tools_case(image_save ARGS save -o ${tools_image} --names puzzle,solution "(q . \"hello world\")"
  "(2 3 0x0102030405)" EXPECT "")
tools_case(image_load ARGS load ${tools_image}
  EXPECT "puzzle: (q . \"hello world\")\nsolution: (a 3 0x0102030405)")
set_tests_properties(tools_image_load PROPERTIES DEPENDS tools_image_save)
tools_case(image_load_committed ARGS load ${tools_data}/input/two.img
  EXPECT "puzzle: (q . \"hello world\")\nsolution: (a 3 0x0102030405)")
tools_case(image_dump ARGS dump --image ${tools_data}/input/two.img --sections roots,pairs
  EXPECT "root puzzle = pair:0  (q . \"hello world\")\nroot solution = pair:3  (a 3 0x0102030405)\npairs [0, 4) of 4 (index: first → rest; (KEYWORD …) names what the pair calls if it is an operator call)\n         0: small:1 → bytes:0   (q …)\n         1: bytes:1 → nil\n         2: small:3 → pair:1   (i …)\n         3: small:2 → pair:2   (a …)")
# The image is read in place: atom indices and heap offsets are those of the saved arena.
tools_case(image_dump_atoms ARGS dump --image ${tools_data}/input/two.img --sections atoms,heap
  --color never EXPECT_FILE ${tools_data}/expected/image_dump_atoms.txt)
tools_case(image_dump_json ARGS dump --image ${tools_data}/input/two.img --json
  --sections roots,atoms EXPECT "{\"roots\":{\"puzzle\":\"pair:0\",\"solution\":\"pair:3\"},\"atoms\":[{\"index\":0,\"offset\":0,\"length\":11},{\"index\":1,\"offset\":11,\"length\":5}]}")
# Ghost counters (allocations clvmr counts but this arena optimised away) survive the image.
tools_case(image_ghosts ARGS dump --image ${tools_data}/input/ghosts.img --sections summary
  --color never EXPECT_FILE ${tools_data}/expected/image_ghosts.txt)

tools_bad_input(image_short "short.img: not a valid arena image: file is shorter than the header"
  ARGS load ${tools_data}/input/short.img)
tools_bad_input(image_truncated "truncated.img: not a valid arena image: size does not match the header"
  ARGS load ${tools_data}/input/truncated.img)
tools_bad_input(image_corrupted "corrupted.img: not a valid arena image: checksum mismatch"
  ARGS load ${tools_data}/input/corrupted.img)
tools_bad_input(image_cyclic "not a valid arena image: pair 0 refers to a node that is not before it"
  ARGS load ${tools_data}/input/cyclic.img)
tools_bad_input(image_atom_outside "not a valid arena image: atom 0 lies outside the heap"
  ARGS load ${tools_data}/input/atom_outside.img)
tools_bad_input(image_version "not a valid arena image: unsupported version 2"
  ARGS load ${tools_data}/input/version2.img)
tools_bad_input(image_not_an_image "factorial.hex: not a valid arena image: wrong magic"
  ARGS load ${tools_data}/../bench/programs/factorial.hex)
tools_bad_input(image_dump_hostile "cyclic.img: not a valid arena image: pair 0 refers"
  ARGS dump --image ${tools_data}/input/cyclic.img)
tools_bad_input(image_missing "cannot open arena image: .*no-such-file.img"
  ARGS load ${CMAKE_CURRENT_BINARY_DIR}/no-such-file.img)
tools_bad_input(image_directory "not a regular file" ARGS load ${CMAKE_CURRENT_BINARY_DIR})
tools_bad_input(image_unwritable "cannot write arena image: .*no-such-dir/x.img"
  ARGS save -o ${CMAKE_CURRENT_BINARY_DIR}/no-such-dir/x.img "()")
tools_bad_input(image_names_mismatch "--names: 1 names for 2 programs"
  ARGS save -o ${CMAKE_CURRENT_BINARY_DIR}/unused.img --names a "()" "()")

# A 40-level back-reference ladder (126 serialized bytes) saved as an image: a few pairs that stand
# for a tree with 2^40
# leaves. `load` and `dump` print the start of its text with the length of the rest.
file(READ ${tools_data}/input/ladder.hex tools_ladder_hex)
string(STRIP "${tools_ladder_hex}" tools_ladder_hex)
set(tools_ladder_image ${CMAKE_CURRENT_BINARY_DIR}/ladder.img)
tools_case(image_save_ladder ARGS save -o ${tools_ladder_image} --backrefs -x ${tools_ladder_hex}
  EXPECT "")
tools_case(image_load_ladder ARGS load --max-chars 20 ${tools_ladder_image}
  EXPECT "root0: ((((((((((((((((((((… (16492674416619 more bytes)")
tools_case(image_dump_ladder ARGS dump --image ${tools_ladder_image} --sections roots
  STDOUT_REGEX "^root root0 = pair:[0-9]+  \\(+0x0102030405[^\n]*… \\([0-9]+ more bytes\\)\n$")
set_tests_properties(tools_image_load_ladder tools_image_dump_ladder PROPERTIES
  DEPENDS tools_image_save_ladder)
