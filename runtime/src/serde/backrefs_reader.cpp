// SPDX-License-Identifier: Apache-2.0
// node_from_bytes_backrefs: the back-reference parser building arena nodes with clvmr's pair
// accounting (one ghost pair per parse-stack push; a stack made visible turns ghosts into pairs).
#include <clvm/detail/arena_internals.hpp>
#include <clvm/serde.hpp>

#include "serde/backrefs_core.hpp"
#include "serde/backrefs_resume.hpp"

#include <bit>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

namespace clvm {
namespace {

// Ghost pairs are counted in bulk: every push comes from at least one input byte and adds one
// ghost, plus one real pair for a cons (a stack made visible trades a ghost for a pair), so an
// n-byte input raises the pair count by at most 2n. Likewise it makes at most n atoms and n heap
// bytes. If all of that fits (`Unchecked`), no limit can be hit: nodes are made with the arena's
// unchecked creators and pushes are tallied by the parser, handed to the arena before anything else
// reads the ghost count (a stack pair, the end of the parse, or an exception; see BackrefParser).
// Otherwise every node and push is checked as it happens, exactly as clvmr counts them.
template <bool Unchecked>
class ArenaBuilder {
 public:
  using Node = NodePtr;
  static constexpr bool kBulkPushes = Unchecked;
  explicit ArenaBuilder(Allocator& a) : a_(a) {}
  ArenaBuilder(const ArenaBuilder&) = delete;
  ArenaBuilder& operator=(const ArenaBuilder&) = delete;

  static NodePtr nil() noexcept { return Allocator::nil(); }
  NodePtr atom(std::uint8_t first, std::span<const std::uint8_t> blob) {
    if (first == serde_detail::kNilByte) return Allocator::nil();
    if (first <= serde_detail::kMaxSingleByte) {
      if (first == 0x01) return Allocator::one();
      if constexpr (Unchecked) {
        if (first == 0x00)
          return detail::arena_internals(a_).new_atom_unchecked(std::span{&first, 1});
        return detail::arena_internals(a_).new_small_number_unchecked(first);
      } else {
        if (first == 0x00) return a_.new_atom(std::span{&first, 1});
        return a_.new_small_number(first);
      }
    }
    if constexpr (Unchecked)
      return detail::arena_internals(a_).new_atom_unchecked(blob);
    else
      return a_.new_atom(blob);
  }
  // The unchecked builder copies 5..64-byte atoms with one fixed-size copy (BackrefParser only
  // calls this with 64 bytes readable at blob.data()).
  NodePtr atom_padded(std::span<const std::uint8_t> blob)
  requires Unchecked
  {
    return detail::arena_internals(a_).new_atom_unchecked_padded(blob);
  }
  // One parse's pairs. Unchecked, they go through a PairAppender (the table's state in registers
  // across the atoms' byte copies; the count is written back when the parse ends or throws):
  // nothing else makes pairs during the parse, and `child` reads only the table's address, which
  // the appender keeps current when it grows the table.
  class Pairs {
   public:
    explicit Pairs(Allocator& a) noexcept : a_(a), appender_(a) {}
    Pairs(const Pairs&) = delete;
    Pairs& operator=(const Pairs&) = delete;
    NodePtr pair(NodePtr first, NodePtr rest) {
      if constexpr (Unchecked)
        return appender_.new_pair(first, rest);
      else
        return a_.new_pair(first, rest);
    }
    // The parser has told every push so far (pushed_bulk) before it makes a stack pair.
    NodePtr stack_pair(NodePtr item, NodePtr below) {
      detail::arena_internals(a_).remove_ghost_pairs(1);  // clvmr: the ghost becomes the pair
      return pair(item, below);
    }

   private:
    struct Direct {
      explicit Direct(Allocator&) noexcept {}
    };
    Allocator& a_;
    [[no_unique_address]] std::conditional_t<Unchecked, detail::ArenaInternals::PairAppender,
                                             Direct>
        appender_;
  };
  Pairs pairs() noexcept { return Pairs(a_); }
  void pushed() { detail::arena_internals(a_).add_ghost_pairs(1); }
  void pushed_bulk(std::size_t n) noexcept {
    detail::arena_internals(a_).add_ghost_pairs_unchecked(n);
  }
  // Each step loads the wanted half alone, at an address computed from the path bit: a branch on
  // the bit would be mispredicted about every other step (the bits are as good as random).
  bool descend(NodePtr& n, std::uint64_t bits, unsigned steps) const noexcept {
    static_assert(sizeof(Pair) == 8 && std::is_standard_layout_v<Pair> &&
                  offsetof(Pair, rest) == 4 && sizeof(NodePtr) == 4 &&
                  std::is_trivially_copyable_v<NodePtr>);  // a half is its handle's raw value
    const auto* const table =
        reinterpret_cast<const unsigned char*>(detail::arena_internals(a_).pair_table());
    std::uint32_t cur = n.raw();
    for (; steps != 0; --steps, bits >>= 1) {
      if (!NodePtr::from_raw(cur).is_pair()) return false;
      std::memcpy(&cur, table + 8 * std::size_t{cur} + 4 * (bits & 1), 4);
    }
    n = NodePtr::from_raw(cur);
    return true;
  }

 private:
  Allocator& a_;
};

// Out of line and cache-line aligned, as the classic reader: the loop is branch-bound and its
// speed otherwise moves with where the linker places it (5-7 % between two links of the same code).
template <bool Unchecked>
[[gnu::noinline, gnu::aligned(64)]] NodePtr read_backrefs(Allocator& a,
                                                          std::span<const std::uint8_t> bytes) {
  serde_detail::Cursor c{bytes.data(), bytes.size()};
  ArenaBuilder<Unchecked> builder(a);
  serde_detail::BackrefParser<ArenaBuilder<Unchecked>> parser(builder);
  return parser.parse(c);
}

}  // namespace

[[gnu::noinline, gnu::aligned(64)]] NodePtr serde_detail::resume_backrefs(
    Allocator& a, std::span<const std::uint8_t> bytes, std::size_t pos,
    std::span<const std::uint32_t> stack) {
  std::vector<std::uint8_t> open;
  std::vector<NodePtr> firsts;
  open.reserve(stack.size());
  for (const std::uint32_t e : stack) {
    open.push_back(e == kClassicOpen ? 0 : 1);
    if (e != kClassicOpen) firsts.push_back(NodePtr::from_raw(e));
  }
  serde_detail::Cursor c{bytes.data(), bytes.size(), pos};
  ArenaBuilder<true> builder(a);
  serde_detail::BackrefParser<ArenaBuilder<true>> parser(builder);
  return parser.resume(c, open, firsts);
}

NodePtr node_from_bytes_backrefs(Allocator& a, std::span<const std::uint8_t> bytes) {
  const std::size_t n = bytes.size();
  if (n <= Allocator::kMaxPairs / 2 && detail::arena_internals(a).can_add_nodes(n, 2 * n, n))
      [[likely]]
    return serde_detail::read_backrefs_unchecked(a, bytes);
  return read_backrefs<false>(a, bytes);
}

}  // namespace clvm
