// SPDX-License-Identifier: Apache-2.0
// Serialization and tree-hash rows on real block generators (tests/data/generators): throughput
// in MB/s of the serialized form (1 MB = 1e6 B), the native clvmr reference, clvm_rs (wasm) where
// its API has the operation, and the target for the row.
#include "report.hpp"

#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>

namespace perf {
namespace {

std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

struct Row {
  Row(std::string n, std::size_t b) : name(std::move(n)), bytes(b) {}
  std::string name;   // anchor key after "serde/"
  std::size_t bytes;  // serialized bytes read or written
  Samples ours;
  double wasm_ns = 0;  // 0: not measured
  std::string target;  // e.g. ">= 3 GB/s"
  bool met = true;
};

void print(const Row& r, const std::map<std::string, double>& anchors) {
  const auto it = anchors.find("serde/" + r.name);
  const double native = it == anchors.end() ? 0 : it->second;
  const double med = r.ours.median();
  std::printf("%-38s %9zu %10s %10s %9.0f %10s %8s %10s %8s  %s%s\n", r.name.c_str(), r.bytes,
              fmt_ns(med).c_str(), fmt_ns(r.ours.min()).c_str(), r.bytes / med * 1e3,
              fmt_ns(r.wasm_ns).c_str(), fmt_ratio(r.wasm_ns, med).c_str(), fmt_ns(native).c_str(),
              fmt_ratio(native, med).c_str(), r.target.c_str(),
              r.target.empty() ? "" : (r.met ? "  met" : "  MISSED"));
  std::fflush(stdout);
}

}  // namespace

void report_serde(const Options& o, const std::map<std::string, double>& anchors) {
  const std::string dir = o.source_dir + "/tests/data/generators/";
  const auto block = read_file(dir + "block_af9c3d98.bin");
  const auto gen0 = read_file(dir + "0.generator");
  clvm::Allocator a;
  const clvm::NodePtr tree = clvm::node_from_bytes_backrefs(a, gen0);
  const auto inflated = clvm::node_to_bytes(a, tree);
  const clvm::Checkpoint cp = a.checkpoint();
  const auto restore = [&] { a.restore_checkpoint(cp); };
  const auto none = [] {};

  std::printf(
      "\n## serialization and tree hash (one arena reused through checkpoints, as clvmr's "
      "benches)\n");
  std::printf("%-38s %9s %10s %10s %9s %10s %8s %10s %8s  %s\n", "operation", "bytes", "ours med",
              "ours min", "MB/s", "wasm med", "wasm/us", "native", "nat/us", "target");
  auto parse_row = [&](std::string name, const std::vector<std::uint8_t>& in, bool backrefs,
                       double min_mb_s, bool with_peer, const std::string& file) {
    Row r(std::move(name), in.size());
    r.ours = sample(
        [&] {
          (void)(backrefs ? clvm::node_from_bytes_backrefs(a, in) : clvm::node_from_bytes(a, in));
        },
        restore, o.min_reps, o.min_ms);
    if (min_mb_s > 0) {
      r.target = ">= " + std::to_string(static_cast<int>(min_mb_s)) + " MB/s";
      r.met = in.size() / r.ours.median() * 1e3 >= min_mb_s;
    }
    if (with_peer && o.peer) {
      const PeerReply p = o.peer->call({"serde", file, backrefs ? "1" : "0",
                                        std::to_string(o.min_reps), std::to_string(o.min_ms)});
      if (!p.error) r.wasm_ns = p.samples("parse_ns").median();
    }
    print(r, anchors);
  };
  parse_row("node_from_bytes block", block, false, 3000, true, dir + "block_af9c3d98.bin");
  parse_row("node_from_bytes_backrefs block", block, true, 0, false, "");
  parse_row("node_from_bytes_backrefs 0.generator", gen0, true, 1100, true, dir + "0.generator");
  parse_row("node_from_bytes 0.generator inflated", inflated, false, 0, false, "");

  Row to("node_to_bytes 0.generator", inflated.size());
  to.ours = sample([&] { (void)clvm::node_to_bytes(a, tree); }, none, o.min_reps, o.min_ms);
  to.target = ">= 1000 MB/s";
  to.met = inflated.size() / to.ours.median() * 1e3 >= 1000;
  print(to, anchors);

  std::size_t compressed = 0;
  Row tb("node_to_bytes_backrefs 0.generator", 0);
  tb.ours = sample([&] { compressed = clvm::node_to_bytes_backrefs(a, tree).size(); }, none,
                   o.min_reps, o.min_ms);
  tb.bytes = compressed;
  tb.target = ">= 50x native, <= 253078 B";
  tb.met = tb.ours.median() * 50 <= anchors.at("serde/" + tb.name) && compressed <= 253078;
  print(tb, anchors);

  Row th("tree_hash 0.generator", inflated.size());
  th.ours = sample([&] { (void)clvm::tree_hash(a, tree); }, none, o.min_reps, o.min_ms);
  th.target = ">= 1.5x native";
  th.met = th.ours.median() * 1.5 <= anchors.at("serde/" + th.name);
  print(th, anchors);

  Row tc("tree_hash_cached 0.generator (cold)", inflated.size());
  std::size_t memo = 0;
  tc.ours = sample(
      [&] {
        clvm::TreeCache cache;
        (void)clvm::tree_hash_cached(a, tree, cache);
        memo = cache.size();
      },
      none, o.min_reps, o.min_ms);
  print(tc, anchors);
  std::printf(
      "  (tree_hash_cached memoised %zu shared pairs; %s per stored node of the arena)\n", memo,
      fmt_ns(tc.ours.median() / static_cast<double>(a.atom_count() + a.pair_count())).c_str());
}

}  // namespace perf
