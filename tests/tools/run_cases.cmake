# `clvm run`, `run --batch` and the brun alias. Included by CMakeLists.txt (tools_case is defined there).

tools_case(run_text ARGS run "(+ 2 5)" "(10 20)" EXPECT "30")
tools_case(run_default_env_nil ARGS run "(q . 7)" EXPECT "7")
tools_case(run_cost ARGS run -c -x ff10ff02ff0580 ff0aff1480 EXPECT "cost = 856\n30")
tools_case(run_output_hex ARGS run --output hex "(q 1 2)" EXPECT "ff01ff0280")
tools_case(run_dump_alias ARGS run -d "(q 1 2)" EXPECT "ff01ff0280")
tools_case(run_files ARGS run -c -f ${tools_data}/input/add.hex --env-file ${tools_data}/input/env.bin
  EXPECT "cost = 856\n30")
tools_case(run_text_file ARGS run -f ${tools_data}/input/cons.clvm "(7 8)"
  EXPECT "(\"hello world\" 7 8)")
tools_case(run_stdin ARGS run - "(10 20)" STDIN ${tools_data}/input/add.clvm EXPECT "30")
tools_case(run_backrefs ARGS run --backrefs -x ff01ffff0102fe02 EXPECT "((q . 2) 1 . 2)")
tools_case(run_example ARGS run -c -x -f ${tools_example}/puzzle.hex
  --env-file ${tools_example}/solution.hex EXPECT_FILE ${tools_data}/expected/run_example.txt)
tools_case(run_example_batch ARGS run --batch STDIN ${tools_data}/input/example_batch.txt
  EXPECT_FILE ${tools_example}/expected.txt)
tools_case(run_keywords_current ARGS run --keywords current "(q 51 1 2)" EXPECT "(g1_negate 1 2)")
tools_case(run_keywords_classic ARGS run "(q 51 1 2)" EXPECT "(51 1 2)")
tools_case(run_new_keyword_in ARGS run "(q . (coinid))" EXPECT "(48)")

# failures: FAIL on stdout, exit status 1
tools_case(run_fail_raise ARGS run "(x (q . 5))" STATUS 1 EXPECT "FAIL: clvm raise 5")
tools_case(run_fail_path ARGS run "(f 1)" 5 STATUS 1 EXPECT "FAIL: first of non-cons 5")
tools_case(run_fail_cost ARGS run -m 795 -x ff10ffff0101ffff010280 STATUS 1
  STDOUT_REGEX "^FAIL: cost exceeded\n  limit 795, ")
# --messages clvmr: clvmr 0.19's texts, in one-shot runs and in batch mode
tools_case(run_fail_clvmr_messages ARGS run --messages clvmr "(f 1)" 5 STATUS 1
  EXPECT "FAIL: InvalidOperatorArg: first of non-cons 5")
tools_case(run_fail_cost_clvmr_messages ARGS run --messages clvmr -m 795 -x ff10ffff0101ffff010280
  STATUS 1 EXPECT "FAIL: cost exceeded or below zero")
tools_case(run_batch_clvmr_messages ARGS run --batch --messages clvmr
  STDIN ${tools_data}/input/clvmr_messages_batch.txt
  EXPECT "FAIL: cost exceeded or below zero\nFAIL: bad encoding\nFAIL: Division by zero\n03 796")
tools_case(run_batch_our_messages ARGS run --batch STDIN ${tools_data}/input/clvmr_messages_batch.txt
  EXPECT "FAIL: cost exceeded\nFAIL: bad encoding: unexpected end of input\nFAIL: div with 0\n03 796")
tools_case(run_cost_exact ARGS run -c -m 796 -x ff10ffff0101ffff010280 EXPECT "cost = 796\n3")
tools_case(run_cost_unlimited ARGS run -c -m 0 -x ff10ffff0101ffff010280 EXPECT "cost = 796\n3")
tools_case(run_unknown_op_consensus ARGS run -c "(0x7f 1)" EXPECT "cost = 464\n()")
tools_case(run_unknown_op_mempool ARGS run --mempool "(0x7f 1)" STATUS 1
  EXPECT "FAIL: unimplemented operator 127")
tools_case(run_flags_number ARGS run --flags 0x2 "(0x7f 1)" STATUS 1
  EXPECT "FAIL: unimplemented operator 127")
tools_case(run_new_cost_model ARGS run -c --new-cost-model "(i (q . 1) (q . 2) (q . 3))"
  EXPECT "cost = 391\n2")
tools_case(run_legacy_cost_model ARGS run -c "(i (q . 1) (q . 2) (q . 3))" EXPECT "cost = 94\n2")
tools_case(run_time_stats ARGS run --time --stats "(+ 2 5)" "(10 20)" EXPECT "30"
  STDERR_REGEX "time: load [0-9.]+ ms, run [0-9.]+ ms, print [0-9.]+ ms\nstats: atoms [0-9]+ .*pairs [0-9]+ .*heap [0-9]+ bytes .*peak memory [0-9]+ KiB\n")

# bad input: one line naming the problem and where, exit status 2
tools_bad_input(run_bad_hex_char "program: invalid hex character 'z' at position 4" ARGS run -x ff0z)
tools_bad_input(run_odd_hex "odd number of hex digits \\(unpaired digit at position 5\\)"
  ARGS run -x ff010)
tools_bad_input(run_unbalanced "program: 1:1: " ARGS run "(+ 2 5")
tools_bad_input(run_unbalanced_file "unbalanced.clvm: 1:1: " ARGS run -f ${tools_data}/input/unbalanced.clvm)
tools_bad_input(run_stray_paren "program: 1:9: " ARGS run "(q . 1) )")
tools_bad_input(run_missing_file "cannot open file '/nonexistent/p.hex'" ARGS run -f /nonexistent/p.hex)
tools_bad_input(run_truncated "program: bad encoding" ARGS run -x ff01)
tools_bad_input(run_backref_without_flag "use --backrefs" ARGS run -x ff01ffff0102fe02)
tools_bad_input(run_no_program "no program given" ARGS run)
tools_bad_input(run_unknown_option "--bogus" ARGS run --bogus 1)
tools_bad_input(run_bad_flags "--flags: 'zz' is not a number" ARGS run --flags zz 1)
tools_bad_input(no_subcommand "subcommand is required" ARGS)

# run --batch
tools_case(batch_malformed ARGS run --batch STDIN ${tools_data}/batch/malformed.txt STATUS 2
  EXPECT_FILE ${tools_data}/expected/batch_malformed.txt)
tools_case(batch_default_max_cost ARGS run --batch -m 795 STDIN ${tools_data}/input/add_batch.txt
  EXPECT "FAIL: cost exceeded")

# the brun alias
tools_case(brun ARGS -c "(+ 2 5)" "(10 20)" EXE brun EXPECT "cost = 856\n30")
tools_case(brun_conditions ARGS "(q (51 0x00 1))" EXE brun EXPECT "((51 0x00 1))")

# a 1.5 MB generator (780,003 bytes) through run, then hash; a compressed one with its recorded cost
tools_case(run_large_generator ARGS run --output hex -f ${CLVMPP_TEST_DATA_DIR}/bench/programs/block-2000.hex
  PIPE hash -x - EXPECT_FILE ${CLVMPP_TEST_DATA_DIR}/bench/env/block-2000.result.sha256tree)
tools_case(run_compressed_generator_cost ARGS run -c --backrefs --enable-gc
  -f ${CLVMPP_TEST_DATA_DIR}/bench/programs/compressed-2000.hex
  --env-file ${CLVMPP_TEST_DATA_DIR}/bench/env/compressed-2000.env.hex
  STDOUT_REGEX "^cost = 1126516521\n\\(\\(\\(0x0+1 ")

# run --batch -j N: the same bytes and status as -j 1 (today's sequential run)
add_test(NAME tools_batch_jobs_identical COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:clvm>
  "-DCASES=${tools_data}/batch/cases.txt|${tools_data}/batch/malformed.txt|${tools_data}/input/example_batch.txt"
  -DJOBS=3 -P ${CMAKE_CURRENT_SOURCE_DIR}/batch_jobs_check.cmake)
set_tests_properties(tools_batch_jobs_identical PROPERTIES LABELS tools)
tools_case(batch_malformed_j2 ARGS run --batch -j 2 STDIN ${tools_data}/batch/malformed.txt STATUS 2
  EXPECT_FILE ${tools_data}/expected/batch_malformed.txt)
# --timeout: an endless program (a 1 1) stops with the non-consensus timeout; cheap lines do not
tools_case(batch_timeout ARGS run --batch -j 2 --timeout 0.05 STDIN ${tools_data}/input/timeout_batch.txt
  EXPECT "FAIL: timeout: the wall-clock deadline passed (not a consensus error)\n03 796")
tools_case(run_timeout ARGS run --timeout 0.05 -m 0 -x ff02ff01ff0180 ff02ff01ff0180 STATUS 1
  EXPECT "FAIL: timeout: the wall-clock deadline passed (not a consensus error)")
tools_bad_input(run_negative_timeout "--timeout" ARGS run --timeout -1 1)
# --huge-pages[=on|off]: advice only, the same answers; any other value is refused
tools_case(run_huge_pages ARGS run -c --huge-pages "(+ 2 5)" "(10 20)" EXPECT "cost = 856\n30")
tools_case(run_huge_pages_on ARGS run -c --huge-pages=on "(+ 2 5)" "(10 20)" EXPECT "cost = 856\n30")
tools_case(run_huge_pages_off ARGS run -c --huge-pages=off "(+ 2 5)" "(10 20)" EXPECT "cost = 856\n30")
tools_case(batch_huge_pages ARGS run --batch -j 2 --huge-pages=on STDIN ${tools_data}/input/example_batch.txt
  EXPECT_FILE ${tools_example}/expected.txt)
tools_bad_input(run_huge_pages_bad_value "--huge-pages" ARGS run --huge-pages=maybe 1)
tools_case(run_huge_pages_help ARGS run --help STDOUT_REGEX "--huge-pages.*default off")
# --max-line-bytes: an over-long line is skipped (not stored) with a bad-input answer, the batch goes on
add_test(NAME tools_batch_long_lines COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:clvm>
  -DWORK=${CMAKE_CURRENT_BINARY_DIR}/long_lines -P ${CMAKE_CURRENT_SOURCE_DIR}/batch_long_lines_check.cmake)
set_tests_properties(tools_batch_long_lines PROPERTIES LABELS tools)
tools_case(batch_line_limit_small ARGS run --batch --max-line-bytes 9 STDIN ${tools_data}/input/add_batch.txt
  STATUS 2 STDOUT_REGEX "^FAIL: bad input: line 1: longer than 9 bytes \\(--max-line-bytes\\); not read\n$")
tools_bad_input(batch_line_limit_zero "--max-line-bytes" ARGS run --batch --max-line-bytes 0)
