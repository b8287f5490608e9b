// SPDX-License-Identifier: Apache-2.0
// Helpers for the operator tests: build an argument list from CLVM text, call an operator
// directly (as clvmr's op tests do), compare trees structurally.
#pragma once

#include <gtest/gtest.h>

#include <clvm/allocator.hpp>
#include <clvm/error.hpp>
#include <clvm/text.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error_kind.hpp"
#include "ops/op.hpp"
#include "same_tree.hpp"

namespace clvm::test {

/// clvmr's op-test budget.
inline constexpr Cost kOpTestMaxCost = 10'000'000'000;

/// The argument list written as the items `args_text` (e.g. `1 0x00ff ( 2 . 3 )`).
inline NodePtr args_from_text(Allocator& a, std::string_view args_text) {
  std::string text;  // built with append: GCC 12's -Wrestrict misfires on `"(" + s + ")"` at -O3
  text.reserve(args_text.size() + 3);
  text.append("(").append(args_text).append("\n)");
  return assemble(a, text);
}

/// `node` as `0x..` hex for an atom (`()` for nil) and `(first . rest)` for a pair. Test results
/// are shallow, so this recurses.
inline std::string show(const Allocator& a, NodePtr node) {
  if (node.is_pair()) {
    const Pair p = a.pair(node);
    return "(" + show(a, p.first) + " . " + show(a, p.rest) + ")";
  }
  const Atom atom = a.atom(node);
  if (atom.empty()) return "()";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "0x";
  for (std::uint8_t b : atom) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

/// The outcome of one operator call, printable for failure messages.
struct Outcome {
  bool ok = false;
  Cost cost = 0;
  std::string value;              // show() of the result, or the error message
  std::optional<ErrorKind> kind;  // the error's kind; nullopt on success
};

/// Calls `op` on the arguments `args_text` with `flags` and `max_cost`.
inline Outcome call_op(ops::OpFn op, std::string_view args_text, Flags flags = 0,
                       Cost max_cost = kOpTestMaxCost) {
  Allocator a;
  const NodePtr args = args_from_text(a, args_text);
  try {
    const Reduction r = op(a, args, max_cost, flags);
    return {true, r.cost, show(a, r.node), std::nullopt};
  } catch (const Error& e) {
    return {false, 0, e.what(), e.kind()};
  }
}

/// Expects `out` to be a success with show() `value` and cost `cost`.
#define EXPECT_OP_OK(out, expected_value, expected_cost)          \
  do {                                                            \
    const ::clvm::test::Outcome o_ = (out);                       \
    EXPECT_TRUE(o_.ok) << o_.value;                               \
    EXPECT_EQ(o_.value, expected_value);                          \
    EXPECT_EQ(o_.cost, static_cast<::clvm::Cost>(expected_cost)); \
  } while (0)

/// Expects `out` to be a failure of kind `expected_kind`.
#define EXPECT_OP_ERR(out, expected_kind)                             \
  do {                                                                \
    const ::clvm::test::Outcome o_ = (out);                           \
    EXPECT_FALSE(o_.ok) << o_.value << " | " << o_.cost;              \
    EXPECT_EQ(o_.kind, ::clvm::ErrorKind::expected_kind) << o_.value; \
  } while (0)

}  // namespace clvm::test
