# `clvm dump`, `clvm demo` and --help. Included by CMakeLists.txt (tools_case is defined there).

tools_case(dump_run ARGS dump --run
  "(c (q . \"hello world\") (c (q . 0x0102030405060708090a0b0c0d0e0f101112) 1))" "(7 8)"
  EXPECT_FILE ${tools_data}/expected/dump_run.txt)
tools_case(dump_json ARGS dump --json -x ff8568656c6c6fff8080
  EXPECT_FILE ${tools_data}/expected/dump_json.txt)
tools_case(dump_summary ARGS dump --summary "(q . 1)"
  EXPECT_FILE ${tools_data}/expected/dump_summary.txt)
# Atoms that share heap bytes (a concat onto the atom that ended the heap, a substr) are counted
# once in the reachable bytes: 16 stored, 16 reached, no garbage (not 31 reached and a wrapped
# garbage count).
tools_case(dump_shared_bytes ARGS dump --run --summary
  "(c (concat 2 2) (c (substr 2 (q . 1)) (c 2 ())))" "(\"abcdefgh\")"
  STDOUT_REGEX "16 stored \\+ 19 ghost.*reachable from the roots: 3 atoms, 20 pairs, 16 heap bytes; garbage: 0 atoms, 10 pairs, 0 heap bytes")
tools_case(dump_ranges ARGS dump --sections pairs,heap --pairs-range 1:3 --heap-range 16:
  "(q . (0x0102030405060708090a0b0c0d0e0f101112 \"hi there\"))"
  EXPECT_FILE ${tools_data}/expected/dump_ranges.txt)
tools_case(dump_no_color_in_pipe ARGS dump "\"hello\"" ANSI no)
tools_case(dump_color_always ARGS dump --color always "\"hello\"" ANSI yes
  STDOUT_REGEX "36m68")
tools_case(dump_fail ARGS dump --run "(x)" STATUS 1 STDERR_REGEX "^FAIL: clvm raise\n$"
  STDOUT_REGEX "root program = pair:0  \\(x\\)\n")
tools_bad_input(dump_bad_range "--heap-range: expected START:END" ARGS dump --heap-range 5 "()")
tools_bad_input(dump_bad_range_order "END is before START" ARGS dump --heap-range 5:1 "()")

tools_case(demo ARGS demo EXPECT_FILE ${tools_data}/expected/demo.txt)

foreach(cmd run asm disasm serialize deserialize hash length dump demo save load)
  tools_case(help_${cmd} ARGS ${cmd} --help STDOUT_REGEX "Example")
endforeach()
tools_case(help ARGS --help STDOUT_REGEX "Subcommands:")
tools_bad_input(dump_bad_section "unknown section 'heaps'" ARGS dump --sections summary,heaps "()")
