// SPDX-License-Identifier: Apache-2.0
// PoolAllocator: the seed counts, block rounding, alignment, reuse order, double free.
#include <clvm/mem/pool.hpp>

#include "misuse_recorder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <utility>
#include <vector>

namespace clvm::mem {
namespace {

TEST(PoolAllocator, SeedAllocateThreeFreeOneLeaves98Free) {
  PoolAllocator pool(64, 100);
  const Allocation p1 = pool.allocate(Layout{64, 8});
  const Allocation p2 = pool.allocate(Layout{64, 8});
  const Allocation p3 = pool.allocate(Layout{64, 8});
  ASSERT_TRUE(p1 && p2 && p3);
  EXPECT_EQ(pool.num_free_blocks(), 97u);
  pool.deallocate(p2.ptr, Layout{64, 8});
  EXPECT_EQ(pool.num_free_blocks(), 98u);
  EXPECT_EQ(pool.num_allocated(), 2u);
}

TEST(PoolAllocator, BlocksAreAtLeastPointerSizedAndRoundedToTheAlignment) {
  EXPECT_EQ(PoolAllocator(1, 4, 1).block_size(), PoolAllocator::min_block_size);
  EXPECT_EQ(PoolAllocator(1, 4).block_size(), alignof(std::max_align_t));
  EXPECT_EQ(PoolAllocator(24, 4, 8).block_size(), 24u);
  EXPECT_EQ(PoolAllocator(24, 4, 32).block_size(), 32u);
  EXPECT_EQ(PoolAllocator(100, 4, 64).block_size(), 128u);
}

TEST(PoolAllocator, EveryBlockIsAlignedAndDistinct) {
  PoolAllocator pool(100, 32, 256);
  std::set<void*> seen;
  for (int i = 0; i < 32; ++i) {
    const Allocation a = pool.allocate(Layout{100, 256});
    ASSERT_TRUE(a);
    EXPECT_EQ(a.size, 256u);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.ptr) % 256, 0u);
    EXPECT_TRUE(pool.owns(a.ptr));
    EXPECT_TRUE(seen.insert(a.ptr).second);
  }
  EXPECT_FALSE(pool.allocate(Layout{1, 1}));  // exhausted
  EXPECT_EQ(pool.num_free_blocks(), 0u);
}

TEST(PoolAllocator, RequestsThatDoNotFitABlockFail) {
  PoolAllocator pool(64, 4, 16);
  EXPECT_FALSE(pool.allocate(Layout{65, 8}));
  EXPECT_FALSE(pool.allocate(Layout{8, 32}));
  EXPECT_EQ(pool.num_free_blocks(), 4u);
}

TEST(PoolAllocator, FreedBlockIsReusedFirst) {
  PoolAllocator pool(32, 8);
  const Allocation a = pool.allocate(Layout{32, 8});
  (void)pool.allocate(Layout{32, 8});
  pool.deallocate(a.ptr, Layout{32, 8});
  EXPECT_EQ(pool.allocate(Layout{32, 8}).ptr, a.ptr);
}

// A fresh pool hands its blocks out front to back; a freed block comes back before any fresh one.
TEST(PoolAllocator, FreshBlocksGoFrontToBackAfterTheFreedOnes) {
  PoolAllocator pool(32, 6, 16);
  const Layout l{32, 8};
  std::vector<std::byte*> got;
  for (int i = 0; i < 3; ++i) got.push_back(static_cast<std::byte*>(pool.allocate(l).ptr));
  EXPECT_EQ(got[1], got[0] + 32);
  EXPECT_EQ(got[2], got[0] + 64);
  pool.deallocate(got[1], l);
  EXPECT_EQ(pool.allocate(l).ptr, got[1]);
  EXPECT_EQ(pool.allocate(l).ptr, got[0] + 96);  // the next fresh one
  pool.reset();
  EXPECT_EQ(pool.allocate(l).ptr, got[0]);  // a reset pool starts again at the front
}

// Freed blocks come back last freed first at every block size, for every order of frees, until
// the pool is exhausted; no block is handed out twice.
TEST(PoolAllocator, FreedBlocksComeBackLastFreedFirstAtEveryBlockSize) {
  for (const std::size_t size : {8u, 16u, 24u, 32u, 64u, 4096u}) {
    constexpr std::size_t kBlocks = 200;
    PoolAllocator pool(size, kBlocks, 8);
    const Layout l{size, 8};
    std::vector<void*> blocks;
    for (std::size_t i = 0; i < kBlocks; ++i) blocks.push_back(pool.allocate(l).ptr);
    ASSERT_EQ(std::set<void*>(blocks.begin(), blocks.end()).size(), kBlocks) << size;
    EXPECT_FALSE(pool.allocate(l)) << size;
    for (const unsigned seed : {1u, 2u, 3u}) {
      std::vector<void*> order = blocks;
      std::shuffle(order.begin(), order.end(), std::mt19937{seed});
      order.resize(seed == 1 ? kBlocks : 37 * seed);  // all of them, or some
      for (void* p : order) pool.deallocate(p, l);
      EXPECT_EQ(pool.num_free_blocks(), order.size()) << size;
      for (std::size_t i = order.size(); i-- > 0;) {
        const Allocation a = pool.allocate(l);
        ASSERT_EQ(a.ptr, order[i]) << size << " seed " << seed << " at " << i;
        EXPECT_EQ(a.size, pool.block_size());
      }
      EXPECT_FALSE(pool.allocate(l)) << size;
      EXPECT_EQ(pool.num_free_blocks(), 0u);
    }
    // Interleaved: free two, take one, many times over, against a model of the free stack.
    std::vector<void*> model;
    std::mt19937 rng(size);
    std::vector<void*> live = blocks;
    for (int step = 0; step < 2000; ++step) {
      if (!live.empty() && (model.empty() || rng() % 3 != 0)) {
        const std::size_t k = rng() % live.size();
        pool.deallocate(live[k], l);
        model.push_back(live[k]);
        live.erase(live.begin() + static_cast<std::ptrdiff_t>(k));
      } else if (!model.empty()) {
        const Allocation a = pool.allocate(l);
        ASSERT_EQ(a.ptr, model.back()) << size << " step " << step;
        model.pop_back();
        live.push_back(a.ptr);
      }
      ASSERT_EQ(pool.num_free_blocks(), model.size());
    }
  }
}

TEST(PoolAllocator, OwnsOnlyBlockBoundariesInsideThePool) {
  PoolAllocator pool(32, 8, 16);
  const Allocation a = pool.allocate(Layout{32, 8});
  EXPECT_TRUE(pool.owns(a.ptr));
  EXPECT_FALSE(pool.owns(static_cast<std::byte*>(a.ptr) + 8));
  int x = 0;
  EXPECT_FALSE(pool.owns(&x));
}

TEST(PoolAllocator, ResetFreesEveryBlock) {
  PoolAllocator pool(16, 10);
  for (int i = 0; i < 10; ++i) (void)pool.allocate(Layout{16, 8});
  EXPECT_EQ(pool.num_allocated(), 10u);
  pool.reset();
  EXPECT_EQ(pool.num_free_blocks(), 10u);
  EXPECT_TRUE(pool.allocate(Layout{16, 8}));
}

// The free stack has room for every block and no more: a free with every block already free is
// misuse in every build (reported and ignored, never written past the stack).
TEST(PoolAllocator, FreeingIntoAFullPoolIsReportedInEveryBuild) {
  testing::RecordMisuse recorder;
  PoolAllocator pool(32, 2);
  const Allocation a = pool.allocate(Layout{32, 8});
  pool.deallocate(a.ptr, Layout{32, 8});
  ASSERT_TRUE(recorder.reports().empty());
  for (int i = 0; i < 3; ++i) pool.deallocate(a.ptr, Layout{32, 8});
  ASSERT_EQ(recorder.reports().size(), 3u);
  EXPECT_EQ(recorder.reports()[2].kind, MisuseKind::double_free);
  EXPECT_EQ(recorder.reports()[2].ptr, a.ptr);
  EXPECT_EQ(pool.num_free_blocks(), 2u);
  const Allocation b = pool.allocate(Layout{32, 8});
  const Allocation c = pool.allocate(Layout{32, 8});
  EXPECT_NE(b.ptr, c.ptr);
  EXPECT_FALSE(pool.allocate(Layout{32, 8}));
}

// A moved pool keeps its blocks, its free stack and its bounds; the moved-from one has none.
TEST(PoolAllocator, MoveTransfersTheBlocksAndTheFreeStack) {
  const Layout l{48, 16};
  PoolAllocator from(48, 3, 16);
  const Allocation a = from.allocate(l);
  const Allocation b = from.allocate(l);
  from.deallocate(a.ptr, l);
  PoolAllocator to(std::move(from));
  EXPECT_EQ(from.num_blocks(), 0u);  // NOLINT(bugprone-use-after-move): the documented state
  EXPECT_FALSE(from.allocate(l));    // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(to.num_free_blocks(), 2u);
  EXPECT_EQ(to.allocate(l).ptr, a.ptr);  // the last freed comes back first
  PoolAllocator assigned(8, 1);
  assigned = std::move(to);
  EXPECT_EQ(assigned.num_allocated(), 2u);
  assigned.deallocate(b.ptr, l);
  assigned.deallocate(a.ptr, l);
  EXPECT_EQ(assigned.num_free_blocks(), 3u);
  std::set<void*> distinct;
  for (int i = 0; i < 3; ++i) distinct.insert(assigned.allocate(l).ptr);
  EXPECT_EQ(distinct.size(), 3u);
  EXPECT_FALSE(assigned.allocate(l));
}

#ifndef NDEBUG
TEST(PoolAllocator, DoubleFreeIsReportedInDebugBuildsAndIgnored) {
  testing::RecordMisuse recorder;
  PoolAllocator pool(64, 4);
  const Allocation a = pool.allocate(Layout{64, 8});
  pool.deallocate(a.ptr, Layout{64, 8});
  pool.deallocate(a.ptr, Layout{64, 8});
  ASSERT_EQ(recorder.reports().size(), 1u);
  EXPECT_EQ(recorder.reports()[0].kind, MisuseKind::double_free);
  EXPECT_EQ(recorder.reports()[0].ptr, a.ptr);
  EXPECT_EQ(pool.num_free_blocks(), 4u);  // the free list was not corrupted
  std::set<void*> distinct;
  for (int i = 0; i < 4; ++i) distinct.insert(pool.allocate(Layout{64, 8}).ptr);
  EXPECT_EQ(distinct.size(), 4u);
}
#endif

#if !defined(NDEBUG) && GTEST_HAS_DEATH_TEST
TEST(PoolAllocatorDeathTest, ForeignPointerAsserts) {
  PoolAllocator pool(64, 4);
  int x = 0;
  EXPECT_DEATH(pool.deallocate(&x, Layout::of<int>()), "not from this pool");
}
#endif

}  // namespace
}  // namespace clvm::mem
