// SPDX-License-Identifier: Apache-2.0
// tree_hash_cached: hashes each shared pair once. Pass 1 counts how often each pair is reached
// (stopping below pairs already memoised or already counted); pass 2 hashes like tree_hash and
// memoises every pair reached at least twice.
#include <clvm/tree_hash.hpp>

#include "serde/tree_hash_detail.hpp"

#include <vector>

namespace clvm {

Bytes32 tree_hash_cached(const Allocator& a, NodePtr node, TreeCache& cache) {
  if (cache.slot_.size() < a.stored_pairs()) cache.slot_.resize(a.stored_pairs(), TreeCache::kNone);

  std::vector<std::uint8_t> refs(a.stored_pairs(), 0);  // saturates at 2
  std::vector<NodePtr> todo{node};
  while (!todo.empty()) {
    const NodePtr n = todo.back();
    todo.pop_back();
    if (!n.is_pair() || cache.slot_[n.index()] != TreeCache::kNone) continue;
    std::uint8_t& r = refs[n.index()];
    if (r++ != 0) {
      r = 2;
      continue;
    }
    const Pair p = a.pair(n);
    todo.push_back(p.rest);
    todo.push_back(p.first);
  }

  constexpr std::uint64_t kCons = std::uint64_t{1} << 32;
  std::vector<std::uint64_t> ops{node.raw()};
  std::vector<Bytes32> hashes;
  while (!ops.empty()) {
    const std::uint64_t op = ops.back();
    ops.pop_back();
    const NodePtr n = NodePtr::from_raw(static_cast<std::uint32_t>(op));
    if ((op & kCons) != 0) {
      const Bytes32 rest = hashes.back();
      hashes.pop_back();
      hashes.back() = tree_hash_detail::hash_pair(hashes.back(), rest);
      if (refs[n.index()] >= 2) {
        cache.slot_[n.index()] = static_cast<std::uint32_t>(cache.hashes_.size());
        cache.hashes_.push_back(hashes.back());
      }
    } else if (n.is_pair()) {
      const std::uint32_t slot = cache.slot_[n.index()];
      if (slot != TreeCache::kNone) {
        hashes.push_back(cache.hashes_[slot]);
        continue;
      }
      const Pair p = a.pair(n);
      ops.push_back(kCons | n.raw());
      ops.push_back(p.rest.raw());
      ops.push_back(p.first.raw());
    } else {
      hashes.push_back(tree_hash_detail::atom_node_hash(a, n));
    }
  }
  return hashes.back();
}

}  // namespace clvm
