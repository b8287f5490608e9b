// SPDX-License-Identifier: Apache-2.0
// Serialization and tree-hash rows on real block generators (tests/data/generators): throughput
// in MB/s of the serialized form (1 MB = 1e6 B), native clvmr (this run, or the fixed reference),
// clvm_rs (wasm) where its API has the operation, and the target ratio to native for the row.
#include "report.hpp"

#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include <bit>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace perf {
namespace {

std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

struct Row {
  Row(std::string n, std::size_t b, double target) : name(std::move(n)), bytes(b), ratio(target) {}
  std::string name;   // native key after "serde/"
  std::size_t bytes;  // serialized bytes read or written
  double ratio;       // target: native/ours at least this; 0 = none
  Best ours, native;
  double wasm_ns = 0;        // 0: not measured
  std::string extra_target;  // a further condition, e.g. the compressed size
  bool extra_met = true;
};

void print(const Row& r, bool live_native) {
  const double med = r.ours.median;
  std::string target;
  bool met = r.extra_met;
  if (r.ratio > 0) {
    char buf[48];
    std::snprintf(buf, sizeof buf, ">= %gx native%s", r.ratio, live_native ? "" : " (Zen 5)");
    target = buf;
    met = met && r.native.median > 0 && r.native.median >= r.ratio * med;
  }
  if (!r.extra_target.empty()) target += (target.empty() ? "" : ", ") + r.extra_target;
  std::printf("%-38s %9zu %10s %10s %9.0f %10s %10s %8s %10s %8s  %s%s\n", r.name.c_str(), r.bytes,
              fmt_ns(med).c_str(), fmt_ns(r.ours.min).c_str(), r.bytes / med * 1e3,
              fmt_ns(r.native.median).c_str(), fmt_ns(r.native.min).c_str(),
              fmt_ratio(r.native.median, med).c_str(), fmt_ns(r.wasm_ns).c_str(),
              fmt_ratio(r.wasm_ns, med).c_str(), target.c_str(),
              target.empty() ? "" : (met ? "  met" : "  MISSED"));
  std::fflush(stdout);
}

// Moves `p` past the rest of an atom whose prefix byte `b` (> 0x80, not ff or fe) was read: its
// remaining prefix bytes and its body. Assumes well-formed input.
inline void skip_atom_body(const std::uint8_t*& p, std::uint8_t b) {
  std::size_t len = 0;
  if (b < 0xc0) {
    len = b & 0x3f;
  } else {
    const unsigned width = static_cast<unsigned>(std::countl_one(b));
    len = b & (0x7fu >> width);
    for (unsigned i = 1; i < width; ++i) len = (len << 8) | *p++;
  }
  p += len;
}

// The floor of any parser of these bytes: reads every token as the readers do (a run of cons
// boxes per 8-byte load, the prefix of every atom and back-reference path, skipping their bytes)
// but builds nothing and keeps no stack. Returns the number of leaf tokens (atoms and `fe`s).
// Assumes well-formed input (the generators).
[[gnu::noinline]] std::size_t scan_tokens(const std::vector<std::uint8_t>& in) {
  const std::uint8_t* p = in.data();
  const std::uint8_t* const end = p + in.size();
  std::size_t leaves = 0;
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      p += static_cast<unsigned>(std::countr_zero(~w | (std::uint64_t{1} << 63))) / 8;
    }
    std::uint8_t b = *p++;
    if (b == 0xff) continue;
    ++leaves;
    if (b == 0xfe) b = *p++;  // the path atom's first byte
    if (b > 0x80) skip_atom_body(p, b);
  }
  return leaves;
}

// scan_tokens plus the pair structure every parser must track: a byte per open pair (reading its
// first or its rest), each leaf closing every pair whose rest it completes. No node is made and
// no back-reference path is followed (an `fe` counts as a leaf). Returns the pairs closed.
// Assumes well-formed input (the generators).
[[gnu::noinline]] std::size_t scan_structure(const std::vector<std::uint8_t>& in) {
  const std::uint8_t* p = in.data();
  const std::uint8_t* const end = p + in.size();
  std::vector<std::uint8_t> open(in.size() + 16);
  open[0] = 2;  // the bottom
  std::uint8_t* op = open.data() + 1;
  std::size_t pairs = 0;
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      const unsigned run =
          static_cast<unsigned>(std::countr_zero(~w | (std::uint64_t{1} << 63))) / 8;
      std::memset(op, 0, 8);
      op += run;
      p += run;
    }
    std::uint8_t b = *p++;
    if (b == 0xff) {
      *op++ = 0;
      continue;
    }
    if (b == 0xfe) b = *p++;  // the path atom's first byte
    if (b > 0x80) skip_atom_body(p, b);
    for (;;) {
      const std::uint8_t top = op[-1];
      if (top == 0) {
        op[-1] = 1;
        break;
      }
      if (top == 2) return pairs;
      ++pairs;
      --op;
    }
  }
  return pairs;
}

// `in` with every back reference (fe and its path atom) replaced by nil (80): the same tokens and
// pair structure with path resolution taken out. Assumes well-formed input (the generators).
std::vector<std::uint8_t> without_backrefs(const std::vector<std::uint8_t>& in) {
  std::vector<std::uint8_t> out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t start = i;
    const bool backref = in[i] == 0xfe;
    if (backref) ++i;
    const std::uint8_t b = in[i++];
    if (b > 0x80 && b != 0xff) {
      const unsigned width = static_cast<unsigned>(std::countl_one(b));
      std::size_t len = b & (0x7fu >> width);
      for (unsigned k = 1; k < width; ++k) len = (len << 8) | in[i++];
      i += len;
    }
    if (backref)
      out.push_back(0x80);
    else
      out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(start),
                 in.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return out;
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
      "benches; min of medians over %zu rounds, %s)\n",
      o.rounds,
      o.native ? "each round: all our rows, then native clvmr-bench's"
               : "native = fixed Zen 5 reference, NOT this run");
  std::printf("%-38s %9s %10s %10s %9s %10s %10s %8s %10s %8s  %s\n", "operation", "bytes",
              "ours med", "ours min", "MB/s", o.native ? "native med" : "nat(Zen5)", "native min",
              "nat/us", "wasm med", "wasm/us", "target");

  std::vector<Row> rows;
  rows.emplace_back("node_from_bytes block", block.size(), 2.5);
  rows.emplace_back("node_from_bytes_backrefs block", block.size(), 3.0);
  rows.emplace_back("node_from_bytes_backrefs 0.generator", gen0.size(), 3.0);
  rows.emplace_back("node_from_bytes 0.generator inflated", inflated.size(), 2.5);
  rows.emplace_back("node_to_bytes 0.generator", inflated.size(), 3.0);
  rows.emplace_back("node_to_bytes_backrefs 0.generator", 0, 50.0);
  rows.emplace_back("tree_hash 0.generator", inflated.size(), 2.5);
  std::size_t compressed = 0;

  for (std::size_t round = 0; round < o.rounds; ++round) {
    auto parse = [&](Row& r, const std::vector<std::uint8_t>& in, bool backrefs) {
      r.ours.add(sample(
          [&] {
            (void)(backrefs ? clvm::node_from_bytes_backrefs(a, in) : clvm::node_from_bytes(a, in));
          },
          restore, o.min_reps, o.min_ms));
    };
    parse(rows[0], block, false);
    parse(rows[1], block, true);
    parse(rows[2], gen0, true);
    parse(rows[3], inflated, false);
    rows[4].ours.add(
        sample([&] { (void)clvm::node_to_bytes(a, tree); }, none, o.min_reps, o.min_ms));
    rows[5].ours.add(sample([&] { compressed = clvm::node_to_bytes_backrefs(a, tree).size(); },
                            none, o.min_reps, o.min_ms));
    rows[6].ours.add(sample([&] { (void)clvm::tree_hash(a, tree); }, none, o.min_reps, o.min_ms));
    if (o.native) {
      const auto native = o.native->serde(o.min_reps, o.min_ms);
      for (auto& r : rows) {
        const auto it = native.find(r.name);
        if (it != native.end()) r.native.add(it->second.median, it->second.min);
      }
    }
  }
  if (!o.native)
    for (auto& r : rows) {
      const auto it = anchors.find("serde/" + r.name);
      if (it != anchors.end()) r.native.median = it->second;
    }
  if (o.peer) {
    auto wasm = [&](Row& r, const std::string& file, bool backrefs) {
      const PeerReply p = o.peer->call({"serde", file, backrefs ? "1" : "0",
                                        std::to_string(o.min_reps), std::to_string(o.min_ms)});
      if (!p.error) r.wasm_ns = p.samples("parse_ns").median();
    };
    wasm(rows[0], dir + "block_af9c3d98.bin", false);
    wasm(rows[2], dir + "0.generator", true);
  }
  // Tokenizing alone (scan_tokens), timed after the rows: native / this is the most any parser
  // of the same bytes could reach in this run.
  std::size_t leaves = 0;
  const auto floor = [&](const char* name, const std::vector<std::uint8_t>& in, const Row& of) {
    Best t;
    for (std::size_t round = 0; round < o.rounds; ++round)
      t.add(sample([&] { leaves += scan_tokens(in); }, none, o.min_reps, o.min_ms));
    std::printf(
        "  tokenize only, %-36s %9s  (parser %s; native med / tokenize med = %s, the "
        "ceiling of the row's ratio)\n",
        name, fmt_ns(t.median).c_str(), fmt_ns(of.ours.median).c_str(),
        fmt_ratio(of.native.median, t.median).c_str());
  };
  rows[5].bytes = compressed;
  rows[5].extra_target = "<= 253078 B";
  rows[5].extra_met = compressed <= 253078;
  for (const auto& r : rows) print(r, o.native != nullptr);
  floor("block", block, rows[1]);
  floor("0.generator", gen0, rows[2]);
  floor("0.generator inflated", inflated, rows[3]);
  if (leaves == 0) std::printf("  (no tokens)\n");
  // Two more reference loops for the back-reference row: the pair structure added to the tokens
  // (scan_structure: still no node, no path followed), and the same parser engine building only
  // a shadow of the tree's shape (serialized_length_from_bytes: every path walked, pairs pushed
  // onto a vector, no arena). What the parser spends beyond the second is the arena's node
  // creation; native med / each is the ratio a parser doing only that much would reach.
  std::size_t closed = 0;
  const auto reference = [&](const char* what, const auto& fn) {
    Best t;
    for (std::size_t round = 0; round < o.rounds; ++round)
      t.add(sample(fn, none, o.min_reps, o.min_ms));
    std::printf("  %-54s %9s  (parser %s; native med / this = %s)\n", what,
                fmt_ns(t.median).c_str(), fmt_ns(rows[2].ours.median).c_str(),
                fmt_ratio(rows[2].native.median, t.median).c_str());
  };
  reference("tokenize + pair structure, 0.generator", [&] { closed += scan_structure(gen0); });
  reference("shape-only parse + path walks, 0.generator",
            [&] { closed += clvm::serialized_length_from_bytes(gen0); });
  // The parser itself on 0.generator with every back reference replaced by nil: everything but
  // path resolution (tokens, structure, every other node made in the arena).
  const auto stripped = without_backrefs(gen0);
  {
    Best t;
    for (std::size_t round = 0; round < o.rounds; ++round)
      t.add(sample([&] { (void)clvm::node_from_bytes_backrefs(a, stripped); }, restore, o.min_reps,
                   o.min_ms));
    std::printf("  %-54s %9s  (parser %s; native med / this = %s)\n",
                "parser, 0.generator with back references as nil", fmt_ns(t.median).c_str(),
                fmt_ns(rows[2].ours.median).c_str(),
                fmt_ratio(rows[2].native.median, t.median).c_str());
  }
  if (closed == 0) std::printf("  (no pairs)\n");

  Row tc("tree_hash_cached 0.generator (cold)", inflated.size(), 0);
  std::size_t memo = 0;
  tc.ours.add(sample(
      [&] {
        clvm::TreeCache cache;
        (void)clvm::tree_hash_cached(a, tree, cache);
        memo = cache.size();
      },
      none, o.min_reps, o.min_ms));
  print(tc, o.native != nullptr);
  std::printf(
      "  (tree_hash_cached memoised %zu shared pairs; %s per stored node of the arena)\n", memo,
      fmt_ns(tc.ours.median / static_cast<double>(a.atom_count() + a.pair_count())).c_str());
}

}  // namespace perf
