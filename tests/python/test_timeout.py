# SPDX-License-Identifier: Apache-2.0
"""The ``timeout`` argument of Program.run, Program.run_with_cost and
clvm_rs.run_serialized_chia_program (clvm::RunOptions::deadline): a run past it raises
clvmpp.EvalTimeout, a TimeoutError and not a ValueError (no consensus verdict); a run that ends in
time answers exactly as without a timeout."""

import math
import time
import unittest

from clvmpp import EvalError, EvalTimeout, Program, clvm_rs

# A countdown: env (body n); each round costs a few hundred, so n rounds cost about 300 n.
BODY = Program.assemble(
    "(a (i 5 (q . (a 2 (c 2 (c (- 5 (q . 1)) ())))) (q . (q . 0))) 1)")
LOOP = Program.assemble("(a 2 1)")
FOREVER = 10**12  # rounds: hours of evaluation, far more without a limit (max_cost 0)


def loop_args(n: int):
    return [BODY, n]


class ProgramTimeout(unittest.TestCase):
    def test_long_loop_times_out(self):
        start = time.monotonic()
        with self.assertRaises(EvalTimeout) as caught:
            LOOP.run(loop_args(FOREVER), max_cost=0, timeout=0.05)
        elapsed = time.monotonic() - start
        self.assertEqual(
            caught.exception.message,
            "timeout: the wall-clock deadline passed (not a consensus error)")
        self.assertEqual(caught.exception.args, (caught.exception.message,))
        # A bound, not a timing: the deadline is looked at every 1,000,000 cost (well under a
        # second even in a Debug build on a loaded machine).
        self.assertLess(elapsed, 30)

    def test_timeout_is_not_a_consensus_failure(self):
        self.assertTrue(issubclass(EvalTimeout, TimeoutError))
        self.assertFalse(issubclass(EvalTimeout, ValueError))
        self.assertFalse(issubclass(EvalTimeout, EvalError))
        try:
            LOOP.run(loop_args(FOREVER), max_cost=0, timeout=0)
        except ValueError:
            self.fail("a timeout was raised as a ValueError (a consensus failure)")
        except EvalTimeout:
            pass
        else:
            self.fail("no timeout")

    def test_run_with_cost_times_out(self):
        with self.assertRaises(EvalTimeout):
            LOOP.run_with_cost(0, loop_args(FOREVER), timeout=0.01)

    def test_in_time_answers_as_without_timeout(self):
        # Over 1,000,000 cost, so the deadline is looked at, and far from a minute.
        expected = LOOP.run(loop_args(5000))
        self.assertGreater(expected[0], 1_000_000)
        self.assertEqual(LOOP.run(loop_args(5000), timeout=60), expected)
        self.assertEqual(LOOP.run_with_cost(11_000_000_000, loop_args(5000), timeout=60.0),
                         expected)
        self.assertEqual(expected[1], Program.to(0))

    def test_cheap_runs_are_never_interrupted(self):
        # Under 1,000,000 cost no check happens: even a deadline already passed lets it finish.
        self.assertEqual(Program.assemble("(+ 2 5)").run([10, 20], timeout=0),
                         (856, Program.to(30)))
        cost, result = LOOP.run(loop_args(100), timeout=0)
        self.assertLess(cost, 1_000_000)
        self.assertEqual(result, Program.to(0))

    def test_consensus_failures_stay_eval_errors(self):
        # A failure before the deadline is the program's answer, with or without a timeout.
        raise_five = Program.assemble("(x (q . 5))")
        with self.assertRaises(EvalError) as without:
            raise_five.run()
        with self.assertRaises(EvalError) as caught:
            raise_five.run(timeout=60)
        self.assertEqual(caught.exception.message, without.exception.message)
        self.assertEqual(caught.exception.node, without.exception.node)
        with self.assertRaises(EvalError) as caught:
            LOOP.run(loop_args(FOREVER), max_cost=2_000_000, timeout=60)
        self.assertIn("cost", caught.exception.message)

    def test_bad_timeouts_are_refused(self):
        for bad in (-1, -0.5, math.nan):
            with self.subTest(timeout=bad), self.assertRaises(ValueError):
                Program.assemble("(q . 1)").run(timeout=bad)
        with self.assertRaises(TypeError):
            Program.assemble("(q . 1)").run(timeout="1")
        # Huge is allowed (no overflow): it is a limit of about 31 years.
        self.assertEqual(Program.assemble("(q . 1)").run(timeout=1e300)[1], Program.to(1))

    def test_a_run_after_a_timeout_is_unaffected(self):
        with self.assertRaises(EvalTimeout):
            LOOP.run(loop_args(FOREVER), max_cost=0, timeout=0)
        self.assertEqual(LOOP.run(loop_args(100)), LOOP.run(loop_args(100), timeout=60))


class ClvmRsTimeout(unittest.TestCase):
    PROGRAM = bytes(LOOP)

    def test_long_loop_times_out(self):
        env = bytes(Program.to(loop_args(FOREVER)))
        with self.assertRaises(EvalTimeout) as caught:
            clvm_rs.run_serialized_chia_program(self.PROGRAM, env, 0, 0, timeout=0.05)
        self.assertNotIsInstance(caught.exception, ValueError)

    def test_in_time_answers_as_without_timeout(self):
        env = bytes(Program.to(loop_args(5000)))
        cost, node = clvm_rs.run_serialized_chia_program(self.PROGRAM, env, 0, 0)
        self.assertGreater(cost, 1_000_000)
        cost2, node2 = clvm_rs.run_serialized_chia_program(self.PROGRAM, env, 0, 0, timeout=60)
        self.assertEqual(cost2, cost)
        self.assertEqual(clvm_rs.ser_legacy(node2), clvm_rs.ser_legacy(node))
        # The failure of a program stays clvm_rs's ValueError(message, node).
        with self.assertRaises(ValueError) as caught:
            clvm_rs.run_serialized_chia_program(bytes(Program.assemble("(x (q . 5))")), b"\x80",
                                                0, 0, timeout=60)
        self.assertEqual(len(caught.exception.args), 2)

    def test_timeout_is_keyword_only(self):
        env = bytes(Program.to(loop_args(1)))
        with self.assertRaises(TypeError):
            clvm_rs.run_serialized_chia_program(self.PROGRAM, env, 0, 0, 60)


if __name__ == "__main__":
    unittest.main()
