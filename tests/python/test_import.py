# SPDX-License-Identifier: Apache-2.0
"""The package imports and works in this interpreter (run with Debian's /usr/bin/python3 when
CMake picked another one): one extension module serves every CPython of its minor version."""

import sys
import unittest


class Import(unittest.TestCase):
    def test_import_and_run(self):
        import clvmpp
        from clvmpp import Program, clvm_rs

        self.assertTrue(clvmpp.__file__)
        cost, node = clvm_rs.run_serialized_chia_program(
            bytes.fromhex("ff10ff02ff0580"), bytes.fromhex("ff0aff1480"), 0, 0)
        self.assertEqual((cost, node.atom), (856, b"\x1e"))
        self.assertEqual(Program.assemble("(+ 2 5)").run([10, 20])[1], 30)
        print(sys.executable, sys.version.split()[0])


if __name__ == "__main__":
    unittest.main()
