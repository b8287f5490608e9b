// SPDX-License-Identifier: Apache-2.0
// eval::Stack, the evaluator's stacks: entries survive every kind of growth (inline -> malloc ->
// realloc -> own mapping -> mremap), the entry limit is exact wherever it falls, and a stack
// that never leaves its inline storage allocates nothing.
#include "eval/stack.hpp"

#include "smaps.hpp"

#include <gtest/gtest.h>

#include <cstdint>

namespace clvm::eval {
namespace {

// Pushes 0, 1, ... until the stack refuses; returns how many it took.
template <class S>
std::size_t fill(S& s, std::size_t at_most) {
  std::size_t n = 0;
  while (n < at_most && s.push(static_cast<std::uint32_t>(n * 2654435761u))) ++n;
  return n;
}

template <class S>
void drain_and_check(S& s, std::size_t n) {
  ASSERT_EQ(s.size(), n);
  for (std::size_t i = n; i-- > 0;) {
    ASSERT_EQ(s.back(), static_cast<std::uint32_t>(i * 2654435761u)) << i;
    ASSERT_EQ(s.pop(), static_cast<std::uint32_t>(i * 2654435761u)) << i;
  }
  EXPECT_TRUE(s.empty());
}

TEST(EvalStack, InlineOnly) {
  Stack<std::uint32_t, 8> s(1000);
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(fill(s, 8), 8u);
  drain_and_check(s, 8);
}

TEST(EvalStack, LimitBelowTheInlineRoom) {
  Stack<std::uint32_t, 64> s(5);
  EXPECT_EQ(fill(s, 100), 5u);
  EXPECT_FALSE(s.push(1));
  drain_and_check(s, 5);
}

TEST(EvalStack, ExactLimitOnTheHeap) {
  // An odd limit: the last doubling is cut to it.
  Stack<std::uint32_t, 4> s(100'003);
  EXPECT_EQ(fill(s, 200'000), 100'003u);
  EXPECT_FALSE(s.push(7));
  drain_and_check(s, 100'003);
}

TEST(EvalStack, MappedGrowthKeepsEntriesAndTheLimit) {
  // 4-byte entries: past 1M entries (4 MiB) the stack is its own mapping, grown by mremap; the
  // limit (3,000,001 entries, 12 MB) falls inside a 2 MiB unit.
  Stack<std::uint32_t, 16> s(3'000'001);
  EXPECT_EQ(fill(s, 4'000'000), 3'000'001u);
  EXPECT_FALSE(s.push(7));
  drain_and_check(s, 3'000'001);
  // Reusable after draining, and pops then pushes again across the old top.
  EXPECT_EQ(fill(s, 1'500'000), 1'500'000u);
  drain_and_check(s, 1'500'000);
}

TEST(EvalStack, LargeEntries) {
  struct Mark {
    std::uint32_t a, b, c;
  };
  Stack<Mark, 2> s(600'000);  // 7.2 MB: mapped
  for (std::uint32_t i = 0; i < 600'000; ++i) ASSERT_TRUE(s.push({i, ~i, i * 3}));
  EXPECT_FALSE(s.push({0, 0, 0}));
  for (std::uint32_t i = 600'000; i-- > 0;) {
    const Mark m = s.pop();
    ASSERT_TRUE(m.a == i && m.b == ~i && m.c == i * 3) << i;
  }
}

// The huge-page advice reaches the kernel for a mapped stack exactly when asked (VmFlags `hg`),
// and never for the default.
TEST(EvalStack, HugePageAdviceOnlyWhenAsked) {
  CLVM_SKIP_WITHOUT_SMAPS_THP();
  for (const bool huge : {false, true}) {
    Stack<std::uint32_t, 4> s(4'000'000, huge);
    EXPECT_EQ(fill(s, 2'000'000), 2'000'000u);  // 8 MB: its own mapping
    const auto m = test::mapping_of(&s.below_top(0));
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->has("hg"), huge);
    drain_and_check(s, 2'000'000);
  }
  Stack<std::uint32_t, 4> by_default(4'000'000);
  EXPECT_EQ(fill(by_default, 2'000'000), 2'000'000u);
  const auto m = test::mapping_of(&by_default.below_top(0));
  ASSERT_TRUE(m.has_value());
  EXPECT_FALSE(m->has("hg"));
}

}  // namespace
}  // namespace clvm::eval
