# SPDX-License-Identifier: Apache-2.0
"""The benchmark programs through the binding: cost and result tree hash equal the recorded ones
(tests/data/bench, the values the C++ suite checks), by run_serialized_chia_program and by
Program.run, and the two APIs agree on the result bytes. Heavy programs: test_bench_programs_slow."""

import unittest

from clvmpp import Program, clvm_rs
from support import ENABLE_GC, FAST_PROGRAMS, BenchProgram


class BenchPrograms(unittest.TestCase):
    names = FAST_PROGRAMS
    # Program.run is checked too where the program is cheap (the suite stays fast).
    program_run = {"count-even", "factorial", "hash-string", "hash-tree", "large-block",
                   "matrix-multiply", "substr", "block-2000"}

    def test_recorded_costs_and_results(self):
        for name in self.names:
            with self.subTest(program=name):
                b = BenchProgram(name)
                cost, node = clvm_rs.run_serialized_chia_program(b.program, b.env, b.max_cost,
                                                                  ENABLE_GC)
                self.assertEqual(cost, b.cost)
                result = Program.to(node)  # shares the LazyNode's arena: no copy
                self.assertEqual(result.tree_hash().hex(), b.result_hash)
                if name not in self.program_run:
                    continue
                cost2, result2 = Program.frombytes(b.program).run(
                    Program.frombytes(b.env), max_cost=b.max_cost, flags=ENABLE_GC)
                self.assertEqual(cost2, b.cost)
                self.assertEqual(result2, result)
                if result.listp() or len(result.atom) < 1_000_000:
                    self.assertEqual(bytes(result2), bytes(result))

    def test_one_below_the_cost_fails(self):
        b = BenchProgram("factorial")
        with self.assertRaises(ValueError):
            clvm_rs.run_serialized_chia_program(b.program, b.env, b.cost - 1, ENABLE_GC)
        self.assertEqual(clvm_rs.run_serialized_chia_program(b.program, b.env, b.cost, 0)[0], b.cost)


if __name__ == "__main__":
    unittest.main()
