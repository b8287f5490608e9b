// SPDX-License-Identifier: Apache-2.0
// `clvm run` (and the `brun` alias): evaluate a program in an environment.
#include "commands.hpp"

#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>

#include <fmt/format.h>

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

namespace clvm::tool {
namespace {

/// The heap limit callers apply under LIMIT_HEAP (the Python wheel's new_limited).
constexpr std::size_t kLimitHeapBytes = 500'000'000;

struct RunOptions {
  std::string program, env, program_file, env_file;
  Format format = Format::Auto;
  bool backrefs = false;
  Cost max_cost = kDefaultMaxCost;
  FlagOptions flags;
  bool show_cost = false;
  std::string output = "text";
  bool time = false, stats = false, batch = false, classic = false;
  std::string keywords = "classic";
  double timeout = 0;  // seconds; 0: none
  unsigned jobs = 0;
  std::size_t memory_budget = 0;
  std::string messages = "ours";  // FAIL texts: ours (what()) or clvmr (clvmr_message())
};

/// --timeout SECONDS as a duration (nullopt for 0: no limit).
std::optional<std::chrono::nanoseconds> timeout_of(double seconds) {
  if (seconds <= 0) return std::nullopt;
  if (seconds > 1e9) return std::chrono::nanoseconds::max();
  return std::chrono::nanoseconds(static_cast<std::int64_t>(seconds * 1e9));
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

int run_once(const RunOptions& o) {
  const Flags flags = o.flags.value();
  const KeywordSet kw = o.classic ? KeywordSet::Classic : KeywordSet::Current;
  // Results are usually data (conditions 49-63 share opcodes with newer operators): printed with
  // clvm_tools' keywords unless asked otherwise.
  const KeywordSet out_kw =
      o.classic || o.keywords == "classic" ? KeywordSet::Classic : KeywordSet::Current;
  const auto t_load = Clock::now();
  const Source prog_src = read_source(o.program, o.program_file, "program");
  const bool have_env = !o.env.empty() || !o.env_file.empty();
  Allocator a = (flags & LIMIT_HEAP) != 0 ? Allocator(kLimitHeapBytes) : Allocator();
  const NodePtr program = parse_source(a, prog_src, o.format, o.backrefs, kw);
  NodePtr env = NodePtr::NIL;
  if (have_env)
    env = parse_source(a, read_source(o.env, o.env_file, "env"), o.format, o.backrefs, kw);
  const double load_ms = ms_since(t_load);

  const auto t_run = Clock::now();
  Reduction r;
  try {
    clvm::RunOptions ro;
    if (const auto t = timeout_of(o.timeout)) ro.deadline = Clock::now() + *t;
    r = run_program(a, ChiaDialect(flags), program, env, o.max_cost, ro);
  } catch (const EvalError& e) {
    const std::string text = o.messages == "clvmr" ? e.clvmr_message() : std::string(e.what());
    if (auto n = e.node())
      fmt::print("FAIL: {} {}\n", text, describe_node(a, *n, out_kw));
    else
      fmt::print("FAIL: {}\n", text);
    return kExitFail;
  }
  const double run_ms = ms_since(t_run);

  check_printable(a, r.node);
  const auto t_print = Clock::now();
  std::string out;
  if (o.show_cost) out += fmt::format("cost = {}\n", r.cost);
  out += o.output == "hex" ? to_hex(node_to_bytes(a, r.node)) : disassemble(a, r.node, out_kw);
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
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

Action add_run(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "evaluate a program in an environment (brun)");
  cmd->footer(
      "Examples:\n"
      "  clvm run '(+ 2 5)' '(10 20)'              prints 30\n"
      "  clvm run -c -x ff10ff02ff0580 ff0aff1480   prints cost = 856, then 30\n"
      "  echo 'ff0180 80' | clvm run --batch        prints 80 20\n"
      "Exit status: 0 success, 1 FAIL (evaluation error), 2 bad input.");
  cmd->add_option("program", o->program, "the program (text, or hex with -x; - reads stdin)");
  cmd->add_option("env", o->env, "the environment (default nil)");
  cmd->add_option("-f,--file", o->program_file, "read the program from FILE (- = stdin)");
  cmd->add_option("--env-file", o->env_file, "read the environment from FILE");
  add_format_options(cmd, o->format);
  cmd->add_flag("--backrefs", o->backrefs, "serialized input may use back-references");
  cmd->add_option("-m,--max-cost", o->max_cost, "cost limit (0 = unlimited)")
      ->default_val(kDefaultMaxCost);
  add_flag_options(cmd, o->flags);
  cmd->add_flag("-c,--cost", o->show_cost, "print `cost = N` before the result");
  cmd->add_option("--output", o->output, "result format")
      ->check(CLI::IsMember({"text", "hex"}))
      ->default_val("text");
  cmd->add_flag_callback(
      "-d,--dump", [o] { o->output = "hex"; }, "print the result as hex (--output hex)");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' operator keywords in text (as brun)");
  cmd->add_option("--keywords", o->keywords,
                  "keywords in the printed result: classic (default; 51 stays 51) or current")
      ->check(CLI::IsMember({"classic", "current"}))
      ->default_val("classic");
  cmd->add_flag("--time", o->time, "print load/run/print times to stderr");
  cmd->add_flag("--stats", o->stats, "print arena counts and peak memory to stderr");
  cmd->add_option("--messages", o->messages,
                  "failure texts: ours (default) or clvmr (clvmr 0.19's error display text)")
      ->check(CLI::IsMember({"ours", "clvmr"}))
      ->default_val("ours");
  cmd->add_flag("--batch", o->batch,
                "read `<program_hex> <env_hex> [max_cost] [flags]` lines from stdin; print "
                "`<result_hex> <cost>` or `FAIL: <message>` per line");
  cmd->add_option("--timeout", o->timeout,
                  "wall-clock limit in seconds (0 = none), checked every 1,000,000 cost; a run "
                  "past it prints `FAIL: timeout: ...` (not a consensus answer)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("-j,--jobs", o->jobs,
                  "--batch: worker threads (0 = one per core, the default; 1 = sequential)");
  cmd->add_option("--memory-budget", o->memory_budget,
                  "--batch: ceiling in bytes on all workers' arenas together (0 = none); a case "
                  "it stops prints `FAIL: memory ceiling reached ...`");
  return [o, cmd]() -> int {
    if (o->batch) {
      if (!o->program.empty() || !o->program_file.empty())
        throw InputError("run --batch reads its cases from stdin: no PROGRAM argument");
      std::ios::sync_with_stdio(false);
      BatchDefaults d;
      d.max_cost = cmd->count("--max-cost") != 0 ? o->max_cost : kDefaultMaxCost;
      d.flags = o->flags.value();
      d.backrefs = o->backrefs;
      d.timeout = timeout_of(o->timeout);
      d.threads = o->jobs;
      d.memory_budget = o->memory_budget;
      d.clvmr_messages = o->messages == "clvmr";
      return run_batch(std::cin, std::cout, d);
    }
    if (o->program.empty() && o->program_file.empty())
      throw InputError("run: no program given (try clvm run --help)");
    // With -f the program comes from the file: a lone positional argument is the environment.
    if (!o->program_file.empty() && !o->program.empty() && o->env.empty())
      std::swap(o->program, o->env);
    return run_once(*o);
  };
}

}  // namespace clvm::tool
