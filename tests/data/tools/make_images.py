#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Derives the bad arena images of the tools tests from input/two.img (written by `clvm save`).

Run from tests/data/tools: python3 make_images.py. The format is the runtime's (version 1, see
runtime/include/clvm/image.hpp): a 128-byte header whose bytes 96..128 hold the SHA-256 of bytes
0..96 followed by everything after the header. The hostile images are resealed (checksum
recomputed), so that only the structural checks can reject them.
"""
import hashlib
import struct

HEADER = 128


def reseal(b: bytearray) -> bytearray:
    b[96:128] = hashlib.sha256(bytes(b[:96]) + bytes(b[HEADER:])).digest()
    return b


def put32(b: bytearray, at: int, v: int) -> None:
    b[at:at + 4] = struct.pack("<I", v)


def main() -> None:
    good = bytearray(open("input/two.img", "rb").read())
    heap_len, atoms, pairs, roots, roots_len = struct.unpack_from("<5Q", good, 16)
    atoms_at = HEADER
    pairs_at = atoms_at + 8 * atoms
    heap_at = pairs_at + 8 * pairs + roots_len
    assert atoms >= 1 and pairs >= 1 and heap_len >= 1

    images = {
        "short.img": good[:100],                 # shorter than the header
        "truncated.img": good[:-8],              # the last 8 bytes missing
    }
    corrupted = bytearray(good)
    corrupted[heap_at] ^= 0x01                   # one heap byte changed, checksum kept
    images["corrupted.img"] = corrupted
    cyclic = bytearray(good)
    put32(cyclic, pairs_at, 0)                   # pair 0's first = pair:0 (itself)
    images["cyclic.img"] = reseal(cyclic)
    outside = bytearray(good)
    put32(outside, atoms_at + 4, heap_len + 1)   # atom 0 ends past the heap
    images["atom_outside.img"] = reseal(outside)
    version = bytearray(good)
    put32(version, 8, 2)                         # version 2
    images["version2.img"] = reseal(version)
    ghosts = bytearray(good)
    struct.pack_into("<3Q", ghosts, 56, 5, 7, 11)  # ghost atoms, pairs, heap bytes
    images["ghosts.img"] = reseal(ghosts)
    for name, data in images.items():
        with open("input/" + name, "wb") as f:
            f.write(bytes(data))


if __name__ == "__main__":
    main()
