# SPDX-License-Identifier: Apache-2.0
"""clvmpp.Program: construction, conversion, navigation, running, currying, hashing, text."""

import hashlib
import unittest

import clvmpp
from clvmpp import EvalError, Program, SerdeError, TextError, clvm_rs

fh = bytes.fromhex
NIL_HASH = fh("4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a")


class G1Like:
    """Stands for blspy's G1Element: only __bytes__."""

    def __init__(self, blob):
        self.blob = blob

    def __bytes__(self):
        return self.blob


class To(unittest.TestCase):
    def test_integers(self):
        cases = {0: b"", 1: b"\x01", 127: b"\x7f", 128: b"\x00\x80", 255: b"\x00\xff",
                 256: b"\x01\x00", -1: b"\xff", -128: b"\x80", -129: b"\xff\x7f",
                 2**63: b"\x00\x80" + bytes(7), -(2**63): b"\x80" + bytes(7),
                 2**64 - 1: b"\x00" + b"\xff" * 8, 2**200: b"\x01" + bytes(25)}
        for value, atom in cases.items():
            p = Program.to(value)
            self.assertEqual(p.atom, atom, value)
            self.assertEqual(p.as_int(), value)
            self.assertEqual(int(p), value)
        self.assertEqual(Program.to(True).atom, b"\x01")
        self.assertEqual(Program.to(False).atom, b"")

    def test_as_int_of_any_atom(self):
        self.assertEqual(Program.to(fh("0080")).as_int(), 128)
        self.assertEqual(Program.to(fh("ffff")).as_int(), -1)
        self.assertEqual(Program.to(fh("00" * 20 + "01")).as_int(), 1)
        with self.assertRaises(ValueError):
            Program.to((1, 2)).as_int()

    def test_bytes_str_none(self):
        self.assertEqual(Program.to(b"hello").atom, b"hello")
        self.assertEqual(Program.to("héllo").atom, "héllo".encode())
        self.assertEqual(Program.to(None).atom, b"")
        self.assertEqual(Program.to(bytearray(b"ab")).atom, b"ab")
        self.assertEqual(Program.to(memoryview(b"abc")).atom, b"abc")
        self.assertEqual(Program.to(G1Like(b"\xb3" * 48)).atom, b"\xb3" * 48)

    def test_lists_and_tuples(self):
        p = Program.to([1, [2, 3], (4, 5), []])
        self.assertEqual(p.disassemble(), "(q (a 3) (c . 5) ())")
        self.assertEqual(bytes(Program.to((1, 2))), fh("ff0102"))
        self.assertEqual(bytes(Program.to([])), fh("80"))
        for bad in ((1, 2, 3), (1,), ()):
            with self.assertRaises(ValueError):
                Program.to(bad)
        with self.assertRaises(ValueError):
            Program.to(object())
        with self.assertRaises(ValueError):
            Program.to([1, {2: 3}])

    def test_programs_lazy_nodes_and_storage_objects_nest(self):
        inner = Program.to([7, 8])
        lazy = clvm_rs.deser_legacy(fh("ff0102"))

        class Storage:
            atom = None
            pair = (Program.to(1), Program.to(2))

        p = Program.to([inner, lazy, Storage(), (inner, inner)])
        self.assertEqual(p.at("f"), inner)
        self.assertEqual(bytes(p.at("rf")), fh("ff0102"))
        self.assertEqual(bytes(p.at("rrf")), fh("ff0102"))
        self.assertEqual(p.at("rrrf").pair, (inner, inner))
        self.assertEqual(Program.to(p), p)

    def test_cycles_are_refused(self):
        a = [1]
        a.append(a)
        with self.assertRaises(ValueError):
            Program.to(a)

    def test_shared_python_objects_convert_once(self):
        t = 1
        for _ in range(100):  # 2^100 leaves if expanded
            t = (t, t)
        p = Program.to(t)
        self.assertLess(len(p.bytes(backrefs=True)), 1000)

    def test_deep_python_nesting_is_iterative(self):
        d = b"x"
        for _ in range(200_000):
            d = [d]
        p = Program.to(d)
        self.assertEqual(p.at("f" * 200_000).atom, b"x")


class Bytes(unittest.TestCase):
    def test_round_trips(self):
        for h in ("80", "01", "ff0102", "ff86666f6f626172ff86666f6f62617280", "c0408" + "0" * 127):
            p = Program.fromhex(h)
            self.assertEqual(p.hex(), h)
            self.assertEqual(str(p), h)
            self.assertEqual(bytes(p), fh(h))
            self.assertEqual(p.bytes(), fh(h))
            self.assertEqual(Program.frombytes(fh(h)), p)
        self.assertEqual(Program.fromhex("0xff0102").hex(), "ff0102")

    def test_backrefs(self):
        p = Program.fromhex("ff86666f6f626172fe01")  # back-references are read
        self.assertEqual(p.hex(), "ff86666f6f626172ff86666f6f62617280")
        self.assertEqual(p.bytes(backrefs=True).hex(), "ff86666f6f626172fe01")

    def test_bad_hex_and_bad_bytes(self):
        for bad in ("zz", "f", "ff01 02", "0x0g"):
            with self.assertRaises(SerdeError):
                Program.fromhex(bad)
        for bad in (b"", fh("ff01"), fh("8401"), fh("ff86666f6f626172fe04"), fh("0101")):
            with self.assertRaises(SerdeError) as ctx:
                Program.frombytes(bad)
            self.assertIsInstance(ctx.exception, ValueError)
            self.assertIsInstance(ctx.exception.message, str)

    def test_limit(self):
        p = Program.to(b"x" * 100)
        self.assertEqual(len(p.bytes(limit=102)), 102)
        with self.assertRaises(SerdeError):
            p.bytes(limit=101)
        with self.assertRaises(ValueError):
            p.bytes(backrefs=True, limit=10)


class Navigation(unittest.TestCase):
    def test_atom_pair_first_rest(self):
        p = Program.to([1, 2, 3])
        self.assertIsNone(p.atom)
        self.assertIsNone(p.as_atom())
        first, rest = p.pair
        self.assertEqual(first, Program.to(1))
        self.assertEqual(p.first(), first)
        self.assertEqual(p.rest(), rest)
        self.assertEqual(p.as_pair(), (first, rest))
        self.assertEqual(Program.to(5).as_atom(), b"\x05")
        self.assertIsNone(Program.to(5).pair)
        with self.assertRaises(EvalError):
            Program.to(5).first()
        with self.assertRaises(EvalError):
            Program.to(5).rest()

    def test_listp_nullp(self):
        self.assertTrue(Program.to([1]).listp())
        self.assertFalse(Program.to(1).listp())
        self.assertTrue(Program.to(0).nullp())
        self.assertTrue(Program.null().nullp())
        self.assertFalse(Program.to(fh("00")).nullp())
        self.assertFalse(Program.to((0, 0)).nullp())
        self.assertEqual(Program.one(), Program.to(1))

    def test_at(self):
        p = Program.to([10, [20, 30], 40])
        self.assertEqual(p.at(""), p)
        self.assertEqual(p.at("f").as_int(), 10)
        self.assertEqual(p.at("rff").as_int(), 20)
        self.assertEqual(p.at("rfrf").as_int(), 30)
        self.assertEqual(p.at("rrf").as_int(), 40)
        with self.assertRaises(EvalError):
            p.at("ff")
        with self.assertRaises(ValueError):
            p.at("x")

    def test_iteration(self):
        self.assertEqual([x.as_int() for x in Program.to([1, 2, 3])], [1, 2, 3])
        self.assertEqual(list(Program.to([])), [])
        self.assertEqual([x.as_int() for x in Program.to((1, (2, 5)))], [1, 2])  # stops at 5
        self.assertEqual(Program.to([1, 2, 3]).list_len(), 3)
        it = iter(Program.to([1]))
        self.assertEqual(next(it), Program.to(1))
        with self.assertRaises(StopIteration):
            next(it)

    def test_as_python(self):
        self.assertEqual(Program.to(b"ab").as_python(), b"ab")
        self.assertEqual(Program.to([1, (2, b"x")]).as_python(), (b"\x01", ((b"\x02", b"x"), b"")))
        t = Program.to(1)
        for _ in range(100):
            t = Program.to((t, t))
        py = t.as_python()  # shared pairs become shared tuples
        self.assertIs(py[0], py[1])


class Equality(unittest.TestCase):
    def test_eq(self):
        self.assertEqual(Program.to([1, 2]), Program.fromhex("ff01ff0280"))
        self.assertEqual(Program.to(1), 1)
        self.assertEqual(Program.to([1, 2]), [1, 2])
        self.assertNotEqual(Program.to(1), 2)
        self.assertNotEqual(Program.to(1), [1])
        self.assertNotEqual(Program.to(1), object())
        self.assertNotEqual(Program.to((1, 2)), (2, 1))
        self.assertNotEqual(Program.to(fh("00")), Program.to(0))
        self.assertEqual(Program.to(1), clvm_rs.deser_legacy(fh("01")))

    def test_hash(self):
        d = {Program.to([1, 2]): "a"}
        self.assertEqual(d[Program.fromhex("ff01ff0280")], "a")
        self.assertEqual(len({Program.to(1), Program.to(1), Program.to(2)}), 2)


class TreeHash(unittest.TestCase):
    def test_known_values(self):
        self.assertEqual(Program.to(0).tree_hash(), NIL_HASH)
        self.assertEqual(Program.to(b"ab").tree_hash(), hashlib.sha256(b"\x01ab").digest())
        a, b = Program.to(1).tree_hash(), Program.to(2).tree_hash()
        self.assertEqual(Program.to((1, 2)).tree_hash(), hashlib.sha256(b"\x02" + a + b).digest())
        self.assertEqual(Program.to([1]).get_tree_hash(), Program.to([1]).tree_hash())


class Run(unittest.TestCase):
    def test_run(self):
        p = Program.assemble("(+ 2 5)")
        cost, r = p.run([10, 20])
        self.assertEqual((cost, r.as_int()), (856, 30))
        self.assertIsInstance(r, Program)
        self.assertEqual(p.run_with_cost(10**9, [10, 20]), (856, Program.to(30)))
        self.assertEqual(p.run(Program.to([1, 2]))[1].as_int(), 3)
        self.assertEqual(Program.assemble("(q . 7)").run()[1], 7)

    def test_run_matches_clvm_rs(self):
        p = Program.assemble("(c (sha256 2) (c (concat 5 2) ()))")
        env = Program.to([b"abc", b"def"])
        cost, r = p.run(env)
        cost2, r2 = clvm_rs.run_serialized_chia_program(bytes(p), bytes(env), 10**9, 0)
        self.assertEqual(cost, cost2)
        self.assertEqual(bytes(r), clvm_rs.ser_legacy(r2))

    def test_failure(self):
        with self.assertRaises(EvalError) as ctx:
            Program.assemble("(x 2)").run(["boom"])
        e = ctx.exception
        self.assertIsInstance(e, ValueError)
        self.assertEqual(e.args[0], e.message)
        self.assertEqual(e.node, Program.to("boom"))  # one operand: raised itself

    def test_max_cost(self):
        p = Program.assemble("(sha256 (q . 1))")
        cost, _ = p.run()
        self.assertEqual(p.run(max_cost=cost)[0], cost)
        with self.assertRaises(EvalError) as ctx:
            p.run(max_cost=cost - 1)
        self.assertTrue(ctx.exception.node.nullp())

    def test_flags(self):
        p = Program.assemble("(0x7fff00 (q . 1))")
        self.assertTrue(p.run()[1].nullp())
        with self.assertRaises(EvalError):
            p.run(flags=clvm_rs.MEMPOOL_MODE)
        self.assertEqual(clvmpp.DEFAULT_MAX_COST, 11_000_000_000)

    def test_programs_from_other_arenas(self):
        mod = Program.assemble("(c 2 (c 5 ()))")
        _, r = mod.run([1, 2])
        _, r2 = mod.run([r, r])  # r lives in another run's arena
        self.assertEqual(r2, [[1, 2], [1, 2]])


class Curry(unittest.TestCase):
    def test_curry_runs_like_arguments(self):
        mod = Program.assemble("(+ 2 5 11)")  # (+ a b c) with a, b curried
        curried = mod.curry(100, 20)
        self.assertEqual(curried.disassemble(),
                         "(a (q 16 2 5 11) (c (q . 100) (c (q . 20) 1)))")
        self.assertEqual(curried.run([3])[1].as_int(), 123)
        self.assertEqual(mod.curry().disassemble(), "(a (q 16 2 5 11) 1)")

    def test_uncurry(self):
        mod = Program.assemble("(+ 2 5)")
        args = [Program.to(1), [2, 3], b"four"]
        m, a = mod.curry(*args).uncurry()
        self.assertEqual(m, mod)
        self.assertEqual(list(a), [Program.to(x) for x in args])
        m, a = mod.uncurry()  # not curried
        self.assertEqual(m, mod)
        self.assertTrue(a.nullp())
        for text in ("(a (q . 1) (c (q . 2) 3))", "(a (q . 1) (c 2 1))", "(a 1 1)", "(a (q . 1) 1 1)"):
            self.assertTrue(Program.assemble(text).uncurry()[1].nullp(), text)
        self.assertEqual(Program.assemble("(a (q . 1) 1)").uncurry()[0], 1)

    def test_tree_hash_of_curried(self):
        mod = Program.assemble("(+ 2 5)")
        self.assertEqual(mod.curry(1).tree_hash(),
                         Program.assemble("(a (q + 2 5) (c (q . 1) 1))").tree_hash())


class Text(unittest.TestCase):
    def test_assemble_disassemble(self):
        for text in ("()", "1", "-1", "(q . 1)", '(a (q . "hello") (c 2 ()))', "0xdeadbeef",
                     "(sha256tree 1)", '("abc" 2 . 3)'):
            p = Program.assemble(text)
            self.assertEqual(p.disassemble(), text)
            self.assertEqual(Program.assemble(p.disassemble()), p)

    def test_text_errors(self):
        with self.assertRaises(TextError) as ctx:
            Program.assemble("(1 2\n  (3")
        e = ctx.exception
        self.assertIsInstance(e, ValueError)
        self.assertEqual((e.line, e.column), (2, 3))
        for bad in ("", ")", "(1 . )", '"abc', "0xg"):
            with self.assertRaises(TextError, msg=bad):
                Program.assemble(bad)

    def test_repr(self):
        self.assertEqual(repr(Program.to([1, 2])), "Program((q 2))")
        self.assertEqual(repr(Program.to(b"hello")), 'Program("hello")')
        long = repr(Program.to(list(range(2000))))
        self.assertTrue(long.endswith("...)"))
        self.assertLessEqual(len(long), 1000 + len("Program(...)"))

    def test_disassemble_bound(self):
        p = Program.to(list(range(100)))
        full = p.disassemble()
        self.assertEqual(p.disassemble(max_chars=len(full)), full)
        with self.assertRaises(ValueError):
            p.disassemble(max_chars=len(full) - 1)


if __name__ == "__main__":
    unittest.main()
