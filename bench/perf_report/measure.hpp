// SPDX-License-Identifier: Apache-2.0
// Wall-clock sampling for the perf report: medians and minima of repeated calls, never means (the
// machines are shared; the median resists outliers, the minimum shows the floor).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

namespace perf {

struct Samples {
  std::vector<double> ns;  // one wall time per call

  /// Requires at least one sample. Returns the median (upper middle for even counts).
  double median() const {
    std::vector<double> s = ns;
    std::sort(s.begin(), s.end());
    return s[s.size() / 2];
  }
  /// Requires at least one sample.
  double min() const { return *std::min_element(ns.begin(), ns.end()); }
  bool empty() const { return ns.empty(); }
};

/// Calls `fn` at least `min_reps` times and until `min_ms` milliseconds have passed (at most
/// `max_reps` calls); `between` runs after each call, untimed (e.g. restoring a checkpoint).
template <class Fn, class Between>
Samples sample(Fn&& fn, Between&& between, std::size_t min_reps, double min_ms,
               std::size_t max_reps = 100000) {
  using Clock = std::chrono::steady_clock;
  Samples out;
  const auto start = Clock::now();
  while (out.ns.size() < max_reps &&
         (out.ns.size() < min_reps ||
          std::chrono::duration<double, std::milli>(Clock::now() - start).count() < min_ms)) {
    const auto t0 = Clock::now();
    fn();
    out.ns.push_back(std::chrono::duration<double, std::nano>(Clock::now() - t0).count());
    between();
  }
  return out;
}

}  // namespace perf
