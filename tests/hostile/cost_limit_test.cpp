// max_cost exactly reached succeeds; one less fails with CostExceeded, for the evaluator and for a
// single operator.
#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/runtime.hpp>
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include <optional>

#include "error_kind.hpp"

namespace clvm {
namespace {

// The kind of the EvalError the run throws; nullopt when it succeeds.
std::optional<ErrorKind> run_kind(Allocator& a, NodePtr program, Cost max_cost) {
  return test::kind_of<EvalError>(
      [&] { (void)run_program(a, ChiaDialect(0), program, a.nil(), max_cost); });
}

TEST(CostLimit, ExactlyReachedAndExceededByOne) {
  for (const char* text : {"(+ (q . 1) (q . 2))", "(sha256 (q . \"hello\"))", "(c (q . 1) (q . 2))",
                           "(a (q . (* 2 5)) (q . (7 9)))", "(q . 1)"}) {
    Allocator a;
    const NodePtr program = assemble(a, text);
    const Cost cost = run_program(a, ChiaDialect(0), program, a.nil(), 0).cost;
    EXPECT_NO_THROW((void)run_program(a, ChiaDialect(0), program, a.nil(), cost)) << text;
    EXPECT_EQ(run_kind(a, program, cost - 1), ErrorKind::CostExceeded) << text;
  }
}

TEST(CostLimit, KnownCosts) {
  // Agreements with clvm_rs 0.7.0 (clvm_wasm; docs/oracles.md).
  const std::vector<std::pair<const char*, Cost>> cases = {
      {"(+ (q . 1) (q . 2))", 796}, {"(sha256 (q . \"hello\"))", 572}, {"(c (q . 1) (q . 2))", 91}};
  for (auto [text, cost] : cases) {
    Allocator a;
    EXPECT_EQ(run_program(a, ChiaDialect(0), assemble(a, text), a.nil(), 0).cost, cost) << text;
  }
}

TEST(CostLimit, InfiniteLoopStopsAtTheBudget) {
  Allocator a;
  // (a 1 1) applied to itself: runs until the budget is gone.
  const NodePtr program = assemble(a, "(a 1 1)");
  try {
    (void)run_program(a, ChiaDialect(0), program, program, 1'000'000);
    FAIL();
  } catch (const EvalError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::CostExceeded);
  }
}

}  // namespace
}  // namespace clvm
