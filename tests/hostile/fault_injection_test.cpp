// Fault injection: the arena's upstream fails its Nth allocation, for every N until the work
// succeeds. Each failure surfaces as EvalError(OutOfMemory) from the arena (parsers and the
// evaluator pass it through), and nothing leaks: the DebugAllocator under it sees every block
// returned once the arena is gone.
#include <clvm/dialect.hpp>
#include <clvm/mem/debug.hpp>
#include <clvm/mem/failing.hpp>
#include <clvm/mem/global.hpp>
#include <clvm/run_program.hpp>
#include <clvm/runtime.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include <gtest/gtest.h>

#include <functional>

namespace clvm {
namespace {

// Runs `work` on an arena whose upstream fails allocation N, for N = 0, 1, ... until `work`
// completes. Returns how many failure points were exercised.
std::size_t for_every_failure(const std::function<void(Allocator&)>& work) {
  for (std::size_t n = 0;; ++n) {
    mem::DebugAllocator<mem::GlobalAllocator> debug;
    bool completed = false;
    {
      mem::FailingAllocator<mem::DebugAllocator<mem::GlobalAllocator>&> failing(debug, n);
      Allocator a(failing);
      try {
        work(a);
        completed = true;
      } catch (const EvalError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::OutOfMemory) << "failure point " << n << ": " << e.what();
      }
    }
    EXPECT_FALSE(debug.detect_leaks()) << "leak after failure point " << n;
    if (completed) return n;
    if (n > 10'000) {
      ADD_FAILURE() << "work never completed";
      return n;
    }
  }
}

TEST(FaultInjection, ArenaConstruction) {
  const std::size_t points = for_every_failure([](Allocator& a) {
    NodePtr list = a.nil();
    for (int i = 0; i < 20000; ++i) list = a.new_pair(a.new_atom("fault injection"), list);
    EXPECT_EQ(a.stored_pairs(), 20000u);
  });
  EXPECT_GE(points, 3u);  // heap, atom table and pair table each failed at least once
}

TEST(FaultInjection, Deserializers) {
  // The same tree, classic and with a back-reference: ("foobar" (1 . 2) "abc" "abc")
  const auto classic = *from_hex("ff86666f6f626172ffff0102ff83616263ff8361626380");
  const auto compressed = *from_hex("ff86666f6f626172ffff0102ff83616263fffe0280");
  const std::size_t points = for_every_failure([&](Allocator& a) {
    const NodePtr n = node_from_bytes(a, classic);
    const NodePtr m = node_from_bytes_backrefs(a, compressed);
    EXPECT_EQ(tree_hash(a, n), tree_hash(a, m));
  });
  EXPECT_GE(points, 2u);
}

TEST(FaultInjection, AssembleAndRun) {
  const std::size_t points = for_every_failure([](Allocator& a) {
    const NodePtr program = assemble(a,
                                     "(a (q 2 2 (c 2 (c 5 ()))) (c (q 2 (i (= 5 (q . 0)) (q 1 . 1) "
                                     "(q 18 5 (a 2 (c 2 (c (- 5 (q . 1)) ()))))) 1) 1))");
    const NodePtr env = assemble(a, "(30)");
    const Reduction r = run_program(a, ChiaDialect(0), program, env, 0);
    EXPECT_EQ(a.number(r.node), Number("265252859812191058636308480000000"));
  });
  EXPECT_GE(points, 2u);
}

}  // namespace
}  // namespace clvm
