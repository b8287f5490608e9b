// SPDX-License-Identifier: Apache-2.0
// tree_hash_cached: hashes each shared pair once. Pass 1 counts how often each pair is reached
// (stopping below pairs already memoised or already counted); pass 2 feeds the tree to a
// TreeHasher (batched hashing) and memoises every pair reached at least twice. Hashing is deferred,
// so a shared pair met again before its hash is known parks that occurrence on a waiting list
// instead of walking it again: work stays proportional to the distinct pairs.
#include <clvm/tree_hash.hpp>

#include "tree_hash/hasher.hpp"

#include <vector>

namespace clvm {

namespace {
// Per-pair state in pass 2 (pass 1 leaves 0, 1 or kShared).
constexpr std::uint32_t kShared = 2;    // reached at least twice, not yet visited
constexpr std::uint32_t kOpen = 3;      // first occurrence being hashed, nobody waiting
constexpr std::uint32_t kWaitBase = 4;  // first occurrence being hashed; waiters[s - kWaitBase]
constexpr std::uint32_t kEnd = 0xFFFF'FFFF;
struct Waiter {
  std::uint32_t dest;
  std::uint32_t next;  // the next waiter for the same pair, or kEnd
};
struct Visit {
  NodePtr node;
  std::uint32_t dest;
};
}  // namespace

Bytes32 tree_hash_cached(const Allocator& a, NodePtr node, TreeCache& cache) {
  using tree_hash_detail::TreeHasher;
  if (node.is_atom()) return tree_hash_detail::atom_node_hash(a, node);
  if (cache.slot_.size() < a.stored_pairs()) cache.slot_.resize(a.stored_pairs(), TreeCache::kNone);

  std::vector<std::uint32_t> state(a.stored_pairs(), 0);
  std::vector<NodePtr> pending{node};
  while (!pending.empty()) {
    const NodePtr n = pending.back();
    pending.pop_back();
    if (!n.is_pair() || cache.slot_[n.index()] != TreeCache::kNone) continue;
    std::uint32_t& s = state[n.index()];
    if (s++ != 0) {
      s = kShared;
      continue;
    }
    const Pair p = a.pair(n);
    pending.push_back(p.rest);
    pending.push_back(p.first);
  }

  thread_local TreeHasher hasher;  // keeps its buffers between calls
  hasher.reset();
  std::vector<Waiter> waiters;
  std::vector<Visit> todo{{node, TreeHasher::kRoot}};
  for (;;) {
    while (!todo.empty() && hasher.wants_more()) {
      const Visit v = todo.back();
      todo.pop_back();
      if (!v.node.is_pair()) {
        hasher.atom(a, v.node, v.dest);
        continue;
      }
      const std::uint32_t i = v.node.index();
      if (const std::uint32_t slot = cache.slot_[i]; slot != TreeCache::kNone) {
        hasher.known(cache.hashes_[slot], v.dest);
        continue;
      }
      std::uint32_t& s = state[i];
      if (s >= kOpen) {
        waiters.push_back({v.dest, s == kOpen ? kEnd : s - kWaitBase});
        s = kWaitBase + static_cast<std::uint32_t>(waiters.size() - 1);
        continue;
      }
      const std::uint32_t key = s == kShared ? i : TreeHasher::kNoKey;
      if (s == kShared) s = kOpen;
      const std::uint32_t r = hasher.open_pair(v.dest, key);
      const Pair p = a.pair(v.node);
      todo.push_back({p.rest, TreeHasher::child(r, 1)});
      todo.push_back({p.first, TreeHasher::child(r, 0)});
    }
    const bool hashed = hasher.flush_batch();
    auto& done = hasher.completed();  // memoise, then hand the hash to the waiting occurrences
    for (const TreeHasher::Completed& c : done) {
      cache.slot_[c.key] = static_cast<std::uint32_t>(cache.hashes_.size());
      cache.hashes_.push_back(c.hash);
      const std::uint32_t s = state[c.key];
      for (std::uint32_t w = s >= kWaitBase ? s - kWaitBase : kEnd; w != kEnd; w = waiters[w].next)
        hasher.known(c.hash, waiters[w].dest);
    }
    done.clear();
    if (!hashed && todo.empty()) {
      hasher.release_excess();
      return hasher.result();
    }
  }
}

}  // namespace clvm
