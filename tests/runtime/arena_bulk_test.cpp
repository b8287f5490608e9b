// SPDX-License-Identifier: Apache-2.0
// The arena's bulk creation API: can_add_nodes is exactly the checked creators' limits, and the
// unchecked creators make the same nodes with the same counters as the checked ones.
#include <clvm/allocator.hpp>
#include <clvm/detail/arena_internals.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace clvm;

std::span<const std::uint8_t> bytes(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

void expect_same_state(const Allocator& x, const Allocator& y) {
  EXPECT_EQ(x.atom_count(), y.atom_count());
  EXPECT_EQ(x.pair_count(), y.pair_count());
  EXPECT_EQ(x.heap_size(), y.heap_size());
  EXPECT_EQ(x.ghost_atoms(), y.ghost_atoms());
  EXPECT_EQ(x.ghost_pairs(), y.ghost_pairs());
  EXPECT_EQ(x.ghost_heap(), y.ghost_heap());
  EXPECT_EQ(x.stored_atoms(), y.stored_atoms());
  EXPECT_EQ(x.stored_pairs(), y.stored_pairs());
  EXPECT_TRUE(std::ranges::equal(x.heap_bytes(), y.heap_bytes()));
}

TEST(ArenaBulk, CanAddNodesIsExactlyTheLimits) {
  Allocator a(100);  // heap_size() is 1: 99 bytes of room
  EXPECT_TRUE(detail::arena_internals(a).can_add_nodes(0, 0, 0));
  EXPECT_TRUE(
      detail::arena_internals(a).can_add_nodes(Allocator::kMaxAtoms - 2, Allocator::kMaxPairs, 99));
  EXPECT_FALSE(detail::arena_internals(a).can_add_nodes(Allocator::kMaxAtoms - 1, 0, 0));
  EXPECT_FALSE(detail::arena_internals(a).can_add_nodes(0, Allocator::kMaxPairs + 1, 0));
  EXPECT_FALSE(detail::arena_internals(a).can_add_nodes(0, 0, 100));

  // Where can_add_nodes says one more fits, the checked creator succeeds; where not, it throws.
  detail::arena_internals(a).add_ghost_atoms(Allocator::kMaxAtoms - a.atom_count() - 1);
  detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs - a.pair_count() - 1);
  EXPECT_TRUE(detail::arena_internals(a).can_add_nodes(1, 1, 99));
  a.new_pair(Allocator::nil(), Allocator::nil());
  EXPECT_FALSE(detail::arena_internals(a).can_add_nodes(0, 1, 0));
  EXPECT_THROW(a.new_pair(Allocator::nil(), Allocator::nil()), EvalError);
  a.new_atom(bytes(std::string(99, 'x')));
  EXPECT_FALSE(detail::arena_internals(a).can_add_nodes(1, 0, 0));
  EXPECT_FALSE(detail::arena_internals(a).can_add_nodes(0, 0, 1));
  EXPECT_TRUE(detail::arena_internals(a).can_add_nodes(0, 0, 0));
  EXPECT_EQ(a.heap_size(), a.heap_limit());
}

TEST(ArenaBulk, UncheckedCreatorsMatchTheCheckedOnes) {
  Allocator checked, unchecked;
  ASSERT_TRUE(detail::arena_internals(unchecked).can_add_nodes(1000, 1000, 100000));
  // Every length class of the inline copy, inline integers, a leading zero, 0x00 and empty.
  std::vector<std::string> atoms = {"",
                                    std::string(1, '\0'),
                                    "\x01\x00",
                                    "\x03\xff\xff\xff",
                                    "\x04\x00\x00\x00",
                                    "\x80",
                                    "ab",
                                    "abc",
                                    "\xff\xff",
                                    "\xff\x00\x01"};
  for (std::size_t n : {4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48, 96, 1000, 70000})
    atoms.push_back(std::string(n, static_cast<char>('a' + n % 26)));
  NodePtr prev_c = Allocator::nil(), prev_u = Allocator::nil();
  for (const std::string& s : atoms) {
    const NodePtr c = checked.new_atom(bytes(s));
    const NodePtr u = detail::arena_internals(unchecked).new_atom_unchecked(bytes(s));
    EXPECT_EQ(c, u) << s.size();
    EXPECT_TRUE(unchecked.atom(u) == checked.atom(c));
    prev_c = checked.new_pair(c, prev_c);
    prev_u = detail::arena_internals(unchecked).new_pair_unchecked(u, prev_u);
    EXPECT_EQ(prev_c, prev_u);
  }
  for (std::uint32_t v : {0u, 2u, 0x7fu, 0x80u, 0xffffu, Allocator::kMaxSmallValue})
    EXPECT_EQ(checked.new_small_number(v),
              detail::arena_internals(unchecked).new_small_number_unchecked(v));
  detail::arena_internals(checked).add_ghost_pairs(7);
  detail::arena_internals(unchecked).add_ghost_pairs_unchecked(7);
  expect_same_state(checked, unchecked);
}

TEST(ArenaBulk, UncheckedCreatorsGrowTheTablesAndFailOnlyWhenMemoryRunsOut) {
  // In a small caller buffer the tables must grow, and eventually cannot: the unchecked creator
  // then fails as the checked one does, at the same atom, leaving the arena unchanged.
  std::vector<std::byte> buf_c(4096), buf_u(4096);
  Allocator checked = Allocator::over_buffer(buf_c), unchecked = Allocator::over_buffer(buf_u);
  const std::string s(40, 'q');
  for (int i = 0;; ++i) {
    ASSERT_LT(i, 1000);
    ASSERT_TRUE(detail::arena_internals(unchecked).can_add_nodes(1, 1, s.size()));
    bool c_failed = false, u_failed = false;
    try {
      checked.new_atom(bytes(s));
    } catch (const EvalError& e) {
      EXPECT_EQ(e.kind(), ErrorKind::OutOfMemory);
      c_failed = true;
    }
    try {
      detail::arena_internals(unchecked).new_atom_unchecked(bytes(s));
    } catch (const EvalError& e) {
      EXPECT_EQ(e.kind(), ErrorKind::OutOfMemory);
      u_failed = true;
    }
    ASSERT_EQ(c_failed, u_failed) << "atom " << i;
    expect_same_state(checked, unchecked);
    if (c_failed) break;
  }
}

}  // namespace
