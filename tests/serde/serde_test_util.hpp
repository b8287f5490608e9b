// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the serde tests: hex literals and generator files.
#pragma once

#include <clvm/bytes.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "error_kind.hpp"

namespace serde_test {

/// Decodes hex; throws on bad input (test data is trusted).
inline std::vector<std::uint8_t> hex(std::string_view h) {
  auto b = clvm::from_hex(h);
  if (!b) throw std::invalid_argument("bad hex in test");
  return *b;
}

inline std::string to_hex(const std::vector<std::uint8_t>& b) { return clvm::to_hex(b); }

/// The bytes of tests/data/generators/<name>.
inline std::vector<std::uint8_t> generator(const std::string& name) {
  std::ifstream f(std::string(CLVMPP_TEST_DATA_DIR) + "/generators/" + name, std::ios::binary);
  if (!f) throw std::runtime_error("missing test data: " + name);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

/// Asserts that `f()` throws an error of type E with kind `kind`.
template <class E, class F>
void expect_error(F&& f, clvm::ErrorKind kind) {
  const std::optional<E> e = clvm::test::caught<E>(f);
  if (!e) {
    ADD_FAILURE() << "no exception";
    return;
  }
  EXPECT_EQ(e->kind(), kind) << e->what();
}

}  // namespace serde_test
