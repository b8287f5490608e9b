# SPDX-License-Identifier: Apache-2.0
"""The seven heavy benchmark programs (label `slow`), as test_bench_programs checks the others.
Under AddressSanitizer the five loops (each ~1 s of evaluation, many times that sanitized) are
left to the plain pass; the C++ suite checks their costs in both passes."""

import unittest

import test_bench_programs
from support import SLOW_PROGRAMS, sanitized


class SlowBenchPrograms(test_bench_programs.BenchPrograms):
    names = [n for n in SLOW_PROGRAMS if not (sanitized() and n.startswith("loop_"))]
    program_run = {"point-pow"}

    @unittest.skipUnless(sanitized(), "only sanitized runs leave programs out")
    def test_loops_left_to_the_plain_pass(self):
        self.skipTest("sanitized run: loop_add, loop_sub, loop_ior, loop_xor, loop_not are run by "
                      "the plain pass only")


del test_bench_programs.BenchPrograms  # run only the heavy ones here

if __name__ == "__main__":
    unittest.main()
