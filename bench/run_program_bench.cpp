// SPDX-License-Identifier: Apache-2.0
// run_program on the 20 benchmark programs of clvm_rs (tests/data/bench): ns per run and ns per
// unit of cost. With `--peer "CMD"` (a batch runner speaking the protocol of
// ../shared/peers/README.md, e.g. "/work/shared/peers/oracle batch wasm"), each program is also
// timed through the peer in the same run and the ratio peer/ours is printed at the end.
//
//   run_program_bench [--peer "CMD"] [--peer-reps N] [google-benchmark flags]
#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> kPrograms = {
    "block-2000",  "compressed-2000", "concat",      "count-even",      "factorial",
    "hash-string", "hash-tree",       "large-block", "loop_add",        "loop_ior",
    "loop_not",    "loop_sub",        "loop_xor",    "matrix-multiply", "point-pow",
    "pubkey-tree", "shift-left",      "substr",      "substr-tree",     "sum-tree"};

std::string data_dir() { return std::string(CLVMPP_SOURCE_DIR) + "/tests/data/bench/"; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

struct Program {
  std::string name;
  std::string program_hex, env_hex;
  clvm::Bytes program, env;
  clvm::Cost max_cost = 0;
};

Program load(const std::string& name) {
  Program p;
  p.name = name;
  p.program_hex = slurp(data_dir() + "programs/" + name + ".hex");
  p.env_hex = slurp(data_dir() + "env/" + name + ".env.hex");
  p.program = clvm::from_hex(p.program_hex).value();
  p.env = clvm::from_hex(p.env_hex).value();
  p.max_cost = 11'000'000'000 - 12'000 * p.program.size();
  return p;
}

std::map<std::string, double> g_ours_ns;  // name -> ns per run (last measurement)

void bm_run_program(benchmark::State& state, const Program* p) {
  clvm::Allocator a;
  const clvm::NodePtr prg = clvm::node_from_bytes_backrefs(a, p->program);
  const clvm::NodePtr env = clvm::node_from_bytes(a, p->env);
  const clvm::ChiaDialect dialect(clvm::ENABLE_GC);
  clvm::Cost cost = 0;
  double total_ns = 0;
  for (auto _ : state) {
    const clvm::Checkpoint cp = a.checkpoint();
    const auto t0 = std::chrono::steady_clock::now();
    cost = clvm::run_program(a, dialect, prg, env, p->max_cost).cost;
    total_ns +=
        std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
    state.PauseTiming();
    a.restore_checkpoint(cp);
    state.ResumeTiming();
  }
  const double per_run = total_ns / static_cast<double>(state.iterations());
  g_ours_ns[p->name] = per_run;
  state.counters["cost"] = static_cast<double>(cost);
  state.counters["ns_per_cost"] = per_run / static_cast<double>(cost);
}

// Peer time per run: the batch command on K+1 copies of the line minus on 1 copy, over K
// (removes start-up and loading). Returns a negative value on failure.
double peer_ns(const std::string& cmd, const Program& p, int reps) {
  const std::string line = p.program_hex + " " + p.env_hex + " " + std::to_string(p.max_cost) +
                           " " + std::to_string(0xa0 | 0x2000000) + "\n";
  auto timed = [&](int copies) -> double {
    const std::string in = "/tmp/clvmpp_peer_in.txt", out = "/tmp/clvmpp_peer_out.txt";
    {
      std::ofstream f(in);
      for (int i = 0; i < copies; ++i) f << line;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = std::system((cmd + " < " + in + " > " + out).c_str());
    const double ns =
        std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
    if (rc != 0 || slurp(out).starts_with("FAIL")) return -1;
    return ns;
  };
  const double one = timed(1);
  const double many = timed(reps + 1);
  if (one < 0 || many < 0) return -1;
  return (many - one) / reps;
}

}  // namespace

int main(int argc, char** argv) {
  std::string peer;
  int peer_reps = 3;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--peer" && i + 1 < argc) {
      peer = argv[++i];
    } else if (arg == "--peer-reps" && i + 1 < argc) {
      peer_reps = std::atoi(argv[++i]);
    } else {
      args.push_back(argv[i]);
    }
  }
  static std::vector<Program> programs;
  for (const auto& name : kPrograms) programs.push_back(load(name));
  for (const auto& p : programs)
    benchmark::RegisterBenchmark(("run_program/" + p.name).c_str(), bm_run_program, &p)
        ->Unit(benchmark::kMicrosecond);

  int bargc = static_cast<int>(args.size());
  benchmark::Initialize(&bargc, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  if (peer.empty()) return 0;
  std::printf("\n%-18s %14s %14s %8s\n", "program", "ours ns/run", "peer ns/run", "peer/ours");
  for (const auto& p : programs) {
    const auto it = g_ours_ns.find(p.name);
    if (it == g_ours_ns.end()) continue;
    const double theirs = peer_ns(peer, p, peer_reps);
    if (theirs < 0) {
      std::printf("%-18s %14.0f %14s %8s\n", p.name.c_str(), it->second, "FAIL", "-");
    } else {
      std::printf("%-18s %14.0f %14.0f %8.2f\n", p.name.c_str(), it->second, theirs,
                  theirs / it->second);
    }
  }
  return 0;
}
