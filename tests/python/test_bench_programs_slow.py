# SPDX-License-Identifier: Apache-2.0
"""The seven heavy benchmark programs (label `slow`), as test_bench_programs checks the others."""

import unittest

import test_bench_programs
from support import SLOW_PROGRAMS


class SlowBenchPrograms(test_bench_programs.BenchPrograms):
    names = SLOW_PROGRAMS
    program_run = {"point-pow"}


del test_bench_programs.BenchPrograms  # run only the heavy ones here

if __name__ == "__main__":
    unittest.main()
