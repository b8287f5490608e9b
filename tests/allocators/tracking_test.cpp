// SPDX-License-Identifier: Apache-2.0
// TrackingAllocator: counts what goes through it, and only that (zigler's tracked allocator test).
#include <clvm/mem/bump.hpp>
#include <clvm/mem/global.hpp>
#include <clvm/mem/tracking.hpp>

#include <gtest/gtest.h>

#include <cstdlib>

namespace clvm::mem {
namespace {

// zigler: memory taken through the tracked allocator shows in its figures; plain malloc does not.
TEST(TrackingAllocator, SeesMemoryTakenThroughItButNotPlainMalloc) {
  TrackingAllocator<GlobalAllocator> tracked;
  const std::size_t before = tracked.bytes_in_use();

  void* raw = std::malloc(100);
  ASSERT_NE(raw, nullptr);
  EXPECT_EQ(tracked.bytes_in_use(), before);
  EXPECT_EQ(tracked.live_allocations(), 0u);

  const Allocation a = tracked.allocate(Layout{100, 8});
  ASSERT_TRUE(a);
  EXPECT_EQ(tracked.bytes_in_use(), before + 100);
  EXPECT_EQ(tracked.live_allocations(), 1u);

  tracked.deallocate(a.ptr, Layout{100, 8});
  std::free(raw);
  EXPECT_EQ(tracked.bytes_in_use(), before);
  EXPECT_EQ(tracked.live_allocations(), 0u);
  EXPECT_EQ(tracked.total_allocations(), 1u);
  EXPECT_EQ(tracked.peak_bytes(), 100u);
}

TEST(TrackingAllocator, PeakAndTotalsFollowTheHistory) {
  TrackingAllocator<GlobalAllocator> t;
  const Allocation a = t.allocate(Layout{300, 8});
  const Allocation b = t.allocate_zeroed(Layout{200, 8});
  t.deallocate(a.ptr, Layout{300, 8});
  const Allocation c = t.allocate(Layout{50, 8});
  EXPECT_EQ(t.bytes_in_use(), 250u);
  EXPECT_EQ(t.peak_bytes(), 500u);
  EXPECT_EQ(t.live_allocations(), 2u);
  EXPECT_EQ(t.total_allocations(), 3u);
  t.deallocate(b.ptr, Layout{200, 8});
  t.deallocate(c.ptr, Layout{50, 8});
  EXPECT_EQ(t.bytes_in_use(), 0u);
}

TEST(TrackingAllocator, FailedAllocationsAreNotCounted) {
  BumpAllocator bump(64);
  TrackingAllocator<BumpAllocator&> t(bump);
  EXPECT_FALSE(t.allocate(Layout{65, 1}));
  EXPECT_EQ(t.total_allocations(), 0u);
  EXPECT_EQ(t.bytes_in_use(), 0u);
}

TEST(TrackingAllocator, HoldsTheUpstreamByReferenceAndForwardsResize) {
  BumpAllocator bump(1024);
  TrackingAllocator<BumpAllocator&> t(bump);
  static_assert(ResizableAllocator<TrackingAllocator<BumpAllocator&>>);
  static_assert(!ResizableAllocator<TrackingAllocator<GlobalAllocator>>);
  static_assert(ReallocatingAllocator<TrackingAllocator<GlobalAllocator>>);
  const Allocation a = t.allocate(Layout{100, 8});
  EXPECT_EQ(&t.upstream(), &bump);
  EXPECT_EQ(bump.total_allocated(), 100u);  // went to the referenced allocator
  EXPECT_TRUE(t.resize(a.ptr, Layout{100, 8}, 400));
  EXPECT_EQ(t.bytes_in_use(), 400u);
  EXPECT_EQ(t.peak_bytes(), 400u);
  EXPECT_TRUE(t.owns(a.ptr));
  t.deallocate(a.ptr, Layout{400, 8});
  EXPECT_EQ(bump.total_allocated(), 0u);
}

TEST(TrackingAllocator, ReallocateCountsAMoveAsAnAllocation) {
  TrackingAllocator<GlobalAllocator> t;
  Allocation a = t.reallocate(nullptr, Layout{0, 8}, 64);
  ASSERT_TRUE(a);
  EXPECT_EQ(t.bytes_in_use(), 64u);
  EXPECT_EQ(t.live_allocations(), 1u);
  a = t.reallocate(a.ptr, Layout{64, 8}, 1 << 20);
  ASSERT_TRUE(a);
  EXPECT_EQ(t.bytes_in_use(), std::size_t{1} << 20);
  EXPECT_EQ(t.live_allocations(), 1u);
  t.deallocate(a.ptr, Layout{1 << 20, 8});
  EXPECT_EQ(t.bytes_in_use(), 0u);
}

TEST(TrackingAllocator, StatelessUpstreamTakesNoSpace) {
  EXPECT_EQ(sizeof(TrackingAllocator<GlobalAllocator>), 4 * sizeof(std::size_t));
}

}  // namespace
}  // namespace clvm::mem
