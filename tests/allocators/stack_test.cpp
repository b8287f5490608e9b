// SPDX-License-Identifier: Apache-2.0
// StackAllocator: LIFO pops, the header, markers, out-of-order deallocation, the empty pop.
#include <clvm/mem/stack.hpp>

#include <gtest/gtest.h>

#include <cstdint>

namespace clvm::mem {
namespace {

constexpr std::size_t H = StackAllocator::header_size;

TEST(StackAllocator, SeedPushThreePopTwoThenReset) {
  StackAllocator stack(2048);
  const Allocation a1 = stack.allocate(Layout::of<std::int64_t>());
  const std::size_t after1 = stack.total_allocated();
  const Allocation a2 = stack.allocate(Layout::of<std::int32_t>());
  const std::size_t after2 = stack.total_allocated();
  const Allocation a3 = stack.allocate(Layout::of<void*>());
  ASSERT_TRUE(a1 && a2 && a3);
  EXPECT_EQ(after1, H + 8);
  EXPECT_TRUE(stack.pop());  // a3
  EXPECT_EQ(stack.total_allocated(), after2);
  EXPECT_TRUE(stack.pop());  // a2
  EXPECT_EQ(stack.total_allocated(), after1);
  stack.reset();
  EXPECT_EQ(stack.total_allocated(), 0u);
  EXPECT_EQ(stack.remaining(), 2048u);
  EXPECT_TRUE(stack.empty());
}

TEST(StackAllocator, PoppingAnEmptyStackIsAReportedError) {
  StackAllocator stack(256);
  EXPECT_FALSE(stack.pop());
  (void)stack.allocate(Layout{8, 8});
  EXPECT_TRUE(stack.pop());
  EXPECT_FALSE(stack.pop());
  EXPECT_EQ(stack.total_allocated(), 0u);
}

TEST(StackAllocator, PopRestoresTheExactPreviousTopIncludingPadding) {
  StackAllocator stack(4096);
  (void)stack.allocate(Layout{3, 1});
  const auto before = stack.total_allocated();
  const Allocation a = stack.allocate(Layout{10, 256});
  ASSERT_TRUE(a);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.ptr) % 256, 0u);
  EXPECT_TRUE(stack.pop());
  EXPECT_EQ(stack.total_allocated(), before);
  const Allocation b = stack.allocate(Layout{3, 1});
  EXPECT_EQ(stack.total_allocated(), before + H + 3);
  (void)b;
}

TEST(StackAllocator, DeallocateBelowTheTopIsReclaimedWhenTheTopGoes) {
  StackAllocator stack(1024);
  const Allocation a = stack.allocate(Layout{16, 16});
  const Allocation b = stack.allocate(Layout{16, 16});
  const Allocation c = stack.allocate(Layout{16, 16});
  const auto after_a = H + 16;
  stack.deallocate(b.ptr, Layout{16, 16});  // not the top: marked
  EXPECT_EQ(stack.total_allocated(), 3 * (H + 16));
  stack.deallocate(c.ptr, Layout{16, 16});  // the top: c and the marked b go
  EXPECT_EQ(stack.total_allocated(), after_a);
  stack.deallocate(a.ptr, Layout{16, 16});
  EXPECT_TRUE(stack.empty());
}

TEST(StackAllocator, MarkersRewindAndCompare) {
  StackAllocator stack(1024);
  (void)stack.allocate(Layout{32, 8});
  const auto m = stack.mark();
  (void)stack.allocate(Layout{32, 8});
  (void)stack.allocate(Layout{32, 8});
  EXPECT_LT(m, stack.mark());
  stack.rewind(m);
  EXPECT_EQ(stack.mark(), m);
  EXPECT_TRUE(stack.pop());  // the first block is on top again
  EXPECT_TRUE(stack.empty());
}

TEST(StackAllocator, ResizeGrowsTheTopInPlace) {
  StackAllocator stack(512);
  const Allocation a = stack.allocate(Layout{16, 8});
  EXPECT_TRUE(stack.resize(a.ptr, Layout{16, 8}, 400));
  EXPECT_EQ(stack.total_allocated(), H + 400);
  EXPECT_FALSE(stack.resize(a.ptr, Layout{400, 8}, 512));
  EXPECT_TRUE(stack.pop());
  EXPECT_EQ(stack.total_allocated(), 0u);
}

TEST(StackAllocator, ExhaustionCountsTheHeader) {
  StackAllocator stack(64);
  EXPECT_FALSE(stack.allocate(Layout{64 - H + 1, 1}));
  EXPECT_TRUE(stack.allocate(Layout{64 - H, 1}));
  EXPECT_EQ(stack.remaining(), 0u);
  EXPECT_FALSE(stack.allocate(Layout{0, 1}));
}

#if !defined(NDEBUG) && GTEST_HAS_DEATH_TEST
TEST(StackAllocatorDeathTest, RewindForwardsAsserts) {
  StackAllocator stack(256);
  (void)stack.allocate(Layout{8, 1});
  const auto m = stack.mark();
  stack.reset();
  EXPECT_DEATH(stack.rewind(m), "rewind forwards");
}

TEST(StackAllocatorDeathTest, ForeignPointerAsserts) {
  StackAllocator stack(256);
  int x = 0;
  EXPECT_DEATH(stack.deallocate(&x, Layout::of<int>()), "not from this allocator");
}
#endif

}  // namespace
}  // namespace clvm::mem
