// SPDX-License-Identifier: Apache-2.0
// tree_hash and the TreeHasher walk behind it (and behind the sha256tree operator): iterative DFS,
// pair messages assembled in place, independent messages hashed in batches of up to four.
#include <clvm/tree_hash.hpp>

#include "tree_hash/hasher.hpp"

#include <algorithm>

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

void TreeHasher::reset() {
  // Records keep their constant bytes (tag, padding); every one becomes free.
  free_.resize(records_.size());
  for (std::size_t i = 0; i < free_.size(); ++i)
    free_[i] = static_cast<std::uint32_t>(free_.size() - 1 - i);
  ready_pairs_.clear();
  ready_atoms_.clear();
  completed_.clear();
}

void TreeHasher::release_excess() {
  constexpr std::size_t kKeep = 4 * kMaxRecords;
  if (records_.size() > kKeep) {
    records_.resize(kKeep);
    records_.shrink_to_fit();
    meta_.resize(kKeep);
    meta_.shrink_to_fit();
    free_.clear();
    free_.shrink_to_fit();
  }
  if (todo_.capacity() > kKeep) {
    todo_.clear();
    todo_.shrink_to_fit();
  }
}

void TreeHasher::add_record() {
  free_.push_back(static_cast<std::uint32_t>(records_.size()));
  records_.emplace_back();
  meta_.emplace_back();
}

void TreeHasher::atom(std::span<const std::uint8_t> bytes, std::uint32_t dest) {
  if (bytes.size() > kOneBlockAtom) return known(hash_atom(bytes), dest);
  AtomJob& job = ready_atoms_.emplace_back();
  job.msg[0] = 1;
  if (!bytes.empty()) std::memcpy(job.msg + 1, bytes.data(), bytes.size());
  crypto::sha256_pad(job.msg, bytes.size() + 1);
  job.dest = dest;
}

bool TreeHasher::flush_batch() {
  const std::uint8_t* msgs[kBatch] = {};
  std::uint8_t* outs[kBatch] = {};
  std::uint32_t dests[kBatch];
  std::uint32_t keys[kBatch];
  std::size_t n;
  if (!ready_pairs_.empty() && ready_pairs_.size() >= ready_atoms_.size()) {
    n = std::min(kBatch, ready_pairs_.size());
    const std::uint32_t* taken = ready_pairs_.data() + ready_pairs_.size() - n;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t r = taken[i];
      dests[i] = meta_[r].dest;
      keys[i] = meta_[r].key;
      msgs[i] = records_[r].bytes;
      outs[i] = slot(dests[i]);
      free_.push_back(r);
    }
    ready_pairs_.resize(ready_pairs_.size() - n);
    crypto::sha256_padded65_many(msgs, n, outs);
    for (std::size_t i = 0; i < n; ++i) {
      if (keys[i] == kNoKey) continue;
      Completed& c = completed_.emplace_back();
      c.key = keys[i];
      std::memcpy(c.hash.data(), outs[i], 32);
    }
  } else if (!ready_atoms_.empty()) {
    n = std::min(kBatch, ready_atoms_.size());
    const AtomJob* taken = ready_atoms_.data() + ready_atoms_.size() - n;
    for (std::size_t i = 0; i < n; ++i) {
      dests[i] = taken[i].dest;
      msgs[i] = taken[i].msg;
      outs[i] = slot(dests[i]);
    }
    crypto::sha256_padded_many(msgs, n, 1, outs);
    ready_atoms_.resize(ready_atoms_.size() - n);
  } else {
    return false;
  }
  for (std::size_t i = 0; i < n; ++i) arrived(dests[i]);
  return true;
}

}  // namespace tree_hash_detail

Bytes32 tree_hash(const Allocator& a, NodePtr node) {
  if (node.is_atom()) return tree_hash_detail::atom_node_hash(a, node);
  // One hasher per thread keeps its buffers between calls (tree_hash is called per puzzle).
  thread_local tree_hash_detail::TreeHasher hasher;
  auto none = [](NodePtr) {};
  return hasher.run(a, node, false, none, none);
}

}  // namespace clvm
