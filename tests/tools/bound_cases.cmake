# Bounded output: the 187-byte back-reference ladder (a tree of 2^60 leaves) through every
# subcommand that reads it, each under a time bound (30 s: generous for a loaded 2-core machine;
# each takes well under a second) and a memory bound (RLIMIT_DATA 1 GiB; printing the tree in full
# needs exabytes). Included by CMakeLists.txt.
set(tools_bomb ${tools_data}/input/bomb.hex)
set(tools_bounded ${CMAKE_CURRENT_SOURCE_DIR}/bounded_check.sh)
# AddressSanitizer maps terabytes of shadow memory at start-up, which no RLIMIT_DATA allows: its
# builds keep the time bound only (0 = no memory bound); the plain pass checks the memory bound.
set(tools_bounded_mib 1024)
if(CMAKE_CXX_FLAGS_DEBUG MATCHES "sanitize=address" OR CMAKE_CXX_FLAGS MATCHES "sanitize=address")
  set(tools_bounded_mib 0)
endif()
function(tools_bounded_case name status regex stdin)
  add_test(NAME tools_${name} COMMAND ${tools_bounded} 30 ${tools_bounded_mib} ${status} ${regex} ${stdin}
    $<TARGET_FILE:clvm> ${ARGN})
  set_tests_properties(tools_${name} PROPERTIES LABELS tools)
endfunction()
# The FAIL line names the node: at most 1,000 characters of it, then the marker.
tools_bounded_case(bomb_run 1
  "^FAIL: in the \\(\\(X\\)\\.\\.\\.\\) syntax, the inner list takes exactly 1 argument \\(+\"foobar\"[^\n]*… \\([0-9]+ more bytes\\)\n$"
  - run --backrefs -f ${tools_bomb})
tools_bounded_case(bomb_run_quoted 0 "^\\(+\"foobar\"[^\n]*… \\([0-9]+ more bytes\\)\n$"
  - run --backrefs --max-chars 5000 -f ${tools_data}/input/bomb_quoted.hex)
tools_bounded_case(bomb_hash 0 "^a98c2b7702fa1c959a77e805e8e5905ba822001f1a1ab83064f7a30b0c1e2b5d\n$"
  - hash -f ${tools_bomb})
tools_bounded_case(bomb_disasm 0 "^\\(+\"foobar\"[^\n]*… \\([0-9]+ more bytes\\)\n$"
  - disasm --backrefs --max-chars 1000 -f ${tools_bomb})
tools_bounded_case(bomb_deserialize 0 "^\\(+\"foobar\"[^\n]*… \\([0-9]+ more bytes\\)\n$"
  - deserialize -f ${tools_bomb})
tools_bounded_case(bomb_deserialize_classic 2 "^$" - deserialize --output classic -f ${tools_bomb})
tools_bounded_case(bomb_dump 0 "root program = pair:59  \\(+\"foobar\"[^\n]*… \\([0-9]+ more bytes\\)\n"
  - dump --backrefs --color never -f ${tools_bomb})
tools_bounded_case(bomb_dump_run 1 "root program = pair:59  \\(+" - dump --run --backrefs
  --color never -f ${tools_bomb})
tools_bounded_case(bomb_batch 0
  "^FAIL: in the \\(\\(X\\)\\.\\.\\.\\) syntax, the inner list takes exactly 1 argument\nFAIL: the tree is too large to print[^\n]*\n$"
  ${tools_data}/input/bomb_batch.txt run --batch --backrefs)
tools_bounded_case(bomb_trace 1 "\n\\(+\"foobar\"[^\n]*… \\([0-9]+ more bytes\\) \\[\\(\\)\\] => \\(didn't finish\\)\n"
  - run --backrefs --trace -f ${tools_bomb})
