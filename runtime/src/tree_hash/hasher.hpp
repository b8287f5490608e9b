// SPDX-License-Identifier: Apache-2.0
// Private: the tree hash's one internal interface, used by tree_hash/*.cpp and by the sha256tree
// operator (ops/hash.cpp): the hashing primitives (tree_hash/primitives.cpp) and TreeHasher, the
// walk that batches independent node hashes for crypto::sha256_padded_many.
//
// runtime/src/tree_hash/ holds all of tree hashing:
//   hasher.hpp      this interface
//   primitives.cpp  hash_atom, hash_pair, the table of small-atom hashes
//   tree_hash.cpp   tree_hash, tree_hash_atom, tree_hash_pair and TreeHasher's out-of-line parts
//   cached.cpp      tree_hash_cached (each shared pair hashed once)
//   from_bytes.cpp  tree_hash_from_bytes (hashing a serialization as it streams)
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>

#include "crypto/sha256.hpp"

#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace clvm::tree_hash_detail {

/// Small atoms (SmallAtom values below this) have precomputed tree hashes.
inline constexpr std::uint32_t kPrecomputedSmall = 1024;

/// sha256(01 || bytes).
Bytes32 hash_atom(std::span<const std::uint8_t> bytes) noexcept;
/// sha256(02 || first || rest), one pre-padded 2-block message.
Bytes32 hash_pair(const Bytes32& first, const Bytes32& rest) noexcept;
/// The tree hashes of the SmallAtoms 0 .. kPrecomputedSmall-1 (computed on first use).
const Bytes32* small_atom_table() noexcept;
/// The tree hash of the SmallAtom `value`. Requires: value < kPrecomputedSmall.
inline const Bytes32& small_atom_hash(std::uint32_t value) noexcept {
  return small_atom_table()[value];
}
/// The tree hash of the atom node `n` (table for small values). Requires: n is an atom of `a`.
Bytes32 atom_node_hash(const Allocator& a, NodePtr n);
/// Atoms up to this length make a one-block message (01 || bytes || 80 || 64-bit length).
inline constexpr std::size_t kOneBlockAtom = 54;

/// The padded message 02 || first || rest (65 bytes, 2 blocks); child hashes are written in place.
struct alignas(16) PairMessage {
  std::uint8_t bytes[128];
  PairMessage() noexcept {
    bytes[0] = 2;
    crypto::sha256_pad(bytes, 65);
  }
  std::uint8_t* child(unsigned side) noexcept { return bytes + 1 + 32 * side; }
};

/// The padded one-block message 01 || bytes of a short atom, and where its hash goes.
struct alignas(16) AtomJob {
  std::uint8_t msg[64];
  std::uint32_t dest;
};

/// Computes tree hashes, deferring each hash until enough independent messages are ready to hash
/// them together (sha256_padded_many interleaves up to 4). A pair's message is a PairMessage record
/// whose two child slots are filled as the children's hashes arrive; it becomes ready when both
/// are in. Nodes are fed in DFS pre-order, each with a destination: kRoot for the root, child(r, s)
/// for side s of a record r that open_pair returned. Reusable: buffers persist between runs.
/// Memory: open records stay below kMaxRecords plus the tree's depth.
class TreeHasher {
 public:
  static constexpr std::uint32_t kRoot = 0xFFFF'FFFF;
  static constexpr std::uint32_t kNoKey = 0xFFFF'FFFF;
  struct Completed {
    std::uint32_t key;
    Bytes32 hash;
  };
  static constexpr std::uint32_t child(std::uint32_t record, unsigned side) noexcept {
    return 2 * record + side;
  }

  /// The tree hash of `root`. Visits nodes in DFS pre-order (rest before first when
  /// `rest_first`), calling `on_pair(node)` / `on_atom(node)` once per visit before hashing it;
  /// they may throw to abandon the walk.
  template <class OnPair, class OnAtom>
  Bytes32 run(const Allocator& a, NodePtr root, bool rest_first, OnPair&& on_pair,
              OnAtom&& on_atom);

  // ---- The feed behind run(), for other sources of pre-order nodes (a serialization). ----
  /// Starts a new tree.
  void reset();
  /// Frees buffers grown beyond a small working size (a deep tree opens one record per level), so
  /// that a long-lived (thread_local) hasher does not pin them. Call between trees.
  void release_excess();
  /// Whether to feed more nodes before flush_batch(): true while no batch is full (and not too many
  /// records are open) and whenever nothing is ready to hash.
  bool wants_more() const noexcept {
    return (ready_pairs_.empty() && ready_atoms_.empty()) ||
           (ready_pairs_.size() < kBatch && ready_atoms_.size() < kBatch &&
            records_.size() - free_.size() < kMaxRecords);
  }
  /// A pair goes to `dest`; returns its record. A `key` other than kNoKey asks for the pair's hash
  /// to be reported in completed() once computed.
  std::uint32_t open_pair(std::uint32_t dest, std::uint32_t key = kNoKey) {
    if (free_.empty()) [[unlikely]]
      add_record();
    const std::uint32_t r = free_.back();
    free_.pop_back();
    meta_[r] = {dest, 2, key};
    return r;
  }
  /// An atom with these bytes goes to `dest` (copied; hashed now if long, later if short).
  void atom(std::span<const std::uint8_t> bytes, std::uint32_t dest);
  /// An atom node of `a` goes to `dest` (table hash for small values).
  void atom(const Allocator& a, NodePtr n, std::uint32_t dest) {
    if (n.object_type() == ObjectType::SmallAtom && n.index() < kPrecomputedSmall)
      return known(small_[n.index()], dest);
    atom(a.atom(n).span(), dest);
  }
  /// A hash already known goes to `dest`.
  void known(const Bytes32& h, std::uint32_t dest) {
    std::memcpy(slot(dest), h.data(), 32);
    arrived(dest);
  }
  /// Hashes one batch of ready messages. Returns false when none was ready.
  bool flush_batch();
  /// The keyed pairs hashed so far (by flush_batch); the caller drains it.
  std::vector<Completed>& completed() noexcept { return completed_; }
  /// The root's hash, once everything fed has been flushed.
  const Bytes32& result() const noexcept { return result_; }

 private:
  static constexpr std::size_t kBatch = 4;
  static constexpr std::size_t kMaxRecords = 1024;
  struct Visit {
    NodePtr node;
    std::uint32_t dest;
  };
  struct Meta {
    std::uint32_t dest;
    std::uint32_t pending;  // children not yet hashed
    std::uint32_t key;
  };

  std::uint8_t* slot(std::uint32_t dest) noexcept {
    return dest == kRoot ? result_.data() : records_[dest >> 1].child(dest & 1);
  }
  /// The hash at `slot(dest)` has been written: counts it against its record.
  void arrived(std::uint32_t dest) {
    if (dest == kRoot) return;
    const std::uint32_t r = dest >> 1;
    if (--meta_[r].pending == 0) ready_pairs_.push_back(r);
  }
  [[gnu::noinline]] void add_record();

  std::vector<Visit> todo_;
  std::vector<PairMessage> records_;
  std::vector<Meta> meta_;
  std::vector<std::uint32_t> free_;
  std::vector<std::uint32_t> ready_pairs_;
  std::vector<AtomJob> ready_atoms_;
  std::vector<Completed> completed_;
  const Bytes32* small_ = small_atom_table();
  Bytes32 result_;
};

template <class OnPair, class OnAtom>
Bytes32 TreeHasher::run(const Allocator& a, NodePtr root, bool rest_first, OnPair&& on_pair,
                        OnAtom&& on_atom) {
  reset();
  todo_.clear();
  todo_.push_back({root, kRoot});
  const unsigned last = rest_first ? 0 : 1;  // the side visited second
  for (;;) {
    while (!todo_.empty() && wants_more()) {
      const Visit v = todo_.back();
      todo_.pop_back();
      if (v.node.is_pair()) {
        on_pair(v.node);
        const std::uint32_t r = open_pair(v.dest);
        const Pair p = a.pair(v.node);
        todo_.push_back({last == 1 ? p.rest : p.first, child(r, last)});
        todo_.push_back({last == 1 ? p.first : p.rest, child(r, 1 - last)});
      } else {
        on_atom(v.node);
        atom(a, v.node, v.dest);
      }
    }
    if (!flush_batch() && todo_.empty()) {  // nothing ready, nothing to visit
      release_excess();
      return result_;
    }
  }
}

}  // namespace clvm::tree_hash_detail
