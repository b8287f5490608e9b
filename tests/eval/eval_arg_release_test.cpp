// SPDX-License-Identifier: Apache-2.0
// The evaluator gives an operator's argument list back once the operator has read it: the pairs it
// built for the call that are the newest stored leave the table and stay counted (ghosts). Results,
// costs, errors and counts are clvmr's; only what is stored shrinks, and nothing still referenced
// is ever reused.
#include <clvm/allocator.hpp>
#include <clvm/detail/arena_internals.hpp>
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>

#include "eval_support.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace clvm {
namespace {

using test::parse_sexp;
using test::to_text;

// loop_add of the benchmark programs: (iter N) = N + (iter N-1), a recursion N deep whose
// additions wait on the way back.
constexpr const char* kLoopAdd =
    "(a (q 2 2 (c 2 (c 5 0))) (c (q 2 (i 5 (q 16 (a 2 (c 2 (c (- 5 (q . 1)) 0))) 5) (q 1 . 10000)) "
    "1) 1))";

TEST(EvalArgRelease, ARecursionStoresOnlyWhatIsStillReferenced) {
  for (const Flags flags : {Flags{0}, ENABLE_GC, NEW_COST_MODEL}) {
    Allocator a;
    const NodePtr program = parse_sexp(a, kLoopAdd);
    const NodePtr env = parse_sexp(a, "(1000)");
    const std::size_t counted_before = a.pair_count(), stored_before = a.stored_pairs();
    const Reduction r = run_program(a, ChiaDialect(flags), program, env, 0);
    EXPECT_EQ(a.small_number(r.node), 1000u * 1001 / 2 + 10000) << flags;
    // Every pair clvmr makes is counted: 17 per level and 18 more (the same count as when every
    // argument list was stored).
    EXPECT_EQ(a.pair_count() - counted_before, 17u * 1000 + 18) << flags;
    // Stored: per level the pending addition's partial list and the two pairs of the new
    // environment, about 3 where 17 were.
    EXPECT_LE(a.stored_pairs() - stored_before, 3u * 1000 + 20) << flags;
    EXPECT_EQ(a.pair_count(), a.stored_pairs() + a.ghost_pairs());
  }
}

// Leaves room for exactly `room` more counted pairs.
void leave_room(Allocator& a, std::size_t room) {
  detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs - a.pair_count() - room);
  ASSERT_EQ(a.pair_count(), Allocator::kMaxPairs - room);
}

// The error a run of `text` fails with, or nullopt on success.
std::optional<ErrorKind> outcome(const char* text, std::size_t room) {
  Allocator a;
  const NodePtr program = parse_sexp(a, text);
  leave_room(a, room);
  try {
    (void)run_program(a, ChiaDialect(0), program, Allocator::nil(), 0);
    return std::nullopt;
  } catch (const EvalError& e) {
    return e.kind();
  }
}

TEST(EvalArgRelease, ThePairLimitIsReachedWhereClvmrReachesIt) {
  // (c A B): two pairs for the argument list, then the result: 3 counted.
  EXPECT_EQ(outcome("(c (q . 1) (q . 2))", 3), std::nullopt);
  EXPECT_EQ(outcome("(c (q . 1) (q . 2))", 2), ErrorKind::TooManyPairs);
  // (+ A B): only the argument list.
  EXPECT_EQ(outcome("(+ (q . 1) (q . 2))", 2), std::nullopt);
  EXPECT_EQ(outcome("(+ (q . 1) (q . 2))", 1), ErrorKind::TooManyPairs);
  // Nested: the inner c's 3, then the outer list (2) and result (1), though the inner list was
  // given back before the outer one was built.
  EXPECT_EQ(outcome("(c (c (q . 1) (q . 2)) (q . 3))", 6), std::nullopt);
  EXPECT_EQ(outcome("(c (c (q . 1) (q . 2)) (q . 3))", 5), ErrorKind::TooManyPairs);
  // An apply's two-pair list, then its program's.
  EXPECT_EQ(outcome("(a (q . (+ (q . 1) (q . 2))) 0)", 4), std::nullopt);
  EXPECT_EQ(outcome("(a (q . (+ (q . 1) (q . 2))) 0)", 3), ErrorKind::TooManyPairs);
}

std::string result_text(const char* program_text, const char* env_text, Flags flags = 0) {
  Allocator a;
  const NodePtr program = parse_sexp(a, program_text);
  const NodePtr env = parse_sexp(a, env_text);
  const Reduction r = run_program(a, ChiaDialect(flags), program, env, 0);
  return to_text(a, r.node);
}

TEST(EvalArgRelease, ProgramsBuiltAtRunTimeKeepTheirNodes) {
  // The environment holds P = ((c) 1 2), built at run time, so its pairs are the newest when it is
  // first run. In the ((X) . args) form the operands are P's own pairs: run three times, P must
  // still read ((c) 1 2) and give (1 . 2) each time.
  const char* inner_form =
      "(a (q . (c (a 2 0) (c (a 2 0) (a 2 0)))) (c (c (c (q . c) 0) (c (q . 1) (c (q . 2) 0))) 0))";
  for (const Flags flags : {Flags{0}, ENABLE_GC})
    EXPECT_EQ(result_text(inner_form, "0", flags),
              "((0x01 . 0x02) . ((0x01 . 0x02) . (0x01 . 0x02)))");
  // A program built at run time and applied: (+ (q . 3) (q . 4)) twice, then returned itself.
  // (to_text prints every pair dotted and every atom as hex.)
  const char* built =
      "(a (q . (c (a 2 0) (c (a 2 0) (c 2 0)))) (c (c (q . +) (c (q . (q . 3)) (c (q . (q . 4)) "
      "0))) 0))";
  EXPECT_EQ(result_text(built, "0"),
            "(0x07 . (0x07 . ((0x10 . ((0x01 . 0x03) . ((0x01 . 0x04) . 0x))) . 0x)))");
  // Argument values are results, never the lists that carried them: a cons of a cons's result.
  EXPECT_EQ(result_text("(c (c 2 5) (c (f 1) (r 1)))", "(7 8)"),
            "((0x07 . 0x08) . (0x07 . (0x08 . 0x)))");
}

TEST(EvalArgRelease, ErrorsNameNodesThatAreStillThere) {
  Allocator a;
  // A raise names its whole argument list: not given back, since the operator did not return.
  try {
    (void)run_program(a, ChiaDialect(0), parse_sexp(a, "(x (q . 1) (q . 2))"), Allocator::nil(), 0);
    FAIL() << "expected a raise";
  } catch (const EvalError& e) {
    ASSERT_EQ(e.kind(), ErrorKind::Raise);
    ASSERT_TRUE(e.node().has_value());
    EXPECT_EQ(to_text(a, *e.node()), "(0x01 . (0x02 . 0x))");  // (1 2)
  }
  // The offending argument is a cons's result, made after that cons's list was given back.
  try {
    (void)run_program(a, ChiaDialect(0), parse_sexp(a, "(+ (c (q . 1) (q . 2)) (q . 3))"),
                      Allocator::nil(), 0);
    FAIL() << "expected an error";
  } catch (const EvalError& e) {
    ASSERT_EQ(e.kind(), ErrorKind::InvalidOpArg);
    ASSERT_TRUE(e.node().has_value());
    EXPECT_EQ(to_text(a, *e.node()), "(0x01 . 0x02)");
  }
}

TEST(EvalArgRelease, AGuardedProgramLeavesTheCountsOfItsCheckpoint) {
  // softfork restores the arena to its checkpoint on exit: the pairs given back inside are
  // uncounted again, exactly as the pairs stored inside are.
  Allocator a;
  const NodePtr program =
      parse_sexp(a, "(c (softfork (q . 936) (q . 0) (q . (+ (q . 1) (q . 2))) 0) (q . 9))");
  const std::size_t counted_before = a.pair_count();
  const Reduction r = run_program(a, ChiaDialect(0), program, Allocator::nil(), 0);
  EXPECT_EQ(to_text(a, r.node), "(0x . 0x09)");  // softfork returns nil
  EXPECT_EQ(a.pair_count(), a.stored_pairs() + a.ghost_pairs());
  // softfork's list (4 pairs), c's list (2) and result (1): nothing the guarded program made (its
  // addition's list, given back or not) is still counted. 936 is the guarded run's exact cost.
  EXPECT_EQ(a.pair_count() - counted_before, 4u + 2 + 1);
}

}  // namespace
}  // namespace clvm
