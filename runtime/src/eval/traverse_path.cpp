// SPDX-License-Identifier: Apache-2.0
#include "eval/traverse_path.hpp"

#include <bit>
#include <cstddef>
#include <cstdint>

namespace clvm::eval {

void throw_path_into_atom(NodePtr node) { throw EvalError(ErrorKind::PathIntoAtom, {}, node); }

Reduction traverse_path(const Allocator& a, NodePtr path, NodePtr env) {
  if (path.object_type() == ObjectType::SmallAtom) return traverse_small_path(a, path.index(), env);
  const Atom bytes = a.atom(path);
  std::size_t lead = 0;
  while (lead < bytes.size() && bytes[lead] == 0) ++lead;
  Cost cost =
      kTraverseBaseCost + static_cast<Cost>(lead) * kTraverseCostPerZeroByte + kTraverseCostPerBit;
  if (lead == bytes.size()) return {cost, Allocator::nil()};

  // The most significant set bit is the terminator; the bits below it are followed LSB first.
  const std::uint8_t stop_mask = std::uint8_t(1u << (std::bit_width(bytes[lead]) - 1));
  std::size_t byte_idx = bytes.size() - 1;
  std::uint8_t mask = 1;
  NodePtr node = env;
  while (byte_idx > lead || mask < stop_mask) {
    if (!node.is_pair()) throw_path_into_atom(node);
    const Pair p = a.pair(node);
    node = (bytes[byte_idx] & mask) != 0 ? p.rest : p.first;
    cost += kTraverseCostPerBit;
    if (mask == 0x80) {
      mask = 1;
      --byte_idx;
    } else {
      mask = std::uint8_t(mask << 1);
    }
  }
  return {cost, node};
}

}  // namespace clvm::eval
