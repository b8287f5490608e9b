// SPDX-License-Identifier: Apache-2.0
// Native clvmr 0.19 in the perf report: a `clvmr-bench` executable (given with --native) timed in
// the same run as ours, one child process per request, its `--tsv` rows read back. The child
// reads the project's own data (tests/data) through a temporary directory of symlinks laid out
// as clvmr-bench expects (programs/, env/, generators/).
#pragma once

#include <map>
#include <optional>
#include <string>

namespace perf {

/// One native row: median and minimum wall time in ns.
struct NativeTiming {
  double median = 0, min = 0;
};

class NativeBench {
 public:
  /// `binary`: the clvmr-bench executable; `source_dir`: the repository root (tests/data).
  /// Throws std::runtime_error if the data directory cannot be created.
  NativeBench(std::string binary, const std::string& source_dir);
  ~NativeBench();
  NativeBench(const NativeBench&) = delete;
  NativeBench& operator=(const NativeBench&) = delete;

  /// Times program `name` (run_program only). Returns nothing when native cannot run it (the
  /// BLS/secp operators are not built there: clvmr-bench reports "skipped"); calls fail() when
  /// native reports a cost or result that differs from the recorded one, or does not run.
  std::optional<NativeTiming> program(const std::string& name, std::size_t min_reps,
                                      double min_ms) const;
  /// Times the serialization and tree-hash rows; keyed by row name (without "serde/"). Empty,
  /// after fail(), when the child fails.
  std::map<std::string, NativeTiming> serde(std::size_t min_reps, double min_ms) const;

  const std::string& binary() const { return binary_; }

 private:
  /// Runs clvmr-bench with `args`; returns its stdout and fills `rows` from its --tsv file
  /// (key -> timing). Returns nothing if it could not be started or exited non-zero.
  std::optional<std::string> run(const std::string& args,
                                 std::map<std::string, NativeTiming>& rows) const;

  std::string binary_, dir_;
};

}  // namespace perf
