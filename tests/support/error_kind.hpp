// SPDX-License-Identifier: Apache-2.0
// Test helper: the ErrorKind a call throws, for EXPECT_EQ against the expected kind.
#pragma once

#include <clvm/error.hpp>

namespace clvm::test {

/// Calls `f` and returns the kind of the clvm::Error it throws; InternalError if it throws none
/// (so "did not throw" shows up as a mismatch).
inline ErrorKind kind_of(auto&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  return ErrorKind::InternalError;
}

}  // namespace clvm::test
