// SPDX-License-Identifier: Apache-2.0
// InternedTree: iterative post-order hash-consing with two open-addressing tables (pairs keyed by
// child ids, atoms by bytes) and per-NodePtr memos so a shared arena node is visited once.
#include "serde/intern.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace clvm::serde_detail {
namespace {

constexpr std::uint64_t mix(std::uint64_t x) noexcept {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  return x;
}

std::uint64_t hash_bytes(std::span<const std::uint8_t> b) noexcept {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ b.size();
  std::size_t i = 0;
  for (; i + 8 <= b.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, b.data() + i, 8);
    h = mix(h ^ w) + i;
  }
  std::uint64_t tail = 0;
  if (i < b.size()) std::memcpy(&tail, b.data() + i, b.size() - i);
  return mix(h ^ tail ^ (std::uint64_t{b.size()} << 56));
}

constexpr std::size_t kSmallMemo = 1024;

constexpr std::uint64_t pair_key(std::uint32_t f, std::uint32_t r) noexcept {
  return (std::uint64_t{f} << 32) | r;
}

}  // namespace

InternedTree::InternedTree(const Allocator& a, NodePtr root) : a_(a) {
  // The arena's sizes bound the number of distinct nodes; capped so that a small tree in a huge
  // arena does not pay for tables it cannot fill (they still grow on demand).
  constexpr std::size_t kMaxPresize = std::size_t{1} << 20;
  const std::size_t pairs_hint = std::min(a.stored_pairs(), kMaxPresize);
  const std::size_t atoms_hint = std::min(a.stored_atoms(), kMaxPresize);
  pair_table_.assign(std::max<std::size_t>(1024, std::bit_ceil(pairs_hint * 2)), kNoId);
  atom_table_.assign(std::max<std::size_t>(1024, std::bit_ceil(atoms_hint * 2)), kNoId);
  first_.reserve(pairs_hint + atoms_hint);
  rest_.reserve(pairs_hint + atoms_hint);
  node_.reserve(pairs_hint + atoms_hint);
  std::vector<std::uint32_t> pair_memo(a.stored_pairs(), kNoId);
  std::vector<std::uint32_t> atom_memo(a.stored_atoms(), kNoId);
  std::vector<std::uint32_t> small_memo(kSmallMemo, kNoId);  // inline atoms below kSmallMemo

  constexpr std::uint64_t kDone = std::uint64_t{1} << 32;
  std::vector<std::uint64_t> todo{root.raw()};
  std::vector<std::uint32_t> ids;
  while (!todo.empty()) {
    const std::uint64_t op = todo.back();
    todo.pop_back();
    const NodePtr n = NodePtr::from_raw(static_cast<std::uint32_t>(op));
    if ((op & kDone) != 0) {
      const std::uint32_t r = ids.back();
      ids.pop_back();
      const std::uint32_t id = intern_pair(n, ids.back(), r);
      ids.back() = id;
      pair_memo[n.index()] = id;
    } else if (n.is_pair()) {
      if (const std::uint32_t m = pair_memo[n.index()]; m != kNoId) {
        ids.push_back(m);
        continue;
      }
      const Pair p = a.pair(n);
      todo.push_back(kDone | n.raw());
      todo.push_back(p.rest.raw());
      todo.push_back(p.first.raw());
    } else if (n.object_type() == ObjectType::Bytes) {
      std::uint32_t& m = atom_memo[n.index()];
      if (m == kNoId) m = intern_atom(n);
      ids.push_back(m);
    } else if (n.index() < kSmallMemo) {
      std::uint32_t& m = small_memo[n.index()];
      if (m == kNoId) m = intern_atom(n);
      ids.push_back(m);
    } else {
      ids.push_back(intern_atom(n));
    }
  }
  root_ = ids.back();
}

std::uint32_t InternedTree::new_id(NodePtr n, std::uint32_t first, std::uint32_t rest) {
  const auto id = static_cast<std::uint32_t>(first_.size());
  first_.push_back(first);
  rest_.push_back(rest);
  node_.push_back(n);
  return id;
}

void InternedTree::grow(std::vector<std::uint32_t>& table, bool atoms) {
  std::vector<std::uint32_t> bigger(table.size() * 2, kNoId);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint32_t id : table) {
    if (id == kNoId) continue;
    std::size_t i = (atoms ? atom_hash_[id] : mix(pair_key(first_[id], rest_[id]))) & mask;
    while (bigger[i] != kNoId) i = (i + 1) & mask;
    bigger[i] = id;
  }
  table.swap(bigger);
}

std::uint32_t InternedTree::intern_atom(NodePtr n) {
  const Atom bytes = a_.atom(n);
  const std::uint64_t h = hash_bytes(bytes.span());
  const std::size_t mask = atom_table_.size() - 1;
  std::size_t i = h & mask;
  for (; atom_table_[i] != kNoId; i = (i + 1) & mask) {
    const std::uint32_t id = atom_table_[i];
    if (atom_hash_[id] == h && a_.atom(node_[id]) == bytes) return id;
  }
  const std::uint32_t id = new_id(n, kNoId, kNoId);
  atom_hash_.resize(id + 1);
  atom_hash_[id] = h;
  atom_table_[i] = id;
  if (bytes.empty()) nil_id_ = id;
  if (++atoms_ * 2 > atom_table_.size()) grow(atom_table_, true);
  return id;
}

std::uint32_t InternedTree::find_pair(std::uint32_t first, std::uint32_t rest) const noexcept {
  if (first == kNoId || rest == kNoId) return kNoId;
  const std::size_t mask = pair_table_.size() - 1;
  for (std::size_t i = mix(pair_key(first, rest)) & mask; pair_table_[i] != kNoId;
       i = (i + 1) & mask) {
    const std::uint32_t id = pair_table_[i];
    if (first_[id] == first && rest_[id] == rest) return id;
  }
  return kNoId;
}

std::uint32_t InternedTree::intern_pair(NodePtr n, std::uint32_t first, std::uint32_t rest) {
  const std::size_t mask = pair_table_.size() - 1;
  std::size_t i = mix(pair_key(first, rest)) & mask;
  for (; pair_table_[i] != kNoId; i = (i + 1) & mask) {
    const std::uint32_t id = pair_table_[i];
    if (first_[id] == first && rest_[id] == rest) return id;
  }
  const std::uint32_t id = new_id(n, first, rest);
  pair_table_[i] = id;
  if (++pairs_ * 2 > pair_table_.size()) grow(pair_table_, false);
  return id;
}

}  // namespace clvm::serde_detail
