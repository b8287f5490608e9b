// The arena on top of the allocators: any clvm::mem allocator can supply its tables, and a
// TrackingAllocator shows exactly what the arena holds.
#include <clvm/allocators.hpp>
#include <clvm/mem/global.hpp>
#include <clvm/mem/tracking.hpp>
#include <clvm/runtime.hpp>

#include <gtest/gtest.h>

namespace clvm {
namespace {

TEST(ArenaUpstream, TrackingAllocatorSeesTheArena) {
  mem::TrackingAllocator<mem::GlobalAllocator> tracker{mem::GlobalAllocator{}};
  {
    Allocator a(tracker);
    EXPECT_EQ(tracker.bytes_in_use(), 0u);  // nothing is taken before the first node
    NodePtr list = a.nil();
    for (int i = 0; i < 10000; ++i) list = a.new_pair(a.new_atom("0123456789abcdef!"), list);
    // 10,000 pairs (8 bytes each), 10,000 atom descriptors (8 bytes), 170,000 heap bytes, at least.
    EXPECT_GE(tracker.bytes_in_use(), 10000u * 8 + 10000u * 8 + 170000u);
    // Growth is geometric: never more than twice what is needed, plus the initial sizes.
    EXPECT_LE(tracker.bytes_in_use(), 2 * (10000u * 16 + 170000u) + 4096);
    EXPECT_GE(tracker.peak_bytes(), tracker.bytes_in_use());
    EXPECT_EQ(a.atom(a.pair(list).first).as_string_view(), "0123456789abcdef!");
  }
  EXPECT_EQ(tracker.bytes_in_use(), 0u);  // everything returned when the arena dies
}

TEST(ArenaUpstream, NodesSurviveTableRelocation) {
  // GlobalAllocator cannot grow in place: tables move, NodePtrs (indices) stay valid.
  mem::GlobalAllocator global;
  Allocator a(global);
  std::vector<NodePtr> atoms;
  for (int i = 0; i < 5000; ++i)
    atoms.push_back(a.new_atom(std::to_string(i) + "-atom-on-the-heap"));
  for (int i = 0; i < 5000; ++i)
    EXPECT_EQ(a.atom(atoms[static_cast<std::size_t>(i)]).as_string_view(),
              std::to_string(i) + "-atom-on-the-heap");
}

TEST(ArenaUpstream, HeapLimitHoldsOnAnyUpstream) {
  mem::GlobalAllocator global;
  Allocator a(global, 64);
  EXPECT_THROW(a.new_atom(std::string(64, 'x')), EvalError);
  EXPECT_NO_THROW(a.new_atom(std::string(63, 'x')));
}

}  // namespace
}  // namespace clvm
