# SPDX-License-Identifier: Apache-2.0
"""Failure messages: clvm_rs raises ValueError with clvmr 0.19's EvalErr display text (its
src/error.rs), which the binding takes from clvm::Error::clvmr_message(). The exact texts are
checked when the runtime provides that method (clvmpp._native.CLVMR_MESSAGES); the shape of every
error (types, argument counts, one message for one failure across both APIs) always is."""

import unittest

from clvmpp import EvalError, Program, SerdeError, _native, clvm_rs

fh = bytes.fromhex


def run(text: str, env: str = "()", max_cost: int = 10**9, flags: int = 0):
    return clvm_rs.run_serialized_chia_program(
        bytes(Program.assemble(text)), bytes(Program.assemble(env)), max_cost, flags)


def eval_failure(text: str, env: str = "()", **kw):
    try:
        run(text, env, **kw)
    except ValueError as e:
        return e
    raise AssertionError(f"{text} did not fail")


# (program, env, kwargs, clvmr's message, the failing node's serialization or None for nil)
EVAL_CASES = [
    ("(x (q . 5))", "()", {}, "clvm raise", "05"),
    ("(sha256 (q . 1))", "()", {"max_cost": 100}, "cost exceeded or below zero", None),
    ("(/ (q . 5) (q . 0))", "()", {}, "Division by zero", "ff05ff8080"),
    ("(f (q . 5))", "()", {}, "InvalidOperatorArg: first of non-cons", "05"),
    ("(0x7fff00 (q . 1))", "()", {"flags": clvm_rs.NO_UNKNOWN_OPS}, "unimplemented operator",
     "837fff00"),
    ("5", "1", {}, "path into atom", None),
]


@unittest.skipUnless(_native.CLVMR_MESSAGES,
                     "the runtime has no clvm::Error::clvmr_message() yet: messages are its what()")
class ClvmrTexts(unittest.TestCase):
    def test_evaluation_failures(self):
        for program, env, kw, message, node in EVAL_CASES:
            e = eval_failure(program, env, **kw)
            self.assertEqual(e.args[0], message, program)
            if node is not None:
                self.assertEqual(clvm_rs.ser_legacy(e.args[1]).hex(), node, program)

    def test_parse_failures(self):
        for f, blob in ((clvm_rs.deser_legacy, b""), (clvm_rs.deser_legacy, fh("ff01")),
                        (clvm_rs.deser_backrefs, fh("ff01")), (clvm_rs.serialized_length, fh("8401")),
                        (clvm_rs.deser_2026, fh("fdff3230323600"))):
            with self.assertRaises(ValueError) as ctx:
                f(blob)
            self.assertEqual(ctx.exception.args, ("bad encoding",), f.__name__)
        with self.assertRaises(ValueError) as ctx:
            clvm_rs.run_serialized_chia_program(fh("ff01"), b"\x80", 10**9, 0)
        self.assertEqual(ctx.exception.args, ("bad encoding",))

    def test_program_errors_carry_the_same_texts(self):
        with self.assertRaises(EvalError) as ctx:
            Program.assemble("(sha256 (q . 1))").run(max_cost=100)
        self.assertEqual(ctx.exception.message, "cost exceeded or below zero")
        with self.assertRaises(SerdeError) as ctx:
            Program.frombytes(fh("ff01"))
        self.assertEqual(ctx.exception.message, "bad encoding")


class Shapes(unittest.TestCase):
    def test_every_evaluation_failure_has_a_message_and_a_node(self):
        for program, env, kw, _message, node in EVAL_CASES:
            e = eval_failure(program, env, **kw)
            self.assertIs(type(e), ValueError)
            self.assertEqual(len(e.args), 2)
            self.assertIsInstance(e.args[0], str)
            self.assertTrue(e.args[0])
            self.assertIsInstance(e.args[1], clvm_rs.LazyNode)
            expected = node if node is not None else "80"
            self.assertEqual(clvm_rs.ser_legacy(e.args[1]).hex(), expected, program)

    def test_the_two_apis_report_one_message(self):
        for program, env, kw, _message, _node in EVAL_CASES:
            e = eval_failure(program, env, **kw)
            with self.assertRaises(EvalError) as ctx:
                Program.assemble(program).run(Program.assemble(env), **kw)
            self.assertEqual(ctx.exception.message, e.args[0], program)
            self.assertEqual(bytes(ctx.exception.node), clvm_rs.ser_legacy(e.args[1]), program)

    def test_failures_on_bytes_raise_plain_value_error(self):
        for f in (clvm_rs.deser_legacy, clvm_rs.deser_backrefs, clvm_rs.deser_auto,
                  clvm_rs.serialized_length):
            with self.assertRaises(ValueError) as ctx:
                f(fh("ff01"))
            self.assertIs(type(ctx.exception), ValueError)
            self.assertEqual(len(ctx.exception.args), 1)


if __name__ == "__main__":
    unittest.main()
