// SPDX-License-Identifier: Apache-2.0
// GlobalAllocator: natural and over-aligned paths, zeroing, reallocate.
#include <clvm/mem/global.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

namespace clvm::mem {
namespace {

bool aligned(const void* p, std::size_t a) { return reinterpret_cast<std::uintptr_t>(p) % a == 0; }

TEST(GlobalAllocator, GrantsExactlyTheRequestedSize) {
  GlobalAllocator g;
  const Allocation a = g.allocate(Layout{100, 8});
  ASSERT_TRUE(a);
  EXPECT_EQ(a.size, 100u);
  g.deallocate(a.ptr, Layout{100, 8});
}

TEST(GlobalAllocator, OverAlignedRequestsAreAligned) {
  GlobalAllocator g;
  for (std::size_t align : {32u, 64u, 4096u, 65536u}) {
    const Layout l{10, align};
    const Allocation a = g.allocate(l);
    ASSERT_TRUE(a);
    EXPECT_TRUE(aligned(a.ptr, align));
    g.deallocate(a.ptr, l);
  }
}

TEST(GlobalAllocator, AllocateZeroedOnBothPaths) {
  GlobalAllocator g;
  for (std::size_t align : {8u, 256u}) {
    const Layout l{512, align};
    const Allocation a = g.allocate_zeroed(l);
    ASSERT_TRUE(a);
    const auto* b = static_cast<const unsigned char*>(a.ptr);
    EXPECT_EQ(std::accumulate(b, b + 512, 0), 0);
    g.deallocate(a.ptr, l);
  }
}

TEST(GlobalAllocator, ReallocatePreservesContentsOnBothPaths) {
  GlobalAllocator g;
  for (std::size_t align : {8u, 128u}) {
    const Layout l{64, align};
    Allocation a = g.allocate(l);
    ASSERT_TRUE(a);
    auto* b = static_cast<unsigned char*>(a.ptr);
    for (int i = 0; i < 64; ++i) b[i] = static_cast<unsigned char>(i);
    const Allocation r = g.reallocate(a.ptr, l, 10000);
    ASSERT_TRUE(r);
    EXPECT_EQ(r.size, 10000u);
    EXPECT_TRUE(aligned(r.ptr, align));
    const auto* rb = static_cast<const unsigned char*>(r.ptr);
    for (int i = 0; i < 64; ++i) EXPECT_EQ(rb[i], i);
    const Allocation s = g.reallocate(r.ptr, Layout{10000, align}, 16);
    ASSERT_TRUE(s);
    EXPECT_EQ(static_cast<const unsigned char*>(s.ptr)[15], 15);
    g.deallocate(s.ptr, Layout{16, align});
  }
}

TEST(GlobalAllocator, ReallocateNullAllocatesAndFailureKeepsTheOldBlock) {
  GlobalAllocator g;
  const Allocation a = g.reallocate(nullptr, Layout{0, 8}, 32);
  ASSERT_TRUE(a);
  static_cast<unsigned char*>(a.ptr)[0] = 7;
  const Allocation fail = g.reallocate(a.ptr, Layout{32, 8}, std::size_t{1} << 60);
  EXPECT_FALSE(fail);
  EXPECT_EQ(static_cast<unsigned char*>(a.ptr)[0], 7);  // still valid
  g.deallocate(a.ptr, Layout{32, 8});
}

TEST(GlobalAllocator, IsStatelessAndInterchangeable) {
  static_assert(std::is_empty_v<GlobalAllocator>);
  GlobalAllocator a, b;
  EXPECT_TRUE(a == b);
  const Allocation p = a.allocate(Layout{8, 8});
  b.deallocate(p.ptr, Layout{8, 8});
}

#if !defined(NDEBUG) && GTEST_HAS_DEATH_TEST
TEST(GlobalAllocatorDeathTest, NonPowerOfTwoAlignmentAsserts) {
  GlobalAllocator g;
  EXPECT_DEATH((void)g.allocate(Layout{8, 3}), "power of two");
}
#endif

}  // namespace
}  // namespace clvm::mem
