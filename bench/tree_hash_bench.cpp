// SPDX-License-Identifier: Apache-2.0
// Tree hashing on real block generators (tests/data/generators): tree_hash of the 0.generator tree
// (every occurrence of a shared subtree hashed again: 344,530 SHA-256 messages, 329,024 of them
// 2-block pair messages; the other 313,519 atoms come from the table), tree_hash_cached of it
// (each distinct pair once), tree_hash of
// block_af9c3d98, and the bare cost of one 65-byte pair message, one at a time and four at once.
// Rows ending in _portable force the OpenSSL block function instead of SHA-NI.
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "crypto/sha256.hpp"
#include "tree_hash/hasher.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace clvm;

struct Parsed {
  Allocator arena;
  NodePtr root;
  explicit Parsed(const std::string& name) {
    std::ifstream f(std::string(CLVMPP_SOURCE_DIR) + "/tests/data/generators/" + name,
                    std::ios::binary);
    if (!f) throw std::runtime_error("missing " + name);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(f),
                                          std::istreambuf_iterator<char>()};
    root = node_from_bytes_backrefs(arena, bytes);
  }
};

Parsed& parsed(const std::string& name) {
  static Parsed block("block_af9c3d98.bin"), gen0("0.generator");
  return name == "0.generator" ? gen0 : block;
}

// Selects the backend for one benchmark and restores the default after it.
class Backend {
 public:
  Backend(benchmark::State& state, bool portable) : saved_(crypto::sha256_backend()) {
    if (portable) crypto::set_sha256_backend(crypto::Sha256Backend::kPortable);
    state.SetLabel(crypto::sha256_backend() == crypto::Sha256Backend::kShaNi ? "sha-ni"
                                                                             : "portable");
  }
  ~Backend() { crypto::set_sha256_backend(saved_); }

 private:
  crypto::Sha256Backend saved_;
};

void BM_tree_hash(benchmark::State& state, const std::string& name, bool portable) {
  const Backend backend(state, portable);
  Parsed& p = parsed(name);
  for (auto _ : state) benchmark::DoNotOptimize(tree_hash(p.arena, p.root));
}

void BM_tree_hash_cached(benchmark::State& state, const std::string& name, bool portable) {
  const Backend backend(state, portable);
  Parsed& p = parsed(name);
  for (auto _ : state) {
    TreeCache cache;  // a fresh cache each time: the cost of one full hash
    benchmark::DoNotOptimize(tree_hash_cached(p.arena, p.root, cache));
  }
}

// sha256(02 || left || right), each result feeding the next message (latency-bound).
void BM_sha256_pair(benchmark::State& state, bool portable) {
  const Backend backend(state, portable);
  Bytes32 left{}, right{};
  right[0] = 1;
  for (auto _ : state) {
    left = tree_hash_detail::hash_pair(left, right);
    benchmark::DoNotOptimize(left);
  }
  state.SetItemsProcessed(state.iterations());
}

// Four independent pair messages per call to sha256_padded_many.
void BM_sha256_pair_x4(benchmark::State& state, bool portable) {
  const Backend backend(state, portable);
  tree_hash_detail::PairMessage msgs[4];
  for (int i = 0; i < 4; ++i) msgs[i].child(0)[0] = static_cast<std::uint8_t>(i);
  const std::uint8_t* in[4] = {msgs[0].bytes, msgs[1].bytes, msgs[2].bytes, msgs[3].bytes};
  std::uint8_t* out[4] = {msgs[0].child(1), msgs[1].child(1), msgs[2].child(1), msgs[3].child(1)};
  for (auto _ : state) {
    crypto::sha256_padded_many(in, 4, 2, out);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * 4);
}

BENCHMARK_CAPTURE(BM_tree_hash, generator0, std::string("0.generator"), false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_tree_hash, generator0_portable, std::string("0.generator"), true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_tree_hash_cached, generator0, std::string("0.generator"), false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_tree_hash, block_af9c3d98, std::string("block"), false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_tree_hash_cached, block_af9c3d98, std::string("block"), false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_sha256_pair, one, false);
BENCHMARK_CAPTURE(BM_sha256_pair, one_portable, true);
BENCHMARK_CAPTURE(BM_sha256_pair_x4, four, false);

}  // namespace

BENCHMARK_MAIN();
