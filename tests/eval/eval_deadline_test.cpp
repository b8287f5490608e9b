// SPDX-License-Identifier: Apache-2.0
// RunOptions: the wall-clock deadline and the cancel flag are looked at only when the cost passes
// a multiple of kDeadlineCheckCost, never change a run they do not stop, and stop one with a
// non-consensus error (Timeout / Cancelled).
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "error_kind.hpp"
#include "eval_support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>

namespace clvm::test {
namespace {

using Clock = std::chrono::steady_clock;

// (a 1 1) in the environment (a 1 1): applies itself forever, in constant stack space.
constexpr std::string_view kForever = "(a 1 1)";

RunOptions past_deadline() {
  RunOptions o;
  o.deadline = Clock::now() - std::chrono::seconds(1);
  return o;
}

Reduction run_text(Allocator& a, std::string_view prg, std::string_view env, Cost max_cost,
                   const RunOptions& o, Flags flags = 0) {
  const NodePtr p = parse_sexp(a, prg);
  const NodePtr e = parse_sexp(a, env);
  return run_program(a, ChiaDialect(flags), p, e, max_cost, o);
}

TEST(EvalDeadline, TimeoutIsNotAConsensusError) {
  EXPECT_FALSE(is_consensus_error(ErrorKind::Timeout));
  EXPECT_FALSE(is_consensus_error(ErrorKind::Cancelled));
  EXPECT_FALSE(is_consensus_error(ErrorKind::MemoryCeiling));
  EXPECT_TRUE(is_consensus_error(ErrorKind::CostExceeded));
  EXPECT_TRUE(is_consensus_error(ErrorKind::OutOfMemory));
  EXPECT_NE(default_message(ErrorKind::Timeout), default_message(ErrorKind::CostExceeded));
  EXPECT_EQ(kDeadlineCheckCost, 1'000'000u);
}

TEST(EvalDeadline, CheapRunsAreNeverInterrupted) {
  Allocator a;
  const Reduction r = run_text(a, "(+ (q . 1) (q . 2))", "()", 0, past_deadline());
  EXPECT_EQ(r.cost, 796u);
  EXPECT_EQ(a.number(r.node), Number(3));
  // A run that stops below 1,000,000 for its own reason keeps that reason, even past a deadline.
  Allocator b;
  EXPECT_EQ(kind_of([&] { run_text(b, kForever, kForever, 999'999, past_deadline()); }),
            ErrorKind::CostExceeded);
}

TEST(EvalDeadline, PastDeadlineStopsAtTheFirstCheck) {
  Allocator a;
  EXPECT_EQ(kind_of([&] { run_text(a, kForever, kForever, 1'001'000, past_deadline()); }),
            ErrorKind::Timeout);
  Allocator b;
  EXPECT_EQ(kind_of([&] { run_text(b, kForever, kForever, 0, past_deadline()); }),
            ErrorKind::Timeout);
}

TEST(EvalDeadline, StopsAnEndlessRun) {
  Allocator a;
  RunOptions o;
  o.deadline = Clock::now() + std::chrono::milliseconds(50);
  const auto t0 = Clock::now();
  EXPECT_EQ(kind_of([&] { run_text(a, kForever, kForever, 0, o); }), ErrorKind::Timeout);
  EXPECT_LT(Clock::now() - t0, std::chrono::seconds(5));  // a hang bound, not a timing
  EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(50));
}

TEST(EvalDeadline, InsideASoftforkGuard) {
  Allocator a;
  const std::string prg = "(softfork (q . 5000000000) (q . 0) (q . (a 1 1)) (q . (a 1 1)))";
  EXPECT_EQ(kind_of([&] { run_text(a, prg, "()", 0, past_deadline()); }), ErrorKind::Timeout);
  // Without the deadline the guard's own rule decides (its budget runs out).
  Allocator b;
  EXPECT_EQ(kind_of([&] { run_text(b, prg, "()", 100'000'000, RunOptions{}); }),
            ErrorKind::CostExceeded);
}

TEST(EvalDeadline, CancelFlag) {
  std::atomic<bool> cancel{false};
  RunOptions o;
  o.cancel = &cancel;
  Allocator a;
  // Not set: the run goes to its own end.
  EXPECT_EQ(kind_of([&] { run_text(a, kForever, kForever, 5'000'000, o); }),
            ErrorKind::CostExceeded);
  cancel.store(true);
  Allocator b;
  EXPECT_EQ(kind_of([&] { run_text(b, kForever, kForever, 0, o); }), ErrorKind::Cancelled);
  Allocator c;  // cheap runs still finish
  EXPECT_EQ(run_text(c, "(q . 7)", "()", 0, o).cost, 20u);
}

// A far deadline changes nothing: same result and cost on the benchmark programs.
TEST(EvalDeadline, FarDeadlineChangesNothing) {
  const std::string dir = std::string(CLVMPP_TEST_DATA_DIR) + "/bench/";
  for (const char* name : {"factorial", "count-even", "hash-tree", "matrix-multiply"}) {
    const Bytes prg = decode_hex(read_file(dir + "programs/" + name + ".hex"));
    const Bytes env = decode_hex(read_file(dir + "env/" + name + ".env.hex"));
    Allocator a, b;
    const NodePtr pa = node_from_bytes_backrefs(a, prg), ea = node_from_bytes(a, env);
    const NodePtr pb = node_from_bytes_backrefs(b, prg), eb = node_from_bytes(b, env);
    std::atomic<bool> never{false};
    RunOptions o;
    o.deadline = Clock::now() + std::chrono::hours(24);
    o.cancel = &never;
    const Reduction plain = run_program(a, ChiaDialect(ENABLE_GC), pa, ea, 11'000'000'000);
    const Reduction timed = run_program(b, ChiaDialect(ENABLE_GC), pb, eb, 11'000'000'000, o);
    EXPECT_EQ(plain.cost, timed.cost) << name;
    EXPECT_EQ(tree_hash(a, plain.node), tree_hash(b, timed.node)) << name;
    EXPECT_EQ(a.atom_count(), b.atom_count()) << name;
    EXPECT_EQ(a.pair_count(), b.pair_count()) << name;
  }
}

}  // namespace
}  // namespace clvm::test
