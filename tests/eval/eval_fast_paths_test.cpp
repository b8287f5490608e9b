// SPDX-License-Identifier: Apache-2.0
// The evaluator's fast paths against the general code: inline path lookups against the byte
// decoding of the same path on the heap, and the inline core operators (i c f r l = not, and
// + - logand logior logxor on two inline atoms, applied to quoted arguments) against
// ChiaDialect::op on the same argument list: same result, same cost, same error kind, on
// well-formed and malformed arguments alike. The operator functions of + - logand logior logxor
// start with the same small form (ops::small::try_binary), so that form is also proved against
// their general loops (general_sum, general_logic) directly.
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>

#include "error_kind.hpp"
#include "eval/traverse_path.hpp"
#include "eval_support.hpp"
#include "ops/small_int_ops.hpp"
#include "same_tree.hpp"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace clvm::test {
namespace {

struct Result {
  std::optional<ErrorKind> error;
  Cost cost = 0;
  NodePtr node;
};

template <class F>
Result outcome(F&& f) {
  Result out;
  out.error = kind_of<EvalError>([&] {
    const Reduction r = f();
    out.cost = r.cost;
    out.node = r.node;
  });
  return out;
}

// A heap atom holding the canonical bytes of `v` (concat copies them to the heap).
NodePtr heap_copy(Allocator& a, std::uint32_t v) {
  const NodePtr small = a.new_small_number(v);
  const std::array<NodePtr, 2> parts{small, Allocator::nil()};
  const NodePtr n = a.new_concat(a.atom_len(small), parts);
  EXPECT_EQ(n.object_type(), ObjectType::Bytes);
  return n;
}

// The general loop of opcode `op` (one of the five small binary forms) on `list`.
Reduction general_loop(Allocator& a, std::uint32_t op, NodePtr list, Cost max_cost, Flags flags) {
  if (op == ops::small::kOpAdd || op == ops::small::kOpSubtract)
    return ops::small::general_sum(a, list, max_cost, flags, op == ops::small::kOpSubtract);
  return ops::small::general_logic(a, list, max_cost, flags, op);
}

constexpr std::array<std::uint32_t, 5> kBinaryOps{ops::small::kOpAdd, ops::small::kOpSubtract,
                                                  ops::small::kOpLogand, ops::small::kOpLogior,
                                                  ops::small::kOpLogxor};

TEST(EvalFastPaths, InlinePathsMatchTheByteDecoding) {
  Allocator a;
  // A complete binary tree of depth 12 over distinct leaves, plus atoms to run into.
  std::vector<NodePtr> level;
  for (std::uint32_t i = 0; i < 4096; ++i) level.push_back(a.new_small_number(i + 1000));
  while (level.size() > 1) {
    std::vector<NodePtr> up;
    for (std::size_t i = 0; i < level.size(); i += 2)
      up.push_back(a.new_pair(level[i], level[i + 1]));
    level = up;
  }
  const NodePtr env = level[0];
  std::vector<std::uint32_t> paths;
  for (std::uint32_t v = 0; v < 70000; ++v) paths.push_back(v);
  for (std::uint32_t v : {0x7fffffu, 0x800000u, 0xffffffu, 0x1000000u, 0x3ffffffu})
    paths.push_back(v);
  for (std::uint32_t v : paths) {
    const Result fast = outcome([&] { return eval::traverse_small_path(a, v, env); });
    const NodePtr heap = heap_copy(a, v);
    const Result slow = outcome([&] { return eval::traverse_path(a, heap, env); });
    ASSERT_EQ(fast.error, slow.error) << v;
    ASSERT_EQ(fast.cost, slow.cost) << v;
    ASSERT_EQ(fast.node, slow.node) << v;
  }
}

// (op (q . a1) (q . a2) ...) under run_program against ChiaDialect::op on (a1 a2 ...).
void expect_same(Allocator& a, std::uint32_t opcode, const std::vector<NodePtr>& args,
                 Flags flags) {
  const ChiaDialect d(flags);
  NodePtr list = Allocator::nil(), call = Allocator::nil();
  for (auto it = args.rbegin(); it != args.rend(); ++it) {
    list = a.new_pair(*it, list);
    call = a.new_pair(a.new_pair(Allocator::one(), *it), call);
  }
  const NodePtr op = a.new_small_number(opcode);
  const NodePtr program = a.new_pair(op, call);
  const Result general = outcome([&] { return d.op(a, op, list, 1'000'000); });
  const Result fast = outcome([&] { return run_program(a, d, program, Allocator::nil(), 0); });
  ASSERT_EQ(fast.error, general.error) << "op " << opcode << " " << to_text(a, list);
  if (general.error) return;
  EXPECT_EQ(fast.cost, general.cost + kOpCost + kQuoteCost * args.size()) << "op " << opcode;
  EXPECT_TRUE(same_tree(a, fast.node, general.node)) << "op " << opcode << " " << to_text(a, list);
}

TEST(EvalFastPaths, CoreOperatorsMatchTheDialect) {
  Allocator a;
  const std::vector<NodePtr> values{
      Allocator::nil(),
      Allocator::one(),
      a.new_small_number(0x80),
      a.new_small_number(0x3ffffff),
      a.new_small_number(0x7f),
      a.new_small_number(0xff),
      a.new_small_number(0x8000),
      a.new_atom(std::string_view("\x00", 1)),  // a heap atom
      a.new_atom("hello"),
      heap_copy(a, 5),  // a heap atom equal to a small one
      a.new_small_number(5),
      a.new_pair(Allocator::one(), Allocator::nil()),
      a.new_pair(a.new_atom("x"), a.new_small_number(7)),
  };
  for (Flags flags : {Flags{0}, Flags{NEW_COST_MODEL}, Flags{ENABLE_GC}}) {
    for (std::uint32_t opcode : {3u, 4u, 5u, 6u, 7u, 9u, 32u, 16u, 17u, 24u, 25u, 26u}) {
      expect_same(a, opcode, {}, flags);
      for (NodePtr x : values) {
        expect_same(a, opcode, {x}, flags);
        for (NodePtr y : values) {
          expect_same(a, opcode, {x, y}, flags);
          expect_same(a, opcode, {x, y, values[1]}, flags);
          expect_same(a, opcode, {x, y, values[1], y}, flags);
        }
      }
    }
  }
}

// The two-inline-atom arithmetic path fails on cost exactly where the general code does, and
// allocates exactly what it does: at every budget around the operator's cost (before and after
// its result's malloc cost), run_program's outcome and arena atom count equal those of the
// operator's general loop given what is left after the operator and quote steps, then the
// evaluator loop's check.
TEST(EvalFastPaths, SmallArithmeticCostLimitIsExact) {
  const Cost steps = kOpCost + 2 * kQuoteCost;
  for (std::uint32_t opcode : kBinaryOps) {
    for (std::uint32_t x : {0u, 1u, 0x80u, 0x3ffffffu}) {
      Allocator a;
      const NodePtr vx = a.new_small_number(x), vy = a.new_small_number(0x3fffffe);
      const NodePtr qx = a.new_pair(Allocator::one(), vx);
      const NodePtr qy = a.new_pair(Allocator::one(), vy);
      const NodePtr op = a.new_small_number(opcode);
      const NodePtr program = a.new_pair(op, a.new_pair(qx, a.new_pair(qy, Allocator::nil())));
      const NodePtr list = a.new_pair(vx, a.new_pair(vy, Allocator::nil()));
      const ChiaDialect d(0);
      const Checkpoint cp = a.checkpoint();
      const Cost full = run_program(a, d, program, Allocator::nil(), 0).cost;
      a.restore_checkpoint(cp);
      const Cost op_cost = outcome([&] { return general_loop(a, opcode, list, ~Cost{0}, 0); }).cost;
      a.restore_checkpoint(cp);
      EXPECT_EQ(full, steps + op_cost) << "op " << opcode;
      for (Cost budget = full - 60; budget <= full + 1; ++budget) {
        const std::size_t atoms = a.atom_count();
        const Result fast =
            outcome([&] { return run_program(a, d, program, Allocator::nil(), budget); });
        const std::size_t fast_atoms = a.atom_count() - atoms;
        a.restore_checkpoint(cp);
        Result general = outcome([&] { return general_loop(a, opcode, list, budget - steps, 0); });
        if (!general.error && general.cost + steps > budget)
          general.error = ErrorKind::CostExceeded;
        const std::size_t general_atoms = a.atom_count() - atoms + 1;  // + max_cost's ghost
        a.restore_checkpoint(cp);
        ASSERT_EQ(fast.error, general.error)
            << "op " << opcode << " x " << x << " budget " << budget;
        EXPECT_EQ(fast_atoms, general_atoms)
            << "op " << opcode << " x " << x << " budget " << budget;
        if (!fast.error) {
          EXPECT_EQ(fast.cost, full);
        }
      }
    }
  }
}

// try_binary against the general loops on lists of two or three of these values (inline
// boundary numbers, heap atoms, a pair), ended by nil or another atom: where it answers, the same
// result, cost, error and allocation at budget 0 and at every budget around the cost; it
// declines (nullopt) for every shape it does not own, and for the new cost model.
TEST(EvalFastPaths, SmallBinaryFormsMatchTheGeneralLoops) {
  Allocator a;
  std::vector<NodePtr> values{Allocator::nil(), Allocator::one(),
                              a.new_atom(std::string_view("\x00", 1)), heap_copy(a, 5),
                              a.new_pair(Allocator::one(), Allocator::nil())};
  for (std::uint32_t v : {2u, 0x7fu, 0x80u, 0xffu, 0x100u, 0x7fffu, 0x8000u, 0xffffu, 0x7fffffu,
                          0x800000u, 0x3fffffeu, 0x3ffffffu})
    values.push_back(a.new_small_number(v));
  int answered = 0, declined = 0;
  for (Flags flags : {Flags{0}, Flags{ENABLE_GC}, Flags{NEW_COST_MODEL}}) {
    for (std::uint32_t op : kBinaryOps) {
      for (NodePtr x : values) {
        for (NodePtr y : values) {
          for (NodePtr tail : {Allocator::nil(), Allocator::one(),
                               a.new_pair(Allocator::one(), Allocator::nil())}) {
            const NodePtr list = a.new_pair(x, a.new_pair(y, tail));
            const Checkpoint cp = a.checkpoint();
            const Result full = outcome([&] { return general_loop(a, op, list, ~Cost{0}, flags); });
            a.restore_checkpoint(cp);
            const auto small = ops::small::try_binary(a, op, list, ~Cost{0}, flags);
            a.restore_checkpoint(cp);
            // Two arguments whatever atom ends the list (clvmr counts the pairs only).
            const bool owned = (flags & NEW_COST_MODEL) == 0 && !tail.is_pair() &&
                               x.object_type() == ObjectType::SmallAtom &&
                               y.object_type() == ObjectType::SmallAtom;
            ASSERT_EQ(small.has_value(), owned) << "op " << op << " " << to_text(a, list);
            if (!owned) {
              ++declined;
              continue;
            }
            ++answered;
            ASSERT_FALSE(full.error) << "op " << op << " " << to_text(a, list);
            // Budget 0, then every budget from below the cost before the result's malloc cost
            // (at most 5 bytes × 10) to past the total.
            const Cost low = full.cost > 64 ? full.cost - 64 : 0;
            for (Cost budget = 0; budget <= full.cost + 1;
                 budget = budget < low ? low : budget + 1) {
              const Result fast = outcome([&] {
                const auto r = ops::small::try_binary(a, op, list, budget, flags);
                if (!r) throw std::logic_error("declined");
                return *r;
              });
              const std::size_t fast_atoms = a.atom_count();
              const std::string fast_text = fast.error ? "" : to_text(a, fast.node);
              a.restore_checkpoint(cp);
              const Result slow = outcome([&] { return general_loop(a, op, list, budget, flags); });
              const std::size_t slow_atoms = a.atom_count();
              ASSERT_EQ(fast.error, slow.error) << "op " << op << " budget " << budget;
              EXPECT_EQ(fast_atoms, slow_atoms) << "op " << op << " budget " << budget;
              if (!fast.error) {
                EXPECT_EQ(fast.cost, full.cost);
                EXPECT_EQ(slow.cost, full.cost);
                EXPECT_EQ(fast_text, to_text(a, slow.node)) << "op " << op;
              }
              a.restore_checkpoint(cp);
            }
          }
        }
      }
    }
  }
  // Two legacy flag sets, five opcodes, 14 × 14 inline atoms (nil, 1 and 12 numbers), two tails.
  EXPECT_EQ(answered, 2 * 5 * 14 * 14 * 2);
  EXPECT_GT(declined, answered);
}

TEST(EvalFastPaths, HeapAtomOperatorsTakeTheGeneralPath) {
  // `(X (q . 1) (q . 2))` where X is a heap atom spelling 4 (c) is still cons.
  Allocator a;
  const NodePtr op = heap_copy(a, 4);
  const NodePtr q1 = a.new_pair(Allocator::one(), Allocator::one());
  const NodePtr q2 = a.new_pair(Allocator::one(), a.new_small_number(2));
  const NodePtr program = a.new_pair(op, a.new_pair(q1, a.new_pair(q2, Allocator::nil())));
  const Reduction r = run_program(a, ChiaDialect(0), program, Allocator::nil(), 0);
  EXPECT_EQ(r.cost, 91u);
  EXPECT_EQ(to_text(a, r.node), to_text(a, a.new_pair(Allocator::one(), a.new_small_number(2))));
}

}  // namespace
}  // namespace clvm::test
