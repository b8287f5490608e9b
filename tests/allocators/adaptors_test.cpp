// SPDX-License-Identifier: Apache-2.0
// The adaptors: PmrResource (and the pmr copy trap), StdAllocator, FailingAllocator, AllocatorRef.
#include <clvm/allocators.hpp>

#include <gtest/gtest.h>

#include <list>
#include <map>
#include <memory_resource>
#include <string>
#include <vector>

namespace clvm::mem {
namespace {

TEST(PmrResource, PmrContainersAllocateThroughTheAllocator) {
  TrackingAllocator<GlobalAllocator> tracked;
  PmrResource<TrackingAllocator<GlobalAllocator>&> resource(tracked);
  {
    std::pmr::vector<int> v(&resource);
    v.assign(100, 7);
    EXPECT_GE(tracked.bytes_in_use(), 100 * sizeof(int));
  }
  EXPECT_EQ(tracked.bytes_in_use(), 0u);
  EXPECT_GT(tracked.total_allocations(), 0u);
}

// The trap: a copy-constructed pmr container does not inherit the resource; it silently uses the
// default one. Passing the resource explicitly keeps the copy on it.
TEST(PmrResource, CopyTrapACopiedContainerUsesTheDefaultResource) {
  TrackingAllocator<GlobalAllocator> tracked;
  PmrResource<TrackingAllocator<GlobalAllocator>&> resource(tracked);
  std::pmr::vector<int> original({1, 2, 3}, &resource);
  const std::size_t before = tracked.total_allocations();

  std::pmr::vector<int> copy = original;
  EXPECT_EQ(copy.get_allocator().resource(), std::pmr::get_default_resource());
  EXPECT_NE(copy.get_allocator().resource(), &resource);
  EXPECT_EQ(tracked.total_allocations(), before);  // the copy's memory did not come from us

  std::pmr::vector<int> kept(original, &resource);
  EXPECT_EQ(kept.get_allocator().resource(), &resource);
  EXPECT_EQ(tracked.total_allocations(), before + 1);

  std::pmr::vector<int> assigned(&resource);
  assigned = copy;  // assignment never propagates: keeps its own resource
  EXPECT_EQ(assigned.get_allocator().resource(), &resource);
}

TEST(PmrResource, ExhaustionThrowsBadAllocAndEqualityIsIdentity) {
  PmrResource<BumpAllocator> small{BumpAllocator(64)};
  PmrResource<BumpAllocator> other{BumpAllocator(64)};
  std::pmr::vector<char> v(&small);
  EXPECT_THROW(v.resize(65), std::bad_alloc);
  EXPECT_TRUE(small.is_equal(small));
  EXPECT_FALSE(small.is_equal(other));
}

TEST(StdAllocator, VectorMapListAndStringRunOnAPool) {
  PoolAllocator pool(64, 1000);
  using Alloc = StdAllocator<int, PoolAllocator>;
  std::list<int, Alloc> list{Alloc(pool)};
  for (int i = 0; i < 100; ++i) list.push_back(i);
  EXPECT_EQ(pool.num_allocated(), 100u);
  std::map<int, int, std::less<>, StdAllocator<std::pair<const int, int>, PoolAllocator>> map{
      StdAllocator<std::pair<const int, int>, PoolAllocator>(pool)};
  for (int i = 0; i < 100; ++i) map[i] = i;
  EXPECT_EQ(pool.num_allocated(), 200u);
  list.clear();
  map.clear();
  EXPECT_EQ(pool.num_allocated(), 0u);
}

TEST(StdAllocator, ExhaustionThrowsBadAllocAndOverflowBadArrayNewLength) {
  BumpAllocator bump(64);
  std::vector<int, StdAllocator<int, BumpAllocator>> v{StdAllocator<int, BumpAllocator>(bump)};
  EXPECT_THROW(v.reserve(100), std::bad_alloc);
  StdAllocator<std::uint64_t, BumpAllocator> a(bump);
  EXPECT_THROW((void)a.allocate(~std::size_t{0} / 4), std::bad_array_new_length);
}

TEST(StdAllocator, EqualityRebindAndPropagation) {
  BumpAllocator b1(64), b2(64);
  StdAllocator<int, BumpAllocator> x(b1), y(b1), z(b2);
  EXPECT_TRUE(x == y);
  EXPECT_FALSE(x == z);
  StdAllocator<double, BumpAllocator> rebound(x);
  EXPECT_EQ(rebound.allocator(), &b1);
  using Traits = std::allocator_traits<StdAllocator<int, BumpAllocator>>;
  static_assert(Traits::propagate_on_container_move_assignment::value);
  static_assert(Traits::propagate_on_container_swap::value);
  static_assert(!Traits::is_always_equal::value);
}

TEST(StdAllocator, MoveAssignmentTakesTheAllocatorAlong) {
  FreeListAllocator f1(8192), f2(8192);
  using V = std::vector<int, StdAllocator<int, FreeListAllocator>>;
  V a({1, 2, 3}, StdAllocator<int, FreeListAllocator>(f1));
  V b{StdAllocator<int, FreeListAllocator>(f2)};
  b = std::move(a);
  EXPECT_EQ(b.get_allocator().allocator(), &f1);
  b.clear();
  b.shrink_to_fit();
  EXPECT_EQ(f1.total_allocated(), 0u);
  EXPECT_EQ(f2.total_allocated(), 0u);
}

TEST(FailingAllocator, FailsTheNthAllocationAndEveryLaterOneWhenSticky) {
  FailingAllocator<GlobalAllocator> f(GlobalAllocator{}, 2);
  const Allocation a = f.allocate(Layout{8, 8});
  const Allocation b = f.allocate_zeroed(Layout{8, 8});
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(f.allocate(Layout{8, 8}));
  EXPECT_FALSE(f.allocate(Layout{8, 8}));
  EXPECT_EQ(f.allocation_calls(), 4u);
  EXPECT_EQ(f.failures(), 2u);
  EXPECT_EQ(f.allocations(), 2u);
  f.deallocate(a.ptr, Layout{8, 8});
  f.deallocate(b.ptr, Layout{8, 8});
  EXPECT_EQ(f.deallocations(), 2u);
  EXPECT_EQ(f.allocated_bytes(), f.freed_bytes());
}

TEST(FailingAllocator, OnceFailsOnlyTheNth) {
  FailingAllocator<GlobalAllocator> f(GlobalAllocator{}, 1, FailurePolicy::once);
  const Allocation a = f.allocate(Layout{8, 8});
  EXPECT_FALSE(f.allocate(Layout{8, 8}));
  const Allocation c = f.allocate(Layout{8, 8});
  EXPECT_TRUE(a && c);
  EXPECT_TRUE(f.has_induced_failure());
  f.deallocate(a.ptr, Layout{8, 8});
  f.deallocate(c.ptr, Layout{8, 8});
}

// Zig's checkAllAllocationFailures pattern: fail each allocation index in turn; the code under test
// must report the failure and leak nothing (checked by a DebugAllocator under the failing one).
TEST(FailingAllocator, EveryAllocationFailureIsHandledWithoutLeaks) {
  auto build = [](auto& alloc) -> bool {  // allocates 3 blocks, frees all on any failure
    Allocation got[3];
    for (int i = 0; i < 3; ++i) {
      got[i] = alloc.allocate(Layout{16, 8});
      if (!got[i]) {
        for (int j = 0; j < i; ++j) alloc.deallocate(got[j].ptr, Layout{16, 8});
        return false;
      }
    }
    for (auto& g : got) alloc.deallocate(g.ptr, Layout{16, 8});
    return true;
  };
  DebugAllocator<GlobalAllocator> checker;
  std::size_t index = 0;
  for (;; ++index) {
    FailingAllocator<DebugAllocator<GlobalAllocator>&> f(checker, index);
    const bool ok = build(f);
    EXPECT_FALSE(checker.detect_leaks()) << "fail index " << index;
    if (!f.has_induced_failure()) {
      EXPECT_TRUE(ok);
      break;
    }
    EXPECT_FALSE(ok);
  }
  EXPECT_EQ(index, 3u);
}

TEST(AllocatorRef, ForwardsAndResizesWhenTheTargetCan) {
  BumpAllocator bump(1024);
  AllocatorRef ref(bump);
  const Allocation a = ref.allocate(Layout{100, 8});
  EXPECT_TRUE(ref.resize(a.ptr, Layout{100, 8}, 500));
  EXPECT_EQ(bump.total_allocated(), 500u);
  GlobalAllocator g;
  AllocatorRef gref(g);
  const Allocation b = gref.allocate(Layout{10, 8});
  EXPECT_FALSE(gref.resize(b.ptr, Layout{10, 8}, 20));  // not resizable: untouched
  gref.deallocate(b.ptr, Layout{10, 8});
  EXPECT_FALSE(ref == gref);
  EXPECT_TRUE(ref == AllocatorRef(bump));
}

}  // namespace
}  // namespace clvm::mem
