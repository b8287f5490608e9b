// SPDX-License-Identifier: Apache-2.0
// Evaluation rules of run_program (clvmr 0.19 semantics): costs of quote/apply/op/path lookups,
// argument order, the ((X) . args) form, strict `i`, errors, limits and softfork guards.
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>

#include "error_kind.hpp"
#include "eval_support.hpp"
#include "same_tree.hpp"
#include "smaps.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace clvm::test {
namespace {

struct Outcome {
  Reduction r;
  std::string result;  // to_text of the result
};

Outcome run(Allocator& a, std::string_view prg, std::string_view env, Flags flags = 0,
            Cost max_cost = 0) {
  const NodePtr p = parse_sexp(a, prg);
  const NodePtr e = parse_sexp(a, env);
  const Reduction r = run_program(a, ChiaDialect(flags), p, e, max_cost);
  return {r, to_text(a, r.node)};
}

// Expects `prg` in `env` to give `expected` (op-test syntax) at `cost`.
void expect_run(std::string_view prg, std::string_view env, std::string_view expected, Cost cost,
                Flags flags = 0) {
  Allocator a;
  const Outcome o = run(a, prg, env, flags);
  EXPECT_TRUE(same_tree(a, o.r.node, parse_sexp(a, expected)))
      << prg << " gave " << o.result << ", expected " << expected;
  EXPECT_EQ(o.r.cost, cost) << prg;
}

std::optional<ErrorKind> error_of(std::string_view prg, std::string_view env, Flags flags = 0,
                                  Cost max_cost = 0) {
  Allocator a;
  const auto kind = kind_of<EvalError>([&] { run(a, prg, env, flags, max_cost); });
  if (!kind) ADD_FAILURE() << prg << " did not fail";
  return kind;
}

TEST(EvalRunProgram, QuoteApplyAndOperatorCosts) {
  expect_run("(q . 5)", "()", "5", 20);
  expect_run("(f (f (q . ((100 200 300) 400 500))))", "()", "100", 82);
  expect_run("(r (r (q . ((100 200 300) 400 500))))", "()", "(500)", 82);
  expect_run("(a (q . 1) (q . (100 200)))", "()", "(100 200)", 175);
  expect_run("(a (q . 2) (q . (3 4 5)))", "()", "3", 179);
  expect_run("(c (q . 1) (q . 2))", "()", "(1 . 2)", 91);
  expect_run("(i (f (r (r 1))) (f 1) (f (r 1)))", "(200 300 400)", "200", 352);
  expect_run("(i (f (r (r 1))) (f 1) (f (r 1)))", "(200 300 1)", "200", 352);
}

TEST(EvalRunProgram, ClvmrRunProgramVectors) {
  expect_run("(= (f 1) (+ (f (r 1)) (f (r (r 1)))))", "(7 3 3)", "()", 1194);
  expect_run("(= (f 1) (+ (f (r 1)) (f (r (r 1)))))", "(7 3 4)", "1", 1194);
  expect_run("((#+) 1 2 3)", "()", "6", 1168);
  expect_run("(a (q . (+ 2 5)) (q . (20 30)))", "()", "50", 987);
  expect_run(
      "(= (point_add (pubkey_for_exp (q . -2)) (pubkey_for_exp (q . 5))) (pubkey_for_exp (q . 3)))",
      "()", "1", 6768556);
  expect_run("(point_add (pubkey_for_exp (q . 1)) (pubkey_for_exp (q . 2)))", "()",
             "0x89ece308f9d1f0131765212deca99697b112d61f9be9a5f1f3780a51335b3ff981747a0b2ca2179b96d"
             "2c0c9024e5224",
             5442073);
  // sample agreements of clvm_rs (wasm peer)
  expect_run("(+ (q . 1) (q . 2))", "()", "3", 796);
  expect_run("(sha256 (q . \"hello\"))", "()",
             "0x2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", 572);
  expect_run("(divmod (q . -7) (q . 2))", "()", "(-4 . 1)", 1189);
}

TEST(EvalRunProgram, PathLookupCosts) {
  const char* env = "(((8 . 12) . (10 . 14)) . ((9 . 13) . (11 . 15)))";
  expect_run("0", env, "()", 44);
  expect_run("1", env, env, 44);
  expect_run("2", env, "((8 . 12) . (10 . 14))", 48);
  expect_run("3", env, "((9 . 13) . (11 . 15))", 48);
  expect_run("4", env, "(8 . 12)", 52);
  expect_run("7", env, "(11 . 15)", 52);
  expect_run("8", env, "8", 56);
  expect_run("15", env, "15", 56);
  expect_run("0x0000", env, "()", 52);  // zero bytes cost 4 each
  expect_run("0x0001", env, env, 48);   // one leading zero byte
  expect_run("0x000002", env, "((8 . 12) . (10 . 14))", 56);
}

TEST(EvalRunProgram, PathIntoAtomFails) {
  EXPECT_EQ(error_of("2", "5"), ErrorKind::PathIntoAtom);
  EXPECT_EQ(error_of("6", "(1 . 2)"), ErrorKind::PathIntoAtom);
}

TEST(EvalRunProgram, InnerListApplicationForm) {
  expect_run("((#c) (q . 3) (q . 4))", "()", "((1 . 3) . (1 . 4))", 140);
  EXPECT_EQ(error_of("((c (q . (+ (q . 50) 1)) (q . 500)))", "()"), ErrorKind::InvalidOpArg);
  // X a pair: InvalidOpArg in clvmr 0.19 ("in ((X)...) syntax X must be lone atom").
  EXPECT_EQ(error_of("(((q . 1)) 1)", "()"), ErrorKind::InvalidOpArg);
}

TEST(EvalRunProgram, ArgumentsEvaluateRightToLeft) {
  // Both arguments raise: the last one is evaluated first, so its node is the one reported.
  Allocator a;
  try {
    run(a, "(c (x (q . 1)) (x (q . 2)))", "()");
    FAIL() << "expected a raise";
  } catch (const EvalError& e) {
    ASSERT_EQ(e.kind(), ErrorKind::Raise);
    ASSERT_TRUE(e.node().has_value());
    EXPECT_EQ(to_text(a, *e.node()), "0x02");
  }
}

TEST(EvalRunProgram, IfIsStrict) {
  EXPECT_EQ(error_of("(i (q . 1) (q . 2) (x))", "()"), ErrorKind::Raise);
  // the lazy idiom
  expect_run("(a (i (q . 1) (q q . 2) (q x)) 1)", "()", "2",
             1 + 20 + 20 + 20 + 33 + 1 + 44 + 90 + 20);
}

TEST(EvalRunProgram, ErrorsHaveClvmrKinds) {
  EXPECT_EQ(error_of("(f (q . 1))", "()"), ErrorKind::FirstOfNonCons);
  EXPECT_EQ(error_of("(r (q . 1))", "()"), ErrorKind::RestOfNonCons);
  EXPECT_EQ(error_of("(c (q . 1) (q . 2) . 5)", "()"), ErrorKind::InvalidNilTerminator);
  EXPECT_EQ(error_of("(a (q . 1))", "()"), ErrorKind::InvalidOpArg);
  EXPECT_EQ(error_of("(a (q . 0) (q . 1) (q . 2))", "()"), ErrorKind::InvalidOpArg);
  EXPECT_EQ(error_of("(x)", "()"), ErrorKind::Raise);
}

TEST(EvalRunProgram, CostIsCheckedBeforeEveryStep) {
  Allocator a;
  EXPECT_EQ(run(a, "(q . 1)", "()", 0, 20).r.cost, 20u);
  EXPECT_EQ(error_of("(q . 1)", "()", 0, 19), ErrorKind::CostExceeded);
  EXPECT_EQ(run(a, "(c (q . 1) (q . 2))", "()", 0, 91).r.cost, 91u);
  EXPECT_EQ(error_of("(c (q . 1) (q . 2))", "()", 0, 90), ErrorKind::CostExceeded);
  EXPECT_EQ(error_of("(c (q . 1) (q . 2))", "()", 0, 30), ErrorKind::CostExceeded);
}

TEST(EvalRunProgram, UnknownOperators) {
  expect_run("(0x40 (q . 1))", "()", "()", 1 + 20 + 422);
  expect_run("(0x00 (q . 1))", "()", "()", 1 + 20 + 1);    // non-canonical opcode
  expect_run("(0x0003 (q . 1))", "()", "()", 1 + 20 + 1);  // zero-padded: unknown, not `i`
  expect_run("(15 (q . 1))", "()", "()", 1 + 20 + 1);      // unassigned
  EXPECT_EQ(error_of("(0x40 (q . 1))", "()", NO_UNKNOWN_OPS), ErrorKind::Unimplemented);
  EXPECT_EQ(error_of("(0x40 (q 1 2))", "()"), ErrorKind::InvalidOpArg);
  EXPECT_EQ(error_of("(0xffff40)", "()"), ErrorKind::Reserved);
  EXPECT_EQ(error_of("(0x0000000000c0)", "()"), ErrorKind::InvalidOperator);
}

TEST(EvalRunProgram, GatedOpcodesAreUnknownWhenOff) {
  // sha256tree (63) and secp (64) without their flags cost as unknown operators (63 = 0x3f: f0).
  expect_run("(63 (q . 1))", "()", "()", 1 + 20 + 1);
  expect_run("(64 (q . 1))", "()", "()", 1 + 20 + 422);
  EXPECT_EQ(error_of("(63 (q . 1))", "()", NO_UNKNOWN_OPS), ErrorKind::Unimplemented);
  EXPECT_EQ(error_of("(62 (q . 1))", "()", NO_UNKNOWN_OPS), ErrorKind::Unimplemented);
}

// (softfork COST EXT PROG ENV) costs: op 1, four quoted args 80, then exactly COST.
TEST(EvalRunProgram, SoftforkExactCost) {
  // guard 140 + (q . 42) 20 = 160
  expect_run("(softfork (q . 160) (q . 0) (q q . 42) (q . ()))", "()", "()", 1 + 80 + 160);
  EXPECT_EQ(error_of("(softfork (q . 161) (q . 0) (q q . 42) (q . ()))", "()"),
            ErrorKind::SoftforkCostMismatch);
  EXPECT_EQ(error_of("(softfork (q . 159) (q . 0) (q q . 42) (q . ()))", "()"),
            ErrorKind::CostExceeded);
  EXPECT_EQ(error_of("(softfork (q . 0) (q . 0) (q q . 42) (q . ()))", "()"),
            ErrorKind::CostExceeded);
  EXPECT_EQ(error_of("(softfork (q . 1000) (q . 0) (q q . 42) (q . ()))", "()", 0, 1000),
            ErrorKind::CostExceeded);
}

TEST(EvalRunProgram, SoftforkUnknownExtension) {
  // consensus: a no-op returning nil at the specified cost
  expect_run("(softfork (q . 1000) (q . 2) (q q . 42) (q . ()))", "()", "()", 1 + 80 + 1000);
  expect_run("(softfork (q . 1000) (q . 0))", "()", "()", 1 + 40 + 1000);
  EXPECT_EQ(error_of("(softfork (q . 1000) (q . 2) (q q . 42) (q . ()))", "()", NO_UNKNOWN_OPS),
            ErrorKind::UnknownSoftforkExtension);
  EXPECT_EQ(error_of("(softfork (q . 1000) (q . 0))", "()", NO_UNKNOWN_OPS),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(error_of("(softfork (q . 0x0050) (q . 0) (q q . 42) (q . ()))", "()", CANONICAL_INTS),
            ErrorKind::InvalidOpArg);
}

TEST(EvalRunProgram, SoftforkRestoresTheArena) {
  Allocator a;
  const NodePtr p = parse_sexp(a, "(softfork (q . 231) (q . 0) (q c (q . 1) (q . 2)) (q . ()))");
  const NodePtr e = parse_sexp(a, "()");
  const std::size_t pairs = a.pair_count();
  const Reduction r = run_program(a, ChiaDialect(0), p, e, 0);
  EXPECT_EQ(r.cost, 1u + 80 + 231);  // guard 140 + (c (q . 1) (q . 2)) 91 = 231
  EXPECT_EQ(r.node, Allocator::nil());
  // Only the evaluator's argument list pairs (4) remain; the guarded cons was freed.
  EXPECT_EQ(a.pair_count(), pairs + 4);
}

TEST(EvalRunProgram, SoftforkGuardCostNewModel) {
  expect_run("(softfork (q . 520) (q . 0) (q q . 42) (q . ()))", "()", "()", 1 + 80 + 500 + 20,
             NEW_COST_MODEL);
}

// n nested softforks, each with a program of cost exactly what the enclosing one specifies.
std::string nested_softfork(int n) {
  std::string prg = "(q . 42)";
  Cost cost = 20;
  for (int i = 0; i < n; ++i) {
    // (softfork (q . C) (q . 0) (q . PRG) (q . ())) costs 1 + 80 + C where C = 140 + cost(PRG)
    const Cost c = 140 + cost;
    prg = "(softfork (q . " + std::to_string(c) + ") (q . 0) (q . " + prg + ") (q . ()))";
    cost = 1 + 80 + c;
  }
  return prg;
}

TEST(EvalRunProgram, SoftforkNestingLimit) {
  Allocator a;
  EXPECT_NO_THROW(run(a, nested_softfork(20), "()", LIMIT_SOFTFORK));
  EXPECT_EQ(error_of(nested_softfork(21), "()", LIMIT_SOFTFORK),
            ErrorKind::SoftforkStackDepthExceeded);
  EXPECT_NO_THROW(run(a, nested_softfork(21), "()", 0));
}

TEST(EvalRunProgram, KeccakOnlyInExtensionOne) {
  // Outside a guard, 62 (0x3e: function 0) is an unknown op costing 1; with the flag it is
  // keccak256: 50 + (160 + 2) + 320 = 532.
  expect_run("(62 (q . 1))", "()", "()", 1 + 20 + 1);
  expect_run("(62 (q . \"\"))", "()",
             "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
             1 + 20 + 50 + 160 + 320, ENABLE_KECCAK_OPS_OUTSIDE_GUARD);
  // In extension 1: guard 140 + (62 (q . "")) 551 = 691.
  expect_run("(softfork (q . 691) (q . 1) (q 62 (q . \"\")) (q . ()))", "()", "()", 1 + 80 + 691);
  // In extension 0 it stays unknown: guard 140 + 1 + 20 + 1 = 162.
  expect_run("(softfork (q . 162) (q . 0) (q 62 (q . \"\")) (q . ()))", "()", "()", 1 + 80 + 162);
  EXPECT_EQ(
      error_of("(softfork (q . 162) (q . 0) (q 62 (q . \"\")) (q . ()))", "()", NO_UNKNOWN_OPS),
      ErrorKind::Unimplemented);
}

TEST(EvalRunProgram, SecpOpcodes) {
  // The 4-byte opcodes dispatch even under NO_UNKNOWN_OPS (and fail here on bad arguments);
  // 64/65 need ENABLE_SECP_OPS.
  EXPECT_EQ(error_of("(0x13d61f00 (q . 1))", "()", NO_UNKNOWN_OPS), ErrorKind::InvalidOpArg);
  EXPECT_EQ(error_of("(64 (q . 1))", "()", NO_UNKNOWN_OPS), ErrorKind::Unimplemented);
  EXPECT_EQ(error_of("(64 (q . 1))", "()", NO_UNKNOWN_OPS | ENABLE_SECP_OPS),
            ErrorKind::InvalidOpArg);
}

TEST(EvalRunProgram, DisableOpMakesModpowUnimplemented) {
  expect_run("(60 (q . 2) (q . 3) (q . 5))", "()", "3", 1 + 60 + 17000 + 38 + 3 + 21 + 10);
  EXPECT_EQ(error_of("(60 (q . 2) (q . 3) (q . 5))", "()", DISABLE_OP), ErrorKind::Unimplemented);
}

TEST(EvalRunProgram, RunProgramCountsAGhostAtom) {
  Allocator a;
  const NodePtr p = parse_sexp(a, "(q . 1)");
  const std::size_t atoms = a.atom_count();
  run_program(a, ChiaDialect(0), p, Allocator::nil(), 0);
  EXPECT_EQ(a.atom_count(), atoms + 1);
}

TEST(EvalRunProgram, DeepProgramsDoNotRecurse) {
  // (i (q . 1) (i (q . 1) ... (q . 42) ...) (q . 0)) nested 100,000 deep: evaluated iteratively.
  constexpr int kDepth = 100'000;
  Allocator a;
  const NodePtr prg = nested_ifs(a, kDepth);
  const Reduction r = run_program(a, ChiaDialect(0), prg, Allocator::nil(), 0);
  EXPECT_EQ(to_text(a, r.node), "0x2a");
  EXPECT_EQ(r.cost, 20u + 74u * kDepth);
}

// RunOptions::huge_pages reaches the kernel for the evaluator's deep stacks: at the innermost
// evaluation of a program nested 800,000 deep, mappings advised as huge pages (VmFlags `hg`)
// exist only when asked for (the arena itself is made without the advice). Same answer and cost.
class HugePageProbe : public EvalObserver {
 public:
  explicit HugePageProbe(NodePtr innermost) : innermost_(innermost) {}
  void on_eval(NodePtr program, NodePtr) override {
    if (program == innermost_) advised = huge_advised_mappings(std::size_t{4} << 20);
  }
  void on_value(NodePtr) override {}
  std::optional<std::size_t> advised;

 private:
  NodePtr innermost_;
};

TEST(EvalRunProgram, HugePagesOptionReachesTheStacks) {
  CLVM_SKIP_WITHOUT_SMAPS_THP();
  constexpr int kDepth = 800'000;
  EXPECT_EQ(RunOptions{}.huge_pages, mem::HugePages::Off);
  const auto before = huge_advised_mappings(std::size_t{4} << 20);
  ASSERT_TRUE(before.has_value());
  for (const mem::HugePages mode : {mem::HugePages::Off, mem::HugePages::Advise}) {
    Allocator a(Allocator::kMaxHeapLimit, mem::HugePages::Off);
    NodePtr innermost;
    const NodePtr prg = nested_ifs(a, kDepth, &innermost);
    HugePageProbe probe(innermost);
    RunOptions o;
    o.observer = &probe;
    o.huge_pages = mode;
    const Reduction r = run_program(a, ChiaDialect(0), prg, Allocator::nil(), 0, o);
    EXPECT_EQ(to_text(a, r.node), "0x2a");
    EXPECT_EQ(r.cost, 20u + 74u * kDepth);
    ASSERT_TRUE(probe.advised.has_value());
    if (mode == mem::HugePages::Off)
      EXPECT_EQ(*probe.advised, *before);
    else
      EXPECT_GT(*probe.advised, *before);
  }
}

}  // namespace
}  // namespace clvm::test
