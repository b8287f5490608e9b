#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Back-reference inputs for the parse differential against native clvmr 0.19.

    python3 gen_backrefs.py <count> <seed>

Prints `clvm run --batch` lines `ff01<X> 80`: the program (q . X), where X is a random
back-reference encoding (fe + path atom, clvmr's node_from_bytes_backrefs), so a run answers X
serialized classically, or the parse error. scripts/differential_native.sh --mode backrefs runs
them through `clvm run --batch --backrefs` and `clvmr-batch --backrefs`.

The cases aim at where a parser can go wrong: paths of up to 8 bytes (read as one number) and
longer ones, every spelling of a path (bare byte, one- and two-byte prefixes, leading zero bytes),
runs of rests down a deep parse stack (long lists put over 64 entries on it), walks into a node
that follow or leave its shape, paths into atoms or past the stack's bottom, the stack itself as a
value, empty paths, and inputs cut short. Deterministic for a seed; each case stays small (at most
a few back references to nodes that are themselves small), so no answer explodes.
"""
import random
import sys


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)

    def atom():
        k = rng.random()
        if k < 0.3:
            return "%02x" % rng.randrange(0x80)
        if k < 0.4:
            return "80"
        n = rng.choice([1, 1, 2, 3, 5, 8, 9, 33])
        return "%02x" % (0x80 | n) + "".join("%02x" % rng.randrange(256) for _ in range(n))

    def path_value():
        k = rng.random()
        if k < 0.03:
            return 0  # nil: the empty path
        if k < 0.45:  # rests down the stack, a first, then a few steps into that entry
            rests = rng.choice([0, 1, 2, 3, 5, 8, 13, rng.randrange(200)])
            bits = [1] * rests
            if rng.random() < 0.8:
                bits += [0] + [rng.randrange(2) for _ in range(rng.randrange(6))]
        elif k < 0.7:  # mostly rests: long spine and in-node runs
            n = rng.choice([2, 5, 9, 20, 63, 64, 65, 100, 130])
            bits = [0 if rng.random() < 0.1 else 1 for _ in range(n)]
        else:  # any bits
            bits = [rng.randrange(2) for _ in range(rng.choice([1, 3, 7, 8, 15, 40, 70]))]
        v = 1 << len(bits)  # the terminating bit
        for i, b in enumerate(bits):
            v |= b << i
        return v

    def path():
        v = path_value()
        b = v.to_bytes((v.bit_length() + 7) // 8, "big")
        b = b"\0" * rng.choice([0, 0, 0, 0, 1, 7, 8]) + b
        k = rng.random()
        if len(b) == 1 and b[0] < 0x80 and k < 0.6:
            return b.hex()
        if len(b) < 64 and k < 0.9:
            return "%02x" % (0x80 | len(b)) + b.hex()
        return "c0%02x" % len(b) + b.hex()

    def obj(depth, refs):
        k = rng.random()
        if depth == 0 and k < 0.2:  # a long list of small items: a deep parse stack at its end
            n = rng.choice([10, 40, 70, 140])
            return "".join("ff" + obj(5, refs) for _ in range(n)) + obj(5, refs)
        if depth < 7 and k < 0.5:
            return "ff" + obj(depth + 1, refs) + obj(depth + 1, refs)
        if refs[0] > 0 and k < 0.78:
            refs[0] -= 1
            return "fe" + path()
        return atom()

    for _ in range(count):
        x = obj(0, [rng.choice([1, 2, 4, 8])])
        if rng.random() < 0.02:  # cut short
            x = x[: rng.randrange(len(x) // 2 + 1) * 2]
        print("ff01" + x, "80")


if __name__ == "__main__":
    main()
