// SPDX-License-Identifier: Apache-2.0
// Atom and pair accounting of the deserializers, as clvmr counts them (facts §1, §2).
#include <clvm/detail/arena_internals.hpp>
#include <clvm/serde.hpp>

#include "serde_test_util.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using namespace clvm;
using serde_test::hex;

struct Counts {
  std::size_t atoms, pairs, heap;
};

Counts counts(const Allocator& a) { return {a.atom_count(), a.pair_count(), a.heap_size()}; }

TEST(SerdeAccounting, ClassicNilAndOneAreUncounted) {
  const Allocator fresh;
  const Counts base = counts(fresh);
  {
    Allocator a;
    node_from_bytes(a, hex("ff8080"));
    EXPECT_EQ(a.atom_count(), base.atoms);
    EXPECT_EQ(a.pair_count(), 1u);
    EXPECT_EQ(a.heap_size(), base.heap);
  }
  {
    Allocator a;
    node_from_bytes(a, hex("ff01ff0180"));
    EXPECT_EQ(a.atom_count(), base.atoms);
    EXPECT_EQ(a.pair_count(), 2u);
  }
  {
    Allocator a;  // 02 and 00 are counted: one small atom, one heap atom
    node_from_bytes(a, hex("ff02ff0080"));
    EXPECT_EQ(a.atom_count(), base.atoms + 2);
    EXPECT_EQ(a.heap_size(), base.heap + 2);
    EXPECT_EQ(a.stored_atoms(), 1u);
  }
  {
    Allocator a;  // over-long encodings of 1 and nil are ordinary atoms
    node_from_bytes(a, hex("ff8101ffc000ff86666f6f62617280"));
    EXPECT_EQ(a.atom_count(), base.atoms + 3);
    EXPECT_EQ(a.pair_count(), 3u);
  }
}

TEST(SerdeAccounting, BackrefGhostPairs) {
  {
    Allocator a;  // 2 atoms + 1 cons on the stack, plus the real pair
    node_from_bytes_backrefs(a, hex("ff8080"));
    EXPECT_EQ(a.pair_count(), 4u);
    EXPECT_EQ(a.stored_pairs(), 1u);
  }
  {
    Allocator a;
    node_from_bytes_backrefs(a, hex("0a"));
    EXPECT_EQ(a.pair_count(), 1u);
    EXPECT_EQ(a.stored_pairs(), 0u);
  }
  {
    Allocator a;  // the stack list is made real: one ghost becomes a pair
    node_from_bytes_backrefs(a, hex("ff86666f6f626172fe01"));
    EXPECT_EQ(a.pair_count(), 4u);
    EXPECT_EQ(a.stored_pairs(), 2u);
  }
  {
    Allocator a;  // a path into an item adds nothing beyond its own stack slot
    node_from_bytes_backrefs(a, hex("ffff01ff02ff03ff0480fe02"));
    EXPECT_EQ(a.stored_pairs(), 5u);
    EXPECT_EQ(a.pair_count(), 5u + 11u);  // ghosts: 5 atoms + 1 backref + 5 conses
  }
  {
    Allocator a;  // a second reference to the same stack suffix reuses the cached list
    node_from_bytes_backrefs(a, hex("ff01ff02ffff03fe03fe03"));
    // (1 2 (3 . BR) . BR): at the first fe03 the stack is [1, 2, 3] and the list (2 1) is made
    // real (2 pairs, 2 ghosts fewer); the second fe03 reuses it. Ghosts: 3 atoms + 2 backrefs +
    // 4 conses - 2; real: 4 conses + 2 stack pairs.
    EXPECT_EQ(a.stored_pairs(), 6u);
    EXPECT_EQ(a.pair_count(), 6u + (5u + 4u - 2u));
  }
}

TEST(SerdeAccounting, BackrefTooManyPairsAtTheSameAllocation) {
  {
    Allocator a;
    detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs - 4);
    EXPECT_NO_THROW(node_from_bytes_backrefs(a, hex("ff8080")));
    EXPECT_EQ(a.pair_count(), Allocator::kMaxPairs);
  }
  {
    Allocator a;
    detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs - 3);
    serde_test::expect_error<EvalError>([&] { node_from_bytes_backrefs(a, hex("ff8080")); },
                                        ErrorKind::TooManyPairs);
  }
  {
    Allocator a;  // the classic reader needs one pair only
    detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs - 1);
    EXPECT_NO_THROW(node_from_bytes(a, hex("ff8080")));
    serde_test::expect_error<EvalError>([&] { node_from_bytes(a, hex("ff8080")); },
                                        ErrorKind::TooManyPairs);
  }
}

TEST(SerdeAccounting, TooManyAtoms) {
  Allocator a;
  detail::arena_internals(a).add_ghost_atoms(Allocator::kMaxAtoms - a.atom_count() - 1);
  // nil and 1 do not count, so this parses although only one atom is left
  EXPECT_NO_THROW(node_from_bytes(a, hex("ff80ff01ff0280")));
  serde_test::expect_error<EvalError>([&] { node_from_bytes(a, hex("ff0380")); },
                                      ErrorKind::TooManyAtoms);
}

// The pairs a parse makes before it fails stay counted and stored, as clvmr's allocations do;
// the arena then hands out the next slots (nothing made by the failed parse is overwritten). Both
// across the pair table's growth and through the back-reference reader's hand-off.
TEST(SerdeAccounting, PairsMadeBeforeAFailureStay) {
  constexpr std::size_t kPairs = 5000;  // more than the pair table's first capacity
  std::vector<std::uint8_t> deep;
  for (std::size_t i = 0; i < kPairs; ++i) deep.insert(deep.end(), {0xff, 0x02});
  deep.push_back(0x80);  // the list (2 2 ... 2): its nil closes all kPairs pairs at once
  std::vector<std::uint8_t> truncated{0xff};  // (list . <missing>)
  truncated.insert(truncated.end(), deep.begin(), deep.end());
  for (const bool backrefs : {false, true}) {
    SCOPED_TRACE(backrefs);
    Allocator a;
    const std::size_t before = a.stored_pairs();
    serde_test::expect_error<SerdeError>(
        [&] {
          (void)(backrefs ? node_from_bytes_backrefs(a, truncated) : node_from_bytes(a, truncated));
        },
        ErrorKind::BadEncoding);
    EXPECT_EQ(a.stored_pairs(), before + kPairs);
    const NodePtr next = a.new_pair(Allocator::nil(), Allocator::one());
    EXPECT_EQ(next.index(), before + kPairs);
    EXPECT_EQ(a.stored_pairs(), before + kPairs + 1);
  }
  {
    // A back reference first (fe 01 is nil), so the pairs are made by the back-reference parser,
    // then the same truncation: its pairs stay too, and the next pair takes the next slot.
    std::vector<std::uint8_t> in{0xff, 0xfe, 0x01, 0xff};  // (() . (list . <missing>))
    in.insert(in.end(), deep.begin(), deep.end());
    Allocator a;
    const std::size_t before = a.stored_pairs();
    serde_test::expect_error<SerdeError>([&] { (void)node_from_bytes_backrefs(a, in); },
                                         ErrorKind::BadEncoding);
    EXPECT_EQ(a.stored_pairs(), before + kPairs);
    EXPECT_EQ(a.new_pair(Allocator::nil(), Allocator::one()).index(), before + kPairs);
  }
  {
    Allocator a;  // classic pairs, then a back reference: the hand-off keeps them all
    std::vector<std::uint8_t> in{0xff};
    in.insert(in.end(), deep.begin(), deep.end());
    in.insert(in.end(), {0xfe, 0x02});  // the rest: a back reference into the parse stack
    const NodePtr n = node_from_bytes_backrefs(a, in);
    ASSERT_TRUE(n.is_pair());
    EXPECT_EQ(n.index(), kPairs);  // made after the list's kPairs pairs, in the next slot
    EXPECT_EQ(a.stored_pairs(), kPairs + 1);
    EXPECT_EQ(a.pair(n).first.index(), kPairs - 1);  // the list's outermost pair, made last
  }
}

}  // namespace
