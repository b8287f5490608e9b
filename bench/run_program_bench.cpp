// SPDX-License-Identifier: Apache-2.0
// run_program on the 20 benchmark programs of clvm_rs (tests/data/bench) under Google Benchmark:
// time per run and per unit of cost. The side-by-side comparison with clvm_rs, the cost checks
// and the geomeans are the perf report's (bench/perf_report, scripts/bench.sh).
#include "bench_programs.hpp"

#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

void bm_run_program(benchmark::State& state, const bench::Program* p) {
  clvm::Allocator a;
  const clvm::NodePtr prg = clvm::node_from_bytes_backrefs(a, p->program);
  const clvm::NodePtr env = clvm::node_from_bytes(a, p->env);
  const clvm::ChiaDialect dialect(clvm::ENABLE_GC);
  const clvm::Checkpoint cp = a.checkpoint();
  clvm::Cost cost = 0;
  for (auto _ : state) {
    cost = clvm::run_program(a, dialect, prg, env, p->max_cost).cost;
    state.PauseTiming();
    a.restore_checkpoint(cp);
    state.ResumeTiming();
  }
  state.counters["cost"] = static_cast<double>(cost);
  state.counters["ns_per_cost"] = benchmark::Counter(
      static_cast<double>(cost) * 1e-9,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  if (cost != p->expected_cost) state.SkipWithError("cost differs from the recorded one");
}

}  // namespace

int main(int argc, char** argv) {
  static std::vector<bench::Program> programs;
  for (const auto& name : bench::kPrograms)
    programs.push_back(
        bench::load_program(std::string(CLVMPP_SOURCE_DIR) + "/tests/data/bench", name));
  for (const auto& p : programs)
    benchmark::RegisterBenchmark(("run_program/" + p.name).c_str(), bm_run_program, &p)
        ->Unit(benchmark::kMicrosecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
