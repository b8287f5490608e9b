// SPDX-License-Identifier: Apache-2.0
// AllocatorTraits: the one default for the optional operations (allocate_zeroed, resize), an
// allocator's own member taking precedence, and the wrappers keeping that precedence; the
// UpstreamAllocator concept.
#include <clvm/allocators.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

namespace clvm::mem {
namespace {

bool all_zero(const Allocation& a) {
  const auto* b = static_cast<const unsigned char*>(a.ptr);
  return std::all_of(b, b + a.size, [](unsigned char c) { return c == 0; });
}

// Only the two required members, over a bump buffer that is dirtied first.
struct Minimal {
  BumpAllocator* bump;
  Allocation allocate(Layout l) noexcept { return bump->allocate(l); }
  void deallocate(void* p, Layout l) noexcept { bump->deallocate(p, l); }
};

// Overrides allocate_zeroed and counts which member ran (its memory is zero already, so it does
// not clear anything: a default that memsets would not be observable, the counter is).
struct OwnZeroing {
  int plain = 0;
  int zeroed = 0;
  GlobalAllocator g;
  Allocation allocate(Layout l) noexcept {
    ++plain;
    return g.allocate(l);
  }
  Allocation allocate_zeroed(Layout l) noexcept {
    ++zeroed;
    return g.allocate_zeroed(l);
  }
  void deallocate(void* p, Layout l) noexcept { g.deallocate(p, l); }
};

static_assert(RawAllocator<Minimal> && !ZeroingAllocator<Minimal> && !ResizableAllocator<Minimal>);
static_assert(ZeroingAllocator<OwnZeroing>);
// The allocators with nothing better than allocate + memset take the default; the ones whose
// memory can come zeroed (calloc, fresh pages) or that fill anyway (debug) override it.
static_assert(!ZeroingAllocator<BumpAllocator> && !ZeroingAllocator<StackAllocator> &&
              !ZeroingAllocator<PoolAllocator> && !ZeroingAllocator<FreeListAllocator> &&
              !ZeroingAllocator<ArenaAllocator<GlobalAllocator>>);
static_assert(ZeroingAllocator<GlobalAllocator> && ZeroingAllocator<PageAllocator> &&
              ZeroingAllocator<DebugAllocator<GlobalAllocator>>);

static_assert(UpstreamAllocator<GlobalAllocator> && UpstreamAllocator<BumpAllocator&>);
static_assert(!UpstreamAllocator<const BumpAllocator&> && !UpstreamAllocator<BumpAllocator&&> &&
              !UpstreamAllocator<const GlobalAllocator> && !UpstreamAllocator<int>);

TEST(AllocatorTraits, DefaultAllocateZeroedClearsReusedBytes) {
  BumpAllocator bump(4096);
  Minimal m{&bump};
  const Allocation dirty = m.allocate(Layout{100, 8});
  ASSERT_NE(dirty.ptr, nullptr);
  std::memset(dirty.ptr, 0xAB, dirty.size);
  m.deallocate(dirty.ptr, Layout{100, 8});  // the most recent block: the bytes are reused
  const Allocation z = allocate_zeroed(m, Layout{100, 8});
  ASSERT_EQ(z.ptr, dirty.ptr);
  EXPECT_EQ(z.size, 100u);
  EXPECT_TRUE(all_zero(z));
}

TEST(AllocatorTraits, DefaultAllocateZeroedClearsTheWholeGrantedBlock) {
  PoolAllocator pool(64, 2, 16);  // every allocation grants a whole 64-byte block
  const Allocation dirty = pool.allocate(Layout{8, 8});
  ASSERT_NE(dirty.ptr, nullptr);
  std::memset(dirty.ptr, 0xAB, dirty.size);
  pool.deallocate(dirty.ptr, Layout{8, 8});
  const Allocation z = AllocatorTraits<PoolAllocator>::allocate_zeroed(pool, Layout{8, 8});
  ASSERT_EQ(z.ptr, dirty.ptr);
  EXPECT_EQ(z.size, 64u);
  EXPECT_TRUE(all_zero(z));
}

TEST(AllocatorTraits, DefaultAllocateZeroedPassesExhaustionThrough) {
  BumpAllocator bump(64);
  Minimal m{&bump};
  EXPECT_FALSE(allocate_zeroed(m, Layout{65, 8}));
  EXPECT_EQ(bump.total_allocated(), 0u);
}

TEST(AllocatorTraits, AnAllocatorsOwnAllocateZeroedIsUsed) {
  OwnZeroing a;
  const Allocation z = allocate_zeroed(a, Layout{32, 8});
  ASSERT_NE(z.ptr, nullptr);
  EXPECT_EQ(a.zeroed, 1);
  EXPECT_EQ(a.plain, 0);
  a.deallocate(z.ptr, Layout{32, 8});
}

TEST(AllocatorTraits, WrappersKeepTheUpstreamsOwnAllocateZeroed) {
  OwnZeroing a;
  TrackingAllocator<OwnZeroing&> tracking(a);
  FailingAllocator<OwnZeroing&> failing(a);
  AllocatorRef ref(a);
  const Layout l{16, 8};
  const Allocation x = tracking.allocate_zeroed(l);
  const Allocation y = failing.allocate_zeroed(l);
  const Allocation z = ref.allocate_zeroed(l);
  ASSERT_TRUE(x && y && z);
  EXPECT_EQ(a.zeroed, 3);
  EXPECT_EQ(a.plain, 0);
  EXPECT_EQ(tracking.bytes_in_use(), 16u);
  EXPECT_EQ(failing.allocations(), 1u);
  tracking.deallocate(x.ptr, l);
  failing.deallocate(y.ptr, l);
  ref.deallocate(z.ptr, l);
}

TEST(AllocatorTraits, WrappersOverADefaultingUpstreamStillZero) {
  BumpAllocator bump(4096);
  const Allocation dirty = bump.allocate(Layout{48, 8});
  std::memset(dirty.ptr, 0xAB, dirty.size);
  bump.deallocate(dirty.ptr, Layout{48, 8});
  AllocatorRef ref(bump);
  const Allocation z = ref.allocate_zeroed(Layout{48, 8});
  ASSERT_EQ(z.ptr, dirty.ptr);
  EXPECT_TRUE(all_zero(z));
}

TEST(AllocatorTraits, ResizeDefaultsToFalseAndForwardsWhenProvided) {
  BumpAllocator bump(4096);
  Minimal m{&bump};
  const Allocation a = m.allocate(Layout{32, 8});
  ASSERT_NE(a.ptr, nullptr);
  EXPECT_FALSE(AllocatorTraits<Minimal>::resize(m, a.ptr, Layout{32, 8}, 16));
  EXPECT_EQ(bump.total_allocated(), 32u);
  EXPECT_TRUE(AllocatorTraits<BumpAllocator>::resize(bump, a.ptr, Layout{32, 8}, 64));
  EXPECT_EQ(bump.total_allocated(), 64u);
}

}  // namespace
}  // namespace clvm::mem
