// SPDX-License-Identifier: Apache-2.0
// The conformance suite: the same rules checked on every allocator (Zig's std.heap.testAllocator
// idea). Subject<A> owns one configured instance and knows its exact statistics.
#include <clvm/allocators.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory_resource>
#include <numeric>
#include <span>
#include <vector>

namespace clvm::mem {
namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;
constexpr Layout kHuge{std::size_t{1} << 60, 8};

// The stats scenario: four 16-aligned blocks whose sizes are multiples of 16 (no padding anywhere).
constexpr Layout kScenario[] = {{16, 16}, {32, 16}, {64, 16}, {48, 16}};
constexpr std::size_t kScenarioBytes = 160;

// Default: a stateless or self-configuring allocator with no statistics.
template <class A>
struct Subject {
  A alloc;
  A& get() { return alloc; }
  static constexpr bool bounded = false;
  void expect_stats() const {}
  std::vector<std::size_t> snapshot() const { return {}; }
};

template <>
struct Subject<BumpAllocator> {
  BumpAllocator alloc{kMiB};
  BumpAllocator& get() { return alloc; }
  static constexpr bool bounded = true;
  void expect_stats() const {
    EXPECT_EQ(alloc.total_allocated(), kScenarioBytes);
    EXPECT_EQ(alloc.remaining(), kMiB - kScenarioBytes);
  }
  std::vector<std::size_t> snapshot() const { return {alloc.total_allocated(), alloc.remaining()}; }
};

template <>
struct Subject<StackAllocator> {
  StackAllocator alloc{kMiB};
  StackAllocator& get() { return alloc; }
  static constexpr bool bounded = true;
  void expect_stats() const {
    EXPECT_EQ(alloc.total_allocated(), kScenarioBytes + 4 * StackAllocator::header_size);
    EXPECT_EQ(alloc.remaining(), kMiB - alloc.total_allocated());
  }
  std::vector<std::size_t> snapshot() const { return {alloc.total_allocated(), alloc.remaining()}; }
};

template <>
struct Subject<PoolAllocator> {
  PoolAllocator alloc{8192, 128, 4096};
  PoolAllocator& get() { return alloc; }
  static constexpr bool bounded = true;
  void expect_stats() const {
    EXPECT_EQ(alloc.num_allocated(), 4u);
    EXPECT_EQ(alloc.num_free_blocks(), 124u);
  }
  std::vector<std::size_t> snapshot() const {
    return {alloc.num_allocated(), alloc.num_free_blocks()};
  }
};

template <>
struct Subject<FreeListAllocator> {
  FreeListAllocator alloc{kMiB};
  FreeListAllocator& get() { return alloc; }
  static constexpr bool bounded = true;
  void expect_stats() const {
    // Blocks: 16+8 -> 32, 32+8 -> 48, 64+8 -> 80, 48+8 -> 64.
    EXPECT_EQ(alloc.total_allocated(), 32u + 48 + 80 + 64);
    EXPECT_EQ(alloc.remaining(), kMiB - alloc.total_allocated());
  }
  std::vector<std::size_t> snapshot() const {
    return {alloc.total_allocated(), alloc.remaining(), alloc.largest_free_block(),
            alloc.num_free_blocks()};
  }
};

template <>
struct Subject<PageAllocator> {
  PageAllocator alloc;
  PageAllocator& get() { return alloc; }
  static constexpr bool bounded = false;
  void expect_stats() const { EXPECT_EQ(alloc.committed_bytes(), 4 * PageAllocator::page_size()); }
  std::vector<std::size_t> snapshot() const { return {alloc.committed_bytes()}; }
};

template <>
struct Subject<TrackingAllocator<GlobalAllocator>> {
  TrackingAllocator<GlobalAllocator> alloc;
  TrackingAllocator<GlobalAllocator>& get() { return alloc; }
  static constexpr bool bounded = false;
  void expect_stats() const {
    EXPECT_EQ(alloc.bytes_in_use(), kScenarioBytes);
    EXPECT_EQ(alloc.live_allocations(), 4u);
    EXPECT_GE(alloc.peak_bytes(), kScenarioBytes);
  }
  std::vector<std::size_t> snapshot() const {
    return {alloc.bytes_in_use(), alloc.live_allocations()};
  }
};

template <>
struct Subject<DebugAllocator<GlobalAllocator>> {
  DebugAllocator<GlobalAllocator> alloc;
  DebugAllocator<GlobalAllocator>& get() { return alloc; }
  static constexpr bool bounded = false;
  void expect_stats() const {
    EXPECT_EQ(alloc.live_allocations(), 4u);
    EXPECT_TRUE(alloc.detect_leaks());
  }
  std::vector<std::size_t> snapshot() const {
    return {alloc.live_allocations(), std::size_t{alloc.detect_leaks()}};
  }
};

template <>
struct Subject<ArenaAllocator<GlobalAllocator>> {
  ArenaAllocator<GlobalAllocator> alloc;
  ArenaAllocator<GlobalAllocator>& get() { return alloc; }
  static constexpr bool bounded = false;
  void expect_stats() const {
    EXPECT_EQ(alloc.total_allocated(), kScenarioBytes);
    EXPECT_GE(alloc.num_chunks(), 1u);
  }
  std::vector<std::size_t> snapshot() const { return {alloc.total_allocated()}; }
};

template <>
struct Subject<FailingAllocator<GlobalAllocator>> {
  FailingAllocator<GlobalAllocator> alloc;
  FailingAllocator<GlobalAllocator>& get() { return alloc; }
  static constexpr bool bounded = false;
  void expect_stats() const {
    EXPECT_EQ(alloc.allocated_bytes() - alloc.freed_bytes(), kScenarioBytes);
    EXPECT_EQ(alloc.allocations() - alloc.deallocations(), 4u);
  }
  std::vector<std::size_t> snapshot() const {
    return {alloc.allocated_bytes() - alloc.freed_bytes(),
            alloc.allocations() - alloc.deallocations()};
  }
};

// The type-erased reference, over a free list.
template <>
struct Subject<AllocatorRef> {
  FreeListAllocator target{kMiB};
  AllocatorRef alloc{target};
  AllocatorRef& get() { return alloc; }
  static constexpr bool bounded = true;
  void expect_stats() const { EXPECT_EQ(target.total_allocated(), 32u + 48 + 80 + 64); }
  std::vector<std::size_t> snapshot() const { return {target.total_allocated()}; }
};

// An arena whose chunks come from a referenced bump allocator: bounded by the bump's buffer.
using ArenaOnBump = ArenaAllocator<BumpAllocator&>;
template <>
struct Subject<ArenaOnBump> {
  BumpAllocator upstream{4 * kMiB};
  ArenaOnBump alloc{upstream};
  ArenaOnBump& get() { return alloc; }
  static constexpr bool bounded = true;
  void expect_stats() const { EXPECT_EQ(alloc.total_allocated(), kScenarioBytes); }
  std::vector<std::size_t> snapshot() const { return {alloc.total_allocated()}; }
};

template <class A>
class Conformance : public ::testing::Test {
 protected:
  Subject<A> subject_;
  A& a() { return subject_.get(); }
};

using AllAllocators =
    ::testing::Types<GlobalAllocator, BumpAllocator, StackAllocator, PoolAllocator,
                     FreeListAllocator, PageAllocator, TrackingAllocator<GlobalAllocator>,
                     DebugAllocator<GlobalAllocator>, ArenaAllocator<GlobalAllocator>,
                     FailingAllocator<GlobalAllocator>, AllocatorRef, ArenaOnBump>;
TYPED_TEST_SUITE(Conformance, AllAllocators);

bool aligned(const void* p, std::size_t align) {
  return reinterpret_cast<std::uintptr_t>(p) % align == 0;
}

TYPED_TEST(Conformance, HonoursEveryAlignmentFrom1To4096) {
  for (std::size_t align = 1; align <= 4096; align *= 2) {
    for (const std::size_t size : {std::size_t{1}, std::size_t{100}, align, 2 * align}) {
      const Layout l{size, align};
      const Allocation a = this->a().allocate(l);
      ASSERT_NE(a.ptr, nullptr) << "size " << size << " align " << align;
      EXPECT_TRUE(aligned(a.ptr, align)) << a.ptr << " align " << align;
      EXPECT_GE(a.size, size);
      std::memset(a.ptr, 0x5A, size);  // writable throughout
      this->a().deallocate(a.ptr, l);
    }
  }
}

TYPED_TEST(Conformance, ZeroSizeRequestsGiveAlignedNonNullPointers) {
  for (std::size_t align = 1; align <= 64; align *= 2) {
    const Layout l{0, align};
    const Allocation a = this->a().allocate(l);
    ASSERT_NE(a.ptr, nullptr) << "align " << align;
    EXPECT_TRUE(aligned(a.ptr, align));
    this->a().deallocate(a.ptr, l);
  }
}

TYPED_TEST(Conformance, AbsurdRequestReturnsNull) {
  // Bounded allocators also run BoundedConformance; this test is the failure path for all.
  this->RecordProperty("bounded", Subject<TypeParam>::bounded ? "yes" : "no");
  const Allocation a = this->a().allocate(kHuge);
  EXPECT_EQ(a.ptr, nullptr);
  EXPECT_FALSE(a);
  const Allocation z = allocate_zeroed(this->a(), kHuge);
  EXPECT_EQ(z.ptr, nullptr);
}

// Exhaustion needs a fixed capacity: this suite runs over the allocators that have one. The others
// (global, page, and wrappers over global) grow while the system gives memory;
// AbsurdRequestReturnsNull covers their failure path.
template <class A>
class BoundedConformance : public Conformance<A> {};
using BoundedAllocators = ::testing::Types<BumpAllocator, StackAllocator, PoolAllocator,
                                           FreeListAllocator, AllocatorRef, ArenaOnBump>;
TYPED_TEST_SUITE(BoundedConformance, BoundedAllocators);

TYPED_TEST(BoundedConformance, ExhaustionReturnsNullAndEarlierBlocksStayValid) {
  static_assert(Subject<TypeParam>::bounded);
  const Layout l{1024, 8};
  std::vector<void*> taken;
  for (int i = 0; i < 1'000'000; ++i) {
    const Allocation a = this->a().allocate(l);
    if (a.ptr == nullptr) break;
    std::memset(a.ptr, static_cast<int>(taken.size() & 0xFF), l.size);
    taken.push_back(a.ptr);
  }
  ASSERT_FALSE(taken.empty());
  ASSERT_LT(taken.size(), 1'000'000u);
  EXPECT_EQ(this->a().allocate(l).ptr, nullptr);  // still exhausted
  for (std::size_t i = 0; i < taken.size(); ++i) {
    const auto* bytes = static_cast<const unsigned char*>(taken[i]);
    EXPECT_EQ(bytes[0], i & 0xFF);
    EXPECT_EQ(bytes[l.size - 1], i & 0xFF);
  }
  for (auto it = taken.rbegin(); it != taken.rend(); ++it) this->a().deallocate(*it, l);
}

TYPED_TEST(Conformance, StatisticsAreExactAndReturnToTheStartAfterFreeingEverything) {
  const auto before = this->subject_.snapshot();
  std::vector<void*> ptrs;
  for (const Layout l : kScenario) {
    const Allocation a = this->a().allocate(l);
    ASSERT_NE(a.ptr, nullptr);
    ptrs.push_back(a.ptr);
  }
  this->subject_.expect_stats();
  for (std::size_t i = ptrs.size(); i-- > 0;) this->a().deallocate(ptrs[i], kScenario[i]);
  EXPECT_EQ(this->subject_.snapshot(), before);
}

TYPED_TEST(Conformance, AllocateZeroedZeroesEvenReusedMemory) {
  for (const std::size_t size :
       {std::size_t{1}, std::size_t{24}, std::size_t{256}, std::size_t{4000}}) {
    const Layout l{size, 8};
    const Allocation dirty = this->a().allocate(l);
    ASSERT_NE(dirty.ptr, nullptr);
    std::memset(dirty.ptr, 0xAB, dirty.size);
    this->a().deallocate(dirty.ptr, l);
    const Allocation z = allocate_zeroed(this->a(), l);
    ASSERT_NE(z.ptr, nullptr);
    const auto* bytes = static_cast<const unsigned char*>(z.ptr);
    EXPECT_TRUE(std::all_of(bytes, bytes + z.size, [](unsigned char c) { return c == 0; }))
        << "size " << size;
    this->a().deallocate(z.ptr, l);
  }
}

TYPED_TEST(Conformance, LiveBlocksDoNotOverlap) {
  struct Block {
    unsigned char* p;
    Layout l;
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < 48; ++i) {
    const Layout l{1 + (i * 37) % 300, std::size_t{1} << (i % 5)};
    const Allocation a = this->a().allocate(l);
    ASSERT_NE(a.ptr, nullptr);
    blocks.push_back({static_cast<unsigned char*>(a.ptr), l});
    std::memset(a.ptr, static_cast<int>(i), l.size);
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    EXPECT_TRUE(std::all_of(b.p, b.p + b.l.size, [i](unsigned char c) { return c == i; }));
  }
  for (std::size_t i = blocks.size(); i-- > 0;) this->a().deallocate(blocks[i].p, blocks[i].l);
}

TYPED_TEST(Conformance, StdContainersRunOnIt) {
  using A = TypeParam;
  {
    std::vector<int, StdAllocator<int, A>> v{StdAllocator<int, A>(this->a())};
    for (int i = 0; i < 1000; ++i) v.push_back(i);
    EXPECT_EQ(std::accumulate(v.begin(), v.end(), 0), 999 * 1000 / 2);
    std::map<int, int, std::less<>, StdAllocator<std::pair<const int, int>, A>> m{
        StdAllocator<std::pair<const int, int>, A>(this->a())};
    for (int i = 0; i < 100; ++i) m.emplace(i, i * i);
    EXPECT_EQ(m.size(), 100u);
    EXPECT_EQ(m.at(9), 81);
  }
  {
    PmrResource<A&> resource(this->a());
    std::pmr::vector<int> v(&resource);
    for (int i = 0; i < 1000; ++i) v.push_back(i);
    EXPECT_EQ(v.back(), 999);
  }
}

}  // namespace
}  // namespace clvm::mem
