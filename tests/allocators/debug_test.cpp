// SPDX-License-Identifier: Apache-2.0
// DebugAllocator: leak detection (the zigler GPA test), the leak report, fills, canaries, and each
// kind of misuse, recorded instead of aborting.
#include <clvm/mem/bump.hpp>
#include <clvm/mem/debug.hpp>
#include <clvm/mem/global.hpp>

#include "misuse_recorder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace clvm::mem {
namespace {

using testing::RecordMisuse;

bool all_bytes(const void* p, std::size_t n, unsigned char v) {
  const auto* b = static_cast<const unsigned char*>(p);
  return std::all_of(b, b + n, [v](unsigned char c) { return c == v; });
}

// zigler: detectLeaks() is true while an allocation is live, false once it is freed.
TEST(DebugAllocator, DetectLeaksWhileLiveNotAfterFree) {
  DebugAllocator<GlobalAllocator> gpa;
  const Allocation memory = gpa.allocate(Layout{8, 1});
  ASSERT_TRUE(memory);
  EXPECT_TRUE(gpa.detect_leaks());
  gpa.deallocate(memory.ptr, Layout{8, 1});
  EXPECT_FALSE(gpa.detect_leaks());
}

TEST(DebugAllocator, LeakReportNamesSizeAndAddressOfEachLeak) {
  DebugAllocator<GlobalAllocator> d;
  EXPECT_EQ(d.leak_report(), "");
  const Allocation a = d.allocate(Layout{100, 8});
  const Allocation b = d.allocate(Layout{7, 64});
  char addr_a[32], addr_b[32];
  std::snprintf(addr_a, sizeof addr_a, "%p", a.ptr);
  std::snprintf(addr_b, sizeof addr_b, "%p", b.ptr);
  const std::string report = d.leak_report();
  EXPECT_NE(report.find(std::string("leak: 100 bytes at ") + addr_a), std::string::npos) << report;
  EXPECT_NE(report.find(std::string("leak: 7 bytes at ") + addr_b), std::string::npos) << report;
  EXPECT_LT(report.find(addr_a), report.find(addr_b));  // oldest first
  d.deallocate(a.ptr, Layout{100, 8});
  d.deallocate(b.ptr, Layout{7, 64});
  EXPECT_EQ(d.leak_report(), "");
}

TEST(DebugAllocator, DestructionReportsEveryLeak) {
  RecordMisuse recorder;
  const void* leaked = nullptr;
  {
    DebugAllocator<GlobalAllocator> d;
    leaked = d.allocate(Layout{24, 8}).ptr;
  }
  ASSERT_EQ(recorder.reports().size(), 1u);
  EXPECT_EQ(recorder.reports()[0].kind, MisuseKind::leak);
  EXPECT_EQ(recorder.reports()[0].ptr, leaked);
  EXPECT_EQ(recorder.reports()[0].size, 24u);
  EXPECT_NE(to_string(recorder.reports()[0]).find("leak: 24 bytes at"), std::string::npos);
}

TEST(DebugAllocator, FillsNewBlocksWith0xCDAndFreedBlocksWith0xDD) {
  BumpAllocator bump(4096);  // freed memory stays readable in the bump buffer
  DebugAllocator<BumpAllocator&> d(bump);
  const Allocation a = d.allocate(Layout{64, 16});
  ASSERT_TRUE(a);
  EXPECT_TRUE(all_bytes(a.ptr, 64, 0xCD));
  EXPECT_TRUE(all_bytes(static_cast<std::byte*>(a.ptr) + 64,
                        DebugAllocator<GlobalAllocator>::canary_size, 0xFD));
  const Allocation z = d.allocate_zeroed(Layout{32, 8});
  EXPECT_TRUE(all_bytes(z.ptr, 32, 0));
  d.deallocate(a.ptr, Layout{64, 16});
  EXPECT_TRUE(all_bytes(a.ptr, 64, 0xDD));
  d.deallocate(z.ptr, Layout{32, 8});
}

TEST(DebugAllocator, DoubleFreeIsReported) {
  RecordMisuse recorder;
  DebugAllocator<GlobalAllocator> d;
  const Allocation a = d.allocate(Layout{16, 8});
  d.deallocate(a.ptr, Layout{16, 8});
  d.deallocate(a.ptr, Layout{16, 8});
  ASSERT_EQ(recorder.reports().size(), 1u);
  EXPECT_EQ(recorder.reports()[0].kind, MisuseKind::double_free);
  EXPECT_EQ(recorder.reports()[0].ptr, a.ptr);
}

TEST(DebugAllocator, ForeignPointerIsReported) {
  RecordMisuse recorder;
  DebugAllocator<GlobalAllocator> d;
  int x = 0;
  d.deallocate(&x, Layout::of<int>());
  ASSERT_EQ(recorder.reports().size(), 1u);
  EXPECT_EQ(recorder.reports()[0].kind, MisuseKind::foreign_pointer);
  EXPECT_FALSE(d.owns(&x));
}

TEST(DebugAllocator, WrongSizeAndWrongAlignmentAreReportedAndTheBlockStillFreed) {
  RecordMisuse recorder;
  DebugAllocator<GlobalAllocator> d;
  const Allocation a = d.allocate(Layout{100, 8});
  d.deallocate(a.ptr, Layout{99, 8});
  ASSERT_EQ(recorder.reports().size(), 1u);
  EXPECT_EQ(recorder.reports()[0].kind, MisuseKind::wrong_size);
  EXPECT_EQ(recorder.reports()[0].size, 100u);  // what was allocated
  EXPECT_FALSE(d.detect_leaks());

  const Allocation b = d.allocate(Layout{32, 32});
  d.deallocate(b.ptr, Layout{32, 8});
  ASSERT_EQ(recorder.reports().size(), 2u);
  EXPECT_EQ(recorder.reports()[1].kind, MisuseKind::wrong_alignment);
  EXPECT_EQ(recorder.reports()[1].align, 32u);
  EXPECT_FALSE(d.detect_leaks());
}

TEST(DebugAllocator, OverwrittenCanariesAreReported) {
  RecordMisuse recorder;
  DebugAllocator<GlobalAllocator> d;
  const Allocation a = d.allocate(Layout{10, 1});
  static_cast<unsigned char*>(a.ptr)[10] = 0;  // one past the end: an overflow
  d.deallocate(a.ptr, Layout{10, 1});
  const Allocation b = d.allocate(Layout{10, 1});
  static_cast<unsigned char*>(b.ptr)[-1] = 0;  // one before the start: an underflow
  d.deallocate(b.ptr, Layout{10, 1});
  ASSERT_EQ(recorder.reports().size(), 2u);
  EXPECT_EQ(recorder.reports()[0].kind, MisuseKind::corrupted_canary);
  EXPECT_EQ(recorder.reports()[1].kind, MisuseKind::corrupted_canary);
}

TEST(DebugAllocator, AlignmentsAreHonoured) {
  DebugAllocator<GlobalAllocator> d;
  for (std::size_t align = 1; align <= 4096; align *= 2) {
    const Allocation a = d.allocate(Layout{3, align});
    ASSERT_TRUE(a);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.ptr) % align, 0u);
    d.deallocate(a.ptr, Layout{3, align});
  }
}

TEST(DebugAllocator, ExhaustedUpstreamGivesNullAndNothingIsRecorded) {
  BumpAllocator bump(64);
  DebugAllocator<BumpAllocator&> d(bump);
  EXPECT_FALSE(d.allocate(Layout{64, 8}));  // canaries do not fit
  EXPECT_FALSE(d.detect_leaks());
}

#if GTEST_HAS_DEATH_TEST
TEST(DebugAllocatorDeathTest, DefaultHandlerAbortsWithAMessage) {
  EXPECT_DEATH(
      {
        DebugAllocator<GlobalAllocator> d;
        const Allocation a = d.allocate(Layout{16, 8});
        d.deallocate(a.ptr, Layout{16, 8});
        d.deallocate(a.ptr, Layout{16, 8});
      },
      "double free: 16 bytes at");
}
#endif

}  // namespace
}  // namespace clvm::mem
