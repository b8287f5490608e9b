// SPDX-License-Identifier: Apache-2.0
// clvm_perf_report — the performance harness (scripts/bench.sh runs it): run_program on the 20
// benchmark programs, serialization and tree hashing, each beside native clvmr 0.19 (a
// clvmr-bench binary given with --native, interleaved with ours in the same run; without one, a
// fixed reference from another processor) and clvm_rs 0.7.0 (wasm, same run), then geomeans and
// the targets. Exits 1 when any cost or result differs from the recorded one (or from a peer's).
//
//   clvm_perf_report [--source-dir DIR] [--peer SCRIPT --node-path DIR | --no-peer]
//                    [--native CLVMR_BENCH | --no-native] [--rounds N (>= 1, default 2)]
//                    [--min-reps N] [--min-ms MS] [--filter NAME] [--no-serde] [--no-programs]
//                    [--deadline]   (also times each program with a deadline an hour away)
//   clvm_perf_report --profile NAME [--reps N (default 3)]   (runs one program N times, for
//                    callgrind: see docs/performance.md)
#include "report.hpp"

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace perf {

namespace {
std::vector<std::string> g_failures;
}

void fail(const std::string& what) {
  std::fprintf(stderr, "MISMATCH: %s\n", what.c_str());
  g_failures.push_back(what);
}
const std::vector<std::string>& failures() { return g_failures; }

std::map<std::string, double> load_anchors(const std::string& source_dir) {
  std::map<std::string, double> out;
  std::ifstream in(source_dir + "/bench/data/clvmr_native.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab != std::string::npos) out[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
  }
  return out;
}

std::string fmt_ns(double ns) {
  if (ns <= 0) return "-";
  char buf[32];
  if (ns >= 1e9)
    std::snprintf(buf, sizeof buf, "%.3g s", ns / 1e9);
  else if (ns >= 1e6)
    std::snprintf(buf, sizeof buf, "%.3g ms", ns / 1e6);
  else if (ns >= 1e3)
    std::snprintf(buf, sizeof buf, "%.3g us", ns / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.3g ns", ns);
  return buf;
}

std::string fmt_ratio(double slower_ns, double faster_ns) {
  if (slower_ns <= 0 || faster_ns <= 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2fx", slower_ns / faster_ns);
  return buf;
}

double geomean(const std::vector<double>& v) {
  if (v.empty()) return 0;
  double log_sum = 0;
  for (double x : v) log_sum += std::log(x);
  return std::exp(log_sum / static_cast<double>(v.size()));
}

}  // namespace perf

int main(int argc, char** argv) {
  perf::Options o;
  o.self = argv[0];
  o.source_dir = CLVMPP_SOURCE_DIR;
  std::string script = o.source_dir + "/bench/peer/clvm_rs_wasm.js", node_path;
  bool no_peer = false;
  std::string memory_child, native, profile;
  std::size_t profile_reps = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "clvm_perf_report: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--source-dir")
      o.source_dir = value();
    else if (arg == "--peer")
      script = value();
    else if (arg == "--node-path")
      node_path = value();
    else if (arg == "--no-peer")
      no_peer = true;
    else if (arg == "--native")
      native = value();
    else if (arg == "--no-native")
      native.clear();
    else if (arg == "--rounds")
      o.rounds = std::max<std::size_t>(1, std::stoul(value()));
    else if (arg == "--min-reps")
      o.min_reps = std::stoul(value());
    else if (arg == "--min-ms")
      o.min_ms = std::stod(value());
    else if (arg == "--filter")
      o.filter = value();
    else if (arg == "--no-serde")
      o.serde = false;
    else if (arg == "--no-programs")
      o.programs = false;
    else if (arg == "--deadline")
      o.deadline = true;
    else if (arg == "--profile")
      profile = value();
    else if (arg == "--reps")
      profile_reps = std::stoul(value());
    else if (arg == "--memory-child")
      memory_child = value();
    else {
      std::fprintf(stderr, "clvm_perf_report: unknown argument %s (see the file's header)\n",
                   arg.c_str());
      return 2;
    }
  }
  if (!memory_child.empty()) return perf::memory_child(o.source_dir, memory_child);
  if (!profile.empty()) return perf::profile_child(o.source_dir, profile, profile_reps);
  if (!no_peer) {
    if (node_path.empty()) {
      std::fprintf(stderr,
                   "clvm_perf_report: --node-path (node_modules with clvm_wasm) or "
                   "--no-peer is required\n");
      return 2;
    }
    o.peer.emplace(script, node_path);
  }
  if (!native.empty()) o.native = std::make_shared<const perf::NativeBench>(native, o.source_dir);
  const auto anchors = perf::load_anchors(o.source_dir);
  perf::RatioSets ratios;
  if (o.programs) ratios = perf::report_programs(o, anchors);
  if (o.serde) {
    // The serde rows allocate ~1 MB outputs per call. A fresh process's malloc gives those back
    // to the system on free and faults them in again (node_to_bytes read 2x slower with
    // --no-programs than after the programs had raised glibc's thresholds); fix the thresholds
    // so the rows measure the steady state either way.
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    perf::report_serde(o, anchors);
  }

  std::printf("\n## summary\n");
  const char* which = o.native ? "native clvmr 0.19 in this run"
                               : "native clvmr 0.19 fixed Zen 5 reference (NOT this run)";
  if (!ratios.native.empty()) {
    auto worst = ratios.native.front();
    std::vector<double> values;
    for (const auto& nr : ratios.native) {
      values.push_back(nr.second);
      if (nr.second < worst.second) worst = nr;
    }
    const double g = perf::geomean(values);
    std::printf(
        "run_program vs %s: geomean %.2fx over %zu programs, slowest %s %.2fx "
        "(target: geomean >= 3.0x, none < 2.0x) %s\n",
        which, g, values.size(), worst.first.c_str(), worst.second,
        g >= 3.0 && worst.second >= 2.0 ? "met" : "MISSED");
  }
  if (!ratios.trivial.empty()) {
    bool ok = true;
    std::printf("fixed per-call cost vs %s:", which);
    for (const auto& [name, r] : ratios.trivial) {
      std::printf(" %s %.2fx", name.c_str(), r);
      ok = ok && r >= 1.0;
    }
    std::printf(" (target: >= 1.0x) %s\n", ok ? "met" : "MISSED");
  }
  if (!ratios.peer.empty())
    std::printf(
        "run_program vs clvm_rs 0.7 wasm (this run): geomean %.2fx over %zu programs "
        "(target: >= 2.0x) %s\n",
        perf::geomean(ratios.peer), ratios.peer.size(),
        perf::geomean(ratios.peer) >= 2.0 ? "met" : "MISSED");
  if (!perf::failures().empty()) {
    std::printf("%zu MISMATCHES (costs/results differ from the recorded ones):\n",
                perf::failures().size());
    for (const auto& f : perf::failures()) std::printf("  %s\n", f.c_str());
    return 1;
  }
  std::printf("all costs and results equal the recorded ones\n");
  return 0;
}
