// clvmr's limits, exactly: 62,500,000 atoms, 62,500,000 pairs, the heap limit, and the ghost
// counters that make them fail at the same allocation as in clvmr.
#include <clvm/detail/arena_internals.hpp>
#include <clvm/runtime.hpp>

#include <gtest/gtest.h>

#include "error_kind.hpp"

#include <vector>

namespace clvm {
namespace {

using test::kind_of;

TEST(ArenaLimits, ExactlyTheMaxPairsSucceedThenTooManyPairs) {
  Allocator a;
  NodePtr n = a.nil();
  for (std::size_t i = 0; i < Allocator::kMaxPairs; ++i) n = a.new_pair(n, a.nil());
  EXPECT_EQ(a.pair_count(), 62'500'000u);
  EXPECT_EQ(kind_of([&] { a.new_pair(n, n); }), ErrorKind::TooManyPairs);
  EXPECT_EQ(a.pair_count(), 62'500'000u);  // a failed allocation changes nothing
}

TEST(ArenaLimits, GhostPairsCountTowardTheLimit) {
  Allocator a;
  detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs - 3);
  for (int i = 0; i < 3; ++i) a.new_pair(a.nil(), a.nil());
  EXPECT_EQ(kind_of([&] { a.new_pair(a.nil(), a.nil()); }), ErrorKind::TooManyPairs);
  EXPECT_EQ(kind_of([&] { detail::arena_internals(a).add_ghost_pairs(1); }),
            ErrorKind::TooManyPairs);
  detail::arena_internals(a).remove_ghost_pairs(1);
  EXPECT_NO_THROW(a.new_pair(a.nil(), a.nil()));
}

TEST(ArenaLimits, AtomLimitCountsInlineAtomsAndTheTwoConstants) {
  Allocator a;
  // Two ghosts stand for nil and 1: 62,499,998 more atoms fit.
  for (std::size_t i = 0; i < Allocator::kMaxAtoms - 2; ++i) a.new_small_number(5);
  EXPECT_EQ(a.atom_count(), 62'500'000u);
  EXPECT_EQ(kind_of([&] { a.new_small_number(5); }), ErrorKind::TooManyAtoms);
  EXPECT_EQ(kind_of([&] { a.new_atom("heap atom"); }), ErrorKind::TooManyAtoms);
  EXPECT_EQ(kind_of([&] { a.new_substr(a.one(), 0, 1); }), ErrorKind::TooManyAtoms);
  EXPECT_EQ(kind_of([&] { a.new_concat(0, {}); }), ErrorKind::TooManyAtoms);
  // nil() and one() are free.
  EXPECT_EQ(a.one(), Allocator::one());
}

TEST(ArenaLimits, HeapLimitIsCheckedBeforeTheAtomLimit) {
  Allocator a(100);
  // The limit counts the byte clvmr's pre-allocated `1` used: 99 bytes remain.
  std::vector<std::uint8_t> big(99, 0xff);
  EXPECT_NO_THROW(a.new_atom(big));
  EXPECT_EQ(kind_of([&] { a.new_atom("\xff"); }), ErrorKind::OutOfMemory);
  // Inline atoms count their length too (ghost heap).
  Allocator b(10);
  for (int i = 0; i < 9; ++i) b.new_small_number(1);
  EXPECT_EQ(kind_of([&] { b.new_small_number(1); }), ErrorKind::OutOfMemory);
  EXPECT_NO_THROW(b.new_small_number(0));  // zero bytes always fit
}

TEST(ArenaLimits, ConcatOfOneTermChargesItsBytes) {
  Allocator a(10);
  NodePtr s = a.new_atom("\xff\xff\xff\xff\xff");  // 5 heap bytes, 4 left
  EXPECT_EQ(kind_of([&] { a.new_concat(5, std::vector<NodePtr>{s}); }), ErrorKind::OutOfMemory);
  NodePtr t = a.new_atom("\xff\xff");
  EXPECT_EQ(a.new_concat(2, std::vector<NodePtr>{t}), t);
  EXPECT_EQ(a.heap_size(), 10u);  // full: 1 (clvmr's `one()`) + 5 + 2 + 2 ghost
}

// A concat that shares its first atom's bytes (it ends the heap) is still charged every byte, so it
// fails exactly where clvmr's copy does.
TEST(ArenaLimits, ConcatOntoTheNewestAtomCountsEveryByte) {
  const std::vector<std::uint8_t> text(100, 0x41);
  Allocator a(1 + 100 + 199);  // clvmr's `one()`, x, and one byte short of (concat x x)
  const NodePtr x = a.new_atom(text);
  EXPECT_EQ(kind_of([&] {
              a.new_concat(200, std::vector<NodePtr>{x, x});
            }),
            ErrorKind::OutOfMemory);
  EXPECT_EQ(a.heap_size(), 101u);
  EXPECT_EQ(a.stored_heap_bytes(), 100u);
  Allocator b(1 + 100 + 200);
  const NodePtr y = b.new_atom(text);
  const NodePtr z = b.new_concat(200, std::vector<NodePtr>{y, y});
  EXPECT_EQ(b.atom_len(z), 200u);
  EXPECT_EQ(b.heap_size(), b.heap_limit());  // full, though only 200 bytes are stored
  EXPECT_EQ(b.stored_heap_bytes(), 200u);
  EXPECT_EQ(kind_of([&] { b.new_atom("\xff"); }), ErrorKind::OutOfMemory);
  EXPECT_EQ(kind_of([&] {
              b.new_concat(400, std::vector<NodePtr>{z, z});
            }),
            ErrorKind::OutOfMemory);
}

TEST(ArenaLimits, RestoreReleasesTheCounts) {
  Allocator a;
  const Checkpoint cp = a.checkpoint();
  detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs);
  EXPECT_EQ(kind_of([&] { a.new_pair(a.nil(), a.nil()); }), ErrorKind::TooManyPairs);
  a.restore_checkpoint(cp);
  EXPECT_NO_THROW(a.new_pair(a.nil(), a.nil()));
}

TEST(ArenaLimits, BadHeapLimitIsRejected) {
  EXPECT_THROW(Allocator(0), std::invalid_argument);
  EXPECT_THROW(Allocator(std::size_t{1} << 33), std::invalid_argument);
  EXPECT_EQ(Allocator::new_limited(500'000'000).heap_limit(), 500'000'000u);
}

}  // namespace
}  // namespace clvm
