// SPDX-License-Identifier: Apache-2.0
// The node arena's slow paths: construction, growth, the limit-checked constructors of atoms, and
// checkpoints. Accounting mirrors clvmr 0.19 (src/allocator.rs) step for step.
#include <clvm/allocator.hpp>
#include <clvm/detail/arena_internals.hpp>

#include <algorithm>
#include <cassert>
#include <cstring>
#include <stdexcept>

namespace clvm {

namespace {
// Throws EvalError(`kind`, `text`, `node`); clvmr's text for these kinds is its prefix followed by
// the same detail (the allocator's texts are clvmr's).
[[noreturn]] void fail_detailed(ErrorKind kind, std::string text,
                                std::optional<NodePtr> node = std::nullopt) {
  std::string clvmr = fmt::format("{}{}", clvmr_detail_prefix(kind), text);
  throw EvalError(kind, std::move(text), node, std::move(clvmr));
}
}  // namespace

namespace {

// Initial table sizes (elements). On page memory they only commit this much; the reservation lets
// each table grow in place to its limit.
constexpr std::size_t kInitialHeap = 64 * 1024;
constexpr std::size_t kInitialAtoms = 4096;
constexpr std::size_t kInitialPairs = 8192;
// In a caller's buffer every byte counts, so start small.
constexpr std::size_t kInitialHeapSmall = 256;
constexpr std::size_t kInitialTableSmall = 32;

std::size_t checked_limit(std::size_t heap_limit) {
  if (heap_limit == 0 || heap_limit > Allocator::kMaxHeapLimit)
    throw std::invalid_argument("clvm::Allocator: heap limit must be in [1, 4294967295]");
  return heap_limit;
}

constexpr std::size_t kTableReserve = Allocator::kMaxPairs * sizeof(Pair);

}  // namespace

Allocator::Allocator(std::size_t heap_limit) : Allocator(heap_limit, kDefaultHugePages) {}

Allocator::Allocator(std::size_t heap_limit, mem::HugePages huge_pages)
    : owned_(std::in_place_type<PageUpstream>,
             PageUpstream{mem::PageAllocator(checked_limit(heap_limit), huge_pages),
                          mem::PageAllocator(kTableReserve, huge_pages)}),
      heap_limit_(heap_limit - 1),
      max_heap_limit_(heap_limit_) {
  bind_regions();
}

mem::HugePages Allocator::huge_pages() const noexcept {
  if (const auto* page = std::get_if<PageUpstream>(&owned_)) return page->tables.huge_pages();
  return mem::HugePages::Off;
}

Allocator::Allocator(mem::AllocatorRef upstream, std::size_t heap_limit)
    : upstream_(upstream),
      heap_limit_(checked_limit(heap_limit) - 1),
      max_heap_limit_(heap_limit_) {
  bind_regions();
}

Allocator::Allocator(OverBufferTag, std::span<std::byte> buffer, std::size_t heap_limit)
    : owned_(std::in_place_type<mem::BumpAllocator>, mem::BumpAllocator::from_buffer(buffer)),
      heap_limit_(checked_limit(heap_limit) - 1),
      max_heap_limit_(heap_limit_) {
  bind_regions();
}

Allocator Allocator::over_buffer(std::span<std::byte> buffer, std::size_t heap_limit) {
  return Allocator(OverBufferTag{}, buffer, heap_limit);
}

Allocator::Allocator(Allocator&& o) noexcept
    : owned_(std::move(o.owned_)),
      upstream_(o.upstream_),
      heap_len_(o.heap_len_),
      atom_len_(o.atom_len_),
      pair_len_(o.pair_len_),
      heap_limit_(o.heap_limit_),
      max_heap_limit_(o.max_heap_limit_),
      retention_(o.retention_),
      ceiling_(o.ceiling_),
      ceiling_reached_(o.ceiling_reached_),
      ghost_atoms_(o.ghost_atoms_),
      ghost_pairs_(o.ghost_pairs_),
      ghost_heap_(o.ghost_heap_),
      peak_used_(o.peak_used_),
      peak_reserved_(o.peak_reserved_) {
  heap_.swap(o.heap_);
  atoms_.swap(o.atoms_);
  pairs_.swap(o.pairs_);
  bind_regions();
  o.heap_len_ = o.atom_len_ = o.pair_len_ = 0;
}

Allocator& Allocator::operator=(Allocator&& o) noexcept {
  if (this != &o) {
    this->~Allocator();
    new (this) Allocator(std::move(o));
  }
  return *this;
}

void Allocator::set_heap_limit(std::size_t heap_limit) {
  if (heap_limit == 0 || heap_limit - 1 > max_heap_limit_)
    throw std::invalid_argument("clvm::Allocator::set_heap_limit: above the arena's own limit");
  if (heap_size() > heap_limit)
    throw std::invalid_argument("clvm::Allocator::set_heap_limit: below the heap in use");
  heap_limit_ = heap_limit - 1;
}

template <class T>
bool Allocator::grow_region(detail::Region<T>& r, std::size_t n, std::size_t used,
                            std::size_t initial, std::size_t max) {
  if (n <= r.capacity()) return true;
  std::size_t cap = std::max(n, std::min(r.grown_capacity(n, initial), max));
  if (ceiling_ != SIZE_MAX) {
    const std::size_t others = reserved_bytes() - r.capacity() * sizeof(T);
    const std::size_t room = ceiling_ > others ? (ceiling_ - others) / sizeof(T) : 0;
    if (cap > room) {
      if (n > room) {
        ceiling_reached_ = true;
        return false;
      }
      cap = room;
    }
  }
  return r.grow_to(cap, used);
}

void Allocator::bind_regions() noexcept {
  if (auto* page = std::get_if<PageUpstream>(&owned_)) {
    heap_.bind(page->heap);
    atoms_.bind(page->tables);
    pairs_.bind(page->tables);
  } else if (auto* bump = std::get_if<mem::BumpAllocator>(&owned_)) {
    heap_.bind(*bump);
    atoms_.bind(*bump);
    pairs_.bind(*bump);
  } else {
    heap_.bind(*upstream_);
    atoms_.bind(*upstream_);
    pairs_.bind(*upstream_);
  }
}

std::uint8_t* Allocator::heap_reserve(std::size_t n) {
  const std::size_t initial =
      upstream_ || !std::holds_alternative<PageUpstream>(owned_) ? kInitialHeapSmall : kInitialHeap;
  if (!grow_region(heap_, heap_len_ + n, heap_len_, initial, max_heap_limit_ + 1))
    throw EvalError(ErrorKind::OutOfMemory);
  return heap_.data() + heap_len_;
}

NodePtr Allocator::push_atom(std::uint32_t start, std::uint32_t end) {
  const std::size_t initial =
      std::holds_alternative<PageUpstream>(owned_) ? kInitialAtoms : kInitialTableSmall;
  if (!grow_region(atoms_, atom_len_ + 1, atom_len_, initial, kMaxAtoms))
    throw EvalError(ErrorKind::OutOfMemory);
  atoms_.data()[atom_len_] = AtomSpan{start, end};
  return NodePtr(ObjectType::Bytes, atom_len_++);
}

void Allocator::grow_pairs() {
  const std::size_t initial =
      std::holds_alternative<PageUpstream>(owned_) ? kInitialPairs : kInitialTableSmall;
  if (!grow_region(pairs_, pair_len_ + 1, pair_len_, initial, kMaxPairs))
    throw EvalError(ErrorKind::OutOfMemory);
}

void Allocator::grow_for_atom(std::size_t n) {
  heap_reserve(n);
  const std::size_t initial =
      std::holds_alternative<PageUpstream>(owned_) ? kInitialAtoms : kInitialTableSmall;
  if (!grow_region(atoms_, atom_len_ + 1, atom_len_, initial, kMaxAtoms))
    throw EvalError(ErrorKind::OutOfMemory);
}

void Allocator::throw_expected_atom(NodePtr node) {
  fail_detailed(ErrorKind::InternalError, "expected atom, got pair", node);
}

NodePtr Allocator::new_atom(std::span<const std::uint8_t> v) {
  check_heap(v.size());
  check_atom_limit();
  if (auto small = fits_in_small_atom(v)) {
    ++ghost_atoms_;
    ghost_heap_ += v.size();
    return NodePtr(ObjectType::SmallAtom, *small);
  }
  std::uint8_t* dst = heap_reserve(v.size());
  // Reserve the table slot before publishing the bytes, so a failure leaves the arena unchanged.
  const std::uint32_t start = heap_len_;
  if (!v.empty()) std::memcpy(dst, v.data(), v.size());
  NodePtr r = push_atom(start, start + static_cast<std::uint32_t>(v.size()));
  heap_len_ += static_cast<std::uint32_t>(v.size());
  return r;
}

void Allocator::throw_small_number_limit(std::size_t len) const {
  check_heap(len);
  check_atom_limit();
  fail_detailed(ErrorKind::InternalError, "new_small_number: no limit was hit");
}

NodePtr Allocator::new_number(const Number& n) {
  if (n.sign() >= 0 && n <= kMaxSmallValue) return new_small_number(static_cast<std::uint32_t>(n));
  const std::vector<std::uint8_t> bytes = number_to_bytes(n);
  return new_atom(bytes);
}

NodePtr Allocator::new_substr(NodePtr node, std::uint32_t start, std::uint32_t end) {
  check_atom_limit();
  auto bounds = [&](std::uint32_t len) {
    if (start > len)
      fail_detailed(ErrorKind::InvalidAllocArg,
                    fmt::format("substr start out of bounds: {} > {}", start, len), node);
    if (end > len)
      fail_detailed(ErrorKind::InvalidAllocArg,
                    fmt::format("substr end out of bounds: {} > {}", end, len), node);
    if (end < start)
      fail_detailed(ErrorKind::InvalidAllocArg,
                    fmt::format("substr invalid bounds: {} < {}", end, start), node);
  };
  switch (node.object_type()) {
    case ObjectType::Pair:
      fail_detailed(ErrorKind::InternalError, "substr expected atom, got pair", node);
    case ObjectType::Bytes: {
      const AtomSpan s = atoms_.data()[node.index()];
      bounds(s.end - s.start);
      return push_atom(s.start + start, s.start + end);
    }
    case ObjectType::SmallAtom: {
      const Atom a = Atom::small(node.index());
      bounds(static_cast<std::uint32_t>(a.size()));
      std::span<const std::uint8_t> sub = a.span().subspan(start, end - start);
      if (auto small = fits_in_small_atom(sub)) {
        ++ghost_atoms_;  // clvmr charges no ghost heap on this path
        return NodePtr(ObjectType::SmallAtom, *small);
      }
      std::uint8_t* dst = heap_reserve(sub.size());
      std::memcpy(dst, sub.data(), sub.size());
      NodePtr r = push_atom(heap_len_, heap_len_ + static_cast<std::uint32_t>(sub.size()));
      heap_len_ += static_cast<std::uint32_t>(sub.size());
      return r;
    }
  }
  fail_detailed(ErrorKind::InternalError, "invalid node", node);
}

NodePtr Allocator::new_concat(std::size_t new_size, std::span<const NodePtr> nodes) {
  check_atom_limit();
  check_heap(new_size);
  auto invalid_size = [] {
    return EvalError(ErrorKind::InternalError, "concat passed invalid new_size", nil(),
                     "Internal Error: concat passed invalid new_size");
  };
  if (nodes.empty()) {
    if (new_size != 0) throw invalid_size();
    ++ghost_atoms_;  // as if a new empty atom were made
    return nil();
  }
  if (nodes.size() == 1) {
    if (nodes[0].is_pair())
      fail_detailed(ErrorKind::InternalError, "concat expected atom, got pair", nodes[0]);
    if (atom_len(nodes[0]) != new_size) throw invalid_size();
    ghost_heap_ += new_size;  // as if the bytes were copied
    ++ghost_atoms_;
    return nodes[0];
  }
  // When the first atom's bytes end the heap (a loop's accumulator concatenated onto, `(concat x
  // x)` of the newest atom) the result starts at them and only the rest is appended: heap bytes
  // are never written once an atom holds them, so two atoms may share them as a substr shares its
  // source's. The bytes not copied are counted as ghost bytes, so heap_size() and the limit stay
  // clvmr's (which copies them).
  std::size_t shared = 0;
  std::uint32_t start = heap_len_;
  if (nodes[0].object_type() == ObjectType::Bytes) {
    const AtomSpan s = atoms_.data()[nodes[0].index()];
    if (s.end == heap_len_ && s.end - s.start <= new_size) {
      shared = s.end - s.start;
      start = s.start;
    }
  }
  // The sources are read after this: the heap may move.
  std::uint8_t* dst = heap_reserve(new_size - shared) - shared;
  std::size_t counter = shared;
  for (std::size_t i = shared != 0 ? 1 : 0; i < nodes.size(); ++i) {
    const NodePtr n = nodes[i];
    if (n.is_pair()) fail_detailed(ErrorKind::InternalError, "concat expected atom, got pair", n);
    const Atom a = atom(n);
    if (counter + a.size() > new_size) throw invalid_size();
    if (!a.empty()) std::memmove(dst + counter, a.data(), a.size());
    counter += a.size();
  }
  if (counter != new_size) throw invalid_size();
  NodePtr r = push_atom(start, start + static_cast<std::uint32_t>(new_size));
  heap_len_ += static_cast<std::uint32_t>(new_size - shared);
  ghost_heap_ += shared;
  return r;
}

bool Allocator::atom_eq(NodePtr a, NodePtr b) const {
  if (a.object_type() == ObjectType::SmallAtom && b.object_type() == ObjectType::SmallAtom)
    return a == b;
  return atom(a) == atom(b);
}

Number Allocator::number(NodePtr node) const {
  if (node.object_type() == ObjectType::SmallAtom) return Number(node.index());
  return number_from_bytes(atom(node).span());
}

void Allocator::restore_checkpoint(const Checkpoint& cp) noexcept {
  assert(heap_len_ >= cp.heap && atom_len_ >= cp.atoms && pair_len_ >= cp.pairs);
  note_peaks();
  heap_len_ = cp.heap;
  atom_len_ = cp.atoms;
  pair_len_ = cp.pairs;
  ghost_atoms_ = cp.ghost_atoms;
  ghost_pairs_ = cp.ghost_pairs;
  ghost_heap_ = cp.ghost_heap;
  // The retention is spent heap first: the heap is what heavy runs fill.
  std::size_t left = retention_;
  auto keep = [&left](std::size_t capacity, std::size_t elem) {
    const std::size_t k = capacity < left / elem ? capacity : left / elem;
    left -= k * elem;
    return k;
  };
  heap_.shrink_to_fit(heap_len_, kInitialHeap, keep(heap_.capacity(), 1));
  atoms_.shrink_to_fit(atom_len_, kInitialAtoms, keep(atoms_.capacity(), sizeof(AtomSpan)));
  pairs_.shrink_to_fit(pair_len_, kInitialPairs, keep(pairs_.capacity(), sizeof(Pair)));
}

void detail::ArenaInternals::rewind_keep_counts(Allocator& a, TableMark m) noexcept {
  assert(a.heap_len_ >= m.heap && a.atom_len_ >= m.atoms && a.pair_len_ >= m.pairs);
  a.note_peaks();
  a.ghost_heap_ += a.heap_len_ - m.heap;
  a.ghost_atoms_ += a.atom_len_ - m.atoms;
  a.ghost_pairs_ += a.pair_len_ - m.pairs;
  a.heap_len_ = m.heap;
  a.atom_len_ = m.atoms;
  a.pair_len_ = m.pairs;
}

void detail::ArenaInternals::add_ghost_pairs(Allocator& a, std::size_t n) {
  if (Allocator::kMaxPairs - a.ghost_pairs_ - a.pair_len_ < n)
    throw EvalError(ErrorKind::TooManyPairs);
  a.ghost_pairs_ += n;
}

void detail::ArenaInternals::add_ghost_atoms(Allocator& a, std::size_t n) {
  if (Allocator::kMaxAtoms - a.ghost_atoms_ - a.atom_len_ < n)
    throw EvalError(ErrorKind::TooManyAtoms);
  a.ghost_atoms_ += n;
}

}  // namespace clvm

namespace clvm {

void Allocator::adopt_borrowed(const Borrowed& b) noexcept {
  heap_.adopt_borrowed(b.heap.data(), b.heap.size());
  atoms_.adopt_borrowed(b.atoms.data(), b.atoms.size());
  pairs_.adopt_borrowed(b.pairs.data(), b.pairs.size());
  heap_len_ = static_cast<std::uint32_t>(b.heap.size());
  atom_len_ = static_cast<std::uint32_t>(b.atoms.size());
  pair_len_ = static_cast<std::uint32_t>(b.pairs.size());
}

}  // namespace clvm

namespace clvm {

// The garbage collector's step past the size test (ArenaInternals::maybe_restore_with_node made
// it).
std::optional<NodePtr> detail::ArenaInternals::restore_with_node(Allocator& a, TableMark cp,
                                                                 NodePtr keep) noexcept {
  switch (keep.object_type()) {
    case ObjectType::SmallAtom:
      rewind_keep_counts(a, cp);
      return keep;
    case ObjectType::Pair:
      if (keep.index() >= cp.pairs) return std::nullopt;
      rewind_keep_counts(a, cp);
      return keep;
    case ObjectType::Bytes:
      break;
  }
  if (keep.index() < cp.atoms) {
    rewind_keep_counts(a, cp);
    return keep;
  }
  const Allocator::AtomSpan s = a.atoms_.data()[keep.index()];
  const std::uint32_t len = s.end - s.start;
  const bool bytes_survive = s.end <= cp.heap;
  // An atom concatenated onto one older than the mark (new_concat shares that one's bytes) has
  // its tail right at the mark: keeping the tail's bytes where they are keeps the atom whole.
  const bool tail_in_place = !bytes_survive && s.start < cp.heap;
  if (!bytes_survive && !tail_in_place && !worth_moving(a, cp, len)) return std::nullopt;
  rewind_keep_counts(a, cp);
  // The rewound tables have room for this one entry (it was just freed), so nothing can fail.
  Allocator::AtomSpan kept = s;
  if (tail_in_place) {
    a.heap_len_ = s.end;
    a.ghost_heap_ -= s.end - cp.heap;  // these bytes were counted among the freed ones
  } else if (!bytes_survive) {
    // The rewind wrote nothing, so the bytes are still at s.start >= cp.heap: moved down.
    std::memmove(a.heap_.data() + a.heap_len_, a.heap_.data() + s.start, len);
    kept = Allocator::AtomSpan{a.heap_len_, a.heap_len_ + len};
    a.heap_len_ += len;
    a.ghost_heap_ -= len;  // these bytes were counted among the freed ones
  }
  a.atoms_.data()[a.atom_len_] = kept;
  --a.ghost_atoms_;  // likewise the atom
  return NodePtr(ObjectType::Bytes, a.atom_len_++);
}

// Whether a new atom of `len` bytes is moved down to the mark `cp` (its bytes are above it): a
// short one always; a longer one when the rewind frees at least half as many other stored bytes.
// Stored bytes only grow by new nodes (a move frees at least half its length and adds nothing), so
// a run moves at most twice the bytes it allocates: never more than linear work.
bool detail::ArenaInternals::worth_moving(const Allocator& a, TableMark cp,
                                          std::uint32_t len) noexcept {
  constexpr std::uint32_t kAlwaysMoved = 48;
  if (len <= kAlwaysMoved) return true;
  const std::size_t others = stored_bytes_since(a, cp) - len - sizeof(Allocator::AtomSpan);
  return 2 * others >= len;
}

}  // namespace clvm
