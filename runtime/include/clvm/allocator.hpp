// SPDX-License-Identifier: Apache-2.0
/// \file clvm::Allocator: the node arena. Atoms (bytes on one heap, or small integers inline in the
/// NodePtr) and pairs live in three contiguous tables whose memory comes from clvm::mem. Limits and
/// counters are exactly clvmr's, ghost counters included, so every TooManyAtoms / TooManyPairs /
/// OutOfMemory happens at the same allocation as in clvmr.
///
/// This header is the user API. The runtime's evaluator and deserializers also use internals
/// (unchecked bulk creators, ghost-counter mutators, the garbage collector's step) through
/// clvm/detail/arena_internals.hpp.
#pragma once

#include <clvm/atom.hpp>
#include <clvm/detail/region.hpp>
#include <clvm/error.hpp>
#include <clvm/mem/bump.hpp>
#include <clvm/mem/page.hpp>
#include <clvm/node_ptr.hpp>
#include <clvm/number.hpp>

#include <cassert>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>
#include <variant>

namespace clvm {

/// The two halves of a pair.
struct Pair {
  NodePtr first;
  NodePtr rest;
  friend constexpr bool operator==(Pair, Pair) noexcept = default;
};

/// What a node is: an atom (its bytes) or a pair.
using SExp = std::variant<Atom, Pair>;

/// A saved arena state (see Allocator::checkpoint).
struct Checkpoint {
  std::uint32_t heap = 0, atoms = 0, pairs = 0;
  std::uint64_t ghost_atoms = 0, ghost_pairs = 0, ghost_heap = 0;
};

/// Returns the value of `bytes` if it is the canonical encoding of an integer in [0, 2^26) (the
/// values stored inline in a NodePtr), else nullopt. Empty is 0; `00` and redundant leading zeros
/// are not canonical.
constexpr std::optional<std::uint32_t> fits_in_small_atom(
    std::span<const std::uint8_t> v) noexcept {
  const std::size_t n = v.size();
  if (n == 0) return 0;
  if (n > 4 || (v[0] & 0x80) != 0 || (n == 1 && v[0] == 0) || (v[0] == 0 && (v[1] & 0x80) == 0) ||
      (n == 4 && v[0] > 0x03))
    return std::nullopt;
  std::uint32_t r = 0;
  for (std::uint8_t b : v) r = (r << 8) | b;
  return r;
}

class Image;
namespace detail {
class ArenaInternals;
class ConstArenaInternals;
}  // namespace detail

class Allocator {
 public:
  static constexpr std::size_t kMaxAtoms = 62'500'000;
  static constexpr std::size_t kMaxPairs = 62'500'000;
  /// The default and largest heap limit: 4 GiB - 1 (atom offsets are 32-bit).
  static constexpr std::size_t kMaxHeapLimit = 0xFFFF'FFFF;
  static constexpr std::uint32_t kMaxSmallValue = NodePtr::kIndexMask;

  /// An arena on page memory (reserve-then-commit): tables grow in place, nothing is copied, atom
  /// views and NodePtrs stay valid as the arena grows. Heap limit: kMaxHeapLimit.
  Allocator() : Allocator(kMaxHeapLimit) {}

  /// As Allocator(), with the heap limit `heap_limit` bytes (clvmr's new_limited). Throws
  /// std::invalid_argument if heap_limit is 0 or above kMaxHeapLimit.
  explicit Allocator(std::size_t heap_limit);

  /// As Allocator(heap_limit), with the huge-page choice for the tables' page memory: with
  /// mem::HugePages::Advise the heap and the pair/atom tables (reservations of hundreds of MiB)
  /// are advised as transparent huge pages (mem::PageAllocator). Allocator(heap_limit) is
  /// Allocator(heap_limit, kDefaultHugePages). Answers, costs and limits never depend on it; see
  /// docs/performance.md ("Huge pages") for when it pays. Throws std::invalid_argument if
  /// heap_limit is 0 or above kMaxHeapLimit.
  Allocator(std::size_t heap_limit, mem::HugePages huge_pages);

  /// The huge-page choice of Allocator() and Allocator(heap_limit): Off (measured: first touches
  /// of huge pages cost more system time than they save unless one arena is reused warm).
  static constexpr mem::HugePages kDefaultHugePages = mem::HugePages::Off;

  /// The huge-page choice this arena's page memory was made with; Off for arenas over a caller's
  /// upstream or buffer (their memory is not the arena's to advise).
  mem::HugePages huge_pages() const noexcept;

  /// Lowers (or raises back) the heap limit, e.g. to reuse one arena for LIMIT_HEAP cases. Throws
  /// std::invalid_argument if heap_limit is 0, above the limit the arena was made with, or below
  /// heap_size() (what is counted now must still fit).
  void set_heap_limit(std::size_t heap_limit);

  /// clvmr's spelling of Allocator(heap_limit).
  static Allocator new_limited(std::size_t heap_limit) { return Allocator(heap_limit); }

  /// An arena whose tables come from `upstream` (any clvm::mem allocator, e.g. a
  /// TrackingAllocator to see what the arena uses). `upstream` must outlive the arena. Without
  /// in-place growth, growing a table copies it: atom views may then dangle (NodePtrs stay valid).
  explicit Allocator(mem::AllocatorRef upstream, std::size_t heap_limit = kMaxHeapLimit);

  /// An arena inside the caller's `buffer` (bump allocation, no heap allocation at all). When the
  /// buffer is full, allocation fails with OutOfMemory. `buffer` must outlive the arena.
  static Allocator over_buffer(std::span<std::byte> buffer, std::size_t heap_limit = kMaxHeapLimit);

  Allocator(Allocator&& o) noexcept;
  Allocator& operator=(Allocator&& o) noexcept;
  Allocator(const Allocator&) = delete;
  Allocator& operator=(const Allocator&) = delete;
  ~Allocator() = default;

  // ---- creating nodes. Each throws EvalError (TooManyAtoms, TooManyPairs, OutOfMemory) when a
  // ---- limit is hit, exactly where clvmr fails, and leaves the arena unchanged then.

  /// A new atom holding a copy of `bytes` (inline when it is a canonical integer below 2^26).
  NodePtr new_atom(std::span<const std::uint8_t> bytes);
  NodePtr new_atom(std::string_view s) {
    return new_atom(std::span{reinterpret_cast<const std::uint8_t*>(s.data()), s.size()});
  }
  NodePtr new_atom(const char* s) { return new_atom(std::string_view(s)); }

  /// The atom for `v`. Requires: v <= kMaxSmallValue.
  NodePtr new_small_number(std::uint32_t v) {
    assert(v <= kMaxSmallValue);
    const std::uint32_t len = Atom::len_for_value(v);
    if (heap_limit_ - heap_len_ - ghost_heap_ < len || atom_len_ + ghost_atoms_ == kMaxAtoms)
        [[unlikely]]
      throw_small_number_limit(len);
    ++ghost_atoms_;
    ghost_heap_ += len;
    return NodePtr(ObjectType::SmallAtom, v);
  }

  /// The atom holding the minimal encoding of `n`.
  NodePtr new_number(const Number& n);

  /// A new pair (first . rest).
  NodePtr new_pair(NodePtr first, NodePtr rest) {
    const std::uint32_t idx = pair_len_;
    if (idx >= kMaxPairs - ghost_pairs_) [[unlikely]]
      throw EvalError(ErrorKind::TooManyPairs);
    if (idx == pairs_.capacity()) [[unlikely]]
      grow_pairs();
    pairs_.data()[idx] = Pair{first, rest};
    pair_len_ = idx + 1;
    return NodePtr(ObjectType::Pair, idx);
  }

  /// The bytes [start, end) of atom `node`, sharing the heap bytes where it can. Throws EvalError
  /// (InvalidAllocArg) on bad bounds, (InternalError) if `node` is a pair.
  NodePtr new_substr(NodePtr node, std::uint32_t start, std::uint32_t end);

  /// The concatenation of the atoms `nodes`, whose lengths add up to `new_size`. heap_size() grows
  /// by new_size, as clvmr's; when the first atom's bytes end the stored heap (an accumulator
  /// concatenated onto), the result shares them and only the rest is stored. Throws EvalError
  /// (InternalError) if a node is a pair or the lengths do not add up.
  NodePtr new_concat(std::size_t new_size, std::span<const NodePtr> nodes);

  /// The uncounted constants (clvmr's nil() and one()).
  static constexpr NodePtr nil() noexcept { return NodePtr(ObjectType::SmallAtom, 0); }
  static constexpr NodePtr one() noexcept { return NodePtr(ObjectType::SmallAtom, 1); }

  // ---- reading nodes. Requires: `node` was made by this arena and not rewound.

  static constexpr bool is_atom(NodePtr node) noexcept { return node.is_atom(); }
  static constexpr bool is_pair(NodePtr node) noexcept { return node.is_pair(); }

  /// The atom's bytes. Throws EvalError (InternalError) if `node` is a pair.
  Atom atom(NodePtr node) const {
    switch (node.object_type()) {
      case ObjectType::Bytes: {
        const AtomSpan s = atoms_.data()[node.index()];
        return Atom(std::span{heap_.data() + s.start, s.end - s.start});
      }
      case ObjectType::SmallAtom:
        return Atom::small(node.index());
      default:
        throw_expected_atom(node);
    }
  }

  /// The atom's length in bytes. Throws as atom().
  std::size_t atom_len(NodePtr node) const {
    switch (node.object_type()) {
      case ObjectType::Bytes: {
        const AtomSpan s = atoms_.data()[node.index()];
        return s.end - s.start;
      }
      case ObjectType::SmallAtom:
        return Atom::len_for_value(node.index());
      default:
        throw_expected_atom(node);
    }
  }

  /// The two halves. Requires: node.is_pair().
  Pair pair(NodePtr node) const noexcept { return pairs_.data()[node.index()]; }

  /// The node as a variant.
  SExp sexp(NodePtr node) const {
    if (node.is_pair()) return pair(node);
    return atom(node);
  }

  /// The halves if `node` is a pair, else nullopt (for walking lists).
  std::optional<Pair> next(NodePtr node) const noexcept {
    if (node.is_pair()) return pair(node);
    return std::nullopt;
  }

  /// Byte equality of two atoms across representations. Throws as atom() on a pair.
  bool atom_eq(NodePtr a, NodePtr b) const;

  /// The value if the atom is a canonical integer in [0, 2^26), else nullopt (pairs too).
  std::optional<std::uint32_t> small_number(NodePtr node) const noexcept {
    if (node.object_type() == ObjectType::SmallAtom) return node.index();
    if (node.is_pair()) return std::nullopt;
    return fits_in_small_atom(atom(node).span());
  }

  /// The atom as a two's-complement integer. Throws as atom() on a pair.
  Number number(NodePtr node) const;

  /// Iterates the items of a list: `for (NodePtr item : a.list(node))`. Stops at the first atom
  /// (the terminator, which need not be nil).
  class ListRange;
  ListRange list(NodePtr node) const noexcept;

  // ---- checkpoints (stack-like mark/rewind)

  /// The current state: table lengths and ghost counters.
  Checkpoint checkpoint() const noexcept {
    return {heap_len_, atom_len_, pair_len_, ghost_atoms_, ghost_pairs_, ghost_heap_};
  }

  /// Rewinds to `cp`: every node made since is gone (its NodePtrs invalid), its memory given back
  /// and it no longer counts toward the limits. Requires: `cp` is from this arena and the arena has
  /// not been restored to an earlier point since (restores only go backwards; asserted).
  void restore_checkpoint(const Checkpoint& cp) noexcept;

  // ---- memory policy: neither changes a consensus answer below the ceiling

  /// Table capacity restore_checkpoint keeps by default (64 MiB): rewinding frees the pages of a
  /// heavy run beyond this, and keeps the rest committed and resident for the next run.
  static constexpr std::size_t kDefaultRetention = std::size_t{64} << 20;

  /// How many bytes of table capacity (reserved_bytes()) restore_checkpoint may keep beyond what
  /// the rewound tables need (clvmr keeps all of it: its vectors only truncate). Capacity up to
  /// this is not given back, so a batch of heavy cases does not fault its pages in again and
  /// again; above it the tables shrink as before. 0 gives back everything it can. The heap's
  /// capacity is kept first, then the atom table's, then the pair table's.
  void set_retention(std::size_t bytes) noexcept { retention_ = bytes; }
  std::size_t retention() const noexcept { return retention_; }

  /// Caps reserved_bytes() (the three tables' capacity: the arena's memory) at `bytes`: a growth
  /// that would pass it fails with EvalError(OutOfMemory), as if the upstream were exhausted, and
  /// sets ceiling_reached(). Default: none. A ceiling below what a consensus run may need (the
  /// heap limit plus 8 bytes per atom and per pair) can fail a run clvmr would finish: callers
  /// that set one report an OutOfMemory with ceiling_reached() as ErrorKind::MemoryCeiling (the
  /// BatchRunner does). Capacity already above `bytes` is not taken back until a rewind.
  void set_memory_ceiling(std::size_t bytes) noexcept { ceiling_ = bytes; }
  std::size_t memory_ceiling() const noexcept { return ceiling_; }
  /// Whether the ceiling refused a growth since construction or clear_ceiling_reached().
  bool ceiling_reached() const noexcept { return ceiling_reached_; }
  void clear_ceiling_reached() noexcept { ceiling_reached_ = false; }

  // ---- counters (clvmr's, ghosts included: what counts toward the limits)

  std::size_t atom_count() const noexcept { return atom_len_ + ghost_atoms_; }
  std::size_t pair_count() const noexcept { return pair_len_ + ghost_pairs_; }
  /// As clvmr's heap_size(): stored + ghost bytes + the 1-byte `one()` clvmr pre-allocates, so a
  /// fresh arena reports 1 and a full one reports exactly heap_limit().
  std::size_t heap_size() const noexcept { return heap_len_ + ghost_heap_ + 1; }
  std::size_t heap_limit() const noexcept { return heap_limit_ + 1; }

  /// What is actually stored: atoms in the atom table, pairs in the pair table, heap bytes.
  std::size_t stored_atoms() const noexcept { return atom_len_; }
  std::size_t stored_pairs() const noexcept { return pair_len_; }
  std::size_t stored_heap_bytes() const noexcept { return heap_len_; }
  /// The stored heap (for dumps and images).
  std::span<const std::uint8_t> heap_bytes() const noexcept { return {heap_.data(), heap_len_}; }

  /// Where the bytes of stored atom `index` (0 <= index < stored_atoms()) start on the heap, and
  /// how many there are (for dumps and images; a substr shares its source's bytes).
  std::pair<std::uint32_t, std::uint32_t> atom_extent(std::uint32_t index) const noexcept {
    const AtomSpan s = atoms_.data()[index];
    return {s.start, s.end - s.start};
  }

  // ---- memory: what the tables store and what they hold (for reports; never affects limits)

  /// Bytes stored now: heap bytes + 8 per stored atom + 8 per stored pair. (An inline atom and
  /// the ghosts take none.)
  std::size_t used_bytes() const noexcept {
    return heap_len_ + sizeof(AtomSpan) * std::size_t{atom_len_} + sizeof(Pair) * pair_len_;
  }
  /// The largest used_bytes() since construction or reset_peaks().
  std::size_t peak_used_bytes() const noexcept {
    const std::size_t now = used_bytes();
    return now > peak_used_ ? now : peak_used_;
  }
  /// Bytes the three tables hold now (their capacities: on page memory the committed part of the
  /// reservation; pages never written take no physical memory).
  std::size_t reserved_bytes() const noexcept {
    return heap_.capacity() + sizeof(AtomSpan) * atoms_.capacity() +
           sizeof(Pair) * pairs_.capacity();
  }
  /// The largest reserved_bytes() since construction or reset_peaks().
  std::size_t peak_reserved_bytes() const noexcept {
    const std::size_t now = reserved_bytes();
    return now > peak_reserved_ ? now : peak_reserved_;
  }
  /// Starts both peaks afresh from the current values (e.g. before one run of a program).
  void reset_peaks() noexcept {
    peak_used_ = used_bytes();
    peak_reserved_ = reserved_bytes();
  }

  /// Accounting of optimised-away allocations, as clvmr keeps it (see the facts in docs/; the
  /// runtime changes them through detail::ArenaInternals).
  std::size_t ghost_atoms() const noexcept { return ghost_atoms_; }
  std::size_t ghost_pairs() const noexcept { return ghost_pairs_; }
  std::size_t ghost_heap() const noexcept { return ghost_heap_; }

 private:
  struct AtomSpan {
    std::uint32_t start, end;
  };
  struct PageUpstream {
    mem::PageAllocator heap;
    mem::PageAllocator tables;
  };
  struct OverBufferTag {};
  Allocator(OverBufferTag, std::span<std::byte> buffer, std::size_t heap_limit);
  friend class Image;                   // builds an arena over a mapped image's tables
  friend class detail::ArenaInternals;  // the runtime's bulk creators, ghosts and GC step
  friend class detail::ConstArenaInternals;
  struct Borrowed {
    std::span<std::uint8_t> heap;
    std::span<AtomSpan> atoms;
    std::span<Pair> pairs;
  };
  void adopt_borrowed(const Borrowed& b) noexcept;

  // Before the tables shrink or rewind: remember the peaks.
  void note_peaks() noexcept {
    peak_used_ = peak_used_bytes();
    peak_reserved_ = peak_reserved_bytes();
  }
  [[noreturn]] void throw_small_number_limit(std::size_t len) const;
  void bind_regions() noexcept;
  void check_atom_limit() const {
    if (atom_len_ + ghost_atoms_ == kMaxAtoms) [[unlikely]]
      throw EvalError(ErrorKind::TooManyAtoms);
  }
  void check_heap(std::size_t n) const {
    if (heap_limit_ - heap_len_ - ghost_heap_ < n) [[unlikely]]
      throw EvalError(ErrorKind::OutOfMemory);
  }
  NodePtr push_atom(std::uint32_t start, std::uint32_t end);
  std::uint8_t* heap_reserve(std::size_t n);
  [[gnu::noinline]] void grow_pairs();
  // Region::reserve under the memory ceiling (recording a refusal), never past `max` elements
  // (the table's limit, which its page reservation holds exactly: doubling past it would leave
  // the reservation and copy the whole table), nor below `n`.
  template <class T>
  bool grow_region(detail::Region<T>& r, std::size_t n, std::size_t used, std::size_t initial,
                   std::size_t max);
  // Makes room for one more atom of `n` heap bytes, failing as new_atom does (heap first).
  [[gnu::noinline]] void grow_for_atom(std::size_t n);
  // memcpy of `n` bytes; short lengths (the common atoms) without a call.
  static void copy_bytes(std::uint8_t* dst, const std::uint8_t* src, std::size_t n) noexcept {
    if (n >= 8 && n <= 16) {
      std::uint64_t lo, hi;
      std::memcpy(&lo, src, 8);
      std::memcpy(&hi, src + n - 8, 8);
      std::memcpy(dst, &lo, 8);
      std::memcpy(dst + n - 8, &hi, 8);
    } else if (n > 16 && n <= 32) {
      std::uint64_t w[4];
      std::memcpy(&w[0], src, 16);
      std::memcpy(&w[2], src + n - 16, 16);
      std::memcpy(dst, &w[0], 16);
      std::memcpy(dst + n - 16, &w[2], 16);
    } else if (n >= 4 && n < 8) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, src, 4);
      std::memcpy(&hi, src + n - 4, 4);
      std::memcpy(dst, &lo, 4);
      std::memcpy(dst + n - 4, &hi, 4);
    } else if (n != 0 && n < 4) {
      dst[0] = src[0];
      dst[n / 2] = src[n / 2];
      dst[n - 1] = src[n - 1];
    } else if (n != 0) {
      std::memcpy(dst, src, n);
    }
  }
  [[noreturn]] static void throw_expected_atom(NodePtr node);

  std::variant<std::monostate, PageUpstream, mem::BumpAllocator> owned_;
  std::optional<mem::AllocatorRef> upstream_;  // set when the caller supplied the allocator

  detail::Region<std::uint8_t> heap_;
  detail::Region<AtomSpan> atoms_;
  detail::Region<Pair> pairs_;
  std::uint32_t heap_len_ = 0, atom_len_ = 0, pair_len_ = 0;

  std::size_t heap_limit_;      // the limit minus 1: clvmr's `one()` byte that is no longer stored
  std::size_t max_heap_limit_;  // heap_limit_ at construction: what set_heap_limit may restore
  std::size_t retention_ = kDefaultRetention;
  std::size_t ceiling_ = SIZE_MAX;
  bool ceiling_reached_ = false;
  std::size_t ghost_atoms_ = 2, ghost_pairs_ = 0, ghost_heap_ = 0;
  std::size_t peak_used_ = 0, peak_reserved_ = 0;  // as of the last rewind or growth
};

class Allocator::ListRange {
 public:
  class iterator {
   public:
    using value_type = NodePtr;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const Allocator* a, NodePtr n) : a_(a), n_(n) {}
    NodePtr operator*() const noexcept { return a_->pair(n_).first; }
    iterator& operator++() noexcept {
      n_ = a_->pair(n_).rest;
      return *this;
    }
    iterator operator++(int) noexcept {
      auto t = *this;
      ++*this;
      return t;
    }
    /// The node not yet consumed (after the loop: the list's terminator).
    NodePtr node() const noexcept { return n_; }
    friend bool operator==(const iterator& i, std::default_sentinel_t) noexcept {
      return !i.n_.is_pair();
    }

   private:
    const Allocator* a_ = nullptr;
    NodePtr n_;
  };
  ListRange(const Allocator* a, NodePtr n) : a_(a), n_(n) {}
  iterator begin() const noexcept { return {a_, n_}; }
  std::default_sentinel_t end() const noexcept { return {}; }

 private:
  const Allocator* a_;
  NodePtr n_;
};

inline Allocator::ListRange Allocator::list(NodePtr node) const noexcept { return {this, node}; }

}  // namespace clvm
