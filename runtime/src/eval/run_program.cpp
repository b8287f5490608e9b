// SPDX-License-Identifier: Apache-2.0
#include <clvm/run_program.hpp>

#include "eval/softfork.hpp"
#include "eval/traverse_path.hpp"
#include "ops/op_utils.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace clvm {

namespace {

// Deferred work on the operation stack (clvmr's Operation).
enum class Step : std::uint8_t {
  Apply,      // pop the argument list and operator (and the env), apply
  Cons,       // pop a value and a list, push (value . list)
  SwapEval,   // pop the list built so far and the next argument program; evaluate it
  ExitGuard,  // leave a softfork guard: check its cost, restore the arena, push nil
  Collect,    // ENABLE_GC: rewind the arena to the operator's checkpoint, keeping its result
};

// The opcodes clvmr collects garbage around under ENABLE_GC (ChiaDialect::gc_candidate): apply,
// listp, =, >s, sha256, strlen, + - * / divmod > ash lsh logand logior logxor lognot point_add
// pubkey_for_exp not any all, coinid, g1_subtract g1_multiply g1_negate map_to_g1,
// pairing_identity verify modpow % keccak256 sha256tree. Not 52-55 (the g2 ops): clvmr omits them.
constexpr std::uint64_t kGcOpcodes = [] {
  std::uint64_t m = 0;
  for (unsigned op : {2,  7,  9,  10, 11, 13, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                      27, 29, 30, 32, 33, 34, 48, 49, 50, 51, 56, 58, 59, 60, 61, 62, 63})
    m |= std::uint64_t{1} << op;
  return m;
}();

// State saved on entering a softfork guard.
struct Guard {
  Cost expected_cost;  // the total cost the evaluation must have on exit (and may not pass)
  Checkpoint arena;    // restored on exit: nothing the guarded program made can escape
  OperatorSet set;
  bool exact;  // whether leaving with a cost other than expected_cost is an error
};

class Evaluator {
 public:
  Evaluator(Allocator& a, const ChiaDialect& d) : a_(a), d_(d) {}

  Reduction run(NodePtr program, NodePtr env, Cost max_cost) {
    // clvmr allocated an atom for max_cost; it is still counted.
    a_.add_ghost_atoms(1);
    const Cost limit = max_cost == 0 ? std::numeric_limits<Cost>::max() : max_cost;
    Cost cost = eval_pair(program, env);
    for (;;) {
      // Inside a guard the guard's expected cost is the limit, so a wrong one fails early.
      const Cost effective = guards_.empty() ? limit : guards_.back().expected_cost;
      if (cost > effective) throw EvalError(ErrorKind::CostExceeded);
      if (steps_.empty()) break;
      const Step step = steps_.back();
      steps_.pop_back();
      switch (step) {
        case Step::Apply:
          cost += apply(cost, effective - cost);
          break;
        case Step::Cons:
          cons();
          break;
        case Step::SwapEval:
          cost += swap_eval();
          break;
        case Step::ExitGuard:
          exit_guard(cost);
          break;
        case Step::Collect:
          collect();
          break;
      }
    }
    return {cost, pop()};
  }

 private:
  void push(NodePtr n) {
    if (vals_.size() == kStackSizeLimit) throw EvalError(ErrorKind::ValueStackLimitReached, {}, n);
    vals_.push_back(n);
  }
  void push_env(NodePtr n) {
    if (envs_.size() == kStackSizeLimit)
      throw EvalError(ErrorKind::EnvironmentStackLimitReached, {}, n);
    envs_.push_back(n);
  }
  NodePtr pop() {
    if (vals_.empty())
      throw EvalError(ErrorKind::InternalError, "runtime error: value stack empty");
    const NodePtr n = vals_.back();
    vals_.pop_back();
    return n;
  }

  // Schedules the evaluation of `program` in `env`; returns the cost of this step.
  Cost eval_pair(NodePtr program, NodePtr env) {
    if (program.is_atom()) {
      const Reduction r = eval::traverse_path(a_, program, env);
      push(r.node);
      return r.cost;
    }
    const auto [op, operands] = a_.pair(program);
    if (op.is_pair()) {
      // ((X) . args): X (a lone atom) is applied to the unevaluated args.
      const auto [inner] = ops::get_args<1>(a_, op, "in the ((X)...) syntax, the inner list");
      if (inner.is_pair())
        throw EvalError(ErrorKind::InvalidOperator, "in ((X)...) syntax X must be lone atom",
                        program);
      push_env(env);
      push(inner);
      push(operands);
      steps_.push_back(Step::Apply);
      return kApplyCost;
    }
    if (a_.small_number(op) == ChiaDialect::kQuoteKw) {
      push(operands);
      return kQuoteCost;
    }
    if (gc_candidate(op)) {
      // Before the arguments are evaluated: their garbage is collected too. Runs after the
      // operator (and, for apply, the whole applied program) has pushed its result.
      gc_points_.push_back(a_.checkpoint());
      steps_.push_back(Step::Collect);
    }
    push_env(env);
    steps_.push_back(Step::Apply);
    push(op);
    // Each argument gets a SwapEval; the last one pushed runs first (right to left).
    NodePtr rest = operands;
    while (rest.is_pair()) {
      const Pair p = a_.pair(rest);
      steps_.push_back(Step::SwapEval);
      push(p.first);
      rest = p.rest;
    }
    if (a_.atom_len(rest) != 0)
      throw EvalError(ErrorKind::InvalidNilTerminator, "bad operand list", operands);
    push(Allocator::nil());
    return kOpCost;
  }

  // clvmr matches the NodePtr itself: only inline atoms are candidates (a heap atom spelling 2, as
  // concat can make, is not). Collection never changes costs or counts, only what is stored.
  bool gc_candidate(NodePtr op) const noexcept {
    return (d_.flags() & ENABLE_GC) != 0 && op.object_type() == ObjectType::SmallAtom &&
           op.index() < 64 && ((kGcOpcodes >> op.index()) & 1) != 0;
  }

  // The top value is the operator's result: everything made since the checkpoint other than it is
  // garbage (values below it and the environments are older than the checkpoint).
  void collect() {
    const Checkpoint cp = gc_points_.back();
    gc_points_.pop_back();
    if (vals_.empty())
      throw EvalError(ErrorKind::InternalError, "runtime error: value stack empty");
    if (const auto kept = a_.maybe_restore_with_node(cp, vals_.back())) vals_.back() = *kept;
  }

  Cost swap_eval() {
    const NodePtr list = pop();
    const NodePtr program = pop();
    push(list);
    steps_.push_back(Step::Cons);
    return eval_pair(program, envs_.back());
  }

  void cons() {
    const NodePtr value = pop();
    const NodePtr list = pop();
    push(a_.new_pair(value, list));
  }

  Cost apply(Cost cost, Cost budget) {
    const NodePtr operands = pop();
    const NodePtr op = pop();
    if (op.is_pair()) throw EvalError(ErrorKind::InternalError, "(internal error) apply", op);
    envs_.pop_back();
    const auto kw = a_.small_number(op);
    if (kw == ChiaDialect::kApplyKw) {
      const auto [program, env] = ops::get_args<2>(a_, operands, "apply");
      return eval_pair(program, env) + kApplyCost;
    }
    if (kw == ChiaDialect::kSoftforkKw) return softfork(operands, cost, budget);
    const OperatorSet set = guards_.empty() ? OperatorSet::Default : guards_.back().set;
    const Reduction r = d_.op(a_, op, operands, budget, set);
    push(r.node);
    return r.cost;
  }

  Cost softfork(NodePtr operands, Cost cost, Cost budget) {
    const Cost specified = eval::softfork_cost(a_, d_, operands, budget);
    const auto call = eval::softfork_call(a_, d_, operands);
    if (!call) {
      push(Allocator::nil());
      return specified;
    }
    if ((d_.flags() & LIMIT_SOFTFORK) != 0 && guards_.size() >= eval::kMaxSoftforkDepth)
      throw EvalError(ErrorKind::SoftforkStackDepthExceeded, {}, operands);
    const bool pre_hard_fork = call->set == OperatorSet::PreHardFork;
    // Under the new cost model extensions 0 and 1 only bound the cost by the enclosing budget.
    const Cost expected = pre_hard_fork ? cost + budget : cost + specified;
    guards_.push_back({expected, a_.checkpoint(), call->set, !pre_hard_fork});
    steps_.push_back(Step::ExitGuard);
    const Cost guard_cost = (d_.flags() & NEW_COST_MODEL) != 0 ? kGuardCostNewModel : kGuardCost;
    return eval_pair(call->program, call->env) + guard_cost;
  }

  void exit_guard(Cost cost) {
    const Guard g = guards_.back();
    guards_.pop_back();
    if (g.exact && cost != g.expected_cost) throw EvalError(ErrorKind::SoftforkCostMismatch);
    a_.restore_checkpoint(g.arena);
    pop();
    push(Allocator::nil());
  }

  Allocator& a_;
  const ChiaDialect& d_;
  std::vector<NodePtr> vals_;
  std::vector<NodePtr> envs_;
  std::vector<Step> steps_;
  std::vector<Guard> guards_;
  std::vector<Checkpoint> gc_points_;  // one per pending Step::Collect, innermost last
};

}  // namespace

Reduction run_program(Allocator& a, const ChiaDialect& dialect, NodePtr program, NodePtr env,
                      Cost max_cost) {
  return Evaluator(a, dialect).run(program, env, max_cost);
}

}  // namespace clvm
