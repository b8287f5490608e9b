// SPDX-License-Identifier: Apache-2.0
// BumpAllocator: the seed usage, exact accounting, markers, resize of the last block, from_buffer.
#include <clvm/mem/bump.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <utility>

namespace clvm::mem {
namespace {

TEST(BumpAllocator, SeedSequentialAllocationsThenResetReuses) {
  BumpAllocator bump(4096);
  EXPECT_EQ(bump.capacity(), 4096u);
  const Allocation a1 = bump.allocate(Layout::of<std::int64_t>());
  const Allocation a2 = bump.allocate(Layout::of<std::int32_t>());
  const Allocation a3 = bump.allocate(Layout::array(Layout{8, 8}, 10));
  ASSERT_TRUE(a1 && a2 && a3);
  EXPECT_EQ(static_cast<std::byte*>(a2.ptr), static_cast<std::byte*>(a1.ptr) + 8);
  EXPECT_EQ(static_cast<std::byte*>(a3.ptr), static_cast<std::byte*>(a1.ptr) + 16);  // 12 -> 16
  EXPECT_EQ(bump.total_allocated(), 96u);
  EXPECT_EQ(bump.remaining(), 4096u - 96);
  bump.reset();
  EXPECT_EQ(bump.total_allocated(), 0u);
  EXPECT_EQ(bump.allocate(Layout::of<void*>()).ptr, a1.ptr);
}

TEST(BumpAllocator, FillsExactlyToCapacityThenFails) {
  BumpAllocator bump(1024);
  ASSERT_TRUE(bump.allocate(Layout{1000, 1}));
  ASSERT_TRUE(bump.allocate(Layout{24, 1}));
  EXPECT_EQ(bump.remaining(), 0u);
  EXPECT_FALSE(bump.allocate(Layout{1, 1}));
  EXPECT_EQ(bump.total_allocated() + bump.remaining(), bump.capacity());
}

TEST(BumpAllocator, PaddingCountsAndAlignmentPastTheEndFails) {
  BumpAllocator bump(256);
  ASSERT_TRUE(bump.allocate(Layout{1, 1}));
  const Allocation a = bump.allocate(Layout{8, 64});
  ASSERT_TRUE(a);
  EXPECT_EQ(bump.total_allocated(), 72u);         // 1 + 63 padding + 8 (buffer is 64-aligned)
  EXPECT_FALSE(bump.allocate(Layout{129, 128}));  // would start at 128 and end past 256
  EXPECT_EQ(bump.total_allocated(), 72u);         // a failed request changes nothing
}

TEST(BumpAllocator, DeallocateReclaimsOnlyTheLastBlock) {
  BumpAllocator bump(1024);
  const Allocation a = bump.allocate(Layout{100, 1});
  const Allocation b = bump.allocate(Layout{50, 1});
  bump.deallocate(a.ptr, Layout{100, 1});  // not last: no effect
  EXPECT_EQ(bump.total_allocated(), 150u);
  bump.deallocate(b.ptr, Layout{50, 1});
  EXPECT_EQ(bump.total_allocated(), 100u);
}

TEST(BumpAllocator, ResizeGrowsTheLastBlockInPlace) {
  BumpAllocator bump(1024);
  const Allocation a = bump.allocate(Layout{100, 8});
  EXPECT_TRUE(bump.resize(a.ptr, Layout{100, 8}, 900));
  EXPECT_EQ(bump.total_allocated(), 900u);
  EXPECT_FALSE(bump.resize(a.ptr, Layout{900, 8}, 1025));  // beyond the buffer
  EXPECT_TRUE(bump.resize(a.ptr, Layout{900, 8}, 10));     // shrink gives bytes back
  EXPECT_EQ(bump.total_allocated(), 10u);
  const Allocation b = bump.allocate(Layout{8, 8});
  EXPECT_FALSE(bump.resize(a.ptr, Layout{10, 8}, 20));  // no longer last
  EXPECT_TRUE(bump.resize(a.ptr, Layout{10, 8}, 4));    // shrinking always works
  (void)b;
}

TEST(BumpAllocator, MarkAndRewindFreeEverythingAfterTheMark) {
  BumpAllocator bump(1024);
  (void)bump.allocate(Layout{10, 1});
  const auto m = bump.mark();
  (void)bump.allocate(Layout{100, 1});
  (void)bump.allocate(Layout{200, 1});
  EXPECT_LT(m, bump.mark());
  bump.rewind(m);
  EXPECT_EQ(bump.total_allocated(), 10u);
  EXPECT_EQ(bump.mark(), m);
}

TEST(BumpAllocator, FromBufferBorrowsTheCallersMemory) {
  alignas(16) std::array<std::byte, 128> storage{};
  {
    auto bump = BumpAllocator::from_buffer(storage);
    EXPECT_FALSE(bump.owns_buffer());
    EXPECT_EQ(bump.capacity(), 128u);
    const Allocation a = bump.allocate(Layout{16, 16});
    EXPECT_EQ(a.ptr, storage.data());
    EXPECT_TRUE(bump.owns(a.ptr));
    EXPECT_FALSE(bump.owns(storage.data() + 128));
    EXPECT_FALSE(bump.allocate(Layout{113, 1}));
  }
  storage[0] = std::byte{1};  // still ours after the allocator is gone
}

TEST(BumpAllocator, MoveTransfersTheBuffer) {
  BumpAllocator a(256);
  const Allocation x = a.allocate(Layout{16, 8});
  BumpAllocator b(std::move(a));
  EXPECT_TRUE(b.owns(x.ptr));
  EXPECT_EQ(b.total_allocated(), 16u);
  EXPECT_EQ(a.capacity(), 0u);  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_FALSE(a.allocate(Layout{1, 1}));
  a = std::move(b);
  EXPECT_TRUE(a.owns(x.ptr));
}

TEST(BumpAllocator, ZeroCapacityFailsEveryRequest) {
  BumpAllocator bump(0);
  EXPECT_FALSE(bump.allocate(Layout{0, 1}));
  EXPECT_FALSE(bump.allocate(Layout{1, 1}));
}

#if !defined(NDEBUG) && GTEST_HAS_DEATH_TEST
TEST(BumpAllocatorDeathTest, RewindForwardsAsserts) {
  BumpAllocator bump(256);
  (void)bump.allocate(Layout{8, 1});
  const auto m = bump.mark();
  bump.reset();
  EXPECT_DEATH(bump.rewind(m), "rewind forwards");
}

TEST(BumpAllocatorDeathTest, ForeignPointerAsserts) {
  BumpAllocator bump(256);
  int x = 0;
  EXPECT_DEATH(bump.deallocate(&x, Layout::of<int>()), "not from this allocator");
}

TEST(BumpAllocatorDeathTest, BadAlignmentAsserts) {
  BumpAllocator bump(256);
  EXPECT_DEATH((void)bump.allocate(Layout{8, 6}), "power of two");
}
#endif

}  // namespace
}  // namespace clvm::mem
