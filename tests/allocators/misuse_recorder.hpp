// SPDX-License-Identifier: Apache-2.0
// A misuse handler that records reports instead of aborting, for the negative tests.
#pragma once

#include <clvm/mem/misuse.hpp>

#include <vector>

namespace clvm::mem::testing {

inline std::vector<MisuseReport>& recorded_misuse() {
  static std::vector<MisuseReport> reports;
  return reports;
}

/// While alive, misuse reports are appended to recorded_misuse() (cleared on construction).
class RecordMisuse {
 public:
  RecordMisuse() { recorded_misuse().clear(); }
  const std::vector<MisuseReport>& reports() const { return recorded_misuse(); }

 private:
  static void record(const MisuseReport& r) { recorded_misuse().push_back(r); }
  ScopedMisuseHandler scope_{&RecordMisuse::record};
};

}  // namespace clvm::mem::testing
