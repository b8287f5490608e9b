// SPDX-License-Identifier: Apache-2.0
/// \file Environment path lookup (clvmr's src/traverse_path.rs): an atom program names a node of
/// the environment by the bits of its value.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>

#include <bit>

namespace clvm::eval {

inline constexpr Cost kTraverseBaseCost = 40;
inline constexpr Cost kTraverseCostPerZeroByte = 4;
inline constexpr Cost kTraverseCostPerBit = 4;

/// Follows `path` (an atom, read as a big-endian bit string whose highest set bit terminates;
/// below it, LSB first, 0 = first, 1 = rest) from `env`. Returns the node and its cost:
/// 40 + 4 per leading zero byte + 4 + 4 per bit followed. A path of only zero bytes (or empty)
/// gives nil. Throws EvalError(PathIntoAtom) naming the atom it would have to descend into.
/// Requires: `path` is an atom of `a`.
Reduction traverse_path(const Allocator& a, NodePtr path, NodePtr env);

[[noreturn]] void throw_path_into_atom(NodePtr node);

/// traverse_path for an inline path (SmallAtom value `v`), without decoding bytes: same node, cost
/// and error. The canonical encoding has a leading zero byte exactly when bit_width(v) is a
/// multiple of 8.
inline Reduction traverse_small_path(const Allocator& a, std::uint32_t v, NodePtr env) {
  if (v == 0) return {kTraverseBaseCost + kTraverseCostPerBit, Allocator::nil()};
  const auto bits = static_cast<Cost>(std::bit_width(v));
  const Cost cost = kTraverseBaseCost + ((bits & 7) == 0 ? kTraverseCostPerZeroByte : 0) +
                    bits * kTraverseCostPerBit;
  NodePtr node = env;
  for (; v > 1; v >>= 1) {
    if (!node.is_pair()) [[unlikely]]
      throw_path_into_atom(node);
    const Pair p = a.pair(node);
    node = (v & 1) != 0 ? p.rest : p.first;
  }
  return {cost, node};
}

}  // namespace clvm::eval
