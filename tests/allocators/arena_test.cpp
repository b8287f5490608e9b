// SPDX-License-Identifier: Apache-2.0
// ArenaAllocator: growth in chunks, reset modes, frees everything at destruction (checked through
// a tracking upstream), value and reference upstreams, zigler's arena test.
#include <clvm/mem/arena.hpp>
#include <clvm/mem/current.hpp>
#include <clvm/mem/global.hpp>
#include <clvm/mem/page.hpp>
#include <clvm/mem/tracking.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <utility>

namespace clvm::mem {
namespace {

using Tracked = TrackingAllocator<GlobalAllocator>;

TEST(ArenaAllocator, GrowsInChunksAndFreesEverythingAtDestruction) {
  Tracked upstream;
  {
    ArenaAllocator<Tracked&> arena(upstream, 1024);
    EXPECT_EQ(arena.num_chunks(), 0u);
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(arena.allocate(Layout{100, 8}));
    EXPECT_EQ(arena.total_allocated(), 10000u);
    EXPECT_GT(arena.num_chunks(), 1u);
    EXPECT_EQ(upstream.live_allocations(), arena.num_chunks());
    EXPECT_EQ(upstream.bytes_in_use(), arena.capacity());
    EXPECT_GE(arena.capacity(), 10000u);
  }
  EXPECT_EQ(upstream.live_allocations(), 0u);
  EXPECT_EQ(upstream.bytes_in_use(), 0u);
}

TEST(ArenaAllocator, ChunksAtLeastDouble) {
  Tracked upstream;
  ArenaAllocator<Tracked&> arena(upstream, 1024);
  (void)arena.allocate(Layout{1000, 8});
  (void)arena.allocate(Layout{1000, 8});
  (void)arena.allocate(Layout{3000, 8});
  EXPECT_EQ(arena.num_chunks(), 3u);
  EXPECT_EQ(arena.capacity(), 1024u + 2048 + 4096);
}

TEST(ArenaAllocator, ResetRetainCapacityStopsCallingTheUpstream) {
  Tracked upstream;
  ArenaAllocator<Tracked&> arena(upstream, 1024);
  for (int i = 0; i < 50; ++i) (void)arena.allocate(Layout{100, 8});
  const std::size_t calls = upstream.total_allocations();
  const std::size_t capacity = arena.capacity();
  for (int round = 0; round < 3; ++round) {
    arena.reset(ResetMode::retain_capacity);
    EXPECT_EQ(arena.total_allocated(), 0u);
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(arena.allocate(Layout{100, 8}));
  }
  EXPECT_EQ(upstream.total_allocations(), calls);
  EXPECT_EQ(arena.capacity(), capacity);
}

TEST(ArenaAllocator, ResetFreeAllReturnsTheChunks) {
  Tracked upstream;
  ArenaAllocator<Tracked&> arena(upstream);
  (void)arena.allocate(Layout{10000, 8});
  EXPECT_GT(upstream.bytes_in_use(), 0u);
  arena.reset(ResetMode::free_all);
  EXPECT_EQ(upstream.bytes_in_use(), 0u);
  EXPECT_EQ(arena.capacity(), 0u);
  EXPECT_EQ(arena.num_chunks(), 0u);
  EXPECT_TRUE(arena.allocate(Layout{8, 8}));  // usable again
}

TEST(ArenaAllocator, LastAllocationIsReclaimedAndResizedInPlace) {
  ArenaAllocator<GlobalAllocator> arena;
  const Allocation a = arena.allocate(Layout{100, 8});
  EXPECT_TRUE(arena.resize(a.ptr, Layout{100, 8}, 1000));
  EXPECT_EQ(arena.total_allocated(), 1000u);
  arena.deallocate(a.ptr, Layout{1000, 8});
  EXPECT_EQ(arena.total_allocated(), 0u);
  EXPECT_EQ(arena.allocate(Layout{8, 8}).ptr, a.ptr);
}

TEST(ArenaAllocator, OwnsPointersInItsChunks) {
  ArenaAllocator<GlobalAllocator> arena(GlobalAllocator{}, 256);
  const Allocation a = arena.allocate(Layout{100, 8});
  const Allocation b = arena.allocate(Layout{1000, 8});
  EXPECT_TRUE(arena.owns(a.ptr));
  EXPECT_TRUE(arena.owns(b.ptr));
  int x = 0;
  EXPECT_FALSE(arena.owns(&x));
}

TEST(ArenaAllocator, ByValueUpstreamAndMove) {
  ArenaAllocator<Tracked> arena{Tracked{}};
  (void)arena.allocate(Layout{64, 8});
  EXPECT_EQ(arena.upstream().live_allocations(), 1u);
  ArenaAllocator<Tracked> moved(std::move(arena));
  EXPECT_EQ(moved.upstream().live_allocations(), 1u);
  EXPECT_EQ(moved.total_allocated(), 64u);
  EXPECT_EQ(arena.num_chunks(), 0u);  // NOLINT(bugprone-use-after-move)
}

TEST(ArenaAllocator, OverPageChunksWithLargeAlignment) {
  PageAllocator pages;
  ArenaAllocator<PageAllocator&> arena(pages);
  const Allocation a = arena.allocate(Layout{10, 8192});
  ASSERT_TRUE(a);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.ptr) % 8192, 0u);
  EXPECT_GT(pages.committed_bytes(), 0u);
}

// zigler: an arena over the current allocator; 4 u16s written and read back.
TEST(ArenaAllocator, ZiglerArenaOverTheCurrentAllocator) {
  ArenaAllocator<AllocatorRef> arena(current_allocator());
  const Allocation a = arena.allocate(Layout::array<std::uint16_t>(4));
  ASSERT_TRUE(a);
  auto* slice = static_cast<std::uint16_t*>(a.ptr);
  for (std::uint16_t i = 0; i < 4; ++i) slice[i] = i;
  EXPECT_EQ(slice[0] + slice[1] + slice[2] + slice[3], 6);
  arena.deallocate(a.ptr, Layout::array<std::uint16_t>(4));
}

}  // namespace
}  // namespace clvm::mem
