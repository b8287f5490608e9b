// SPDX-License-Identifier: Apache-2.0
/// \file Tree hashes: atom = sha256(01 || bytes), pair = sha256(02 || hash(first) || hash(rest)).
/// The hash of nil is 4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>
#include <clvm/node_ptr.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace clvm {

/// sha256(01 || bytes): the tree hash of an atom.
Bytes32 tree_hash_atom(std::span<const std::uint8_t> bytes) noexcept;

/// sha256(02 || first || rest): the tree hash of a pair.
Bytes32 tree_hash_pair(const Bytes32& first, const Bytes32& rest) noexcept;

/// The tree hash of `node` (iterative; small atoms come from a precomputed table). Every
/// occurrence of a shared subtree is hashed again; see tree_hash_cached for DAG-shaped trees.
/// Requires: `node` belongs to `a`.
Bytes32 tree_hash(const Allocator& a, NodePtr node);

/// Memoised pair hashes for tree_hash_cached, keyed by pair index in one arena. Valid while the
/// arena keeps those pairs: call clear() after restore_checkpoint() or when switching arenas.
class TreeCache {
 public:
  void clear() noexcept {
    slot_.clear();
    hashes_.clear();
  }
  /// The number of pair hashes memoised so far.
  std::size_t size() const noexcept { return hashes_.size(); }

 private:
  friend Bytes32 tree_hash_cached(const Allocator&, NodePtr, TreeCache&);
  static constexpr std::uint32_t kNone = 0xFFFF'FFFF;
  std::vector<std::uint32_t> slot_;  // per pair index: kNone or an index into hashes_
  std::vector<Bytes32> hashes_;
};

/// The tree hash of `node`, equal to tree_hash(a, node), hashing each shared pair once: a first
/// pass counts references to each pair reachable from `node`, the second memoises the pairs
/// referenced at least twice (in `cache`, which later calls reuse).
Bytes32 tree_hash_cached(const Allocator& a, NodePtr node, TreeCache& cache);

}  // namespace clvm
