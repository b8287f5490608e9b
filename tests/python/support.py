# SPDX-License-Identifier: Apache-2.0
"""Shared helpers of the Python suite: the repository's test data and the benchmark programs."""

import os
import pathlib

DATA_DIR = pathlib.Path(
    os.environ.get(
        "CLVMPP_TEST_DATA_DIR", pathlib.Path(__file__).resolve().parents[1] / "data"
    )
)
BENCH_DIR = DATA_DIR / "bench"

# The 20 programs of clvmr's run_program benchmark (tests/data/bench/README.md); the heavy ones
# are run by test_bench_programs_slow (label `slow`), as the C++ suite splits them.
FAST_PROGRAMS = [
    "block-2000", "compressed-2000", "concat", "count-even", "factorial", "hash-string",
    "hash-tree", "large-block", "matrix-multiply", "pubkey-tree", "substr", "substr-tree",
    "sum-tree",
]
SLOW_PROGRAMS = ["loop_add", "loop_sub", "loop_ior", "loop_xor", "loop_not", "shift-left",
                 "point-pow"]
ENABLE_GC = 0x20


class BenchProgram:
    """One benchmark program with its recorded cost and result tree hash."""

    def __init__(self, name: str):
        self.name = name
        self.program = bytes.fromhex((BENCH_DIR / "programs" / f"{name}.hex").read_text().strip())
        self.env = bytes.fromhex((BENCH_DIR / "env" / f"{name}.env.hex").read_text().strip())
        self.cost = int((BENCH_DIR / "env" / f"{name}.cost").read_text().strip())
        self.result_hash = (BENCH_DIR / "env" / f"{name}.result.sha256tree").read_text().strip()
        # The suite's rule (bench/bench_programs.hpp).
        self.max_cost = 11_000_000_000 - 12_000 * len(self.program)


def sanitized() -> bool:
    """True when the module runs under AddressSanitizer (much slower; heavy cases are reduced)."""
    return os.environ.get("CLVMPP_PYTHON_SANITIZED") == "1"
