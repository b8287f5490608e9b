// SPDX-License-Identifier: Apache-2.0
// clvmr's evaluation loop (src/run_program.rs): the same steps, stacks, costs, checks and
// allocations in the same order. Fast paths do exactly what the general code does for the common
// cases (inline paths, q, and the core operators on well-formed arguments); anything unusual goes
// to the general code, which throws the exact error.
#include <clvm/detail/arena_internals.hpp>
#include <clvm/run_program.hpp>

#include "eval/op_table.hpp"
#include "eval/softfork.hpp"
#include "eval/stack.hpp"
#include "eval/traverse_path.hpp"
#include "ops/op_utils.hpp"
#include "ops/small_int_ops.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace clvm {

namespace {

// Deferred work on the operation stack (clvmr's Operation).
enum class Step : std::uint8_t {
  Done,              // the bottom of the stack: evaluation is over
  Apply,             // pop the argument list and operator (and the env), apply
  ApplyUnevaluated,  // Apply for ((X) . args): the list is the program's, not the evaluator's
  Cons,              // pop a value and a list, push (value . list)
  SwapEval,          // pop the list built so far and the next argument program; evaluate it
  ExitGuard,         // leave a softfork guard: check its cost, restore the arena, push nil
  Collect,           // ENABLE_GC: rewind the arena to the operator's mark, keeping its result
  Observe,           // with an observer: the operator call evaluated last has its value on top
};

// The opcodes clvmr collects garbage around under ENABLE_GC (ChiaDialect::gc_candidate), from
// the operator table.
constexpr std::uint64_t kGcOpcodes = eval::kGcOpcodes;

// The stacks' first entries live in the evaluator itself (on the caller's stack; about 3 KiB in
// all), so a shallow run allocates nothing; deeper ones grow by doubling up to their limits.
constexpr std::size_t kInlineStack = 256;
constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max() / 64;

// State saved on entering a softfork guard.
struct Guard {
  Cost expected_cost;  // the total cost the evaluation must have on exit (and may not pass)
  Checkpoint arena;    // restored on exit: nothing the guarded program made can escape
  OperatorSet set;
  bool exact;  // whether leaving with a cost other than expected_cost is an error
};

[[noreturn, gnu::noinline]] void throw_cost_exceeded() { throw EvalError(ErrorKind::CostExceeded); }

// Whether the evaluator's stacks are advised as huge pages (RunOptions::huge_pages).
bool huge_stacks(const RunOptions* options) noexcept {
  return options != nullptr && options->huge_pages == mem::HugePages::Advise;
}
StackCache* stack_cache(const RunOptions* options) noexcept {
  return options != nullptr ? options->stack_cache : nullptr;
}

// kObserve: the instantiation that calls an EvalObserver (obs_); without it every hook compiles
// away and the loop is exactly the unobserved one.
template <bool kObserve>
class Evaluator {
 public:
  Evaluator(Allocator& a, const ChiaDialect& d, const RunOptions* options)
      : a_(a),
        d_(d),
        obs_(kObserve ? options->observer : nullptr),
        flags_(d.flags()),
        gc_((d.flags() & ENABLE_GC) != 0),
        vals_(kStackSizeLimit, huge_stacks(options), stack_cache(options), 0),
        envs_(kStackSizeLimit, huge_stacks(options), stack_cache(options), 1),
        steps_(kUnbounded, huge_stacks(options), stack_cache(options), 2),
        gc_points_(kUnbounded, huge_stacks(options), stack_cache(options), 3) {
    if (options != nullptr && (options->deadline || options->cancel != nullptr)) {
      options_ = options;
      next_poll_ = kDeadlineCheckCost - 1;
    }
  }

  Reduction run(NodePtr program, NodePtr env, Cost max_cost) {
    // clvmr allocated an atom for max_cost; it is still counted.
    detail::arena_internals(a_).add_ghost_atoms(1);
    limit_ = max_cost == 0 ? std::numeric_limits<Cost>::max() : max_cost;
    effective_ = limit_;
    update_trip();
    push_step(Step::Done);
    Cost cost = eval_pair(program, env);
    for (;;) {
      // Inside a guard the guard's expected cost is the limit (effective_), so a wrong one fails
      // early. trip_ is effective_, or lower when a deadline or cancel flag is due for a look.
      if (cost > trip_) [[unlikely]]
        on_trip(cost);
    // Steps that change neither the cost nor trip_ (Cons, Collect, Observe) come back here: the
    // check above, made before them, would pass again (on_trip leaves cost <= trip_).
    next_step:
      switch (steps_.pop()) {
        case Step::Done:
          if (vals_.empty()) throw_stack_empty();
          return {cost, vals_.pop()};
        case Step::Apply:
          if constexpr (kObserve)
            cost += observed_apply(cost);
          else
            cost += apply<true>(cost);
          break;
        case Step::ApplyUnevaluated:
          cost += apply_unevaluated(cost);
          break;
        case Step::Cons:
          cons();
          goto next_step;
        case Step::SwapEval:
          cost = swap_eval(cost);
          break;
        case Step::ExitGuard:
          exit_guard(cost);
          break;
        case Step::Collect:
          collect();
          goto next_step;
        case Step::Observe:
          if constexpr (kObserve) obs_->on_value(vals_.back());
          goto next_step;
        default:
          __builtin_unreachable();
      }
    }
  }

 private:
  void push(NodePtr n) {
    if (!vals_.push(n)) [[unlikely]]
      throw EvalError(ErrorKind::ValueStackLimitReached, {}, n);
  }
  // After popping at least one value (and pushing none since): the capacity has room, so
  // neither the limit nor growth needs checking.
  void push_after_pop(NodePtr n) { vals_.push_unchecked(n); }
  void push_env(NodePtr n) {
    if (!envs_.push(n)) [[unlikely]]
      throw EvalError(ErrorKind::EnvironmentStackLimitReached, {}, n);
  }
  void push_step(Step s) { (void)steps_.push(s); }
  // The cost passed trip_: either the budget (effective_) or the next poll of the options.
  [[gnu::noinline]] void on_trip(Cost cost) {
    if (cost > effective_) throw_cost_exceeded();
    if (options_->cancel != nullptr && options_->cancel->load(std::memory_order_relaxed))
      throw EvalError(ErrorKind::Cancelled);
    if (options_->deadline && std::chrono::steady_clock::now() >= *options_->deadline)
      throw EvalError(ErrorKind::Timeout);
    next_poll_ = (cost / kDeadlineCheckCost + 1) * kDeadlineCheckCost - 1;
    update_trip();
  }
  void update_trip() noexcept { trip_ = effective_ < next_poll_ ? effective_ : next_poll_; }

  [[noreturn]] static void throw_stack_empty() {
    throw EvalError(ErrorKind::InternalError, "runtime error: value stack empty", std::nullopt,
                    "Internal Error: value stack empty");
  }

  // Whether atom `op` spells keyword `kw` (clvmr compares small_number(): a heap atom with the
  // canonical bytes counts too).
  bool is_kw(NodePtr op, std::uint32_t kw) const noexcept {
    if (op.object_type() == ObjectType::SmallAtom) return op.index() == kw;
    return a_.small_number(op) == kw;
  }

  Reduction traverse(NodePtr path, NodePtr env) const {
    if (path.object_type() == ObjectType::SmallAtom)
      return eval::traverse_small_path(a_, path.index(), env);
    return eval::traverse_path(a_, path, env);
  }

  // Schedules the evaluation of `program` in `env`; returns the cost of this step.
  [[gnu::always_inline]] Cost eval_pair(NodePtr program, NodePtr env) {
    if constexpr (kObserve) obs_->on_eval(program, env);
    if (program.is_atom()) {
      const Reduction r = traverse(program, env);
      push(r.node);
      if constexpr (kObserve) obs_->on_value(r.node);
      return r.cost;
    }
    const Pair p = a_.pair(program);
    const NodePtr op = p.first;
    if constexpr (kObserve)
      if (op.is_pair() || !is_kw(op, ChiaDialect::kQuoteKw)) push_step(Step::Observe);
    if (op.is_pair()) [[unlikely]]
      return eval_inner_operator(program, op, p.rest, env);
    if (is_kw(op, ChiaDialect::kQuoteKw)) {
      push(p.rest);
      if constexpr (kObserve) obs_->on_value(p.rest);
      return kQuoteCost;
    }
    // Before the arguments are evaluated: their garbage is collected too. Runs after the
    // operator (and, for apply, the whole applied program) has pushed its result. When the next
    // step is already a Collect (this is the program an apply runs), that one runs right after
    // this one on the same value with an older mark, so a second is not pushed: a chain of applies
    // holds one mark, not one per link.
    if (gc_ && gc_candidate(op) && steps_.back() != Step::Collect) {
      (void)gc_points_.push(detail::arena_internals(a_).table_mark());
      push_step(Step::Collect);
    }
    push_env(env);
    push_step(Step::Apply);
    push(op);
    // Each argument gets a SwapEval; the last one pushed runs first (right to left).
    NodePtr rest = p.rest;
    while (rest.is_pair()) {
      const Pair arg = a_.pair(rest);
      push_step(Step::SwapEval);
      push(arg.first);
      rest = arg.rest;
    }
    if (a_.atom_len(rest) != 0)
      throw EvalError(ErrorKind::InvalidNilTerminator, "bad operand list", p.rest);
    push(Allocator::nil());
    return kOpCost;
  }

  // ((X) . args): X (a lone atom) is applied to the unevaluated args.
  Cost eval_inner_operator(NodePtr program, NodePtr op, NodePtr operands, NodePtr env) {
    const auto [inner] = ops::get_args<1>(a_, op, "in the ((X)...) syntax, the inner list");
    if (inner.is_pair()) ops::throw_op_arg(program, "in ((X)...) syntax X must be lone atom");
    push_env(env);
    push(inner);
    push(operands);
    push_step(Step::ApplyUnevaluated);
    return kApplyCost;
  }

  // clvmr matches the NodePtr itself: only inline atoms are candidates (a heap atom spelling 2, as
  // concat can make, is not). Collection never changes costs or counts, only what is stored.
  static bool gc_candidate(NodePtr op) noexcept {
    return op.object_type() == ObjectType::SmallAtom && op.index() < 64 &&
           ((kGcOpcodes >> op.index()) & 1) != 0;
  }

  // The top value is the operator's result: everything made since the mark other than it is
  // garbage (values below it and the environments are older than the mark).
  void collect() {
    const detail::TableMark mark = gc_points_.pop();
    if (vals_.empty()) throw_stack_empty();
    if (const auto kept = detail::arena_internals(a_).maybe_restore_with_node(mark, vals_.back()))
      vals_.back() = *kept;
  }

  // SwapEval, with the following Cons done here when the argument is a path or a quote (the
  // cost check the loop would make between the two steps is made here).
  Cost swap_eval(Cost cost) {
    const NodePtr list = vals_.back();
    const NodePtr program = vals_.below_top(1);
    NodePtr value;
    if (program.is_atom()) {
      if constexpr (kObserve) obs_->on_eval(program, envs_.back());
      const Reduction r = traverse(program, envs_.back());
      cost += r.cost;
      value = r.node;
    } else {
      const Pair p = a_.pair(program);
      if (p.first.is_pair() || !is_kw(p.first, ChiaDialect::kQuoteKw)) {
        vals_.replace_top2(list);
        push_step(Step::Cons);
        return cost + eval_pair(program, envs_.back());
      }
      if constexpr (kObserve) obs_->on_eval(program, envs_.back());
      cost += kQuoteCost;
      value = p.rest;
    }
    if constexpr (kObserve) obs_->on_value(value);
    if (cost > effective_) [[unlikely]]
      throw_cost_exceeded();
    vals_.replace_top2(a_.new_pair(value, list));
    return cost;
  }

  void cons() {
    const NodePtr value = vals_.back();
    const NodePtr list = vals_.below_top(1);
    vals_.replace_top2(a_.new_pair(value, list));
  }

  bool new_cost_model() const noexcept { return (flags_ & NEW_COST_MODEL) != 0; }

  // The argument list was built by this evaluator's Cons steps and only the operator reads it, so
  // once the operator has what it needs, its pairs that are the newest stored are given back
  // (Allocator counts them as ghosts: counts, limits and costs are unchanged). A deep recursion
  // keeps only the pairs that are still referenced: loop_add's 17 stored pairs per level become 3.
  // No operator returns its argument list or a tail of it, and argument values are never list
  // pairs, so nothing given back is referenced. The table's operators are checked anyway (their
  // result is passed as `keep`); the core operators below return one of their argument values or
  // a part of one.
  template <bool kRelease>
  void release_args(NodePtr operands, NodePtr keep = Allocator::nil()) noexcept {
    if constexpr (kRelease) (void)detail::arena_internals(a_).release_list_head(operands, keep);
  }
  // A core operator's result (an argument value, a part of one, or an atom).
  template <bool kRelease>
  Cost finish_core(NodePtr operands, Reduction r) {
    release_args<kRelease>(operands);
    push_after_pop(r.node);
    return r.cost;
  }
  // Any other operator's result.
  template <bool kRelease>
  Cost finish(NodePtr operands, Reduction r) {
    release_args<kRelease>(operands, r.node);
    push_after_pop(r.node);
    return r.cost;
  }

  // ((X) . args): the operands are the program's own nodes, never released.
  [[gnu::noinline]] Cost apply_unevaluated(Cost cost) {
    if constexpr (kObserve)
      return observed_apply(cost);
    else
      return apply<false>(cost);
  }

  // Applies an inline opcode; the core operators are done here when their arguments are
  // well-formed, everything else as the table or the dialect says. kRelease: the operands are an
  // argument list this evaluator built (release_args), and no observer can hold them.
  template <bool kRelease>
  Cost apply(Cost cost) {
    const NodePtr operands = vals_.pop();
    const NodePtr op = vals_.pop();
    if (op.is_pair())
      throw EvalError(ErrorKind::InternalError, "(internal error) apply", op,
                      "Internal Error: apply of a pair");
    envs_.pop();
    if (op.object_type() != ObjectType::SmallAtom || op.index() >= eval::kOpTableSize)
      return apply_general<kRelease>(op, operands, cost);
    // The core operators' try forms (ops/core_ops.hpp, ops/small_int_ops.hpp), as the operator
    // functions call them; when one declines, the table's function throws the exact error.
    switch (op.index()) {
      case ChiaDialect::kApplyKw:
        return apply_program<kRelease>(operands);
      case ChiaDialect::kSoftforkKw:
        return softfork(operands, cost, effective_ - cost);
      case 3:  // i
        if (const auto r = ops::try_if(a_, operands, flags_))
          return finish_core<kRelease>(operands, *r);
        break;
      case 4:  // c: the arguments are given back before the new pair takes the first slot
        if constexpr (kRelease) {
          NodePtr x[2];
          if (ops::exact_args<2>(a_, operands, x)) {
            push_after_pop(
                detail::arena_internals(a_).release_list_head_and_cons(operands, x[0], x[1]));
            return ops::kConsCost;
          }
        } else if (const auto r = ops::try_cons(a_, operands)) {
          return finish_core<kRelease>(operands, *r);
        }
        break;
      case 5:  // f
        if (const auto r = ops::try_first(a_, operands)) {
          return finish_core<kRelease>(operands, *r);
        }
        break;
      case 6:  // r
        if (const auto r = ops::try_rest(a_, operands)) {
          return finish_core<kRelease>(operands, *r);
        }
        break;
      case 7:  // l
        if (const auto r = ops::try_listp(a_, operands, flags_)) {
          return finish_core<kRelease>(operands, *r);
        }
        break;
      case 9:  // = on two inline atoms
        if (const auto r = ops::try_eq_small(a_, operands)) {
          return finish_core<kRelease>(operands, *r);
        }
        break;
      case ops::small::kOpAdd:  // + - logand logior logxor on two inline atoms, legacy costs
      case ops::small::kOpSubtract:
      case ops::small::kOpLogand:
      case ops::small::kOpLogior:
      case ops::small::kOpLogxor:
        if (const auto r =
                ops::small::try_binary(a_, op.index(), operands, effective_ - cost, flags_)) {
          return finish_core<kRelease>(operands, *r);
        }
        break;
      case 32:  // not
        if (const auto r = ops::try_not(a_, operands)) {
          return finish_core<kRelease>(operands, *r);
        }
        break;
      default:
        break;
    }
    const eval::OpEntry e = eval::kOpTable[op.index()];
    if (e.fn == nullptr || e.gate != eval::Gate::None)
      return apply_general<kRelease>(op, operands, cost);
    return finish<kRelease>(operands, e.fn(a_, operands, effective_ - cost, flags_));
  }

  // apply() with the observer told before and after (operands on top of the value stack, the
  // operator below them).
  Cost observed_apply(Cost cost) {
    const NodePtr operands = vals_.back();
    const NodePtr op = vals_.below_top(1);
    obs_->on_apply(op, operands, cost);
    const Cost c = apply<false>(cost);
    const auto kw = op.is_atom() ? a_.small_number(op) : std::nullopt;
    if (kw != ChiaDialect::kApplyKw && kw != ChiaDialect::kSoftforkKw)
      obs_->on_applied(vals_.back(), c);
    return c;
  }

  template <bool kRelease>
  Cost apply_general(NodePtr op, NodePtr operands, Cost cost) {
    const auto kw = a_.small_number(op);
    if (kw == ChiaDialect::kApplyKw) return apply_program<kRelease>(operands);
    if (kw == ChiaDialect::kSoftforkKw) return softfork(operands, cost, effective_ - cost);
    const OperatorSet set = guards_.empty() ? OperatorSet::Default : guards_.back().set;
    return finish<kRelease>(operands, d_.op(a_, op, operands, effective_ - cost, set));
  }

  template <bool kRelease>
  Cost apply_program(NodePtr operands) {
    NodePtr x[2];
    if (!ops::exact_args<2>(a_, operands, x)) {
      const auto args = ops::get_args<2>(a_, operands, "apply");  // throws
      x[0] = args[0];
      x[1] = args[1];
    }
    release_args<kRelease>(operands);
    return eval_pair(x[0], x[1]) + kApplyCost;
  }

  Cost softfork(NodePtr operands, Cost cost, Cost budget) {
    const Cost specified = eval::softfork_cost(a_, d_, operands, budget);
    const auto call = eval::softfork_call(a_, d_, operands);
    if (!call) {
      push_after_pop(Allocator::nil());
      return specified;
    }
    if ((flags_ & LIMIT_SOFTFORK) != 0 && guards_.size() >= eval::kMaxSoftforkDepth)
      throw EvalError(ErrorKind::SoftforkStackDepthExceeded, {}, operands);
    const bool pre_hard_fork = call->set == OperatorSet::PreHardFork;
    // Under the new cost model extensions 0 and 1 only bound the cost by the enclosing budget.
    const Cost expected = pre_hard_fork ? cost + budget : cost + specified;
    guards_.push_back({expected, a_.checkpoint(), call->set, !pre_hard_fork});
    effective_ = expected;
    update_trip();
    push_step(Step::ExitGuard);
    const Cost guard_cost = new_cost_model() ? kGuardCostNewModel : kGuardCost;
    return eval_pair(call->program, call->env) + guard_cost;
  }

  void exit_guard(Cost cost) {
    const Guard g = guards_.back();
    guards_.pop_back();
    effective_ = guards_.empty() ? limit_ : guards_.back().expected_cost;
    update_trip();
    if (g.exact && cost != g.expected_cost) throw EvalError(ErrorKind::SoftforkCostMismatch);
    a_.restore_checkpoint(g.arena);
    vals_.pop();
    push_after_pop(Allocator::nil());
  }

  Allocator& a_;
  const ChiaDialect& d_;
  EvalObserver* const obs_;
  const Flags flags_;
  const bool gc_;
  Cost limit_ = 0;      // the run's budget
  Cost effective_ = 0;  // limit_, or inside a guard the innermost guard's expected cost
  Cost trip_ = 0;       // min(effective_, next_poll_): the one comparison per step
  Cost next_poll_ = std::numeric_limits<Cost>::max();  // without options: never
  const RunOptions* options_ = nullptr;                // set only when it has something to check
  eval::Stack<NodePtr, kInlineStack> vals_;
  eval::Stack<NodePtr, kInlineStack> envs_;
  eval::Stack<Step, kInlineStack> steps_;
  eval::Stack<detail::TableMark, kInlineStack / 4> gc_points_;  // one per pending Step::Collect
  std::vector<Guard> guards_;
};

}  // namespace

namespace {
// The observed evaluator, out of line so that the unobserved one keeps its single call site.
[[gnu::noinline]] Reduction run_observed(Allocator& a, const ChiaDialect& dialect, NodePtr program,
                                         NodePtr env, Cost max_cost, const RunOptions& options) {
  return Evaluator<true>(a, dialect, &options).run(program, env, max_cost);
}
}  // namespace

// One call site of Evaluator<false>::run, so that it is inlined here as it was before the options.
Reduction run_program(Allocator& a, const ChiaDialect& dialect, NodePtr program, NodePtr env,
                      Cost max_cost, const RunOptions& options) {
  if (options.observer != nullptr) [[unlikely]]
    return run_observed(a, dialect, program, env, max_cost, options);
  return Evaluator<false>(a, dialect, &options).run(program, env, max_cost);
}

Reduction run_program(Allocator& a, const ChiaDialect& dialect, NodePtr program, NodePtr env,
                      Cost max_cost) {
  return run_program(a, dialect, program, env, max_cost, RunOptions{});
}

}  // namespace clvm
