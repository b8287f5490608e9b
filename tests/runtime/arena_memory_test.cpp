// SPDX-License-Identifier: Apache-2.0
// What the arena stores per node (8 bytes a pair, 8 + its bytes a heap atom, nothing for an inline
// atom) and the peak accessors a harness uses to report a run's memory.
#include <clvm/allocator.hpp>
#include <clvm/detail/arena_internals.hpp>

#include <gtest/gtest.h>

#include <string>

namespace clvm {
namespace {

TEST(ArenaMemory, BytesPerNode) {
  Allocator a;
  const std::size_t base = a.used_bytes();
  EXPECT_EQ(base, 0u);
  NodePtr list = Allocator::nil();
  for (std::uint32_t i = 0; i < 1000; ++i) list = a.new_pair(a.new_small_number(i), list);
  EXPECT_EQ(a.used_bytes(), 1000u * 8);  // 8 per pair; inline atoms take nothing
  const std::string text(100, 'x');
  const NodePtr atom = a.new_atom(text);
  EXPECT_EQ(a.used_bytes(), 1000u * 8 + 8 + 100);  // 8 + its bytes per heap atom
  a.new_substr(atom, 10, 60);
  EXPECT_EQ(a.used_bytes(), 1000u * 8 + 8 + 100 + 8);  // a substr shares the bytes
  EXPECT_EQ(a.used_bytes(), a.stored_heap_bytes() + 8 * (a.stored_atoms() + a.stored_pairs()));
}

TEST(ArenaMemory, PeaksSurviveRewinds) {
  Allocator a;
  a.set_retention(0);  // give everything back on the rewind
  const Checkpoint cp = a.checkpoint();
  a.reset_peaks();
  for (int i = 0; i < 100'000; ++i) a.new_pair(Allocator::nil(), Allocator::nil());
  const std::size_t used = a.used_bytes();
  const std::size_t reserved = a.reserved_bytes();
  EXPECT_EQ(used, 800'000u);
  EXPECT_GE(reserved, used);
  EXPECT_LE(reserved, 2 * used + 64 * 1024 + 4096 * 8 + 8192 * 8);  // doubling growth
  a.restore_checkpoint(cp);                                         // shrinks the tables
  EXPECT_EQ(a.used_bytes(), 0u);
  EXPECT_LT(a.reserved_bytes(), reserved);
  EXPECT_EQ(a.peak_used_bytes(), used);
  EXPECT_EQ(a.peak_reserved_bytes(), reserved);

  // The garbage collector's rewind is remembered as well.
  const detail::TableMark mark = detail::arena_internals(a).table_mark();
  for (int i = 0; i < 1000; ++i) a.new_pair(Allocator::nil(), Allocator::nil());
  EXPECT_EQ(detail::arena_internals(a).maybe_restore_with_node(mark, Allocator::one()),
            Allocator::one());
  EXPECT_EQ(a.used_bytes(), 0u);
  EXPECT_EQ(a.pair_count(), 1000u);  // counts are kept
  EXPECT_EQ(a.peak_used_bytes(), used);

  a.reset_peaks();
  EXPECT_EQ(a.peak_used_bytes(), 0u);
  EXPECT_EQ(a.peak_reserved_bytes(), a.reserved_bytes());
  a.new_atom("\xffzz");  // not a canonical small integer: on the heap
  EXPECT_EQ(a.peak_used_bytes(), 11u);
}

TEST(ArenaMemory, TableMarkMatchesCheckpoint) {
  Allocator a;
  a.new_atom("hello");
  const Checkpoint cp = a.checkpoint();
  const detail::TableMark m = detail::arena_internals(a).table_mark();
  EXPECT_EQ(m.heap, cp.heap);
  EXPECT_EQ(m.atoms, cp.atoms);
  EXPECT_EQ(m.pairs, cp.pairs);
  // Below 1024 reclaimable bytes nothing happens.
  a.new_pair(Allocator::nil(), Allocator::nil());
  EXPECT_EQ(detail::arena_internals(a).maybe_restore_with_node(m, Allocator::one()), std::nullopt);
  EXPECT_EQ(a.stored_pairs(), 1u);
}

}  // namespace
}  // namespace clvm
