// SPDX-License-Identifier: Apache-2.0
// EvalObserver / run_program(..., RunOptions): an observed run gives the same result, cost and
// error as an unobserved one, and the calls nest as documented.
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval_support.hpp"

namespace {

using clvm::Cost;
using clvm::NodePtr;

clvm::RunOptions observed_by(clvm::EvalObserver* o) {
  clvm::RunOptions options;
  options.observer = o;
  return options;
}

// Records every call; checks on_value always has an open step.
class Recorder final : public clvm::EvalObserver {
 public:
  explicit Recorder(const clvm::Allocator& a) : a_(a) {}
  void on_eval(NodePtr program, NodePtr env) override {
    ++open;
    ++evals;
    if (log.size() < 100)
      log.push_back("eval " + clvm::disassemble(a_, program) + " [" + clvm::disassemble(a_, env) +
                    "]");
  }
  void on_value(NodePtr value) override {
    if (open == 0) unbalanced = true;
    --open;
    if (log.size() < 100) log.push_back("value " + clvm::disassemble(a_, value));
  }
  void on_apply(NodePtr op, NodePtr args, Cost cost) override {
    ++applies;
    if (log.size() < 100)
      log.push_back("apply " + clvm::disassemble(a_, op) + " " + clvm::disassemble(a_, args) +
                    " at " + std::to_string(cost));
  }
  void on_applied(NodePtr result, Cost op_cost) override {
    if (log.size() < 100)
      log.push_back("applied " + clvm::disassemble(a_, result) + " cost " +
                    std::to_string(op_cost));
  }
  long open = 0, evals = 0, applies = 0;
  bool unbalanced = false;
  std::vector<std::string> log;

 private:
  const clvm::Allocator& a_;
};

TEST(Observer, CallsInEvaluationOrder) {
  clvm::Allocator a;
  const NodePtr program = clvm::assemble(a, "(+ 2 (q . 5))");
  const NodePtr env = clvm::assemble(a, "(10)");
  Recorder r(a);
  const auto out = clvm::run_program(a, clvm::ChiaDialect(0), program, env, 0, observed_by(&r));
  EXPECT_EQ(clvm::disassemble(a, out.node), "15");
  EXPECT_EQ(r.log,
            (std::vector<std::string>{"eval (+ 2 (q . 5)) [(>s)]", "eval (q . 5) [(>s)]", "value 5",
                                      "eval 2 [(>s)]", "value 10", "apply 16 (>s 5) at 69",
                                      "applied 15 cost 755", "value 15"}));
  EXPECT_EQ(r.open, 0);
}

TEST(Observer, SameOutcomeOnEveryBenchProgram) {
  const std::string dir = std::string(CLVMPP_TEST_DATA_DIR) + "/bench/";
  for (const char* name : {"factorial", "count-even", "hash-tree", "substr", "hash-string"}) {
    const auto program =
        clvm::test::decode_hex(clvm::test::read_file(dir + "programs/" + name + ".hex"));
    const auto env =
        clvm::test::decode_hex(clvm::test::read_file(dir + "env/" + name + ".env.hex"));
    clvm::Allocator a1, a2;
    const auto plain =
        clvm::run_program(a1, clvm::ChiaDialect(0), clvm::node_from_bytes(a1, program),
                          clvm::node_from_bytes(a1, env), 0);
    const NodePtr p2 = clvm::node_from_bytes(a2, program), e2 = clvm::node_from_bytes(a2, env);
    Recorder r(a2);
    const auto observed = clvm::run_program(a2, clvm::ChiaDialect(0), p2, e2, 0, observed_by(&r));
    EXPECT_EQ(plain.cost, observed.cost) << name;
    EXPECT_EQ(clvm::node_to_bytes(a1, plain.node), clvm::node_to_bytes(a2, observed.node)) << name;
    EXPECT_EQ(a1.atom_count(), a2.atom_count()) << name;
    EXPECT_EQ(a1.pair_count(), a2.pair_count()) << name;
    EXPECT_EQ(r.open, 0) << name;
    EXPECT_FALSE(r.unbalanced) << name;
    EXPECT_GT(r.applies, 0) << name;
    // A null observer is the plain run.
    clvm::Allocator a3;
    const auto none =
        clvm::run_program(a3, clvm::ChiaDialect(0), clvm::node_from_bytes(a3, program),
                          clvm::node_from_bytes(a3, env), 0, clvm::RunOptions{});
    EXPECT_EQ(plain.cost, none.cost) << name;
  }
}

TEST(Observer, SameErrorsAndOpenStepsOnFailure) {
  for (const char* text : {"(+ (q . 1) (f (q . 5)))", "(x (q . 7))", "(a (q . (+ 2 2)) (q . 3))"}) {
    clvm::Allocator a1, a2;
    std::string plain, observed;
    try {
      clvm::run_program(a1, clvm::ChiaDialect(0), clvm::assemble(a1, text), NodePtr::NIL, 0);
    } catch (const clvm::EvalError& e) {
      plain = e.what();
    }
    Recorder r(a2);
    try {
      clvm::run_program(a2, clvm::ChiaDialect(0), clvm::assemble(a2, text), NodePtr::NIL, 0,
                        observed_by(&r));
    } catch (const clvm::EvalError& e) {
      observed = e.what();
    }
    EXPECT_FALSE(plain.empty()) << text;
    EXPECT_EQ(plain, observed) << text;
    EXPECT_GT(r.open, 0) << text;  // the failed steps never got a value
  }
}

TEST(Observer, CostLimitIsTheSame) {
  for (Cost limit : {Cost{795}, Cost{796}}) {
    clvm::Allocator a1, a2;
    const std::string hex_text = "(+ (q . 1) (q . 2))";
    bool failed1 = false, failed2 = false;
    try {
      clvm::run_program(a1, clvm::ChiaDialect(0), clvm::assemble(a1, hex_text), NodePtr::NIL,
                        limit);
    } catch (const clvm::EvalError& e) {
      failed1 = e.kind() == clvm::ErrorKind::CostExceeded;
    }
    Recorder r(a2);
    try {
      clvm::run_program(a2, clvm::ChiaDialect(0), clvm::assemble(a2, hex_text), NodePtr::NIL, limit,
                        observed_by(&r));
    } catch (const clvm::EvalError& e) {
      failed2 = e.kind() == clvm::ErrorKind::CostExceeded;
    }
    EXPECT_EQ(failed1, limit == 795);
    EXPECT_EQ(failed1, failed2);
  }
}

}  // namespace
