// SPDX-License-Identifier: Apache-2.0
// Shared pieces of the perf report (bench/perf_report): options, the native clvmr anchors, the
// failure flag (any cost/result mismatch makes the report exit non-zero), formatting helpers.
#pragma once

#include "native.hpp"
#include "peer.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perf {

struct Options {
  std::string source_dir;    // repository root (tests/data, bench/data)
  std::optional<Peer> peer;  // absent with --no-peer
  // Native clvmr-bench timed in this run (--native); null: the fixed reference column instead.
  std::shared_ptr<const NativeBench> native;
  std::size_t rounds = 2;    // interleaved rounds; each row reports the minimum of its medians
  std::size_t min_reps = 5;  // per measurement
  double min_ms = 500;       // per measurement
  std::string filter;        // substring of program names; empty = all
  bool serde = true, programs = true;
  // --deadline: each round also times ours with RunOptions::deadline an hour away (issue 18:
  // the deadline must cost nothing measurable), and a table compares the two.
  bool deadline = false;
  std::string self;  // argv[0], for the memory children
};

/// Native clvmr 0.19.0 reference times in ns (bench/data/clvmr_native.tsv), keyed "run/NAME" or
/// "serde/ROW". Measured on another processor (AMD Zen 5) by the benchmark data's authors, not in
/// this run: the report uses them only when no native binary is given.
std::map<std::string, double> load_anchors(const std::string& source_dir);

/// The processor the fixed reference column was measured on (for its label).
inline constexpr const char* kAnchorMachine = "Zen 5";

/// The per-run minimum of medians and of minima over interleaved rounds.
struct Best {
  double median = 0, min = 0;  // 0: nothing recorded
  void add(double med, double mn) {
    median = median == 0 ? med : std::min(median, med);
    min = min == 0 ? mn : std::min(min, mn);
  }
  void add(const Samples& s) { add(s.median(), s.min()); }
};

/// Records a correctness failure (printed loudly at once and again in the summary).
void fail(const std::string& what);
const std::vector<std::string>& failures();

/// Human units: 1.23 ms, 456 µs, ...
std::string fmt_ns(double ns);
/// "1.52x", or "-" when either side is missing (<= 0).
std::string fmt_ratio(double slower_ns, double faster_ns);

/// Geometric mean of positive values; 0 when empty.
double geomean(const std::vector<double>& v);

/// The run_program rows; returns the native/ours and wasm/ours ratios for the geomeans.
struct RatioSets {
  std::vector<std::pair<std::string, double>> native;   // the programs that do real work
  std::vector<std::pair<std::string, double>> trivial;  // block-2000, hash-string: per-call cost
  std::vector<double> peer;
};
RatioSets report_programs(const Options& o, const std::map<std::string, double>& anchors);
/// The serialization and tree-hash rows.
void report_serde(const Options& o, const std::map<std::string, double>& anchors);
/// Child mode for peak memory: loads and runs one program, exits. NAME "-" loads nothing.
int memory_child(const std::string& source_dir, const std::string& name);
/// Profiling mode (e.g. under valgrind --tool=callgrind --toggle-collect='clvm::run_program*'):
/// loads program `name` and runs it `reps` times, rewinding the arena between runs as the timed
/// rows do. Returns 1 if a cost differs from the recorded one.
int profile_child(const std::string& source_dir, const std::string& name, std::size_t reps);

}  // namespace perf
