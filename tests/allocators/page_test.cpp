// SPDX-License-Identifier: Apache-2.0
// PageAllocator: page granularity, 4 KiB and 2 MiB alignments, grow in place up to the reservation.
#include <clvm/mem/page.hpp>

#include "smaps.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

namespace clvm::mem {
namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

bool aligned(const void* p, std::size_t a) { return reinterpret_cast<std::uintptr_t>(p) % a == 0; }

TEST(PageAllocator, GrantsWholePagesAndCountsThem) {
  PageAllocator pages;
  const std::size_t page = PageAllocator::page_size();
  const Allocation a = pages.allocate(Layout{page + 1, 8});
  ASSERT_TRUE(a);
  EXPECT_EQ(a.size, 2 * page);
  EXPECT_EQ(pages.committed_bytes(), 2 * page);
  std::memset(a.ptr, 1, a.size);
  pages.deallocate(a.ptr, Layout{page + 1, 8});
  EXPECT_EQ(pages.committed_bytes(), 0u);
}

TEST(PageAllocator, Aligns4KiBAnd2MiB) {
  PageAllocator pages;
  for (const std::size_t align : {std::size_t{4096}, 2 * kMiB}) {
    const Layout l{100, align};
    const Allocation a = pages.allocate(l);
    ASSERT_TRUE(a);
    EXPECT_TRUE(aligned(a.ptr, align)) << a.ptr << " align " << align;
    static_cast<unsigned char*>(a.ptr)[99] = 1;
    pages.deallocate(a.ptr, l);
  }
}

TEST(PageAllocator, FreshPagesReadAsZero) {
  PageAllocator pages;
  const Allocation a = pages.allocate(Layout{10000, 8});
  ASSERT_TRUE(a);
  const auto* b = static_cast<const unsigned char*>(a.ptr);
  for (std::size_t i = 0; i < a.size; i += 97) EXPECT_EQ(b[i], 0);
  pages.deallocate(a.ptr, Layout{10000, 8});
}

TEST(PageAllocator, GrowsInPlaceUpToTheReservationThenRefuses) {
  PageAllocator pages(16 * kMiB);
  EXPECT_EQ(pages.reservation(), 16 * kMiB);
  const Allocation a = pages.allocate(Layout{4096, 4096});
  ASSERT_TRUE(a);
  auto* bytes = static_cast<unsigned char*>(a.ptr);
  bytes[0] = 42;
  ASSERT_TRUE(pages.resize(a.ptr, Layout{4096, 4096}, 8 * kMiB));
  EXPECT_EQ(pages.committed_bytes(), 8 * kMiB);
  bytes[8 * kMiB - 1] = 7;  // committed and writable, same address
  ASSERT_TRUE(pages.resize(a.ptr, Layout{8 * kMiB, 4096}, 16 * kMiB));
  EXPECT_EQ(bytes[0], 42);
  EXPECT_EQ(bytes[8 * kMiB - 1], 7);
  EXPECT_EQ(bytes[16 * kMiB - 1], 0);
  EXPECT_FALSE(pages.resize(a.ptr, Layout{16 * kMiB, 4096}, 16 * kMiB + 1));  // would move
  ASSERT_TRUE(pages.resize(a.ptr, Layout{16 * kMiB, 4096}, 4096));  // shrink releases pages
  EXPECT_EQ(pages.committed_bytes(), 4096u);
  EXPECT_EQ(bytes[0], 42);
  pages.deallocate(a.ptr, Layout{4096, 4096});
  EXPECT_EQ(pages.committed_bytes(), 0u);
}

TEST(PageAllocator, WithoutReservationGrowthBeyondTheLastPageFails) {
  PageAllocator pages;
  const std::size_t page = PageAllocator::page_size();
  const Allocation a = pages.allocate(Layout{100, 8});
  EXPECT_TRUE(pages.resize(a.ptr, Layout{100, 8}, page));
  EXPECT_FALSE(pages.resize(a.ptr, Layout{page, 8}, page + 1));
  pages.deallocate(a.ptr, Layout{page, 8});
}

TEST(PageAllocator, NonPowerOfTwoAlignmentFails) {
  PageAllocator pages;
  EXPECT_FALSE(pages.allocate(Layout{100, 3 * 4096}));
}

// The huge-page choice: Off unless asked for, and with Advise exactly the blocks whose
// reservation is at least kHugeAdviceMin reach the kernel as MADV_HUGEPAGE (VmFlags `hg`).
TEST(PageAllocator, HugePagesDefaultOff) {
  EXPECT_EQ(PageAllocator().huge_pages(), HugePages::Off);
  EXPECT_EQ(PageAllocator(64 * kMiB).huge_pages(), HugePages::Off);
  EXPECT_EQ(PageAllocator(0, HugePages::Advise).huge_pages(), HugePages::Advise);
  EXPECT_EQ(PageAllocator::kHugeAdviceMin, 64 * kMiB);
}

// Whether the kernel sees the block at `p` advised as huge pages (its mapping's VmFlags).
bool advised(const void* p) {
  const auto m = test::mapping_of(p);
  EXPECT_TRUE(m.has_value()) << "no mapping holds " << p;
  return m && m->has("hg");
}

TEST(PageAllocator, HugePageAdviceReachesTheKernelExactlyWhenAsked) {
  CLVM_SKIP_WITHOUT_SMAPS_THP();
  const std::size_t reserve = PageAllocator::kHugeAdviceMin;
  for (const HugePages mode : {HugePages::Off, HugePages::Advise}) {
    PageAllocator pages(reserve, mode);
    const Allocation a = pages.allocate(Layout{kMiB, 8});
    ASSERT_TRUE(a);
    static_cast<unsigned char*>(a.ptr)[0] = 1;
    EXPECT_EQ(advised(a.ptr), mode == HugePages::Advise);
    // Growth in place keeps the mapping's advice (and its absence).
    ASSERT_TRUE(pages.resize(a.ptr, Layout{kMiB, 8}, 8 * kMiB));
    EXPECT_EQ(advised(static_cast<unsigned char*>(a.ptr) + 7 * kMiB), mode == HugePages::Advise);
    pages.deallocate(a.ptr, Layout{8 * kMiB, 8});
  }
}

TEST(PageAllocator, HugePageAdviceSkipsReservationsBelowTheThreshold) {
  CLVM_SKIP_WITHOUT_SMAPS_THP();
  PageAllocator pages(PageAllocator::kHugeAdviceMin - PageAllocator::page_size(),
                      HugePages::Advise);
  const Allocation a = pages.allocate(Layout{kMiB, 8});
  ASSERT_TRUE(a);
  EXPECT_FALSE(advised(a.ptr));
  pages.deallocate(a.ptr, Layout{kMiB, 8});
  // A block larger than the reservation spans itself: from the threshold on it is advised.
  const Allocation big = pages.allocate(Layout{PageAllocator::kHugeAdviceMin, 8});
  ASSERT_TRUE(big);
  EXPECT_TRUE(advised(big.ptr));
  pages.deallocate(big.ptr, Layout{PageAllocator::kHugeAdviceMin, 8});
}

}  // namespace
}  // namespace clvm::mem
