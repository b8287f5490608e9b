# Tracing (`run --trace`, `brun -v`, `--trace ops`), error context and warnings. Included by
# CMakeLists.txt. The brun -v files are clvm_tools 0.9.5's own output (tests/data/tools/trace).
set(tools_trace ${tools_data}/trace)
file(READ ${tools_trace}/factorial.clvm tools_factorial)
string(STRIP "${tools_factorial}" tools_factorial)
tools_case(trace_brun_readme EXE brun ARGS -v "(+ 2 5)" "(10 20)"
  EXPECT_FILE ${tools_trace}/readme_example.txt)
tools_case(trace_brun_factorial EXE brun ARGS -v "${tools_factorial}" "(5)"
  EXPECT_FILE ${tools_trace}/factorial_5.txt)
tools_case(trace_brun_failure EXE brun ARGS -v "(+ (q . 1) (f 1))" 5 STATUS 1
  EXPECT_FILE ${tools_trace}/first_of_atom.txt)
# --trace: the same steps without brun's (a 2 3) wrapper
tools_case(trace_steps ARGS run --trace "(+ 2 5)" "(10 20)"
  EXPECT "30\n\n(+ 2 5) [(>s 20)] => 30\n\n5 [(>s 20)] => 20\n\n2 [(>s 20)] => 10\n")
tools_case(trace_ops ARGS run --trace ops "(+ (q . 1) (* 2 (q . 3)))" "(4)"
  EXPECT "13\n\n(* 4 3) => 12  [cost 999]\n(+ 1 12) => 13  [cost 755]")
tools_case(trace_ops_apply ARGS run --trace ops "(a (q . (+ 1 1)) (q . 4))"
  EXPECT "8\n\n(a (+ 1 1) 4) => …\n(+ 4 4) => 8  [cost 755]")
tools_case(trace_limit ARGS run --trace --trace-limit 1 "(+ 2 5)" "(10 20)"
  EXPECT "30\n\n(+ 2 5) [(>s 20)] => 30\n\n… trace cut after 1 lines: 2 more not shown (--trace-limit)")
tools_case(trace_node_chars ARGS run --trace --node-chars 3 "(q . (100 200 300))"
  EXPECT "(100 200 300)\n\n(q … (12 more bytes) [()] => (10… (10 more bytes)\n")
tools_case(trace_no_keywords EXE brun ARGS -n "(q . (+ 1 2))" EXPECT "(16 1 2)")

# errors with context: the first line stays clvmr's message
tools_case(error_cost_context ARGS run -m 100 "(+ (q . 1) (q . 2))" STATUS 1
  EXPECT "FAIL: cost exceeded\n  limit 100, exceeded inside an operator (cost before it 41)\n  failing operator call: (+ 1 2)")
tools_case(error_cost_after_op ARGS run -m 795 "(+ (q . 1) (q . 2))" STATUS 1
  EXPECT "FAIL: cost exceeded\n  limit 795, exceeded at cost 796 after an operator that cost 755\n  last operator call: (+ 1 2)\n  last step: (q . 1) [()]")
tools_case(error_verbose ARGS run --verbose-errors "(+ (q . 1) (f (q . 5)))" STATUS 1
  EXPECT "FAIL: first of non-cons 5\n  failing operator call: (f 5)")
tools_case(error_verbose_path ARGS run --verbose-errors "(+ (q . 1) 4)" 5 STATUS 1
  EXPECT "FAIL: path into atom 5\n  last step: 4 [5]")
tools_case(error_not_verbose ARGS run "(+ (q . 1) (f (q . 5)))" STATUS 1
  EXPECT "FAIL: first of non-cons 5")

# warnings: on stderr, once, silenced by --quiet
tools_case(warn_keccak_disabled ARGS run "(keccak256 (q . 1))" EXPECT "()"
  STDERR_REGEX "^clvm: warning: operator keccak256 \\(62\\) is disabled without --keccak: it ran as an unknown operator[^\n]*\n$")
tools_case(warn_typo_once ARGS run "(c (fo (q . 1)) (fo (q . 2)))" EXPECT "(())"
  STDERR_REGEX "^clvm: warning: operator \"fo\" \\(26223\\) is not defined[^\n]*\n$")
tools_case(warn_quiet ARGS run -q "(fo (q . 1))" EXPECT "()" STDERR_REGEX "^$")
tools_case(warn_strict ARGS run --strict "(fo (q . 1))" STATUS 1 EXPECT "FAIL: unimplemented operator 26223")
tools_case(warn_classic_keyword EXE opc ARGS "(coinid 1 2)" EXPECT "ff86636f696e6964ff01ff0280"
  STDERR_REGEX "^clvm: warning: text: `coinid` is not a clvm_tools keyword, so it was read as the string \"coinid\"[^\n]*\n$")
tools_case(warn_trailing_bytes ARGS run -x ff01ff6480ff STDERR_REGEX "program: 1 bytes after the serialized object ignored\n$"
  EXPECT "(100)")
tools_case(warn_trailing_quiet ARGS run -q -x ff01ff6480ff STDERR_REGEX "^$" EXPECT "(100)")
tools_case(cost_offset EXE brun ARGS -c --cost-offset "(+ 2 5)" "(10 20)" EXPECT "cost = 865\n30")
tools_case(cost_no_offset EXE brun ARGS -c "(+ 2 5)" "(10 20)" EXPECT "cost = 856\n30")
# --quiet runs the plain evaluator; a cost failure is run again, watched, for the same context
tools_case(error_cost_context_quiet ARGS run -q -m 795 "(+ (q . 1) (q . 2))" STATUS 1
  EXPECT "FAIL: cost exceeded\n  limit 795, exceeded at cost 796 after an operator that cost 755\n  last operator call: (+ 1 2)\n  last step: (q . 1) [()]")
# unknown-operator warnings follow the softfork guard the operator runs in: keccak256 is defined
# inside extension 1 (no warning), not inside extension 0 nor after the guard ends (a warning);
# the specified costs are exact (guard 140 + the program's cost)
tools_case(warn_keccak_in_softfork_1 ARGS run
  "(softfork (q . 697) (q . 1) (q . (keccak256 (q . \"abc\"))) (q . ()))" EXPECT "()" STDERR_REGEX "^$")
tools_case(warn_keccak_in_softfork_0 ARGS run
  "(softfork (q . 162) (q . 0) (q . (keccak256 (q . \"abc\"))) (q . ()))" EXPECT "()"
  STDERR_REGEX "^clvm: warning: operator keccak256 \\(62\\) is disabled without --keccak[^\n]*\n$")
tools_case(warn_keccak_after_softfork ARGS run
  "(c (keccak256 (q . 1)) (softfork (q . 697) (q . 1) (q . (keccak256 (q . \"abc\"))) (q . ())))"
  EXPECT "(())" STDERR_REGEX "^clvm: warning: operator keccak256 \\(62\\) is disabled without --keccak[^\n]*\n$")
tools_case(warn_typo_in_softfork_1 ARGS run "(softfork (q . 44245) (q . 1) (q . (fo (q . \"abc\"))) (q . ()))"
  EXPECT "()" STDERR_REGEX "^clvm: warning: operator \"fo\" \\(26223\\) is not defined[^\n]*\n$")
tools_case(warn_keccak_enabled ARGS run --keccak "(keccak256 (q . 1))" STDERR_REGEX "^$"
  EXPECT "0x5fe7f977e71dba2ea1a68e21057beebb9be2ac30c6410aa38d4f3fbe41dcffd2")
