// SPDX-License-Identifier: Apache-2.0
// The `timeout` argument -> clvm::RunOptions, and the timeout exception.
#include "run_options.hpp"

#include "errors.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace py = pybind11;

namespace clvmpy {

namespace {
// Far enough to mean "no limit in practice", near enough that now() + it cannot overflow.
constexpr double kMaxTimeoutSeconds = 1e9;
}  // namespace

clvm::RunOptions run_options(std::optional<double> timeout) {
  clvm::RunOptions options;
  if (!timeout) return options;
  const double seconds = *timeout;
  if (std::isnan(seconds) || seconds < 0)
    raise_value_error("timeout must be None or a number of seconds >= 0");
  const auto span = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(std::min(seconds, kMaxTimeoutSeconds)));
  options.deadline = std::chrono::steady_clock::now() + span;
  return options;
}

void raise_timeout(const std::string& message) {
  raise_clvmpp_error("EvalTimeout", py::make_tuple(message));
}

}  // namespace clvmpy
