// SPDX-License-Identifier: Apache-2.0
// Serialization and tree-hash throughput on real block generators (tests/data/generators), plus
// raw new_atom / new_pair throughput. Reports bytes/s (SetBytesProcessed, the serialized size
// read or written) and ns per node (the "ns/node" counter: time over the tree's stored pairs +
// atoms as the reader creates them).
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>
#include <clvm/tree_hash.hpp>

#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

using namespace clvm;

std::vector<std::uint8_t> load(const std::string& name) {
  std::ifstream f(std::string(CLVMPP_SOURCE_DIR) + "/tests/data/generators/" + name,
                  std::ios::binary);
  if (!f) throw std::runtime_error("missing " + name);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// A parsed generator kept alive for the writer and hash benchmarks.
struct Parsed {
  std::vector<std::uint8_t> input;
  Allocator arena;
  NodePtr root;
  std::vector<std::uint8_t> classic;
  double nodes;

  explicit Parsed(const std::string& name) : input(load(name)) {
    root = node_from_bytes_backrefs(arena, input);
    classic = node_to_bytes(arena, root);
    Allocator tmp;
    node_from_bytes(tmp, classic);
    nodes = static_cast<double>(tmp.stored_pairs() + tmp.atom_count());
  }
};

Parsed& parsed(const std::string& name) {
  static Parsed block("block_af9c3d98.bin"), gen0("0.generator");
  return name == "0.generator" ? gen0 : block;
}

void set_rates(benchmark::State& state, std::size_t bytes, double nodes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["ns/node"] = benchmark::Counter(
      nodes * 1e-9, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_node_from_bytes(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  for (auto _ : state) {
    Allocator a;
    benchmark::DoNotOptimize(node_from_bytes(a, p.classic));
  }
  set_rates(state, p.classic.size(), p.nodes);
}

void BM_node_from_bytes_backrefs(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  for (auto _ : state) {
    Allocator a;
    benchmark::DoNotOptimize(node_from_bytes_backrefs(a, p.input));
  }
  set_rates(state, p.input.size(), p.nodes);
}

// As the two rows above, on one arena rewound to empty each time: the reader's own cost without
// the arena's construction and first-touch page faults.
void BM_node_from_bytes_reused_arena(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  Allocator a;
  const Checkpoint empty = a.checkpoint();
  for (auto _ : state) {
    a.restore_checkpoint(empty);
    benchmark::DoNotOptimize(node_from_bytes(a, p.classic));
  }
  set_rates(state, p.classic.size(), p.nodes);
}

void BM_node_from_bytes_backrefs_reused_arena(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  Allocator a;
  const Checkpoint empty = a.checkpoint();
  for (auto _ : state) {
    a.restore_checkpoint(empty);
    benchmark::DoNotOptimize(node_from_bytes_backrefs(a, p.input));
  }
  set_rates(state, p.input.size(), p.nodes);
}

void BM_node_to_bytes(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  for (auto _ : state) benchmark::DoNotOptimize(node_to_bytes(p.arena, p.root));
  set_rates(state, p.classic.size(), p.nodes);
}

void BM_node_to_bytes_backrefs(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  std::size_t out = 0;
  for (auto _ : state) {
    auto bytes = node_to_bytes_backrefs(p.arena, p.root);
    out = bytes.size();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["out_bytes"] = static_cast<double>(out);
  set_rates(state, p.classic.size(), p.nodes);
}

void BM_node_to_bytes_2026(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  for (auto _ : state) benchmark::DoNotOptimize(node_to_bytes_2026(p.arena, p.root));
  set_rates(state, p.classic.size(), p.nodes);
}

void BM_node_from_bytes_2026(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  const auto s = node_to_bytes_2026(p.arena, p.root);
  for (auto _ : state) {
    Allocator a;
    benchmark::DoNotOptimize(node_from_bytes_2026(a, s));
  }
  set_rates(state, s.size(), p.nodes);
}

void BM_tree_hash(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  for (auto _ : state) benchmark::DoNotOptimize(tree_hash(p.arena, p.root));
  set_rates(state, p.classic.size(), p.nodes);
}

void BM_tree_hash_cached(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  for (auto _ : state) {
    TreeCache cache;  // a fresh cache each time: the cost of one full hash
    benchmark::DoNotOptimize(tree_hash_cached(p.arena, p.root, cache));
  }
  set_rates(state, p.classic.size(), p.nodes);
}

void BM_tree_hash_from_bytes(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  for (auto _ : state) benchmark::DoNotOptimize(tree_hash_from_bytes(p.classic));
  set_rates(state, p.classic.size(), p.nodes);
}

void BM_serialized_length(benchmark::State& state, const std::string& name) {
  Parsed& p = parsed(name);
  for (auto _ : state) benchmark::DoNotOptimize(serialized_length_from_bytes(p.input));
  set_rates(state, p.input.size(), p.nodes);
}

void BM_new_atom(benchmark::State& state) {
  const std::vector<std::uint8_t> blob(32, 0xab);
  constexpr int kN = 100'000;
  for (auto _ : state) {
    Allocator a;
    for (int i = 0; i < kN; ++i) benchmark::DoNotOptimize(a.new_atom(blob));
  }
  state.SetItemsProcessed(state.iterations() * kN);
  state.SetBytesProcessed(state.iterations() * kN * 32);
}

void BM_new_pair(benchmark::State& state) {
  constexpr int kN = 1'000'000;
  for (auto _ : state) {
    Allocator a;
    NodePtr l = Allocator::nil();
    for (int i = 0; i < kN; ++i) l = a.new_pair(Allocator::one(), l);
    benchmark::DoNotOptimize(l);
  }
  state.SetItemsProcessed(state.iterations() * kN);
}

#define SERDE_BENCH(fn)                                                                       \
  BENCHMARK_CAPTURE(fn, block_af9c3d98, std::string("block"))->Unit(benchmark::kMicrosecond); \
  BENCHMARK_CAPTURE(fn, generator0, std::string("0.generator"))->Unit(benchmark::kMicrosecond)

SERDE_BENCH(BM_node_from_bytes);
SERDE_BENCH(BM_node_from_bytes_backrefs);
SERDE_BENCH(BM_node_from_bytes_reused_arena);
SERDE_BENCH(BM_node_from_bytes_backrefs_reused_arena);
SERDE_BENCH(BM_node_to_bytes);
SERDE_BENCH(BM_node_to_bytes_backrefs);
SERDE_BENCH(BM_node_to_bytes_2026);
SERDE_BENCH(BM_node_from_bytes_2026);
SERDE_BENCH(BM_tree_hash);
SERDE_BENCH(BM_tree_hash_cached);
SERDE_BENCH(BM_tree_hash_from_bytes);
SERDE_BENCH(BM_serialized_length);
BENCHMARK(BM_new_atom)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_new_pair)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
