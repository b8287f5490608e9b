# SPDX-License-Identifier: Apache-2.0
"""clvmpp.clvm_rs against the contract of clvm_rs's native module (clvm_rs.pyi, wheel/src/api.rs,
lazy_node.rs and adapt_response.rs of clvmr 0.19): names, signatures, shapes, flags, errors."""

import hashlib
import inspect
import unittest

from clvmpp import Program, clvm_rs
from clvmpp.clvm_rs import LazyNode

fh = bytes.fromhex


def sha(*parts: bytes) -> bytes:
    return hashlib.sha256(b"".join(parts)).digest()


def ref_tree_hash(node) -> bytes:
    """Tree hash of any .atom/.pair object, recursively (small inputs only)."""
    if node.atom is not None:
        return sha(b"\x01", node.atom)
    left, right = node.pair
    return sha(b"\x02", ref_tree_hash(left), ref_tree_hash(right))


def ref_serialize(node) -> bytes:
    """Classic serialization of any .atom/.pair object, recursively (small inputs only)."""
    if node.pair is not None:
        return b"\xff" + ref_serialize(node.pair[0]) + ref_serialize(node.pair[1])
    a = node.atom
    if len(a) == 1 and a[0] <= 0x7F:
        return a
    n = len(a)
    if n < 0x40:
        return bytes([0x80 | n]) + a
    if n < 0x2000:
        return bytes([0xC0 | (n >> 8), n & 0xFF]) + a
    return bytes([0xE0 | (n >> 16), (n >> 8) & 0xFF, n & 0xFF]) + a


class Tree:
    """A plain Python CLVM tree (CLVMStorage protocol): .atom or .pair."""

    def __init__(self, atom=None, pair=None):
        self.atom = atom
        self.pair = pair


class Names(unittest.TestCase):
    def test_public_names_are_clvm_rs_native_names(self):
        expected = {
            "run_serialized_chia_program", "deserialize_as_tree", "serialized_length",
            "deser_legacy", "deser_backrefs", "deser_2026", "deser_auto", "ser_legacy",
            "ser_backrefs", "ser_2026", "clvm_tree_to_lazy_node", "NO_UNKNOWN_OPS", "LIMIT_HEAP",
            "MEMPOOL_MODE", "ENABLE_SHA256_TREE", "ENABLE_SECP_OPS", "DISABLE_OP",
            "CANONICAL_INTS", "LazyNode",
        }
        self.assertEqual(set(clvm_rs.__all__), expected)
        for name in expected:
            self.assertTrue(hasattr(clvm_rs, name), name)

    def test_flag_values(self):
        self.assertEqual(clvm_rs.CANONICAL_INTS, 0x0001)
        self.assertEqual(clvm_rs.NO_UNKNOWN_OPS, 0x0002)
        self.assertEqual(clvm_rs.LIMIT_HEAP, 0x0004)
        self.assertEqual(clvm_rs.DISABLE_OP, 0x0200)
        self.assertEqual(clvm_rs.ENABLE_SHA256_TREE, 0x0400)
        self.assertEqual(clvm_rs.ENABLE_SECP_OPS, 0x0800)
        self.assertEqual(clvm_rs.MEMPOOL_MODE, 0x0217)

    def test_keyword_only_arguments(self):
        blob = clvm_rs.ser_2026(clvm_rs.deser_legacy(fh("ff0102")))
        for f in (clvm_rs.deser_2026, clvm_rs.deser_auto):
            with self.assertRaises(TypeError):
                f(blob, 100)  # max_atom_len is keyword-only
            f(blob, max_atom_len=100, strict=False)
        node = clvm_rs.deser_legacy(fh("ff0102"))
        with self.assertRaises(TypeError):
            clvm_rs.ser_2026(node, 0)
        self.assertEqual(clvm_rs.ser_2026(node, level=2**32 - 1), clvm_rs.ser_2026(node))

    def test_arguments_by_name(self):
        # The names clvm_rs's functions take at run time (its Rust parameters), not its stub's.
        cost, node = clvm_rs.run_serialized_chia_program(
            program=fh("ff10ff02ff0580"), args=fh("ff0aff1480"), max_cost=0, flags=0)
        self.assertEqual((cost, node.atom), (856, bytes([30])))
        self.assertEqual(clvm_rs.serialized_length(program=fh("ff0102")), 3)

    def test_bytes_only(self):
        for bad in ("ff0102", bytearray(fh("ff0102")), None, 5):
            with self.assertRaises(TypeError):
                clvm_rs.deser_legacy(bad)
        with self.assertRaises(TypeError):
            clvm_rs.run_serialized_chia_program("80", b"\x80", 0, 0)
        with self.assertRaises(TypeError):
            clvm_rs.ser_legacy(Tree(atom=b"x"))  # a LazyNode is required


class LazyNodes(unittest.TestCase):
    def test_atom_and_pair(self):
        node = clvm_rs.deser_legacy(fh("ff8568656c6c6fff0280"))
        self.assertIsInstance(node, LazyNode)
        self.assertIsNone(node.atom)
        first, rest = node.pair
        self.assertIsInstance(first, LazyNode)
        self.assertEqual(first.atom, b"hello")
        self.assertIsNone(first.pair)
        self.assertEqual(rest.pair[0].atom, b"\x02")
        self.assertEqual(rest.pair[1].atom, b"")

    def test_pair_halves_outlive_the_parent(self):
        first = clvm_rs.deser_legacy(fh("ff8568656c6c6f80")).pair[0]  # the parent is gone
        self.assertEqual(first.atom, b"hello")

    def test_no_constructor_and_subclassable(self):
        with self.assertRaises(TypeError):
            LazyNode()

        class Sub(LazyNode):
            pass

        self.assertTrue(issubclass(Sub, LazyNode))

    def test_small_and_large_atoms(self):
        for value in (b"", b"\x01", b"\x7f", b"\x80", b"\x00", b"\xff" * 3, bytes(range(256)) * 40):
            node = clvm_rs.deser_legacy(ref_serialize(Tree(atom=value)))
            self.assertEqual(node.atom, value)


class Run(unittest.TestCase):
    def run_text(self, program: str, env: str = "()", max_cost: int = 10**10, flags: int = 0):
        return clvm_rs.run_serialized_chia_program(
            bytes(Program.assemble(program)), bytes(Program.assemble(env)), max_cost, flags)

    def test_result_and_cost(self):
        cost, node = self.run_text("(+ 2 5)", "(10 20)")
        self.assertEqual(cost, 856)
        self.assertEqual(node.atom, bytes([30]))
        cost, node = self.run_text("(c 2 5)", "(10 20)")
        self.assertEqual(ref_serialize(node), fh("ff0a14"))

    def test_max_cost_zero_is_unlimited(self):
        self.assertEqual(self.run_text("(+ 2 5)", "(10 20)", max_cost=0)[0], 856)

    def test_failure_is_value_error_with_message_and_node(self):
        with self.assertRaises(ValueError) as ctx:
            self.run_text("(x (q . 5) (q . 7))")
        self.assertIs(type(ctx.exception), ValueError)
        message, node = ctx.exception.args
        self.assertIsInstance(message, str)
        self.assertIsInstance(node, LazyNode)
        self.assertEqual(ref_serialize(node), fh("ff05ff0780"))  # raise's operand list

    def test_cost_exceeded_at_the_exact_cost(self):
        cost, _ = self.run_text("(sha256 (q . 1))")
        self.assertEqual(self.run_text("(sha256 (q . 1))", max_cost=cost)[0], cost)
        with self.assertRaises(ValueError) as ctx:
            self.run_text("(sha256 (q . 1))", max_cost=cost - 1)
        message, node = ctx.exception.args
        self.assertEqual(node.atom, b"")  # clvmr: no node for this error -> nil

    def test_parse_failure_is_value_error_with_only_a_message(self):
        for program, env in ((b"\xff\x01", b"\x80"), (b"\x80", b""), (b"\xfe\x01", b"\x80")):
            with self.assertRaises(ValueError) as ctx:
                clvm_rs.run_serialized_chia_program(program, env, 10**9, 0)
            self.assertEqual(len(ctx.exception.args), 1)

    def test_program_bytes_are_classic_only(self):
        # run_serialized_chia_program parses with node_from_bytes: a back-reference is refused.
        with self.assertRaises(ValueError):
            clvm_rs.run_serialized_chia_program(fh("ff01fe02"), b"\x80", 10**9, 0)

    def test_trailing_bytes_ignored(self):
        cost, node = clvm_rs.run_serialized_chia_program(fh("ff0101ffff"), fh("80ff"), 10**9, 0)
        self.assertEqual((cost, node.atom), (20, b"\x01"))

    def test_unknown_operators_and_no_unknown_ops(self):
        cost, node = self.run_text("(0x7fff00 (q . 1))")
        self.assertEqual(node.atom, b"")
        self.assertGreater(cost, 0)
        for flags in (clvm_rs.NO_UNKNOWN_OPS, clvm_rs.MEMPOOL_MODE):
            with self.assertRaises(ValueError):
                self.run_text("(0x7fff00 (q . 1))", flags=flags)

    def test_enable_sha256_tree(self):
        _, node = self.run_text("(sha256tree (q . (1 2)))")
        self.assertEqual(node.atom, b"")  # opcode 63 is an unknown operator without the flag
        _, node = self.run_text("(sha256tree (q . (1 2)))", flags=clvm_rs.ENABLE_SHA256_TREE)
        self.assertEqual(node.atom, Program.to([1, 2]).tree_hash())

    def test_disable_op(self):
        _, node = self.run_text("(modpow (q . 2) (q . 10) (q . 1000))")
        self.assertEqual(node.atom, (24).to_bytes(1, "big"))
        with self.assertRaises(ValueError):
            self.run_text("(modpow (q . 2) (q . 10) (q . 1000))", flags=clvm_rs.DISABLE_OP)

    def test_canonical_ints(self):
        # The guarded program costs 160; 0x0000a0 says so with a redundant leading zero.
        program = "(softfork (q . 0x0000a0) (q . 0) (q . (q . ())) ())"
        cost, _ = self.run_text(program)
        self.assertEqual(cost, 265)
        self.assertEqual(self.run_text("(softfork (q . 160) (q . 0) (q . (q . ())) ())",
                                       flags=clvm_rs.CANONICAL_INTS)[0], 265)
        with self.assertRaises(ValueError):
            self.run_text(program, flags=clvm_rs.CANONICAL_INTS)

    def test_unknown_flag_bits_are_dropped(self):
        self.assertEqual(self.run_text("(+ 2 5)", "(10 20)", flags=1 << 30)[0], 856)
        cost, node = self.run_text("(0x7fff00 (q . 1))", flags=1 << 30)
        self.assertEqual(node.atom, b"")

    def test_limit_heap(self):
        # 28 doublings of one byte: 2^29 heap bytes in all, over LIMIT_HEAP's 500,000,000.
        program = "(q . x)"
        for _ in range(28):
            program = f"(a (q concat 1 1) {program})"
        with self.assertRaises(ValueError):
            self.run_text(program, flags=clvm_rs.LIMIT_HEAP)

    def test_result_shares_one_arena(self):
        _, node = self.run_text("(q . ((1 . 2) . (3 . 4)))")
        (a, b), (c, d) = node.pair[0].pair, node.pair[1].pair
        self.assertEqual([x.atom for x in (a, b, c, d)], [b"\x01", b"\x02", b"\x03", b"\x04"])


class Serde(unittest.TestCase):
    def test_serialized_length(self):
        self.assertEqual(clvm_rs.serialized_length(fh("ff0102ffff")), 3)
        self.assertEqual(clvm_rs.serialized_length(fh("ff86666f6f626172fe01")), 10)
        for bad in (b"", fh("ff01"), fh("8401"), fh("ff86666f6f626172fe04")):
            with self.assertRaises(ValueError):
                clvm_rs.serialized_length(bad)

    def test_legacy_round_trip(self):
        for text in ("()", "1", "(1 2 3)", '("abc" (q . -5) . 0x00ff)', "((((1))))"):
            blob = bytes(Program.assemble(text))
            node = clvm_rs.deser_legacy(blob)
            self.assertEqual(clvm_rs.ser_legacy(node), blob)
            self.assertEqual(ref_serialize(node), blob)

    def test_deser_legacy_is_lenient_and_refuses_back_references(self):
        self.assertEqual(clvm_rs.deser_legacy(fh("8105")).atom, b"\x05")  # over-long prefix
        self.assertEqual(clvm_rs.deser_legacy(fh("01ff")).atom, b"\x01")  # trailing ignored
        for bad in (b"", fh("ff01"), fh("fe01"), fh("8401")):
            with self.assertRaises(ValueError):
                clvm_rs.deser_legacy(bad)

    def test_backrefs(self):
        node = clvm_rs.deser_backrefs(fh("ff86666f6f626172fe01"))
        self.assertEqual(ref_serialize(node), fh("ff86666f6f626172ff86666f6f62617280"))
        tree = clvm_rs.deser_legacy(fh("ff86666f6f626172ff86666f6f62617280"))
        self.assertEqual(clvm_rs.ser_backrefs(tree), fh("ff86666f6f626172fe01"))
        with self.assertRaises(ValueError):
            clvm_rs.deser_backrefs(fh("ff86666f6f626172fe04"))  # path into an atom

    def test_ser_legacy_has_clvmr_limit(self):
        big = clvm_rs.deser_backrefs(fh("ff" * 21 + "8400000000" + "fe02" * 21))
        # 2^21 leaves of 5 bytes each expand to > 2,000,000 bytes: refused as clvmr does.
        with self.assertRaises(ValueError) as ctx:
            clvm_rs.ser_legacy(big)
        self.assertEqual(len(ctx.exception.args), 1)
        self.assertLess(len(clvm_rs.ser_backrefs(big)), 100)

    def test_2026_round_trip(self):
        for text in ("()", "1", "(1 2 3)", '("abc" "abc" ("abc" . "abc"))', "(((1 . 2) . 3) . 4)"):
            node = clvm_rs.deser_legacy(bytes(Program.assemble(text)))
            blob = clvm_rs.ser_2026(node)
            self.assertEqual(blob[:6], fh("fdff32303236"))
            back = clvm_rs.deser_2026(blob)
            self.assertEqual(clvm_rs.ser_legacy(back), clvm_rs.ser_legacy(node))
            self.assertEqual(clvm_rs.ser_legacy(clvm_rs.deser_auto(blob)), clvm_rs.ser_legacy(node))

    def test_2026_errors(self):
        with self.assertRaises(ValueError) as ctx:
            clvm_rs.deser_2026(fh("ff0102"))
        self.assertEqual(ctx.exception.args,
                         ("deser_2026: blob is missing the serde_2026 magic prefix",))
        magic = fh("fdff32303236")
        for body in ("", "00", "0001", "01020102", "0103", "0101", "00ff"):
            with self.assertRaises(ValueError, msg=body):
                clvm_rs.deser_2026(magic + fh(body))

    def test_2026_max_atom_len_and_strict(self):
        node = clvm_rs.deser_legacy(bytes(Program.assemble('"abcdefgh"')))
        blob = clvm_rs.ser_2026(node)
        self.assertEqual(clvm_rs.deser_2026(blob, max_atom_len=8).atom, b"abcdefgh")
        with self.assertRaises(ValueError):
            clvm_rs.deser_2026(blob, max_atom_len=7)
        with self.assertRaises(ValueError):
            clvm_rs.deser_auto(blob, max_atom_len=7)
        # The instruction count 1 written in two bytes (80 01) is non-minimal.
        loose = fh("fdff32303236") + fh("01") + fh("08") + b"abcdefgh" + fh("8001") + fh("02")
        with self.assertRaises(ValueError):
            clvm_rs.deser_2026(loose)
        self.assertEqual(clvm_rs.deser_2026(loose, strict=False).atom, b"abcdefgh")
        self.assertEqual(clvm_rs.deser_auto(loose, strict=False).atom, b"abcdefgh")

    def test_2026_trailing_bytes_ignored_as_clvmr(self):
        blob = clvm_rs.ser_2026(clvm_rs.deser_legacy(fh("ff0102")))
        self.assertEqual(ref_serialize(clvm_rs.deser_2026(blob + b"\x00\x00")), fh("ff0102"))

    def test_deser_auto_reads_classic_and_backrefs(self):
        self.assertEqual(ref_serialize(clvm_rs.deser_auto(fh("ff0102"))), fh("ff0102"))
        self.assertEqual(ref_serialize(clvm_rs.deser_auto(fh("ff86666f6f626172fe01"))),
                         fh("ff86666f6f626172ff86666f6f62617280"))


class DeserializeAsTree(unittest.TestCase):
    @staticmethod
    def reference(blob: bytes):
        """parse_triples, recursively, from the contract's description."""
        out, hashes = [], []

        def parse(pos):
            b = blob[pos]
            if b == 0xFF:
                index = len(out)
                out.append(None)
                hashes.append(None)
                end_first = parse(pos + 1)
                right = len(out)
                end = parse(end_first)
                out[index] = (pos, end, right)
                hashes[index] = sha(b"\x02", hashes[index + 1], hashes[right])
                return end
            if b <= 0x7F:
                out.append((pos, pos + 1, 0))
                hashes.append(sha(b"\x01", bytes([b])))
                return pos + 1
            width = 8 - len(bin(b ^ 0xFF)[2:].rjust(8, "0").lstrip("0")) if b != 0xFF else 8
            size = b & (0xFF >> width)
            for i in range(1, width):
                size = (size << 8) | blob[pos + i]
            end = pos + width + size
            out.append((pos, end, width))
            hashes.append(sha(b"\x01", blob[pos + width:end]))
            return end

        parse(0)
        return out, hashes

    def test_against_reference(self):
        for text in ("()", "1", "(1 2 3)", '("hello" (q . -5) . 0x00ff)', '(((1 . "a longer atom") . 3) 4)',
                     "(" + " ".join(["0x" + "ab" * 70] * 3) + ")"):
            blob = bytes(Program.assemble(text))
            triples, hashes = clvm_rs.deserialize_as_tree(blob, True)
            ref_triples, ref_hashes = self.reference(blob)
            self.assertEqual(triples, ref_triples, text)
            self.assertEqual(hashes, ref_hashes, text)
            self.assertEqual(hashes[0], Program.assemble(text).tree_hash())
            triples2, none = clvm_rs.deserialize_as_tree(blob, False)
            self.assertIsNone(none)
            self.assertEqual(triples2, triples)
            self.assertTrue(all(type(t) is tuple and len(t) == 3 for t in triples))

    def test_errors(self):
        for bad in (b"", fh("ff01"), fh("8401"), fh("fe01"), fh("c0")):
            with self.assertRaises(ValueError):
                clvm_rs.deserialize_as_tree(bad, True)


class TreeToLazyNode(unittest.TestCase):
    def test_python_tree(self):
        leaf = Tree(atom=b"leaf")
        tree = Tree(pair=(Tree(pair=(leaf, leaf)), Tree(atom=b"")))
        node = clvm_rs.clvm_tree_to_lazy_node(tree)
        self.assertIsInstance(node, LazyNode)
        self.assertEqual(ref_serialize(node), ref_serialize(tree))
        self.assertEqual(ref_tree_hash(node), ref_tree_hash(tree))

    def test_shared_python_objects_stay_linear(self):
        t = Tree(atom=b"x")
        for _ in range(200):  # 2^200 leaves when expanded
            t = Tree(pair=(t, t))
        node = clvm_rs.clvm_tree_to_lazy_node(t)
        self.assertLess(len(clvm_rs.ser_backrefs(node)), 2000)

    def test_fresh_pair_objects(self):
        # .pair builds new objects on every call (as LazyNode.pair does): ids may be reused.
        class Fresh:
            def __init__(self, depth):
                self.depth = depth

            @property
            def atom(self):
                return None if self.depth else b"\x07"

            @property
            def pair(self):
                return (Fresh(self.depth - 1), Fresh(0)) if self.depth else None

        node = clvm_rs.clvm_tree_to_lazy_node(Fresh(50))
        expected = Program.to(7)
        for _ in range(50):
            expected = Program.to((expected, 7))
        self.assertEqual(Program.to(node), expected)

    def test_lazy_node_and_program_inputs(self):
        node = clvm_rs.deser_legacy(fh("ff0102"))
        self.assertEqual(clvm_rs.ser_legacy(clvm_rs.clvm_tree_to_lazy_node(node)), fh("ff0102"))
        p = Program.to([1, 2])
        self.assertEqual(clvm_rs.ser_legacy(clvm_rs.clvm_tree_to_lazy_node(p)), bytes(p))

    def test_errors(self):
        with self.assertRaises(ValueError) as ctx:
            clvm_rs.clvm_tree_to_lazy_node(Tree())
        self.assertEqual(ctx.exception.args, ("CLVM object has neither .atom nor .pair",))
        with self.assertRaises(AttributeError):
            clvm_rs.clvm_tree_to_lazy_node(object())


class DropIn(unittest.TestCase):
    def test_a_package_importing_dot_clvm_rs(self):
        # consumer_pkg/clvm_rs.py re-exports clvmpp.clvm_rs; consumer_pkg/__init__.py is written
        # against clvm_rs's native API with `from .clvm_rs import ...`.
        import consumer_pkg

        self.assertEqual(consumer_pkg.run_hex("ff10ff02ff0580", "ff0aff1480"), (856, "1e"))
        self.assertEqual(consumer_pkg.failure("ff08ff0280", "ff0aff1480"), ("0a",))
        self.assertEqual(consumer_pkg.round_trip("ff86666f6f626172fe01"),
                         "ff86666f6f626172ff86666f6f62617280")

    def test_signatures_match_the_stub(self):
        # pybind11 puts the signature in the docstring's first line.
        for name, args in (
            # clvm_rs's four arguments, then the keyword-only timeout (clvmr 0.20's addition)
            ("run_serialized_chia_program", "program: bytes, args: bytes, max_cost: int, flags: int, "
             "*, timeout: Optional[float] = None"),
            ("deserialize_as_tree", "blob: bytes, calculate_tree_hashes: bool"),
            ("deser_2026", "blob: bytes, *, max_atom_len: int = 1048576, strict: bool = True"),
            ("deser_auto", "blob: bytes, *, max_atom_len: int = 1048576, strict: bool = True"),
            ("ser_2026", "node: clvmpp._native.LazyNode, *, level: int = 0"),
        ):
            doc = inspect.getdoc(getattr(clvm_rs, name)).splitlines()[0]
            self.assertIn(f"{name}({args})", doc)


if __name__ == "__main__":
    unittest.main()
