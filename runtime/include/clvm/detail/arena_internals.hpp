// SPDX-License-Identifier: Apache-2.0
/// \file detail::ArenaInternals: the parts of the node arena (clvm::Allocator) that only the
/// runtime's own evaluator and deserializers use — the unchecked bulk creators, the ghost-counter
/// mutators and the garbage collector's step. They keep clvmr's accounting exact only when used
/// as the evaluator and serde use them, so they are not part of the user API. Use:
///
///     detail::arena_internals(a).new_pair_unchecked(first, rest);
///
/// Everything here is inline where it was inline in the arena (the accessor holds a reference
/// and adds no code); the slow paths are in runtime/src/allocator.cpp, and like all of
/// clvm::detail they are not exported from the shared library (cmake/clvmpp_exports.cmake).
#pragma once

#include <clvm/allocator.hpp>

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>

namespace clvm::detail {

/// The three table lengths of a checkpoint, without its counters: what the garbage collector's
/// step rewinds to (see ArenaInternals::maybe_restore_with_node).
struct TableMark {
  std::uint32_t heap = 0, atoms = 0, pairs = 0;
};

/// The read-only internals of a const arena (what ArenaInternals reads).
class ConstArenaInternals {
 public:
  explicit ConstArenaInternals(const Allocator& a) noexcept : a_(a) {}

  /// See ArenaInternals::can_add_nodes.
  bool can_add_nodes(std::size_t atoms, std::size_t pairs, std::size_t heap_bytes) const noexcept {
    return Allocator::kMaxAtoms - a_.atom_count() >= atoms &&
           Allocator::kMaxPairs - a_.pair_count() >= pairs &&
           a_.heap_limit_ - a_.heap_len_ - a_.ghost_heap_ >= heap_bytes;
  }
  /// See ArenaInternals::table_mark.
  TableMark table_mark() const noexcept { return {a_.heap_len_, a_.atom_len_, a_.pair_len_}; }

 private:
  const Allocator& a_;
};

/// A view of one arena's internals. Cheap to make (one reference); make one per use.
class ArenaInternals {
 public:
  explicit ArenaInternals(Allocator& a) noexcept : a_(a) {}

  // ---- bulk creation: a caller proves once that a batch of nodes cannot reach any limit
  // ---- (can_add_nodes), then creates them without the per-node limit checks. Counters, ghosts,
  // ---- inline atoms and table growth are exactly those of the checked creators.

  /// True iff `atoms` more atoms, `pairs` more pairs and `heap_bytes` more heap bytes, counted as
  /// the checked creators count them (ghosts included), all fit under the limits now. Changes
  /// nothing and never throws.
  bool can_add_nodes(std::size_t atoms, std::size_t pairs, std::size_t heap_bytes) const noexcept {
    return ConstArenaInternals(a_).can_add_nodes(atoms, pairs, heap_bytes);
  }

  // The *_unchecked creators skip the limit checks only. Requires: a successful can_add_nodes
  // covers this node (asserted in Debug builds). They still grow the tables, so like the checked
  // ones they throw OutOfMemory (leaving the arena unchanged) only when memory runs out.

  /// Allocator::new_atom without the limit checks.
  NodePtr new_atom_unchecked(std::span<const std::uint8_t> v) {
    Allocator& a = a_;
    assert(a.atom_count() < Allocator::kMaxAtoms &&
           a.heap_limit_ - a.heap_len_ - a.ghost_heap_ >= v.size());
    if (auto small = fits_in_small_atom(v)) {
      ++a.ghost_atoms_;
      a.ghost_heap_ += v.size();
      return NodePtr(ObjectType::SmallAtom, *small);
    }
    const std::uint32_t start = a.heap_len_, n = static_cast<std::uint32_t>(v.size());
    if (n > a.heap_.capacity() - start || a.atom_len_ == a.atoms_.capacity()) [[unlikely]]
      a.grow_for_atom(n);
    Allocator::copy_bytes(a.heap_.data() + start, v.data(), n);
    a.atoms_.data()[a.atom_len_] = Allocator::AtomSpan{start, start + n};
    a.heap_len_ = start + n;
    return NodePtr(ObjectType::Bytes, a.atom_len_++);
  }

  /// new_atom_unchecked for an atom of 5..64 bytes (never inline). Requires: also 64 bytes
  /// readable at v.data(). When the heap has room for 64 more bytes, copies 64 without a branch on
  /// the length (the bytes past the atom land beyond the heap's length, in its capacity, and are
  /// never read); otherwise as new_atom_unchecked. Same node, counters and growth.
  NodePtr new_atom_unchecked_padded(std::span<const std::uint8_t> v) {
    Allocator& a = a_;
    assert(v.size() > 4 && v.size() <= 64);
    assert(a.atom_count() < Allocator::kMaxAtoms &&
           a.heap_limit_ - a.heap_len_ - a.ghost_heap_ >= v.size());
    const std::uint32_t start = a.heap_len_, n = static_cast<std::uint32_t>(v.size());
    if (a.heap_.capacity() - start < 64 || a.atom_len_ == a.atoms_.capacity()) [[unlikely]]
      return new_atom_unchecked(v);
    std::memcpy(a.heap_.data() + start, v.data(), 64);
    a.atoms_.data()[a.atom_len_] = Allocator::AtomSpan{start, start + n};
    a.heap_len_ = start + n;
    return NodePtr(ObjectType::Bytes, a.atom_len_++);
  }

  /// Allocator::new_small_number without the limit checks. Requires: v <= kMaxSmallValue.
  NodePtr new_small_number_unchecked(std::uint32_t v) noexcept {
    assert(v <= Allocator::kMaxSmallValue);
    const std::uint32_t len = Atom::len_for_value(v);
    assert(a_.atom_count() < Allocator::kMaxAtoms &&
           a_.heap_limit_ - a_.heap_len_ - a_.ghost_heap_ >= len);
    ++a_.ghost_atoms_;
    a_.ghost_heap_ += len;
    return NodePtr(ObjectType::SmallAtom, v);
  }

  /// Allocator::new_pair without the limit check.
  NodePtr new_pair_unchecked(NodePtr first, NodePtr rest) {
    Allocator& a = a_;
    assert(a.pair_count() < Allocator::kMaxPairs);
    const std::uint32_t idx = a.pair_len_;
    if (idx == a.pairs_.capacity()) [[unlikely]]
      a.grow_pairs();
    a.pairs_.data()[idx] = Pair{first, rest};
    a.pair_len_ = idx + 1;
    return NodePtr(ObjectType::Pair, idx);
  }

  /// new_pair_unchecked for a loop that makes many pairs with nothing else reading or making
  /// pairs in between: the table's address, length and capacity are kept in the appender (in
  /// registers) rather than re-read from the arena after every store through a node (which may
  /// alias its members). The arena's pair count is written back on destruction (also when an
  /// exception leaves the loop) or by release(). Requires: as new_pair_unchecked, for every pair;
  /// nothing else reads or changes the arena's pairs while the appender is attached.
  class PairAppender {
   public:
    explicit PairAppender(Allocator& a) noexcept
        : a_(&a),
          data_(a.pairs_.data()),
          len_(a.pair_len_),
          cap_(static_cast<std::uint32_t>(a.pairs_.capacity())) {}
    PairAppender(const PairAppender&) = delete;
    PairAppender& operator=(const PairAppender&) = delete;
    ~PairAppender() { release(); }

    /// Requires: attached (no release() yet).
    NodePtr new_pair(NodePtr first, NodePtr rest) {
      assert(a_ != nullptr && std::size_t{len_} + a_->ghost_pairs_ < Allocator::kMaxPairs);
      if (len_ == cap_) [[unlikely]]
        grow();
      data_[len_] = Pair{first, rest};
      return NodePtr(ObjectType::Pair, len_++);
    }
    /// Writes the pair count back and detaches: from here on the arena's own creators may run.
    void release() noexcept {
      if (a_ != nullptr) a_->pair_len_ = len_;
      a_ = nullptr;
    }

   private:
    [[gnu::noinline]] void grow() {
      a_->pair_len_ = len_;
      a_->grow_pairs();
      data_ = a_->pairs_.data();
      cap_ = static_cast<std::uint32_t>(a_->pairs_.capacity());
    }

    Allocator* a_;
    Pair* data_;
    std::uint32_t len_;
    std::uint32_t cap_;
  };

  /// add_ghost_pairs without the limit check.
  void add_ghost_pairs_unchecked(std::size_t n) noexcept {
    assert(Allocator::kMaxPairs - a_.pair_count() >= n);
    a_.ghost_pairs_ += n;
  }

  // ---- ghost counters: allocations clvmr makes and this runtime optimises away still count
  // ---- toward the limits (Allocator::ghost_atoms() and friends read them).

  /// Counts `n` pairs that were optimised away (the back-reference deserializer keeps its parse
  /// stack outside the arena). Throws EvalError(TooManyPairs) if that passes the limit.
  void add_ghost_pairs(std::size_t n) { add_ghost_pairs(a_, n); }
  /// Undoes add_ghost_pairs. Requires: n <= ghost_pairs().
  void remove_ghost_pairs(std::size_t n) noexcept { a_.ghost_pairs_ -= n; }
  /// The pair table: a pair's handle is its index into it. Valid until the next pair is made.
  const Pair* pair_table() const noexcept { return a_.pairs_.data(); }
  /// Counts `n` atoms that were optimised away. Throws EvalError(TooManyAtoms) if that passes the
  /// limit.
  void add_ghost_atoms(std::size_t n) { add_ghost_atoms(a_, n); }

  // ---- the garbage collector (clvmr's ENABLE_GC): rewinds that keep every count

  /// Rewinds the tables to `cp` but keeps every count: the freed amounts become ghosts (clvmr's
  /// transparent checkpoint; limits and costs are unaffected). Requires: `cp` from this arena,
  /// not rewound past.
  void restore_checkpoint_keep_counts(const Checkpoint& cp) noexcept {
    rewind_keep_counts(a_, TableMark{cp.heap, cp.atoms, cp.pairs});
  }

  /// The garbage collector's step: if rewinding to `cp` would free at least 1024 bytes (heap
  /// bytes + 8 per atom + 8 per pair) and `keep` can survive it — a node older than `cp`, an
  /// inline atom, an atom whose bytes are older than `cp` (its descriptor is re-created), a new
  /// atom of at most 48 bytes, or a longer new atom when the rewind frees at least half its length
  /// in other stored bytes (moved down to the mark; a run moves at most twice the bytes it
  /// allocates) — rewinds as restore_checkpoint_keep_counts does and
  /// returns the node that now stands for `keep`. Otherwise changes nothing and returns nullopt.
  /// Counts, limits and costs are never affected. Requires: `cp` from this arena, not rewound
  /// past.
  std::optional<NodePtr> maybe_restore_with_node(const Checkpoint& cp, NodePtr keep) noexcept {
    return maybe_restore_with_node(TableMark{cp.heap, cp.atoms, cp.pairs}, keep);
  }

  /// Gives back the newest stored pairs that are the head of `list`: from its head, while the pair
  /// is the newest one still stored. They become ghost pairs, so every count and limit is what it
  /// was; the next pairs made reuse their slots. Releases nothing if `keep_a` or `keep_b` is one of
  /// them. Returns how many were released (0 when the head is not the newest pair).
  /// Requires: nothing will read a pair of `list` again other than through `list` itself — the
  /// evaluator's argument lists, built by its Cons steps and read only by their operator, are such
  /// lists once the operator has its arguments. Never throws.
  std::uint32_t release_list_head(NodePtr list, NodePtr keep_a = Allocator::nil(),
                                  NodePtr keep_b = Allocator::nil()) noexcept {
    const std::uint32_t top = a_.pair_len_;
    std::uint32_t len = top;
    Pair* const pairs = a_.pairs_.data();
    // A pair's handle is its index (the type bits are zero), and len <= kMaxPairs < 2^26, so one
    // comparison tests both "is a pair" and "is the newest still stored".
    static_assert(Allocator::kMaxPairs < (std::size_t{1} << NodePtr::kIndexBits) &&
                  NodePtr(ObjectType::Pair, 5).raw() == 5);
    while (list.raw() + 1 == len) list = pairs[--len].rest;
    if ((keep_a.is_pair() && keep_a.index() >= len) || (keep_b.is_pair() && keep_b.index() >= len))
      return 0;
#ifndef NDEBUG
    // A stale reference to a released pair would read these handles, far past any table's end.
    for (std::uint32_t i = len; i < top; ++i)
      pairs[i] = Pair{NodePtr(ObjectType::Pair, NodePtr::kIndexMask),
                      NodePtr(ObjectType::Pair, NodePtr::kIndexMask)};
#endif
    a_.pair_len_ = len;
    a_.ghost_pairs_ += top - len;
    return top - len;
  }

  /// release_list_head(list), then Allocator::new_pair(first, rest): the same counts, limit check
  /// and result, but when a pair was released the new one takes its slot without the growth check
  /// (the evaluator's `c`). Requires: as release_list_head; `first` and `rest` are not pairs of
  /// `list`. Throws EvalError(TooManyPairs) as new_pair does, after the release.
  NodePtr release_list_head_and_cons(NodePtr list, NodePtr first, NodePtr rest) {
    if (release_list_head(list) == 0) [[unlikely]]
      return a_.new_pair(first, rest);
    const std::uint32_t idx = a_.pair_len_;
    if (idx >= Allocator::kMaxPairs - a_.ghost_pairs_) [[unlikely]]
      throw EvalError(ErrorKind::TooManyPairs);
    a_.pairs_.data()[idx] = Pair{first, rest};
    a_.pair_len_ = idx + 1;
    return NodePtr(ObjectType::Pair, idx);
  }

  /// The table lengths now (a cheaper checkpoint for maybe_restore_with_node).
  TableMark table_mark() const noexcept { return ConstArenaInternals(a_).table_mark(); }

  /// maybe_restore_with_node with only the table lengths of the checkpoint (the counters are not
  /// needed: they do not change). Requires: `mark` from this arena, not rewound past.
  std::optional<NodePtr> maybe_restore_with_node(TableMark mark, NodePtr keep) noexcept {
    if (stored_bytes_since(a_, mark) < kGcMinSaving) return std::nullopt;
    return restore_with_node(a_, mark, keep);
  }

 private:
  static constexpr std::size_t kGcMinSaving = 1024;
  static std::size_t stored_bytes_since(const Allocator& a, TableMark m) noexcept {
    return (a.heap_len_ - m.heap) +
           sizeof(Allocator::AtomSpan) * std::size_t{a.atom_len_ - m.atoms} +
           sizeof(Pair) * std::size_t{a.pair_len_ - m.pairs};
  }
  // The slow paths (runtime/src/allocator.cpp). Static, on the arena itself, so a call costs what
  // the arena's own member functions cost.
  static void add_ghost_pairs(Allocator& a, std::size_t n);
  static void add_ghost_atoms(Allocator& a, std::size_t n);
  static void rewind_keep_counts(Allocator& a, TableMark mark) noexcept;
  static std::optional<NodePtr> restore_with_node(Allocator& a, TableMark mark,
                                                  NodePtr keep) noexcept;
  static bool worth_moving(const Allocator& a, TableMark mark, std::uint32_t len) noexcept;

  Allocator& a_;
};

/// The internals of `a` (see the file comment).
inline ArenaInternals arena_internals(Allocator& a) noexcept { return ArenaInternals(a); }
/// The read-only internals of a const arena.
inline ConstArenaInternals arena_internals(const Allocator& a) noexcept {
  return ConstArenaInternals(a);
}

}  // namespace clvm::detail
