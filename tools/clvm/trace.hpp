// SPDX-License-Identifier: Apache-2.0
/// \file Observers of an evaluation for the `clvm` tool (see clvm::EvalObserver): the step trace of
/// `run --trace` / `brun -v` in clvm_tools' format, the operator trace of `--trace ops`, and the
/// context printed with an evaluation failure.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/text.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace clvm::tool {

/// How trace lines print nodes.
struct TraceStyle {
  KeywordSet keywords = KeywordSet::Classic;
  std::size_t node_chars = kDefaultTextChars;  // per node, then `… (N more bytes)`
  std::size_t max_lines = 100'000;             // lines recorded; later steps are counted only
};

/// `expr [env] => value` for every evaluation step, in the order the steps start (clvm_tools'
/// trace_to_text). Text is rendered when the observer is called (nodes may be reclaimed later).
class StepTrace final : public EvalObserver {
 public:
  StepTrace(const Allocator& a, TraceStyle style) : a_(a), style_(style) {}
  void on_eval(NodePtr program, NodePtr env) override;
  void on_value(NodePtr value) override;
  /// Adds a first entry, as brun's `(a 2 3)` wrapper shows: `form [env] => value`. Used for the
  /// three lines clvm_tools prints before the program's own steps.
  void add_line(std::string form, std::string env, std::optional<std::string> value);
  /// Every line followed by an empty line (clvm_tools' format); an unfinished step's value is
  /// `(didn't finish)`. If steps were left out, a last line says how many.
  std::string text() const;
  /// The entries in order; `value` empty while unfinished.
  struct Line {
    std::string form, env;
    std::optional<std::string> value;
  };
  std::vector<Line>& lines() { return lines_; }

 private:
  const Allocator& a_;
  TraceStyle style_;
  std::vector<Line> lines_;
  std::vector<std::size_t> open_;  // indices of unfinished lines (SIZE_MAX: not recorded)
  std::size_t dropped_ = 0;
};

/// One line per operator application: `(op arg ...) => result  [cost N]` (`a` and `softfork`,
/// whose value comes from the program they run, print as `(a prog env) => …`).
class OpTrace final : public EvalObserver {
 public:
  OpTrace(const Allocator& a, TraceStyle style) : a_(a), style_(style) {}
  void on_eval(NodePtr, NodePtr) override {}
  void on_value(NodePtr) override {}
  void on_apply(NodePtr op, NodePtr args, Cost cost) override;
  void on_applied(NodePtr result, Cost op_cost) override;
  std::string text() const;

 private:
  const Allocator& a_;
  TraceStyle style_;
  std::vector<std::string> lines_;
  std::string call_;  // the call of the last on_apply, until on_applied
  std::size_t dropped_ = 0;
};

/// Remembers where an evaluation was, for the lines printed after `FAIL:`: the last operator call
/// started and whether it returned, the cost so far, and the last step started. Keeps NodePtrs
/// only (cheap); the caller renders them right after the run threw, while they are valid.
class FailureContext final : public EvalObserver {
 public:
  void on_eval(NodePtr program, NodePtr env) override {
    program_ = program;
    env_ = env;
  }
  void on_value(NodePtr) override {}
  void on_apply(NodePtr op, NodePtr args, Cost cost) override {
    op_ = op;
    args_ = args;
    cost_before_ = cost;
    returned_ = false;
    applied_ = true;
  }
  void on_applied(NodePtr, Cost op_cost) override {
    op_cost_ = op_cost;
    returned_ = true;
  }
  /// The context lines (each starting with two spaces, ending with a newline) for a failure with
  /// `kind`; `max_cost` 0 means unlimited.
  std::string describe(const Allocator& a, ErrorKind kind, Cost max_cost, TraceStyle style) const;

 private:
  NodePtr program_ = NodePtr::NIL, env_ = NodePtr::NIL, op_ = NodePtr::NIL, args_ = NodePtr::NIL;
  Cost cost_before_ = 0, op_cost_ = 0;
  bool applied_ = false, returned_ = false;
};

/// `(op arg1 arg2 ...)`: an operator call as text, each argument bounded by `style.node_chars`
/// and at most 100 arguments shown. Requires: `op` and `args` belong to `a`.
std::string call_text(const Allocator& a, NodePtr op, NodePtr args, const TraceStyle& style);

}  // namespace clvm::tool
