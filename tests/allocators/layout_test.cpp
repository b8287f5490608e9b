// SPDX-License-Identifier: Apache-2.0
// Layout: factories, C struct rules for extend(), and the errors.
#include <clvm/mem/layout.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace clvm::mem {
namespace {

constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();

TEST(Layout, OfGivesSizeAndAlignment) {
  static_assert(Layout::of<std::int64_t>() == Layout{8, 8});
  static_assert(Layout::of<std::int32_t>() == Layout{4, 4});
  static_assert(Layout::of<char>() == Layout{1, 1});
  EXPECT_EQ(Layout::of<void*>(), (Layout{sizeof(void*), alignof(void*)}));
}

// Seed check (Vais std/allocator): struct { i64; i32; ptr } is 24 bytes, aligned to 8.
TEST(Layout, SeedExtendI64ThenI32ThenPointerIs24Align8) {
  const auto first = Layout::of<std::int64_t>().extend(Layout::of<std::int32_t>());
  EXPECT_EQ(first.offset, 8u);
  const auto second = first.layout.extend(Layout::of<void*>());
  EXPECT_EQ(second.offset, 16u);
  EXPECT_EQ(second.layout.pad_to_align(), (Layout{24, 8}));
  EXPECT_EQ(second.layout.size, 24u);
  EXPECT_EQ(second.layout.align, 8u);
  struct Mirror {
    std::int64_t a;
    std::int32_t b;
    void* c;
  };
  EXPECT_EQ(second.layout.pad_to_align(), Layout::of<Mirror>());
}

TEST(Layout, ExtendAddsNoTrailingPaddingUntilPadToAlign) {
  const auto e = Layout::of<std::int64_t>().extend(Layout::of<char>());
  EXPECT_EQ(e.layout, (Layout{9, 8}));
  EXPECT_EQ(e.layout.pad_to_align(), (Layout{16, 8}));
  static_assert(Layout::of<char>().extend(Layout::of<std::int32_t>()).offset == 4);
}

TEST(Layout, ArrayPadsEachElement) {
  EXPECT_EQ(Layout::array<std::int32_t>(10), (Layout{40, 4}));
  EXPECT_EQ(Layout::array(Layout{9, 8}, 3), (Layout{48, 8}));
  EXPECT_EQ(Layout::array<double>(0), (Layout{0, alignof(double)}));
}

TEST(Layout, NonPowerOfTwoAlignmentIsRejected) {
  EXPECT_THROW((void)Layout::from_size_align(8, 3), LayoutError);
  EXPECT_THROW((void)Layout::from_size_align(8, 0), LayoutError);
  EXPECT_THROW((void)Layout::of<int>().extend(Layout{4, 12}), LayoutError);
  try {
    (void)Layout::from_size_align(8, 24);
    FAIL() << "expected LayoutError";
  } catch (const LayoutError& e) {
    EXPECT_NE(std::string(e.what()).find("power of two"), std::string::npos);
  }
}

TEST(Layout, OverflowIsRejected) {
  EXPECT_THROW((void)Layout::from_size_align(kMax, 8), LayoutError);
  EXPECT_THROW((void)Layout::array<std::uint64_t>(kMax / 4), LayoutError);
  EXPECT_THROW((void)Layout::array(Layout{3, 1}, kMax / 2), LayoutError);
  EXPECT_THROW((void)(Layout{kMax - 2, 1}.extend(Layout{8, 8})), LayoutError);
  EXPECT_THROW((void)(Layout{8, 8}.extend(Layout{kMax - 4, 1})), LayoutError);
  EXPECT_NO_THROW((void)Layout::from_size_align(kMax - 7, 8));
  static_assert(std::is_base_of_v<std::invalid_argument, LayoutError>);
}

TEST(Layout, AlignUpRoundsToMultiples) {
  static_assert(align_up(0, 8) == 0);
  static_assert(align_up(1, 8) == 8);
  static_assert(align_up(8, 8) == 8);
  static_assert(align_up(4097, 4096) == 8192);
}

}  // namespace
}  // namespace clvm::mem
