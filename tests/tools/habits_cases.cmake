# clvm_tools' habits: file names read as code, refused options, subcommand names, and the examples
# of the help texts and docs. Included by CMakeLists.txt.
tools_case(brun_file_names EXE brun ARGS ${tools_data}/input/add.clvm ${tools_data}/input/env.bin
  EXPECT "30")
tools_case(run_file_name_hex ARGS run ${tools_data}/input/add.hex "(10 20)" EXPECT "30")
tools_case(opc_file_name EXE opc ARGS ${tools_data}/input/cons.clvm
  EXPECT "ff04ffff018b68656c6c6f20776f726c64ff0180")
tools_case(opd_file_name EXE opd ARGS ${tools_data}/input/add.hex EXPECT "(+ 2 5)")
tools_case(dump_image_by_magic ARGS dump ${tools_data}/input/two.img --sections roots
  EXPECT "root puzzle = pair:0  (q . \"hello world\")\nroot solution = pair:3  (a 3 0x0102030405)")
tools_bad_input(load_not_image "add.clvm: not a valid arena image: wrong magic"
  ARGS load ${tools_data}/input/add.clvm)
tools_bad_input(max_cost_negative "--max-cost: '-5' is not a number" ARGS run -m -5 1)
tools_bad_input(max_cost_too_big "--max-cost: '18446744073709551616' does not fit in 64 bits"
  ARGS run -m 18446744073709551616 1)
tools_bad_input(batch_max_cost_too_big "--max-cost: '18446744073709551616' does not fit"
  ARGS run --batch -m 18446744073709551616)
tools_bad_input(flags_undefined_bit "--flags: 0x4000 has bits clvmr 0.19 does not define"
  ARGS run --flags 0x4000 1)
tools_bad_input(flags_bit_0x80 "--flags: 0x80 has bits" ARGS run --flags 128 1)
tools_bad_input(dump_flags_undefined_bit "--flags: 0x10000 has bits" ARGS dump --run --flags 0x10000 1)
tools_bad_input(save_duplicate_names "--names: 'a' is given twice"
  ARGS save -o ${CMAKE_CURRENT_BINARY_DIR}/unused.img --names a,a "()" "()")
tools_bad_input(unknown_subcommand "unknown subcommand 'frobnicate' \\(the subcommands: run, asm"
  ARGS frobnicate)
tools_bad_input(symbol_table_refused "--symbol-table: not supported" EXE brun ARGS -s t.sym "(q . 1)")
tools_bad_input(dump_diff_needs_run "dump --diff: needs --run" ARGS dump --diff "(q . 1)")

add_test(NAME tools_doc_examples COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/doc_examples.sh
  $<TARGET_FILE_DIR:clvm> ${PROJECT_SOURCE_DIR})
set_tests_properties(tools_doc_examples PROPERTIES LABELS tools)
