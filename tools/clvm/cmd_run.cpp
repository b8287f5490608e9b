// SPDX-License-Identifier: Apache-2.0
// `clvm run` (and the `brun` alias): evaluate a program in an environment.
#include "commands.hpp"
#include "trace.hpp"

#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>

#include <fmt/format.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace clvm::tool {
namespace {

/// The heap limit callers apply under LIMIT_HEAP (the Python wheel's new_limited).
constexpr std::size_t kLimitHeapBytes = 500'000'000;

/// What clvm_tools' brun adds to every `cost =` it prints: its calculate_cost_offset() tares the
/// `(a 2 3)` wrapper it runs the program in against a fixed 53, which leaves 9 more than the
/// consensus cost of the program itself.
constexpr Cost kClvmToolsCostOffset = 9;

/// --timeout SECONDS as a duration (nullopt for 0: no limit). Capped at 10^9 s (31 years): far
/// enough to mean no limit, near enough that now() + it cannot overflow the clock.
std::optional<std::chrono::nanoseconds> timeout_of(double seconds) {
  if (seconds <= 0) return std::nullopt;
  return std::chrono::nanoseconds(static_cast<std::int64_t>(std::min(seconds, 1e9) * 1e9));
}

/// --huge-pages MODE as the library's choice ("on": Advise; anything else, i.e. "off": Off; the
/// option's check admits only those two).
mem::HugePages huge_pages_of(const std::string& mode) {
  return mode == "on" ? mem::HugePages::Advise : mem::HugePages::Off;
}

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::size_t peak_rss_kib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<std::size_t>(ru.ru_maxrss);
}

// What the tool watches in every run: unknown operators (warned about once), the failure context,
// and the trace when one was asked for.
//
// An operator is unknown relative to the softfork guard it runs in (keccak256 is defined inside
// extension 1 without --keccak), so the watch follows the guards as the evaluator enters and
// leaves them: a `softfork` application whose call is valid is followed at once by the on_eval()
// of its program, and that evaluation's on_value() is where the guard ends.
class RunWatch final : public EvalObserver {
 public:
  RunWatch(const Allocator& a, const ChiaDialect& d, EvalObserver* trace)
      : a_(a), d_(d), trace_(trace) {}
  void on_eval(NodePtr program, NodePtr env) override {
    if (entering_) guards_.push_back({*entering_, depth_});
    entering_.reset();
    ++depth_;
    context.on_eval(program, env);
    if (trace_ != nullptr) trace_->on_eval(program, env);
  }
  void on_value(NodePtr value) override {
    entering_.reset();
    if (depth_ > 0) --depth_;
    while (!guards_.empty() && guards_.back().depth >= depth_) guards_.pop_back();
    if (trace_ != nullptr) trace_->on_value(value);
  }
  void on_apply(NodePtr op, NodePtr args, Cost cost) override {
    context.on_apply(op, args, cost);
    if (trace_ != nullptr) trace_->on_apply(op, args, cost);
    entering_.reset();
    if (!op.is_atom()) return;
    if (!d_.is_known_operator(a_, op, current_set())) warn_unknown(op);
    if (a_.small_number(op) == ChiaDialect::kSoftforkKw) entering_ = extension_of(args);
  }
  void on_applied(NodePtr result, Cost op_cost) override {
    entering_.reset();
    context.on_applied(result, op_cost);
    if (trace_ != nullptr) trace_->on_applied(result, op_cost);
  }
  FailureContext context;

 private:
  struct Guard {
    OperatorSet set;
    std::size_t depth;  // open evaluations when the guarded program started
  };

  OperatorSet current_set() const {
    return guards_.empty() ? OperatorSet::Default : guards_.back().set;
  }

  // The operator set of `(softfork cost ext ...)`'s extension when `ext` reads as the evaluator
  // reads it (a non-negative integer of at most 4 significant bytes). Anything it refuses makes
  // the softfork a no-op or an error, so no guarded program follows and the answer is unused.
  std::optional<OperatorSet> extension_of(NodePtr args) const {
    if (!args.is_pair()) return std::nullopt;
    const NodePtr rest = a_.pair(args).rest;
    if (!rest.is_pair()) return std::nullopt;
    const NodePtr ext = a_.pair(rest).first;
    if (!ext.is_atom()) return std::nullopt;
    const Atom atom = a_.atom(ext);  // small atoms' bytes live in the Atom itself: keep it
    std::span<const std::uint8_t> b = atom.span();
    if (!b.empty() && (b[0] & 0x80) != 0) return std::nullopt;  // negative
    while (!b.empty() && b[0] == 0) b = b.subspan(1);
    if (b.size() > 4) return std::nullopt;
    std::uint32_t n = 0;
    for (const std::uint8_t byte : b) n = (n << 8) | byte;
    return d_.softfork_extension(n);
  }

  void warn_unknown(NodePtr op) {
    const Atom b = a_.atom(op);
    if (b.size() > 16) {
      warn_once("an operator atom of " + std::to_string(b.size()) +
                " bytes is not a defined operator: it ran by clvmr's unknown-operator rule");
      return;
    }
    const auto current = a_.small_number(op);
    std::string name =
        std::ranges::all_of(b.span(), [](std::uint8_t c) { return c >= 0x21 && c <= 0x7e; })
            ? fmt::format("\"{}\" ({})", b.as_string_view(), disassemble(a_, op, KeywordSet::None))
            : disassemble(a_, op, KeywordSet::None);
    if (b.size() == 1 && current)
      if (auto kw = keyword_name(b.span(), KeywordSet::Current))
        name = fmt::format("{} ({})", *kw, *current);
    std::string why = "is not defined";
    if (current == 62) why = "is disabled without --keccak";
    if (current == 63) why = "is disabled without --sha256tree";
    if (current == 64 || current == 65) why = "is disabled without --secp";
    warn_once(fmt::format(
        "operator {} {}: it ran as an unknown operator (cost by clvmr's formula, result nil; "
        "--strict makes it an error)",
        name, why));
  }
  const Allocator& a_;
  const ChiaDialect& d_;
  EvalObserver* trace_;
  std::vector<Guard> guards_;            // the guards the evaluation is inside, innermost last
  std::size_t depth_ = 0;                // evaluations started and not finished
  std::optional<OperatorSet> entering_;  // a softfork was applied: its program starts next
};

int run_once(const RunCmdOptions& o) {
  if (!o.symbol_table.empty())
    throw InputError(
        "--symbol-table: not supported (clvm_tools' symbol tables name the functions of a "
        "compiled Chialisp program; this tool runs and traces CLVM without them)");
  Flags flags = o.flags.value();
  if (o.strict) flags |= NO_UNKNOWN_OPS;
  const Cost max_cost = parse_u64(o.max_cost, "--max-cost");
  const KeywordSet kw = o.classic ? KeywordSet::Classic : KeywordSet::Current;
  // Results are usually data (conditions 49-63 share opcodes with newer operators): printed with
  // clvm_tools' keywords unless asked otherwise.
  const KeywordSet out_kw = o.no_keywords                          ? KeywordSet::None
                            : o.classic || o.keywords == "classic" ? KeywordSet::Classic
                                                                   : KeywordSet::Current;
  TraceStyle style = o.style;
  style.keywords = out_kw;
  const auto t_load = Clock::now();
  const Source prog_src = read_source(o.program, o.program_file, "program");
  const bool have_env = !o.env.empty() || !o.env_file.empty();
  const mem::HugePages huge = huge_pages_of(o.huge_pages);
  Allocator a((flags & LIMIT_HEAP) != 0 ? kLimitHeapBytes : Allocator::kMaxHeapLimit, huge);
  const NodePtr program = parse_source(a, prog_src, o.format, o.backrefs, kw);
  if (kw == KeywordSet::Classic && resolve_format(prog_src, o.format) == Format::Text)
    warn_modern_keywords(a, program, prog_src);
  NodePtr env = NodePtr::NIL;
  if (have_env) {
    const Source env_src = read_source(o.env, o.env_file, "env");
    env = parse_source(a, env_src, o.format, o.backrefs, kw);
    if (kw == KeywordSet::Classic && resolve_format(env_src, o.format) == Format::Text)
      warn_modern_keywords(a, env, env_src);
  }
  const double load_ms = ms_since(t_load);

  const ChiaDialect dialect(flags);
  std::optional<StepTrace> steps;
  std::optional<OpTrace> ops;
  EvalObserver* trace = nullptr;
  if (o.trace == "steps" || o.verbose)
    trace = &steps.emplace(a, style);
  else if (o.trace == "ops")
    trace = &ops.emplace(a, style);
  RunWatch watch(a, dialect, trace);
  // The watch costs about a quarter more time per step: with --quiet and nothing to trace the run
  // goes through the plain evaluator, and a cost failure is run again watched for its context
  // (same program, same arena state, so the same failure).
  const bool watched = trace != nullptr || o.verbose_errors || !is_quiet();
  const Checkpoint before_run = a.checkpoint();

  const auto t_run = Clock::now();
  std::optional<Reduction> r;
  std::string out;
  int status = kExitOk;
  clvm::RunOptions ro;
  if (const auto t = timeout_of(o.timeout)) ro.deadline = Clock::now() + *t;
  ro.observer = watched ? &watch : nullptr;
  ro.huge_pages = huge;
  try {
    r = run_program(a, dialect, program, env, max_cost, ro);
  } catch (const EvalError& e) {
    const std::string text = o.messages == "clvmr" ? e.clvmr_message() : std::string(e.what());
    if (auto n = e.node())
      out += fmt::format("FAIL: {} {}\n", text, describe_node(a, *n, out_kw, style.node_chars));
    else
      out += fmt::format("FAIL: {}\n", text);
    const bool context =
        (e.kind() == ErrorKind::CostExceeded && o.messages != "clvmr") || o.verbose_errors;
    if (context && !watched) {
      a.restore_checkpoint(before_run);
      ro.observer = &watch;
      ro.deadline.reset();  // it failed on cost before the deadline: it will again
      try {
        run_program(a, dialect, program, env, max_cost, ro);
      } catch (const EvalError&) {
        // The same failure: the watch now knows where it happened.
      }
    }
    if (context) out += watch.context.describe(a, e.kind(), max_cost, style);
    status = kExitFail;
  }
  const double run_ms = ms_since(t_run);

  const auto t_print = Clock::now();
  if (r) {
    if (o.show_cost)
      out += fmt::format("cost = {}\n", r->cost + (o.cost_offset ? kClvmToolsCostOffset : 0));
    if (o.output == "hex") {
      append_result_hex(out, a, r->node);
    } else {
      out += result_text(a, r->node, out_kw, o.max_chars);
    }
    out += '\n';
  }
  if (steps) {
    if (o.verbose) {
      // clvm_tools runs the program as `(a 2 3)` in `(program . env)`: its first three lines.
      try {
        const std::string wrapped =
            disassemble_bounded(a, a.new_pair(program, env), style.node_chars, out_kw);
        steps->add_line("2", wrapped, disassemble_bounded(a, program, style.node_chars, out_kw));
        steps->add_line("3", wrapped, disassemble_bounded(a, env, style.node_chars, out_kw));
        steps->add_line("(a 2 3)", wrapped,
                        r ? std::optional(disassemble_bounded(a, r->node, style.node_chars, out_kw))
                          : std::nullopt);
      } catch (const EvalError&) {
        // The arena is full: the trace goes without the wrapper's lines.
      }
    }
    out += '\n';
    out += steps->text();
  } else if (ops) {
    out += '\n';
    out += ops->text();
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (status != kExitOk) return status;
  if (o.time)
    fmt::print(stderr, "time: load {:.3f} ms, run {:.3f} ms, print {:.3f} ms\n", load_ms, run_ms,
               ms_since(t_print));
  if (o.stats)
    fmt::print(
        stderr,
        "stats: atoms {} ({} stored, {} ghost), pairs {} ({} stored, {} ghost), heap {} bytes "
        "({} stored, {} ghost), peak memory {} KiB\n",
        a.atom_count(), a.stored_atoms(), a.ghost_atoms(), a.pair_count(), a.stored_pairs(),
        a.ghost_pairs(), a.heap_size(), a.stored_heap_bytes(), a.ghost_heap(), peak_rss_kib());
  return kExitOk;
}

}  // namespace

void warn_modern_keywords(const Allocator& a, NodePtr root, const Source& src) {
  std::vector<NodePtr> stack{root};
  std::size_t visited = 0;
  while (!stack.empty() && ++visited < 10'000'000) {
    const NodePtr n = stack.back();
    stack.pop_back();
    if (n.is_pair()) {
      const Pair p = a.pair(n);
      stack.push_back(p.rest);
      stack.push_back(p.first);
      continue;
    }
    const Atom b = a.atom(n);
    if (b.size() < 1 || b.size() > 20) continue;
    const std::string word(b.as_string_view());
    if (keyword_atom(word, KeywordSet::Current) && !keyword_atom(word, KeywordSet::Classic))
      warn_once(fmt::format(
          "{}: `{}` is not a clvm_tools keyword, so it was read as the string \"{}\" (write its "
          "opcode, or use clvm without --classic)",
          src.origin, word, word));
  }
}

int run_command(RunCmdOptions& o) {
  if (o.batch) {
    if (!o.program.empty() || !o.program_file.empty())
      throw InputError("run --batch reads its cases from stdin: no PROGRAM argument");
    std::ios::sync_with_stdio(false);
    BatchDefaults d;
    d.max_cost = parse_u64(o.max_cost, "--max-cost");
    d.flags = o.flags.value();
    if (o.strict) d.flags |= NO_UNKNOWN_OPS;
    d.backrefs = o.backrefs;
    d.timeout = timeout_of(o.timeout);
    d.threads = o.jobs;
    d.memory_budget = o.memory_budget;
    d.huge_pages = huge_pages_of(o.huge_pages);
    d.clvmr_messages = o.messages == "clvmr";
    d.max_line_bytes = o.max_line_bytes;
    return run_batch(std::cin, std::cout, d);
  }
  if (o.program.empty() && o.program_file.empty())
    throw InputError("run: no program given (try clvm run --help)");
  // With -f the program comes from the file: a lone positional argument is the environment.
  if (!o.program_file.empty() && !o.program.empty() && o.env.empty()) std::swap(o.program, o.env);
  return run_once(o);
}

}  // namespace clvm::tool
