// SPDX-License-Identifier: Apache-2.0
// The thread-local current allocator and its scope (zigler's beam.allocator).
#include <clvm/mem/bump.hpp>
#include <clvm/mem/current.hpp>
#include <clvm/mem/global.hpp>
#include <clvm/mem/tracking.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <thread>

namespace clvm::mem {
namespace {

TEST(CurrentAllocator, DefaultsToTheGlobalAllocatorAndWorks) {
  AllocatorRef a = current_allocator();
  EXPECT_EQ(a, current_allocator());
  const Allocation x = a.allocate(Layout::array<std::uint16_t>(4));
  ASSERT_TRUE(x);
  auto* slice = static_cast<std::uint16_t*>(x.ptr);
  for (std::uint16_t i = 0; i < 4; ++i) slice[i] = i;  // zigler's "basic" test
  EXPECT_EQ(slice[3], 3);
  a.deallocate(x.ptr, Layout::array<std::uint16_t>(4));
}

TEST(CurrentAllocator, ScopeSwapsAndRestoresAndNests) {
  const AllocatorRef outer = current_allocator();
  TrackingAllocator<GlobalAllocator> tracked;
  BumpAllocator bump(256);
  {
    CurrentAllocatorScope scope(tracked);
    EXPECT_EQ(current_allocator().context(), &tracked);
    const Allocation a = current_allocator().allocate(Layout{40, 8});
    EXPECT_EQ(tracked.bytes_in_use(), 40u);
    {
      CurrentAllocatorScope inner(bump);
      EXPECT_EQ(current_allocator().context(), &bump);
      (void)current_allocator().allocate(Layout{10, 1});
      EXPECT_EQ(bump.total_allocated(), 10u);
    }
    EXPECT_EQ(current_allocator().context(), &tracked);
    current_allocator().deallocate(a.ptr, Layout{40, 8});
    EXPECT_EQ(tracked.bytes_in_use(), 0u);
  }
  EXPECT_EQ(current_allocator(), outer);
}

TEST(CurrentAllocator, IsPerThread) {
  BumpAllocator bump(256);
  CurrentAllocatorScope scope(bump);
  void* other_thread_context = nullptr;
  std::thread t([&] { other_thread_context = current_allocator().context(); });
  t.join();
  EXPECT_NE(other_thread_context, &bump);
  EXPECT_EQ(current_allocator().context(), &bump);
}

}  // namespace
}  // namespace clvm::mem
