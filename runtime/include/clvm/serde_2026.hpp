// SPDX-License-Identifier: Apache-2.0
/// \file The 2026 serialization format (clvmr `serde_2026`): magic `fd ff 32 30 32 36`, a table of
/// the distinct non-empty atoms grouped by length, then a stack-machine instruction stream that
/// rebuilds the tree and can reuse any pair already built (so shared subtrees are written once).
///
/// Varint: the number of leading 1 bits of the first byte (0..7) is the number of extra bytes;
/// after a 0 separator the remaining 7 + 7k bits are a big-endian two's-complement value.
/// Instructions: 0 push nil; 1 cons (left was pushed first); -1 cons (right pushed first);
/// N >= 2 push atom N-2; N <= -2 push pair -N-2 (pairs numbered in construction order).
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/node_ptr.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace clvm {

inline constexpr std::array<std::uint8_t, 6> kSerde2026Magic{0xfd, 0xff, 0x32, 0x30, 0x32, 0x36};

/// Limits of the 2026 reader (clvmr's defaults: 1 MiB per atom, 10 MiB of input).
struct Serde2026Limits {
  std::size_t max_atom_len = std::size_t{1} << 20;
  std::size_t max_input_bytes = 10 * (std::size_t{1} << 20);
};

/// The 2026 serialization of `node`, magic included. Every distinct atom is stored once, every
/// distinct pair is built once and referenced afterwards. Requires: `node` belongs to `a`.
std::vector<std::uint8_t> node_to_bytes_2026(const Allocator& a, NodePtr node);

/// Parses a 2026 serialization (magic included) into `a`, strictly: the magic is required, every
/// varint must be in its shortest form, the atom table holds no empty atom, lengths and counts
/// respect `limits`, every index is in range, the program leaves exactly one node and the whole
/// buffer is used. Any violation throws SerdeError(BadEncoding), an over-long varint
/// SerdeError(NonCanonicalSerialization); arena limits throw EvalError.
NodePtr node_from_bytes_2026(Allocator& a, std::span<const std::uint8_t> bytes,
                             const Serde2026Limits& limits = {});

}  // namespace clvm
