// SPDX-License-Identifier: Apache-2.0
// Private: hash-consing of a node graph. Every structurally distinct subtree gets one dense id
// (atoms by bytes, pairs by their children's ids), in post-order: children have smaller ids than
// their parents. The compressing writers work on ids instead of tree hashes, so finding equal
// subtrees costs a table lookup instead of a SHA-256 per node.
#pragma once

#include <clvm/allocator.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace clvm::serde_detail {

inline constexpr std::uint32_t kNoId = 0xFFFF'FFFF;

class InternedTree {
 public:
  /// Interns the graph below `root`. Requires: `root` belongs to `a`, which outlives this object.
  InternedTree(const Allocator& a, NodePtr root);

  std::uint32_t root() const noexcept { return root_; }
  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(first_.size()); }
  bool is_atom(std::uint32_t id) const noexcept { return first_[id] == kNoId; }
  std::uint32_t first(std::uint32_t id) const noexcept { return first_[id]; }
  std::uint32_t rest(std::uint32_t id) const noexcept { return rest_[id]; }
  /// The bytes of atom `id`. Requires: is_atom(id).
  Atom atom(std::uint32_t id) const { return a_.atom(node_[id]); }
  /// The id of the empty atom, or kNoId if the tree has none.
  std::uint32_t nil_id() const noexcept { return nil_id_; }
  /// The id of the pair (first . rest), or kNoId if the tree has no such pair.
  std::uint32_t find_pair(std::uint32_t first, std::uint32_t rest) const noexcept;

 private:
  std::uint32_t intern_atom(NodePtr n);
  std::uint32_t intern_pair(NodePtr n, std::uint32_t first, std::uint32_t rest);
  std::uint32_t new_id(NodePtr n, std::uint32_t first, std::uint32_t rest);
  void grow(std::vector<std::uint32_t>& table, bool atoms);

  const Allocator& a_;
  std::vector<std::uint32_t> first_, rest_;             // kNoId in first_ marks an atom
  std::vector<NodePtr> node_;                           // one node with this structure
  std::vector<std::uint64_t> atom_hash_;                // per id (atoms only) the byte hash
  std::vector<std::uint32_t> pair_table_, atom_table_;  // open addressing, slots hold ids
  std::size_t pairs_ = 0, atoms_ = 0;
  std::uint32_t root_ = kNoId, nil_id_ = kNoId;
};

}  // namespace clvm::serde_detail
