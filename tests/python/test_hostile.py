# SPDX-License-Identifier: Apache-2.0
"""Hostile inputs through Python: they fail cleanly or stay bounded, as in C++ (tests/hostile).
Back-reference bombs stay DAGs (hashing, comparing, copying and as_python are linear in distinct
nodes; expanding them is refused before any output), 10,000,000-deep trees never touch the native
stack, text is bounded, and random bytes only ever raise ValueError."""

import random
import time
import unittest

from clvmpp import Program, SerdeError, clvm_rs
from support import sanitized

fh = bytes.fromhex
DEPTH = 1_000_000 if sanitized() else 10_000_000


def doubling_bomb(levels: int) -> bytes:
    """`levels` doublings of a 5-byte leaf: 2^levels leaves when expanded."""
    return b"\xff" * levels + fh("850102030405") + b"\xfe\x02" * levels


class BackrefBomb(unittest.TestCase):
    def setUp(self):
        self.blob = doubling_bomb(60)
        self.started = time.monotonic()

    def tearDown(self):
        self.assertLess(time.monotonic() - self.started, 10, "a bomb must not expand")

    def test_clvm_rs_api(self):
        node = clvm_rs.deser_backrefs(self.blob)
        self.assertEqual(clvm_rs.serialized_length(self.blob), len(self.blob))
        with self.assertRaises(ValueError):
            clvm_rs.ser_legacy(node)  # clvmr's 2,000,000-byte limit
        self.assertLessEqual(len(clvm_rs.ser_backrefs(node)), len(self.blob))
        back = clvm_rs.deser_2026(clvm_rs.ser_2026(node))
        self.assertLessEqual(len(clvm_rs.ser_backrefs(back)), len(self.blob))
        self.assertIsNotNone(clvm_rs.clvm_tree_to_lazy_node(node).pair)
        # A LazyNode walk goes as deep as it likes without expanding anything.
        for _ in range(60):
            node = node.pair[1]
        self.assertEqual(node.atom, fh("0102030405"))
        with self.assertRaises(ValueError):
            clvm_rs.deserialize_as_tree(self.blob, True)  # the classic reader refuses fe

    def test_program_api(self):
        p = Program.frombytes(self.blob)
        q = Program.frombytes(self.blob)
        self.assertEqual(p, q)
        self.assertEqual(len(p.tree_hash()), 32)
        self.assertNotEqual(p, Program.frombytes(doubling_bomb(59)))
        with self.assertRaises(SerdeError):
            bytes(p)  # 2^60 * 6 bytes: refused before writing anything
        with self.assertRaises(SerdeError):
            p.hex()
        self.assertLessEqual(len(p.bytes(backrefs=True)), len(self.blob))
        self.assertLessEqual(len(repr(p)), 1000 + len("Program(...)"))
        with self.assertRaises(ValueError):
            p.disassemble()
        self.assertEqual(Program.to([p, p]).at("rf"), p)  # copying keeps the DAG
        py = p.as_python()
        self.assertIs(py[0], py[1])
        _, r = Program.assemble("(c 1 (c 1 ()))").run(p)
        self.assertEqual(r.first(), p)

    def test_running_on_a_bomb_environment(self):
        cost, node = clvm_rs.run_serialized_chia_program(
            bytes(Program.assemble("(f 1)")), fh("ff8080"), 10**9, 0)
        self.assertEqual(node.atom, b"")
        # The classic reader of run_serialized_chia_program refuses back-references outright.
        with self.assertRaises(ValueError):
            clvm_rs.run_serialized_chia_program(b"\x01", self.blob, 10**9, 0)


class DeepNesting(unittest.TestCase):
    def test_left_nested_ten_million(self):
        started = time.monotonic()
        blob = b"\xff" * DEPTH + b"\x80" * (DEPTH + 1)
        node = clvm_rs.deser_legacy(blob)
        self.assertEqual(clvm_rs.serialized_length(blob), len(blob))
        with self.assertRaises(ValueError):
            clvm_rs.ser_legacy(node)  # over 2,000,000 bytes
        p = Program.frombytes(blob)
        self.assertEqual(bytes(p), blob)
        self.assertEqual(len(p.tree_hash()), 32)
        self.assertIs(Program.to(node).pair[0].pair[0].atom, None)  # shares the LazyNode's arena
        self.assertLessEqual(len(repr(p)), 1000 + len("Program(...)"))
        self.assertTrue(repr(p).startswith("Program(((((("))
        cost, r = Program.assemble("(f 1)").run(p)  # p is copied into the run's arena
        self.assertTrue(r.listp())
        del node, p, r  # releasing an arena recurses on nothing
        self.assertLess(time.monotonic() - started, 120)

    def test_right_nested_list(self):
        blob = b"\xff\x01" * DEPTH + b"\x80"
        p = Program.frombytes(blob)
        self.assertEqual(p.list_len(), DEPTH)
        self.assertEqual(sum(1 for _ in Program.frombytes(b"\xff\x01" * 1000 + b"\x80")), 1000)
        self.assertEqual(bytes(p), blob)

    def test_deserialize_as_tree_deep(self):
        depth = 200_000
        triples, hashes = clvm_rs.deserialize_as_tree(b"\xff" * depth + b"\x80" * (depth + 1), True)
        self.assertEqual(len(triples), 2 * depth + 1)
        self.assertEqual(hashes[0], Program.frombytes(b"\xff" * depth + b"\x80" * (depth + 1)).tree_hash())

    def test_deep_evaluation_is_bounded(self):
        # A program nested 1,000,000 deep ((f (f (f ... 1)))) runs without native recursion.
        depth = 100_000 if sanitized() else 1_000_000
        blob = b"\xff\x05\xff" * depth + b"\x01" + b"\x80" * depth
        with self.assertRaises(ValueError):  # first of an atom at the bottom
            clvm_rs.run_serialized_chia_program(blob, b"\x80", 10**10, 0)


class RandomBytes(unittest.TestCase):
    def test_random_and_mutated_inputs_only_raise_value_error(self):
        rng = random.Random(14)
        seeds = [fh("ff01ff0280"), fh("ff86666f6f626172fe01"), doubling_bomb(8),
                 clvm_rs.ser_2026(clvm_rs.deser_legacy(fh("ff01ff8568656c6c6fff0180"))),
                 bytes(Program.assemble("(a (q 2 2 (c 2 (c 5 ()))) (c (q 16 5 (q . 1)) 1))"))]
        functions = [
            clvm_rs.deser_legacy, clvm_rs.deser_backrefs, clvm_rs.deser_2026, clvm_rs.deser_auto,
            clvm_rs.serialized_length, lambda b: clvm_rs.deserialize_as_tree(b, True),
            lambda b: clvm_rs.deser_2026(b, strict=False),
            lambda b: clvm_rs.run_serialized_chia_program(b, b"\x80", 10**7, 0),
            lambda b: clvm_rs.run_serialized_chia_program(seeds[4], b, 10**7, clvm_rs.MEMPOOL_MODE),
            Program.frombytes,
        ]
        outcomes = {"ok": 0, "ValueError": 0}
        for i in range(3000):
            blob = bytearray(rng.choice(seeds))
            for _ in range(rng.randint(0, 4)):
                op = rng.randint(0, 2)
                pos = rng.randint(0, len(blob))
                if op == 0:
                    blob.insert(pos, rng.randint(0, 255))
                elif op == 1 and blob:
                    del blob[min(pos, len(blob) - 1)]
                elif blob:
                    blob[min(pos, len(blob) - 1)] = rng.randint(0, 255)
            if i % 10 == 0:
                blob = bytearray(rng.randbytes(rng.randint(0, 40)))
            f = functions[i % len(functions)]
            try:
                f(bytes(blob))
                outcomes["ok"] += 1
            except ValueError:
                outcomes["ValueError"] += 1
        self.assertGreater(outcomes["ok"], 100)
        self.assertGreater(outcomes["ValueError"], 100)


if __name__ == "__main__":
    unittest.main()
