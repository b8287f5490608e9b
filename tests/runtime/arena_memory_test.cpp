// SPDX-License-Identifier: Apache-2.0
// What the arena stores per node (8 bytes a pair, 8 + its bytes a heap atom, nothing for an inline
// atom) and the peak accessors a harness uses to report a run's memory.
#include <clvm/allocator.hpp>
#include <clvm/detail/arena_internals.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

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

// (concat x x) of the newest atom and an accumulator concatenated onto share the first atom's
// bytes; the counts (heap_size, atom_count) are clvmr's, who copies them.
TEST(ArenaMemory, ReleasingAListHeadKeepsEveryCount) {
  Allocator a;
  const NodePtr old = a.new_pair(Allocator::nil(), Allocator::nil());  // pair 0, not a list pair
  const NodePtr x = a.new_small_number(7);
  // A three-item list built from nil: pairs 1, 2, 3, the head newest.
  NodePtr list = Allocator::nil();
  for (int i = 0; i < 3; ++i) list = a.new_pair(x, list);
  ASSERT_EQ(list.index(), 3u);
  const std::size_t counted = a.pair_count(), ghosts = a.ghost_pairs();
  auto internals = detail::arena_internals(a);

  // keep_a or keep_b among the pairs to release: nothing is released.
  EXPECT_EQ(internals.release_list_head(list, NodePtr(ObjectType::Pair, 2)), 0u);
  EXPECT_EQ(internals.release_list_head(list, x, NodePtr(ObjectType::Pair, 1)), 0u);
  EXPECT_EQ(a.stored_pairs(), 4u);
  // A keep older than the list does not stop it.
  EXPECT_EQ(internals.release_list_head(list, old, x), 3u);
  EXPECT_EQ(a.stored_pairs(), 1u);
  EXPECT_EQ(a.pair_count(), counted);  // released pairs are still counted, as ghosts
  EXPECT_EQ(a.ghost_pairs(), ghosts + 3);
  // The next pair takes the first released slot; the older pair is intact.
  EXPECT_EQ(a.new_pair(x, x).index(), 1u);
  EXPECT_EQ(a.pair(old).first, Allocator::nil());
  EXPECT_EQ(a.pair_count(), counted + 1);
}

TEST(ArenaMemory, ReleasingAListHeadStopsAtTheFirstPairNotNewest) {
  Allocator a;
  const NodePtr x = a.new_small_number(1);
  // (x x) whose tail pair 0 is followed by an unrelated pair 1, then the head pair 2.
  const NodePtr tail = a.new_pair(x, Allocator::nil());
  const NodePtr other = a.new_pair(x, x);
  const NodePtr head = a.new_pair(x, tail);
  auto internals = detail::arena_internals(a);
  EXPECT_EQ(internals.release_list_head(head), 1u);  // only the head: pair 1 is in between
  EXPECT_EQ(a.stored_pairs(), 2u);
  EXPECT_EQ(a.pair(other).rest, x);
  EXPECT_EQ(a.pair(tail).first, x);
  // A list whose head is not the newest pair, and an atom: nothing.
  const NodePtr newest = a.new_pair(x, x);
  (void)newest;
  EXPECT_EQ(internals.release_list_head(tail), 0u);
  EXPECT_EQ(internals.release_list_head(x), 0u);
  EXPECT_EQ(a.stored_pairs(), 3u);
  // A checkpoint taken before the release restores the counts as they were then.
  const Checkpoint cp = a.checkpoint();
  const NodePtr l2 = a.new_pair(x, a.new_pair(x, Allocator::nil()));
  EXPECT_EQ(internals.release_list_head(l2), 2u);
  EXPECT_EQ(a.ghost_pairs(), 3u);
  a.restore_checkpoint(cp);
  EXPECT_EQ(a.stored_pairs(), 3u);
  EXPECT_EQ(a.ghost_pairs(), 1u);
}

TEST(ArenaMemory, ConcatOntoTheNewestAtomStoresOnlyTheRest) {
  Allocator a;
  const std::string text(100, 'x');
  const NodePtr x = a.new_atom(text);
  const std::size_t stored = a.stored_heap_bytes(), heap = a.heap_size();
  const Checkpoint cp = a.checkpoint();
  const NodePtr y = a.new_concat(200, std::vector<NodePtr>{x, x});
  EXPECT_EQ(a.atom(y).as_string_view(), text + text);
  EXPECT_EQ(a.atom(x).as_string_view(), text);
  EXPECT_EQ(a.stored_heap_bytes(), stored + 100);
  EXPECT_EQ(a.heap_size(), heap + 200);
  // Onto y, which now ends the heap: again only the appended bytes.
  const NodePtr tail = a.new_atom("\x80tail");
  const NodePtr z = a.new_concat(205, std::vector<NodePtr>{tail, y});
  EXPECT_EQ(a.stored_heap_bytes(), stored + 100 + 5 + 200);  // tail, then y copied behind it
  const NodePtr w = a.new_concat(415, std::vector<NodePtr>{z, tail, z});
  const std::string zs(a.atom(z).as_string_view());
  EXPECT_EQ(zs, "\x80tail" + text + text);
  EXPECT_EQ(a.atom(w).as_string_view(), zs + "\x80tail" + zs);
  EXPECT_EQ(a.stored_heap_bytes(), stored + 100 + 5 + 200 + 5 + 205);
  EXPECT_EQ(a.heap_size(), heap + 200 + 5 + 205 + 415);
  // An atom that does not end the heap is copied whole.
  const NodePtr v = a.new_concat(300, std::vector<NodePtr>{y, x});
  EXPECT_EQ(a.atom(v).as_string_view(), text + text + text);
  EXPECT_EQ(a.stored_heap_bytes(), stored + 100 + 5 + 200 + 5 + 205 + 300);
  // A bad size leaves the arena as it was.
  const std::size_t before = a.stored_heap_bytes(), before_heap = a.heap_size();
  EXPECT_THROW((void)a.new_concat(301, std::vector<NodePtr>{v, x}), EvalError);
  EXPECT_THROW((void)a.new_concat(200, std::vector<NodePtr>{v, x}), EvalError);
  EXPECT_EQ(a.stored_heap_bytes(), before);
  EXPECT_EQ(a.heap_size(), before_heap);
  // A checkpoint taken before the sharing restores the stored and counted sizes.
  a.restore_checkpoint(cp);
  EXPECT_EQ(a.stored_heap_bytes(), stored);
  EXPECT_EQ(a.heap_size(), heap);
  EXPECT_EQ(a.atom(x).as_string_view(), text);
}

// The collector keeps an atom concatenated onto one older than its mark by keeping the appended
// tail where it is, whatever its length (a copied atom is at most 48 bytes).
TEST(ArenaMemory, CollectorKeepsAConcatOntoAnOlderAtomInPlace) {
  Allocator a;
  const std::string text(100, 'x');
  const NodePtr t = a.new_atom(std::string(60, 'y'));
  const NodePtr x = a.new_atom(text);
  const detail::TableMark mark = detail::arena_internals(a).table_mark();
  for (int i = 0; i < 1000; ++i) a.new_pair(Allocator::nil(), Allocator::nil());  // garbage
  const NodePtr y = a.new_concat(160, std::vector<NodePtr>{x, t});
  ASSERT_EQ(a.stored_heap_bytes(), 60u + 100 + 60);  // y shares x's bytes (x ends the heap)
  const std::size_t heap = a.heap_size(), atoms = a.atom_count(), pairs = a.pair_count();
  const std::optional<NodePtr> kept = detail::arena_internals(a).maybe_restore_with_node(mark, y);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(a.atom(*kept).as_string_view(), text + std::string(60, 'y'));
  EXPECT_EQ(a.stored_heap_bytes(), 60u + 100 + 60);  // y's tail stayed where it was
  EXPECT_EQ(a.stored_pairs(), 0u);
  EXPECT_EQ(a.heap_size(), heap);  // counts are kept
  EXPECT_EQ(a.atom_count(), atoms);
  EXPECT_EQ(a.pair_count(), pairs);
  EXPECT_EQ(a.atom(x).as_string_view(), text);
}

}  // namespace
}  // namespace clvm
