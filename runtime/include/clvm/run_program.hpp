// SPDX-License-Identifier: Apache-2.0
/// \file run_program: evaluates a CLVM program in an environment with clvmr 0.19's exact costs,
/// limits and errors (src/run_program.rs).
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>
#include <clvm/dialect.hpp>
#include <clvm/node_ptr.hpp>
#include <clvm/stack_cache.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>

namespace clvm {

/// Entries allowed on each of the evaluator's value and environment stacks.
inline constexpr std::size_t kStackSizeLimit = 20'000'000;

/// Cost of the evaluation steps themselves (operators add their own).
inline constexpr Cost kQuoteCost = 20;
inline constexpr Cost kApplyCost = 90;
inline constexpr Cost kOpCost = 1;
inline constexpr Cost kGuardCost = 140;
inline constexpr Cost kGuardCostNewModel = 500;

/// How often (in cost units) an evaluation with a deadline or a cancel flag looks at the clock and
/// the flag: clvmr 0.20's run_program_with_timeout interval. A run that costs less than this is
/// never interrupted.
inline constexpr Cost kDeadlineCheckCost = 1'000'000;

/// Watches an evaluation step by step (tracing, debugging, error context). The evaluator calls
/// it only when one is installed in RunOptions; without one the evaluation loop is the same code
/// as before (a separate instantiation), so an absent observer costs nothing.
///
/// Calls come in evaluation order and nest: every on_eval() is matched by exactly one on_value()
/// for the innermost evaluation still open (unless the run throws first). Nodes passed in are
/// valid during the call only: a softfork guard or ENABLE_GC may reclaim them afterwards, so an
/// observer that keeps them for later must copy what it needs (e.g. print them) at once.
/// Observers must not change the arena. An exception thrown by an observer ends the run with it.
class EvalObserver {
 public:
  virtual ~EvalObserver() = default;
  /// `program` starts to be evaluated in `env`: each step clvm_tools' `brun -v` lists, i.e. the
  /// program itself, every argument (paths and quotes included) and the program an `a` applies.
  virtual void on_eval(NodePtr program, NodePtr env) = 0;
  /// The innermost evaluation that has not finished produced `value`.
  virtual void on_value(NodePtr value) = 0;
  /// Operator `op` is about to be applied to its evaluated arguments `args`; `cost` is the total
  /// charged so far.
  virtual void on_apply(NodePtr op, NodePtr args, Cost cost) { (void)op, (void)args, (void)cost; }
  /// The operator of the last on_apply() returned `result` for `op_cost`. Not called for `a` and
  /// `softfork` (36), whose value comes later through on_value().
  virtual void on_applied(NodePtr result, Cost op_cost) { (void)result, (void)op_cost; }
};

/// Options of one evaluation that never change its consensus answer: they can only stop it early
/// with a non-consensus error (is_consensus_error() is false for Timeout and Cancelled). Without
/// any option set, run_program behaves exactly as the five-argument overload.
struct RunOptions {
  /// Wall-clock limit (clvmr 0.20's run_program_with_timeout). Checked when the evaluation's cost
  /// first passes each multiple of kDeadlineCheckCost (between evaluation steps); once the clock is
  /// past it the run throws EvalError(ErrorKind::Timeout). A single operator is never interrupted,
  /// so the overshoot is at most the time of ~kDeadlineCheckCost cost units plus one operator.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  /// Cooperative cancellation, read (relaxed) at the same points as the deadline; when it reads
  /// true the run throws EvalError(ErrorKind::Cancelled). Must outlive the run; may be set from
  /// any thread.
  const std::atomic<bool>* cancel = nullptr;
  /// Called at every step when not null (see EvalObserver); not owned. Observing never changes the
  /// answer, cost or error.
  EvalObserver* observer = nullptr;
  /// Huge-page advice for the evaluator's own stacks: with mem::HugePages::Advise, a stack that
  /// grows past 4 MiB (programs nested hundreds of thousands deep) gets its own mapping advised
  /// as transparent huge pages (madvise(MADV_HUGEPAGE)); with Off (the default) the same mapping
  /// without the advice. Never changes the answer, cost or error.
  mem::HugePages huge_pages = mem::HugePages::Off;
  /// Where the evaluator's deep stacks (past 4 MiB) come from and go back to: with a cache, a run
  /// starts with the mappings the previous runs left there (pages already faulted in) and leaves
  /// its own, up to the cache's retention; without one (null, the default) each run maps and
  /// unmaps its own. Not owned; must outlive the run and serve one run at a time. Never changes
  /// the answer, cost or error.
  StackCache* stack_cache = nullptr;
};

/// Evaluates `program` with environment `env` in arena `a` under `dialect`, iteratively (no native
/// recursion on the program's depth). `max_cost` 0 means unlimited. Returns the total cost and the
/// result node. Throws EvalError with clvmr's message ("cost exceeded", "clvm raise", "path into
/// atom", ...) and the offending node where clvmr has one; arena limits throw as the Allocator
/// does. On a throw the arena keeps what was allocated (callers may restore a checkpoint).
/// Requires: `program` and `env` belong to `a`.
Reduction run_program(Allocator& a, const ChiaDialect& dialect, NodePtr program, NodePtr env,
                      Cost max_cost);

/// As run_program above, with `options` (a deadline, a cancel flag, an observer). The answer, cost
/// and error of a run that is not stopped are exactly those of the five-argument overload. Throws
/// additionally EvalError(ErrorKind::Timeout) / EvalError(ErrorKind::Cancelled), which are not
/// consensus errors.
Reduction run_program(Allocator& a, const ChiaDialect& dialect, NodePtr program, NodePtr env,
                      Cost max_cost, const RunOptions& options);

}  // namespace clvm
