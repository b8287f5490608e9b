// SPDX-License-Identifier: Apache-2.0
// The classic deserializer (clvmr src/serde/de.rs), lenient and strict (#834) flavours.
//
// One loop over a raw pointer with an explicit stack of NodePtr: an entry is either kOpen (a pair
// whose first half is being read) or the finished first half of a pair whose rest is being read.
// A run of cons boxes is taken up to 7 at a time from one 8-byte load (no branch per box: the
// box-or-atom branch was the loop's costliest data-dependent one).
// Atoms and pairs are created in exactly clvmr's order, so arena limits fail at the same
// allocation.
//
// An n-byte input makes at most n atoms (each takes at least one byte), n heap bytes (an atom's
// bytes, stored or ghost, are input bytes) and (n - 1) / 2 pairs (a tree of k pairs has k + 1
// leaves: 2k + 1 bytes). When the arena has room for all that, no limit can be hit and the loop
// uses the arena's unchecked creators (same nodes, same counters); otherwise the checked ones.
#include <clvm/detail/arena_internals.hpp>
#include <clvm/serde.hpp>

#include "serde/atom_prefix.hpp"
#include "serde/backrefs_resume.hpp"

#include <bit>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

namespace clvm {
namespace {

using namespace serde_detail;

// Never a NodePtr: the tag 63 is unused.
constexpr std::uint32_t kOpen = kClassicOpen;

[[noreturn]] void throw_non_canonical(const char* what) {
  throw SerdeError(ErrorKind::NonCanonicalSerialization, what);
}

[[noreturn, gnu::noinline]] void throw_truncated() {
  throw_bad_encoding("bad encoding: unexpected end of input");
}

// A prefixed atom (first byte 0x81..0xfd, already consumed at c.pos - 1); the cold-ish path.
// Always inline: with two unchecked loops calling it the compiler would otherwise make it a call.
template <bool Strict, bool Unchecked>
[[gnu::always_inline]] inline NodePtr read_prefixed(Allocator& a, Cursor& c, std::uint8_t first) {
  const Prefix p = decode_prefix(c, first);
  const std::span<const std::uint8_t> blob = c.take(p.len);
  if constexpr (Unchecked && !Strict) {
    // The common 5..64-byte atoms away from the end: one fixed-size copy (no length branches).
    if (p.len > 4 && p.len <= 64 && c.size - (c.pos - p.len) >= 64)
      return detail::arena_internals(a).new_atom_unchecked_padded(blob);
  }
  if constexpr (Strict) {
    if (!is_shortest_prefix(p))
      throw_non_canonical("non-canonical serialization: over-long prefix");
    if (p.len == 1 && blob[0] <= kMaxSingleByte)
      throw_non_canonical("non-canonical serialization: prefixed byte below 0x80");
  }
  if constexpr (Unchecked)
    return detail::arena_internals(a).new_atom_unchecked(blob);
  else
    return a.new_atom(blob);
}

// The parse stack (input depth lives here, never on the C++ stack): the loop keeps its top in a
// local pointer; the buffer starts inline and doubles on the heap. An entry is kOpen, kBottom (the
// sentinel under the first entry, so that closing pairs needs no emptiness test) or the raw
// NodePtr of a finished first half.
constexpr std::uint32_t kBottom = 0xFFFF'FFFE;  // tag 63 too: never a NodePtr

class ParseStack {
 public:
  ParseStack() noexcept { inline_[0] = kBottom; }
  std::uint32_t* base() noexcept { return heap_.empty() ? inline_ : heap_.data(); }
  std::uint32_t* start() noexcept { return inline_ + 1; }  // just above the sentinel
  std::uint32_t* limit() noexcept { return base() + capacity(); }
  // Called with sp within 8 of limit(): doubles the buffer and returns the same position in it.
  [[gnu::noinline]] std::uint32_t* grow(std::uint32_t* sp) {
    const std::size_t used = static_cast<std::size_t>(sp - base());
    if (heap_.empty()) {
      heap_.resize(2 * kInline);
      std::memcpy(heap_.data(), inline_, sizeof inline_);
    } else {
      heap_.resize(2 * heap_.size());
    }
    return heap_.data() + used;
  }

 private:
  static constexpr std::size_t kInline = 128;
  std::size_t capacity() const noexcept { return heap_.empty() ? kInline : heap_.size(); }
  std::uint32_t inline_[kInline];
  std::vector<std::uint32_t> heap_;
};

// The back-reference loop's ghost pairs (one per push onto clvmr's parse stack), tallied in a
// register and added to the arena when the loop leaves: by a return, the hand-off to the back-
// reference parser (which reads the count) or an exception. The plain loops tally nothing.
template <bool Counting>
class GhostTally {
 public:
  explicit GhostTally(Allocator& a) noexcept : a_(a) {}
  GhostTally(const GhostTally&) = delete;
  GhostTally& operator=(const GhostTally&) = delete;
  ~GhostTally() { flush(); }
  void push() noexcept {
    if constexpr (Counting) ++n_;
  }
  void flush() noexcept {
    if constexpr (Counting)
      detail::arena_internals(a_).add_ghost_pairs_unchecked(std::exchange(n_, 0));
  }

 private:
  Allocator& a_;
  std::size_t n_ = 0;
};

// The checked loop's stand-in for PairAppender: it makes its pairs through Allocator::new_pair.
struct NoAppender {
  explicit NoAppender(Allocator&) noexcept {}
  void release() noexcept {}
};

// Out of line and cache-line aligned: the loop is branch-bound, and its speed depended on where
// the linker happened to place it (the same code measured 44 to 60 us per block generator).
//
// `Backrefs` (lenient and unchecked only) is node_from_bytes_backrefs' loop until its first `fe`
// token: every push onto clvmr's parse stack (a node made, a pair closed) adds its ghost pair as
// it happens, and at the `fe` the parse continues in the back-reference parser from this stack
// (serde_detail::resume_backrefs), so input without back references never pays for them.
template <bool Strict, bool Unchecked, bool Backrefs = false>
[[gnu::noinline, gnu::aligned(64)]] NodePtr read_classic(Allocator& a,
                                                         std::span<const std::uint8_t> bytes) {
  static_assert(!Backrefs || (Unchecked && !Strict));
  const std::uint8_t* const data = bytes.data();
  const std::uint8_t* const end = data + bytes.size();
  const std::uint8_t* p = data;
  ParseStack stack;
  // The unchecked loop's pairs: the table's state in registers across the atoms' byte copies.
  std::conditional_t<Unchecked, detail::ArenaInternals::PairAppender, NoAppender> pairs(a);
  GhostTally<Backrefs> ghosts(a);
  std::uint32_t* sp = stack.start();
  std::uint32_t* limit = stack.limit();
  for (;;) {
    std::uint8_t b;
    if constexpr (std::endian::native == std::endian::little) {
      // A run of cons boxes (up to 7 at a time) in one step, without a branch per box: the
      // count of leading ff bytes of the next 8 input bytes. A cons only pushes kOpen. The
      // token after the run is in the same word (a shift, not a second load on the chain of
      // dependent reads that is the loop's critical path).
      if (end - p >= 8) [[likely]] {
        const ConsRun run = cons_run(p);
        if (limit - sp < 8) [[unlikely]] {
          sp = stack.grow(sp);
          limit = stack.limit();
        }
        static_assert(kOpen == 0xFFFF'FFFF, "filled with ff bytes");
        std::memset(sp, 0xFF, 8 * sizeof *sp);  // kOpen x 8; only `run` of them are kept
        sp += run.boxes;
        p += run.boxes + 1;
        b = run.next;
      } else {
        if (p == end) [[unlikely]]
          throw_truncated();
        b = *p++;
      }
    } else {
      if (p == end) [[unlikely]]
        throw_truncated();
      b = *p++;
    }
    NodePtr node;
    if (b < 0x80) {
      if (b == 0x01) {
        node = Allocator::one();
      } else if constexpr (Unchecked) {
        node = b == 0x00 ? detail::arena_internals(a).new_atom_unchecked(std::span{p - 1, 1})
                         : detail::arena_internals(a).new_small_number_unchecked(b);
      } else if (b == 0x00) {
        node = a.new_atom(std::span{p - 1, 1});
      } else {
        node = a.new_small_number(b);
      }
    } else if (b == kNilByte) {
      node = Allocator::nil();
    } else if (b < 0xC0 && Unchecked && !Strict) {
      // A one-byte prefix (1..63 bytes follow), by far the commonest: without decode_prefix's
      // loop and the cursor.
      const std::size_t len = b & 0x3F;
      const std::size_t left = static_cast<std::size_t>(end - p);
      if (len > left) [[unlikely]]
        throw_bad_encoding("bad encoding: atom runs past the end of input");
      node = len > 4 && left >= 64 ? detail::arena_internals(a).new_atom_unchecked_padded({p, len})
                                   : detail::arena_internals(a).new_atom_unchecked({p, len});
      p += len;
    } else if (b == kConsBox) {
      if (sp == limit) [[unlikely]] {
        sp = stack.grow(sp);
        limit = stack.limit();
      }
      *sp++ = kOpen;
      continue;
    } else if (b == kBackReference) [[unlikely]] {
      if constexpr (Backrefs) {
        pairs.release();
        ghosts.flush();
        return resume_backrefs(a, bytes, static_cast<std::size_t>(p - 1 - data),
                               {stack.base() + 1, sp});
      } else {
        throw_bad_encoding("bad encoding: back-reference in classic input");
      }
    } else {
      Cursor c{data, bytes.size(), static_cast<std::size_t>(p - data)};
      node = read_prefixed<Strict, Unchecked>(a, c, b);
      p = data + c.pos;
    }
    ghosts.push();
    // Close every pair whose rest this node completes.
    for (;;) {
      const std::uint32_t top = sp[-1];
      if (top == kOpen) {
        sp[-1] = node.raw();
        break;
      }
      if (top == kBottom) [[unlikely]] {
        if constexpr (Strict) {
          if (p != end) throw_non_canonical("non-canonical serialization: trailing bytes");
        }
        return node;
      }
      if constexpr (Unchecked)
        node = pairs.new_pair(NodePtr::from_raw(top), node);
      else
        node = a.new_pair(NodePtr::from_raw(top), node);
      ghosts.push();
      --sp;
    }
  }
}

template <bool Strict>
NodePtr read(Allocator& a, std::span<const std::uint8_t> bytes) {
  const std::size_t n = bytes.size();
  if (detail::arena_internals(a).can_add_nodes(n, n / 2, n)) [[likely]]
    return read_classic<Strict, true>(a, bytes);
  return read_classic<Strict, false>(a, bytes);
}

}  // namespace

namespace serde_detail {
NodePtr read_backrefs_unchecked(Allocator& a, std::span<const std::uint8_t> bytes) {
  return read_classic<false, true, true>(a, bytes);
}
}  // namespace serde_detail

NodePtr node_from_bytes(Allocator& a, std::span<const std::uint8_t> bytes) {
  return read<false>(a, bytes);
}

NodePtr node_from_bytes_strict(Allocator& a, std::span<const std::uint8_t> bytes) {
  return read<true>(a, bytes);
}

}  // namespace clvm
