// SPDX-License-Identifier: Apache-2.0
// Capacity kept across rewinds (the retention limit), the memory ceiling on the tables, and
// set_heap_limit: the arena's memory policy, which never changes what a run computes.
#include <clvm/allocator.hpp>

#include "error_kind.hpp"
#include "smaps.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace clvm {
namespace {

using test::kind_of;

// Fills the heap with `bytes` bytes in 64 KiB atoms and the pair table with `pairs` pairs.
void fill(Allocator& a, std::size_t bytes, std::size_t pairs) {
  const std::string chunk(64 * 1024, 'x');
  for (std::size_t n = 0; n < bytes; n += chunk.size()) a.new_atom(chunk);
  for (std::size_t i = 0; i < pairs; ++i) a.new_pair(Allocator::nil(), Allocator::nil());
}

TEST(ArenaRetention, DefaultKeepsUpTo64MiB) {
  EXPECT_EQ(Allocator::kDefaultRetention, std::size_t{64} << 20);
  Allocator a;
  EXPECT_EQ(a.retention(), Allocator::kDefaultRetention);
  const Checkpoint cp = a.checkpoint();
  fill(a, 8 << 20, 200'000);  // 8 MiB heap, 1.6 MB of pairs: under the retention
  const std::size_t reserved = a.reserved_bytes();
  a.restore_checkpoint(cp);
  EXPECT_EQ(a.used_bytes(), 0u);
  EXPECT_EQ(a.reserved_bytes(), reserved);  // nothing given back: the next run faults nothing in
  fill(a, 8 << 20, 200'000);
  EXPECT_EQ(a.reserved_bytes(), reserved);  // and nothing had to grow again
}

TEST(ArenaRetention, AboveTheLimitShrinks) {
  Allocator a;
  a.set_retention(4 << 20);
  const Checkpoint cp = a.checkpoint();
  fill(a, 32 << 20, 0);
  ASSERT_GE(a.reserved_bytes(), std::size_t{32} << 20);
  a.restore_checkpoint(cp);
  // The heap keeps the retention (4 MiB), the rest goes back.
  EXPECT_GE(a.reserved_bytes(), std::size_t{4} << 20);
  EXPECT_LE(a.reserved_bytes(), (std::size_t{4} << 20) + 2 * (4096 * 8 + 8192 * 8));
}

TEST(ArenaRetention, ZeroGivesBackAsBefore) {
  Allocator a;
  a.set_retention(0);
  const Checkpoint cp = a.checkpoint();
  fill(a, 16 << 20, 0);
  a.restore_checkpoint(cp);
  EXPECT_LE(a.reserved_bytes(), std::size_t{64 * 1024 + 4096 * 8 + 8192 * 8});
}

TEST(ArenaCeiling, RefusesGrowthWithOutOfMemory) {
  Allocator a;
  a.set_memory_ceiling(1 << 20);
  EXPECT_EQ(a.memory_ceiling(), std::size_t{1} << 20);
  EXPECT_FALSE(a.ceiling_reached());
  const std::string small(1000, 'y');
  for (int i = 0; i < 500; ++i) a.new_atom(small);  // 0.5 MB: fits
  EXPECT_FALSE(a.ceiling_reached());
  const Checkpoint before = a.checkpoint();
  const std::string big(1 << 20, 'z');
  EXPECT_EQ(kind_of([&] { a.new_atom(big); }), ErrorKind::OutOfMemory);
  EXPECT_TRUE(a.ceiling_reached());
  EXPECT_LE(a.reserved_bytes(), std::size_t{1} << 20);
  // The failed allocation left the arena unchanged; the heap limit itself was never near.
  EXPECT_EQ(a.checkpoint().heap, before.heap);
  EXPECT_EQ(a.checkpoint().atoms, before.atoms);
  EXPECT_LT(a.heap_size() + big.size(), a.heap_limit());
  a.clear_ceiling_reached();
  EXPECT_FALSE(a.ceiling_reached());
  // Pairs count against the same ceiling.
  EXPECT_EQ(kind_of([&] { fill(a, 0, 1'000'000); }), ErrorKind::OutOfMemory);
  EXPECT_TRUE(a.ceiling_reached());
  EXPECT_LE(a.reserved_bytes(), std::size_t{1} << 20);
}

TEST(ArenaCeiling, ConsensusLimitIsNotTheCeiling) {
  Allocator a(100'000);
  a.set_memory_ceiling(std::size_t{64} << 20);
  const std::string big(200'000, 'z');
  EXPECT_EQ(kind_of([&] { a.new_atom(big); }), ErrorKind::OutOfMemory);
  EXPECT_FALSE(a.ceiling_reached());  // the heap limit refused it: a consensus answer
}

TEST(ArenaHeapLimit, SetHeapLimit) {
  Allocator a;
  a.set_heap_limit(1000);
  EXPECT_EQ(a.heap_limit(), 1000u);
  const std::string s(600, 'a');
  a.new_atom(s);
  EXPECT_EQ(kind_of([&] { a.new_atom(s); }), ErrorKind::OutOfMemory);
  EXPECT_THROW(a.set_heap_limit(500), std::invalid_argument);  // below what is in use
  EXPECT_THROW(a.set_heap_limit(0), std::invalid_argument);
  a.set_heap_limit(Allocator::kMaxHeapLimit);  // back to the arena's own limit
  EXPECT_EQ(a.heap_limit(), Allocator::kMaxHeapLimit);
  a.new_atom(s);

  Allocator small(5000);
  EXPECT_THROW(small.set_heap_limit(5001), std::invalid_argument);  // above its own limit
  small.set_heap_limit(5000);
  EXPECT_EQ(small.heap_limit(), 5000u);
}

// The huge-page choice (docs/performance.md, "Huge pages"): Off by default; Advise reaches the
// kernel for the heap and the pair table; arenas over a caller's memory report Off.
TEST(ArenaHugePages, DefaultOffAndReported) {
  EXPECT_EQ(Allocator::kDefaultHugePages, mem::HugePages::Off);
  EXPECT_EQ(Allocator().huge_pages(), mem::HugePages::Off);
  EXPECT_EQ(Allocator(5000).huge_pages(), mem::HugePages::Off);
  EXPECT_EQ(Allocator(5000, mem::HugePages::Advise).huge_pages(), mem::HugePages::Advise);
  Allocator advised(Allocator::kMaxHeapLimit, mem::HugePages::Advise);
  Allocator moved(std::move(advised));
  EXPECT_EQ(moved.huge_pages(), mem::HugePages::Advise);
  alignas(8) std::byte buffer[4096];
  EXPECT_EQ(Allocator::over_buffer(buffer).huge_pages(), mem::HugePages::Off);
  EXPECT_THROW(Allocator(0, mem::HugePages::Advise), std::invalid_argument);
  EXPECT_THROW(Allocator(Allocator::kMaxHeapLimit + 1, mem::HugePages::Off), std::invalid_argument);
}

TEST(ArenaHugePages, AdviceReachesTheKernelExactlyWhenAsked) {
  CLVM_SKIP_WITHOUT_SMAPS_THP();
  for (const mem::HugePages mode : {mem::HugePages::Off, mem::HugePages::Advise}) {
    Allocator a(Allocator::kMaxHeapLimit, mode);
    const NodePtr atom = a.new_atom(std::string(100, 'x'));  // on the heap (not inline)
    const auto heap = test::mapping_of(a.atom(atom).data());
    ASSERT_TRUE(heap.has_value());
    EXPECT_EQ(heap->has("hg"), mode == mem::HugePages::Advise);
    EXPECT_EQ(a.huge_pages(), mode);
    // Same answers either way.
    EXPECT_EQ(a.atom(atom).size(), 100u);
  }
}

}  // namespace
}  // namespace clvm
