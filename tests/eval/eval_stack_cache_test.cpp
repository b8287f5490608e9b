// SPDX-License-Identifier: Apache-2.0
// StackCache: a deep stack's mapping goes back to the cache's slot when the stack ends and the
// next stack of that slot starts in it (same addresses, entries intact, grown by mremap when
// short); the retention bound holds (cut to whole 2 MiB units, 0 keeps nothing, set_retention and
// release trim at once); slots are separate; the huge-page advice follows the new stack. Through
// run_program: same answers and costs with and without a cache, the second run takes the first
// run's mappings, a failing run still hands its mappings back, and BatchWorker keeps them between
// cases (or not, with stack_retention 0).
#include "eval/stack.hpp"

#include "eval_support.hpp"
#include "smaps.hpp"

#include <clvm/batch_runner.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/stack_cache.hpp>
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include <cstdint>

namespace clvm {
namespace {

using test::nested_ifs;
using test::to_text;

constexpr std::size_t kMiB = std::size_t{1} << 20;
using Stack32 = eval::Stack<std::uint32_t, 4>;

std::uint32_t entry(std::size_t i) { return static_cast<std::uint32_t>(i * 2654435761u); }

void fill(Stack32& s, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) ASSERT_TRUE(s.push(entry(i))) << i;
}

void drain_and_check(Stack32& s, std::size_t n) {
  ASSERT_EQ(s.size(), n);
  for (std::size_t i = n; i-- > 0;) ASSERT_EQ(s.pop(), entry(i)) << i;
}

// The address of the stack's first entry (its mapping's start once it is mapped).
const void* bottom(const Stack32& s) { return &s.below_top(s.size() - 1); }

TEST(StackCache, AStackHandsItsMappingBackAndTheNextOneStartsInIt) {
  StackCache cache;
  EXPECT_EQ(cache.retained_bytes(), 0u);
  const void* first_bottom = nullptr;
  {
    Stack32 s(4'000'000, false, &cache, 0);
    fill(s, 2'000'000);  // 8 MB: its own mapping
    first_bottom = bottom(s);
    EXPECT_EQ(cache.retained_bytes(), 0u);
    drain_and_check(s, 2'000'000);
  }
  EXPECT_EQ(cache.retained_bytes(), 8 * kMiB);
  {
    Stack32 s(4'000'000, false, &cache, 0);
    fill(s, 1'500'000);  // the cached 8 MiB are enough
    EXPECT_EQ(bottom(s), first_bottom);
    EXPECT_EQ(cache.retained_bytes(), 0u);  // taken while the stack lives
    drain_and_check(s, 1'500'000);
  }
  EXPECT_EQ(cache.retained_bytes(), 8 * kMiB);
  {
    Stack32 s(4'000'000, false, &cache, 0);
    fill(s, 3'500'000);  // 14 MB: the cached mapping grown by mremap, entries kept
    drain_and_check(s, 3'500'000);
  }
  EXPECT_EQ(cache.retained_bytes(), 16 * kMiB);
  cache.release();
  EXPECT_EQ(cache.retained_bytes(), 0u);
}

TEST(StackCache, TheLimitStillHoldsInACachedMapping) {
  StackCache cache;
  {
    Stack32 big(8'000'000, false, &cache, 0);
    fill(big, 8'000'000);  // 32 MB mapping cached afterwards
  }
  ASSERT_EQ(cache.retained_bytes(), 32 * kMiB);
  Stack32 s(1'200'001, false, &cache, 0);  // 4.8 MB limit inside a 32 MiB mapping
  fill(s, 1'200'001);
  EXPECT_FALSE(s.push(1));
  drain_and_check(s, 1'200'001);
}

TEST(StackCache, RetentionBoundsWhatIsKept) {
  {
    StackCache none(0);
    {
      Stack32 s(4'000'000, false, &none, 0);
      fill(s, 2'000'000);
    }
    EXPECT_EQ(none.retained_bytes(), 0u);
  }
  StackCache cache(6 * kMiB + 12345);  // room for three whole 2 MiB units
  {
    Stack32 s(8'000'000, false, &cache, 1);
    fill(s, 4'000'000);  // 16 MiB mapping
  }
  EXPECT_EQ(cache.retained_bytes(), 6 * kMiB);
  {
    Stack32 other(8'000'000, false, &cache, 2);
    fill(other, 2'000'000);  // 8 MiB in slot 2: no room left beside slot 1's 6 MiB
  }
  EXPECT_EQ(cache.retained_bytes(), 6 * kMiB);
  {
    Stack32 s(8'000'000, false, &cache, 1);  // takes the cut 6 MiB and grows it
    fill(s, 4'000'000);
    drain_and_check(s, 4'000'000);
  }
  EXPECT_EQ(cache.retained_bytes(), 6 * kMiB);
  cache.set_retention(3 * kMiB);
  EXPECT_EQ(cache.retained_bytes(), 2 * kMiB);
  cache.set_retention(0);
  EXPECT_EQ(cache.retained_bytes(), 0u);
}

TEST(StackCache, SlotsAreSeparate) {
  StackCache cache;
  {
    Stack32 a(4'000'000, false, &cache, 0);
    Stack32 b(4'000'000, false, &cache, 3);
    fill(a, 2'000'000);  // 8 MiB
    fill(b, 3'000'000);  // 16 MiB
  }
  EXPECT_EQ(cache.retained_bytes(), 24 * kMiB);
  {
    Stack32 c(4'000'000, false, &cache, 0);
    fill(c, 1'100'000);
    EXPECT_EQ(cache.retained_bytes(), 16 * kMiB);  // slot 3's stays
  }
  // A stack that never leaves its inline or malloc'd storage takes nothing and gives nothing.
  {
    Stack32 small(4'000'000, false, &cache, 0);
    fill(small, 1000);
    EXPECT_EQ(cache.retained_bytes(), 24 * kMiB);
  }
  EXPECT_EQ(cache.retained_bytes(), 24 * kMiB);
}

TEST(StackCache, HugePageAdviceFollowsTheStackNotTheCache) {
  CLVM_SKIP_WITHOUT_SMAPS_THP();
  StackCache cache;
  for (const bool huge : {true, false, true}) {
    Stack32 s(4'000'000, huge, &cache, 0);
    fill(s, 2'000'000);
    const auto m = test::mapping_of(bottom(s));
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->has("hg"), huge);
  }
}

// Records the cache's retained bytes when the innermost program is evaluated.
class RetainedProbe : public EvalObserver {
 public:
  RetainedProbe(NodePtr innermost, const StackCache& cache)
      : innermost_(innermost), cache_(cache) {}
  void on_eval(NodePtr program, NodePtr) override {
    if (program == innermost_) at_innermost = cache_.retained_bytes();
  }
  void on_value(NodePtr) override {}
  std::optional<std::size_t> at_innermost;

 private:
  NodePtr innermost_;
  const StackCache& cache_;
};

TEST(StackCacheRun, RunsTakeAndLeaveTheirMappingsWithTheSameAnswers) {
  constexpr int kDepth = 800'000;  // stacks of several MiB
  Allocator plain_arena;
  NodePtr innermost;
  const Reduction plain =
      run_program(plain_arena, ChiaDialect(0), nested_ifs(plain_arena, kDepth, &innermost),
                  Allocator::nil(), 0);
  StackCache cache;
  std::size_t after_first = 0;
  for (int round = 0; round < 2; ++round) {
    Allocator a;
    const NodePtr prg = nested_ifs(a, kDepth, &innermost);
    RetainedProbe probe(innermost, cache);
    RunOptions o;
    o.stack_cache = &cache;
    o.observer = &probe;
    const Reduction r = run_program(a, ChiaDialect(0), prg, Allocator::nil(), 0, o);
    EXPECT_EQ(r.cost, plain.cost);
    EXPECT_EQ(to_text(a, r.node), to_text(plain_arena, plain.node));
    ASSERT_TRUE(probe.at_innermost.has_value());
    if (round == 0) {
      EXPECT_EQ(*probe.at_innermost, 0u);
      after_first = cache.retained_bytes();
      EXPECT_GE(after_first, 4 * kMiB);
    } else {
      EXPECT_LT(*probe.at_innermost, after_first);  // the second run holds the first's mappings
      EXPECT_EQ(cache.retained_bytes(), after_first);
    }
  }
}

TEST(StackCacheRun, AFailingRunHandsItsMappingsBack) {
  constexpr int kDepth = 800'000;
  Allocator a;
  NodePtr innermost;
  const NodePtr prg = nested_ifs(a, kDepth, &innermost);
  StackCache cache;
  RunOptions o;
  o.stack_cache = &cache;
  // The full run costs 20 + 74 * depth; stop it at about half way, deep in the stacks.
  EXPECT_THROW(run_program(a, ChiaDialect(0), prg, Allocator::nil(), 74u * kDepth / 2, o),
               EvalError);
  EXPECT_GE(cache.retained_bytes(), 4 * kMiB);
}

TEST(StackCacheRun, BatchWorkersKeepTheirStacksUnlessToldNot) {
  constexpr int kDepth = 800'000;
  Allocator build;
  NodePtr innermost;
  const Bytes program = node_to_bytes(build, nested_ifs(build, kDepth, &innermost));
  const Bytes nil = node_to_bytes(build, Allocator::nil());
  for (const std::size_t retention : {SIZE_MAX, std::size_t{0}}) {
    BatchWorker w(0, SIZE_MAX, SIZE_MAX, nullptr, mem::HugePages::Off, retention);
    for (int i = 0; i < 2; ++i) {
      BatchCase c{program, nil, 0, 0, {}, false};
      const BatchAnswer answer = run_batch_case(w, c);
      ASSERT_TRUE(answer.ok()) << answer.message;
      EXPECT_EQ(answer.cost, 20u + 74u * kDepth);
      EXPECT_EQ(answer.result, (Bytes{42}));
    }
    if (retention == 0)
      EXPECT_EQ(w.stack_cache().retained_bytes(), 0u);
    else
      EXPECT_GE(w.stack_cache().retained_bytes(), 4 * kMiB);
  }
  EXPECT_EQ(BatchMemory{}.stack_retention, SIZE_MAX);
}

}  // namespace
}  // namespace clvm
