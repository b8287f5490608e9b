// SPDX-License-Identifier: Apache-2.0
// tree_hash: iterative post-order over the node graph with a stack of child hashes.
#include <clvm/tree_hash.hpp>

#include "serde/tree_hash_detail.hpp"

#include <vector>

namespace clvm {

Bytes32 tree_hash_atom(std::span<const std::uint8_t> bytes) noexcept {
  return tree_hash_detail::hash_atom(bytes);
}

Bytes32 tree_hash_pair(const Bytes32& first, const Bytes32& rest) noexcept {
  return tree_hash_detail::hash_pair(first, rest);
}

namespace tree_hash_detail {

/// The hash of an atom node, from the table when it is a small value.
Bytes32 atom_node_hash(const Allocator& a, NodePtr n) {
  if (n.object_type() == ObjectType::SmallAtom && n.index() < kPrecomputedSmall)
    return small_atom_hash(n.index());
  return hash_atom(a.atom(n).span());
}

}  // namespace tree_hash_detail

Bytes32 tree_hash(const Allocator& a, NodePtr node) {
  // `todo` holds nodes to hash, or (with kCons set) a pair whose two child hashes are on `hashes`.
  constexpr std::uint64_t kCons = std::uint64_t{1} << 32;
  std::vector<std::uint64_t> todo{node.raw()};
  std::vector<Bytes32> hashes;
  while (!todo.empty()) {
    const std::uint64_t op = todo.back();
    todo.pop_back();
    const NodePtr n = NodePtr::from_raw(static_cast<std::uint32_t>(op));
    if ((op & kCons) != 0) {
      const Bytes32 rest = hashes.back();
      hashes.pop_back();
      hashes.back() = tree_hash_detail::hash_pair(hashes.back(), rest);
    } else if (n.is_pair()) {
      const Pair p = a.pair(n);
      todo.push_back(kCons | n.raw());
      todo.push_back(p.rest.raw());
      todo.push_back(p.first.raw());
    } else {
      hashes.push_back(tree_hash_detail::atom_node_hash(a, n));
    }
  }
  return hashes.back();
}

}  // namespace clvm
