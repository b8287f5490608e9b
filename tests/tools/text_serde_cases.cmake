# `clvm asm`/`disasm` (and opc/opd), `serialize`/`deserialize`, `hash`, `length`. Included by
# CMakeLists.txt (tools_case is defined there).

tools_case(asm ARGS asm "(+ (q . 1) (q . 2))" EXPECT "ff10ffff0101ffff010280")
tools_case(asm_file ARGS asm -f ${tools_data}/input/cons.clvm
  EXPECT "ff04ffff018b68656c6c6f20776f726c64ff0180")
tools_case(asm_current_keyword ARGS asm "(coinid 1 2 3)" EXPECT "ff30ff01ff02ff0380")
tools_case(asm_classic_keyword ARGS asm --classic "(coinid 1 2 3)"
  EXPECT "ff86636f696e6964ff01ff02ff0380")
tools_case(asm_hash ARGS asm -H "(q . 1)"
  EXPECT "69ae360134b1fae04326e5546f25dc794a19192a1f22a44a46d038e7f0d1ecbb")
tools_case(opc ARGS "(coinid 1 2 3)" EXE opc EXPECT "ff86636f696e6964ff01ff02ff0380")
tools_case(disasm ARGS disasm ff10ffff0101ffff010280 EXPECT "(+ (q . 1) (q . 2))")
tools_case(disasm_current_keyword ARGS disasm ff30ff01ff02ff0380 EXPECT "(coinid 1 2 3)")
tools_case(opd ARGS ff30ff01ff02ff0380 EXE opd EXPECT "(48 1 2 3)")
tools_case(disasm_binary_file ARGS disasm -f ${tools_data}/input/env.bin EXPECT "(>s 20)")
tools_case(disasm_backrefs ARGS disasm --backrefs ffff0102fe02 EXPECT "((q . 2) 1 . 2)")
tools_case(asm_disasm_round_trip ARGS asm -f ${tools_data}/input/cons.clvm PIPE disasm -
  EXPECT "(c (q . \"hello world\") 1)")
tools_case(opc_opd_round_trip ARGS "(a (q . (51 0xcafef00d 0xcafe 1000)) 1)" EXE opc
  PIPE - PIPE_EXE opd EXPECT "(a (q 51 0xcafef00d -13570 1000) 1)")
tools_bad_input(asm_unbalanced "text: 1:1: " ARGS asm "(+ 1")
tools_bad_input(asm_empty "text: " ARGS asm " ")
tools_bad_input(disasm_bad_hex "hex: invalid hex character 'g' at position 3" ARGS disasm ffg0)
tools_bad_input(disasm_odd "hex: odd number of hex digits" ARGS disasm ff0)
tools_bad_input(disasm_truncated "hex: bad encoding" ARGS disasm ff01)

tools_case(serialize ARGS serialize "(\"foobar\" \"foobar\")" EXPECT "ff86666f6f626172ff86666f6f62617280")
tools_case(serialize_backrefs ARGS serialize --backrefs "(\"foobar\" \"foobar\")"
  EXPECT "ff86666f6f626172fe01")
tools_case(serialize_backrefs_hex ARGS serialize --format backrefs -x ffff0102ffff010280
  EXPECT "ffff0102fe01")
tools_case(serialize_2026 ARGS serialize --format 2026 "(\"A\")" EXPECT "fdff3230323601014103020001")
tools_case(deserialize ARGS deserialize ff86666f6f626172fe01 EXPECT "(\"foobar\" \"foobar\")")
tools_case(deserialize_to_classic ARGS deserialize --output classic ff86666f6f626172fe01
  EXPECT "ff86666f6f626172ff86666f6f62617280")
tools_case(deserialize_2026 ARGS deserialize fdff3230323601014103020001 EXPECT "(65)")
tools_case(serialize_deserialize_round_trip ARGS serialize --backrefs -f ${tools_data}/input/cons.clvm
  PIPE deserialize - EXPECT "(c (q . \"hello world\") 1)")
tools_case(serialize_binary_round_trip ARGS serialize --binary "(a b \"c\" (1 . 2))"
  PIPE deserialize -f - EXPECT "(a 98 99 (q . 2))")
tools_case(compress_decompress_example ARGS serialize --backrefs -x -f ${tools_example}/puzzle.hex
  PIPE deserialize --output classic - EXPECT_FILE ${tools_example}/puzzle.hex)
tools_bad_input(serialize_bad_format "--format" ARGS serialize --format zip "()")

tools_case(hash_nil ARGS hash "()"
  EXPECT "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a")
tools_case(hash_hex ARGS hash -x ff0101
  EXPECT "69ae360134b1fae04326e5546f25dc794a19192a1f22a44a46d038e7f0d1ecbb")
tools_case(hash_example ARGS hash -x -f ${tools_example}/puzzle.hex
  EXPECT "697caaadca0a0d6664c5f81611a4304448744eb70801fbf4516440e1df52487c")
tools_case(hash_backrefs_equal ARGS hash -x ffff0102fe02
  EXPECT "a453020daccf4fd11561ab432c92dda1d977ea3f5a16daff7d959a42a9f1d80b")

tools_case(length ARGS length ff0102ff0304 EXPECT "3")
tools_case(length_backrefs ARGS length ffff0102fe02 EXPECT "6")
tools_case(length_large_generator ARGS length -f ${CLVMPP_TEST_DATA_DIR}/bench/programs/block-2000.hex
  EXPECT "780003")
tools_bad_input(length_truncated "hex: bad encoding" ARGS length ff01)
tools_bad_input(length_bad_backref "invalid backreference" ARGS length ff01fe06)

# a 40-level back-reference ladder: 126 bytes standing for a 2^40-leaf tree
tools_case(disasm_decompression_bomb ARGS disasm --backrefs --max-chars 30
  -f ${tools_data}/input/ladder.hex
  STDOUT_REGEX "^\\(+… \\([0-9]+ more bytes\\)\n$"
  STDERR_REGEX "warning: the text was cut at 30 characters")
tools_case(hash_decompression_bomb ARGS hash -f ${tools_data}/input/ladder.hex
  EXPECT "62a978f4b8a892f32e841d7543572de74cf8c1ff10ff79b0b2ed54f440ab6e7c")
