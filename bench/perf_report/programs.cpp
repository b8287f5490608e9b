// SPDX-License-Identifier: Apache-2.0
// run_program rows: each of the 20 benchmark programs (tests/data/bench) is checked against its
// recorded cost and result tree hash, then timed in interleaved rounds: ours, native clvmr-bench
// (when given), ours, native, ... ; clvm_rs (wasm) once, in the first round.
#include "report.hpp"

#include "../bench_programs.hpp"

#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include <openssl/sha.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <tuple>

namespace perf {
namespace {

using bench::kPrograms;
using bench::Program;

const clvm::ChiaDialect kDialect(clvm::ENABLE_GC);

// Peak resident set (VmHWM, KiB) of a child process that runs `name` once, or -1. The child
// reports its own VmHWM: getrusage's ru_maxrss would include the parent's size at spawn time.
long child_max_rss_kib(const Options& o, const std::string& name) {
  std::string cmd = shell_quote(o.self);
  cmd.append(" --memory-child ").append(shell_quote(name));
  cmd.append(" --source-dir ").append(shell_quote(o.source_dir));
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return -1;
  long kib = -1;
  if (std::fscanf(pipe, "%ld", &kib) != 1) kib = -1;
  return pclose(pipe) == 0 ? kib : -1;
}

std::string sha256_hex(const std::vector<std::uint8_t>& bytes) {
  std::uint8_t md[SHA256_DIGEST_LENGTH];
  SHA256(bytes.data(), bytes.size(), md);
  return clvm::to_hex(md);
}

}  // namespace

int memory_child(const std::string& source_dir, const std::string& name) {
  bool ok = true;
  if (name != "-") {
    const Program p = bench::load_program(source_dir + "/tests/data/bench", name);
    clvm::Allocator a;
    const clvm::NodePtr prg = clvm::node_from_bytes_backrefs(a, p.program);
    const clvm::NodePtr env = clvm::node_from_bytes(a, p.env);
    ok = clvm::run_program(a, kDialect, prg, env, p.max_cost).cost == p.expected_cost;
  }
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) std::printf("%ld\n", std::stol(line.substr(6)));
  return ok ? 0 : 1;
}

static bool is_trivial(const std::string& name) {
  return name == "block-2000" || name == "hash-string";
}

int profile_child(const std::string& source_dir, const std::string& name, std::size_t reps) {
  const Program p = bench::load_program(source_dir + "/tests/data/bench", name);
  clvm::Allocator a;
  a.set_retention(std::numeric_limits<std::size_t>::max());  // as the timed rows
  const clvm::NodePtr prg = clvm::node_from_bytes_backrefs(a, p.program);
  const clvm::NodePtr env = clvm::node_from_bytes(a, p.env);
  const clvm::Checkpoint cp = a.checkpoint();
  bool ok = true;
  for (std::size_t i = 0; i < reps; ++i) {
    ok = ok && clvm::run_program(a, kDialect, prg, env, p.max_cost).cost == p.expected_cost;
    a.restore_checkpoint(cp);
  }
  std::printf("%s %zu runs: %s\n", name.c_str(), reps, ok ? "cost ok" : "COST MISMATCH");
  return ok ? 0 : 1;
}

RatioSets report_programs(const Options& o, const std::map<std::string, double>& anchors) {
  RatioSets ratios;
  const long base_kib = child_max_rss_kib(o, "-");
  std::printf(
      "\n## run_program (ENABLE_GC; times per run; min of medians over %zu interleaved rounds; "
      "wasm = clvm_rs 0.7.0 in this run, evaluation only, first round)\n",
      o.rounds);
  if (o.native)
    std::printf("native = clvmr 0.19 (%s) in this run, interleaved with ours\n",
                o.native->binary().c_str());
  else
    std::printf(
        "native = fixed reference measured on %s (bench/data/clvmr_native.tsv), NOT this run: "
        "its ratios compare two processors (give --native PATH to time clvmr-bench here)\n",
        kAnchorMachine);
  std::printf("%-16s %14s %10s %10s %10s %10s %8s %10s %8s %9s %9s %9s\n", "program", "cost",
              "ours med", "ours min", o.native ? "native med" : "nat(Zen5)", "native min", "nat/us",
              "wasm med", "wasm/us", "arena MiB", "ours MiB", "wasm MiB");
  // With --deadline: (program, ours plain, ours with a deadline an hour away), min of medians.
  std::vector<std::tuple<std::string, double, double>> deadline_rows;
  for (const auto& name : kPrograms) {
    if (!o.filter.empty() && name.find(o.filter) == std::string::npos) continue;
    const Program p = bench::load_program(o.source_dir + "/tests/data/bench", name);
    clvm::Allocator a;
    // The rewinds between timed runs keep every table's capacity, as clvmr's restore_checkpoint
    // does (its vectors only truncate) and so as clvmr-bench's runs do.
    a.set_retention(std::numeric_limits<std::size_t>::max());
    const clvm::NodePtr prg = clvm::node_from_bytes_backrefs(a, p.program);
    const clvm::NodePtr env = clvm::node_from_bytes(a, p.env);
    const clvm::Checkpoint cp = a.checkpoint();
    a.reset_peaks();
    const std::size_t used_before = a.used_bytes();
    const clvm::Reduction r = clvm::run_program(a, kDialect, prg, env, p.max_cost);
    const double arena_mib = static_cast<double>(a.peak_used_bytes() - used_before) / 1048576.0;
    const std::string hash = clvm::to_hex(clvm::tree_hash(a, r.node).span());
    const std::string result_sha = sha256_hex(clvm::node_to_bytes(a, r.node));
    if (r.cost != p.expected_cost)
      fail(name + ": cost " + std::to_string(r.cost) + " != recorded " +
           std::to_string(p.expected_cost));
    if (hash != p.expected_hash) fail(name + ": result tree hash " + hash + " != recorded");
    a.restore_checkpoint(cp);

    Best ours, native, with_deadline;
    bool native_runs = o.native != nullptr;
    double wasm_ns = 0, wasm_mib = -1;
    for (std::size_t round = 0; round < o.rounds; ++round) {
      ours.add(sample([&] { (void)clvm::run_program(a, kDialect, prg, env, p.max_cost); },
                      [&] { a.restore_checkpoint(cp); }, o.min_reps, o.min_ms));
      if (o.deadline) {
        clvm::RunOptions far;
        far.deadline = std::chrono::steady_clock::now() + std::chrono::hours(1);
        with_deadline.add(
            sample([&] { (void)clvm::run_program(a, kDialect, prg, env, p.max_cost, far); },
                   [&] { a.restore_checkpoint(cp); }, o.min_reps, o.min_ms));
      }
      if (native_runs) {
        const auto t = o.native->program(name, o.min_reps, o.min_ms);
        if (t)
          native.add(t->median, t->min);
        else
          native_runs = false;  // not built there (BLS/secp) or failed (already reported)
      }
      if (round == 0 && o.peer) {
        const PeerReply reply =
            o.peer->call({"run", p.program_path, p.env_path, std::to_string(p.max_cost), "0xa0",
                          std::to_string(o.min_reps), std::to_string(o.min_ms)});
        if (reply.error) {
          std::fprintf(stderr, "peer failed on %s: %s\n", name.c_str(), reply.error->c_str());
        } else {
          if (reply.get("cost") != std::to_string(p.expected_cost))
            fail(name + ": clvm_rs cost " + reply.get("cost") + " != recorded");
          if (reply.get("result_sha256") != result_sha) fail(name + ": clvm_rs result differs");
          // run_chia_program parses both inputs on every call; ours are parsed once, outside.
          const double run_ns = reply.samples("ns").median();
          const double parse_ns = reply.samples("parse_ns").median();
          // When parsing is most of the call (block-2000 is `(q . <block>)`), the difference is
          // noise: no figure, no ratio.
          wasm_ns = parse_ns * 2 > run_ns ? 0 : run_ns - parse_ns;
          wasm_mib =
              (std::stod(reply.get("memory_after")) - std::stod(reply.get("memory_before"))) /
              1048576.0;
        }
      }
    }
    if (!native_runs) native = Best{};
    const long ours_kib = child_max_rss_kib(o, name);
    if (wasm_ns > 0) ratios.peer.push_back(wasm_ns / ours.median);
    if (!o.native) {
      const auto anchor = anchors.find("run/" + name);
      if (anchor != anchors.end()) native.median = anchor->second;
    }
    if (native.median > 0)
      (is_trivial(name) ? ratios.trivial : ratios.native)
          .emplace_back(name, native.median / ours.median);
    const double ours_mib = ours_kib < 0 ? -1 : (ours_kib - base_kib) / 1024.0;
    std::printf("%-16s %14llu %10s %10s %10s %10s %8s %10s %8s %9.1f %9.1f %9.1f\n", name.c_str(),
                static_cast<unsigned long long>(r.cost), fmt_ns(ours.median).c_str(),
                fmt_ns(ours.min).c_str(), fmt_ns(native.median).c_str(), fmt_ns(native.min).c_str(),
                fmt_ratio(native.median, ours.median).c_str(), fmt_ns(wasm_ns).c_str(),
                fmt_ratio(wasm_ns, ours.median).c_str(), arena_mib, ours_mib, wasm_mib);
    std::fflush(stdout);
    if (o.deadline) deadline_rows.emplace_back(name, ours.median, with_deadline.median);
  }
  if (o.deadline && !deadline_rows.empty()) {
    std::printf(
        "\n## run_program with RunOptions::deadline an hour away (the same rounds, interleaved "
        "with the rows above; min of medians)\n%-16s %10s %10s %8s\n",
        "program", "plain", "deadline", "ratio");
    double log_sum = 0;
    for (const auto& [name, plain, timed] : deadline_rows) {
      std::printf("%-16s %10s %10s %8.3f\n", name.c_str(), fmt_ns(plain).c_str(),
                  fmt_ns(timed).c_str(), timed / plain);
      log_sum += std::log(timed / plain);
    }
    std::printf("deadline / plain: geomean %.3f over %zu programs\n",
                std::exp(log_sum / static_cast<double>(deadline_rows.size())),
                deadline_rows.size());
  }
  return ratios;
}

}  // namespace perf
