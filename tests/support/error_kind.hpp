// SPDX-License-Identifier: Apache-2.0
// Test helpers: what a call throws. `kind_of(f)` is the ErrorKind of the clvm::Error `f` throws, or
// std::nullopt when it throws none, so that EXPECT_EQ(kind_of(f), ErrorKind::X) fails on "no error"
// whatever X is (InternalError included). `caught<E>(f)` returns the exception itself, for
// tests that look at more than its kind.
#pragma once

#include <clvm/error.hpp>

#include <optional>

namespace clvm::test {

/// Calls `f`; returns the E it throws (a copy), or std::nullopt when it returns normally. Any other
/// exception propagates (and fails the test).
template <class E = Error, class F>
std::optional<E> caught(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  return std::nullopt;
}

/// Calls `f`; returns the kind() of the E (a clvm::Error or a subclass) it throws, or std::nullopt
/// when it returns normally. Any other exception propagates.
template <class E = Error, class F>
std::optional<ErrorKind> kind_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.kind();
  }
  return std::nullopt;
}

}  // namespace clvm::test
