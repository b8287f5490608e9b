// SPDX-License-Identifier: Apache-2.0
// Nesting 10,000,000 deep, both ways round: no recursion, so no stack overflow.
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include "deep_scale.hpp"

#include <string>

namespace {

constexpr std::size_t kDepth = clvm::test::kDeepLevels;  // 10,000,000; 1,000,000 under a sanitizer

// ((((...)))) : each list's only item is the next list, innermost ().
TEST(TextDeep, LeftNestedTenMillion) {
  const std::string text = std::string(kDepth, '(') + std::string(kDepth, ')');
  clvm::Allocator a;
  const clvm::NodePtr root = clvm::assemble(a, text);
  EXPECT_EQ(a.pair_count(), kDepth - 1);
  clvm::NodePtr n = root;
  std::size_t depth = 0;
  while (n.is_pair()) {
    ASSERT_TRUE(a.pair(n).rest.is_nil());
    n = a.pair(n).first;
    ++depth;
  }
  EXPECT_EQ(depth, kDepth - 1);
  EXPECT_EQ(clvm::disassemble(a, root), text);
}

// (1 . (1 . (1 . ... ()))) written with explicit dots: the same depth through the dotted tails.
TEST(TextDeep, RightNestedDottedTenMillion) {
  std::string text;
  text.reserve(kDepth * 7 + 2);
  for (std::size_t i = 0; i < kDepth; ++i) text += "(1 . ";
  text += "()";
  text.append(kDepth, ')');
  clvm::Allocator a;
  const clvm::NodePtr root = clvm::assemble(a, text);
  EXPECT_EQ(a.pair_count(), kDepth);
  // It is a flat list of ten million 1s, and prints as one.
  const std::string printed = clvm::disassemble(a, root);
  EXPECT_EQ(printed.size(), 2 * kDepth + 1);
  EXPECT_EQ(printed.substr(0, 6), "(q 1 1");
}

// (a (a (a ... (a)))) : nested through the last item.
TEST(TextDeep, NestedInLastItemTenMillion) {
  std::string text;
  text.reserve(kDepth * 4);
  for (std::size_t i = 0; i < kDepth; ++i) text += "(a ";
  text.append(kDepth, ')');
  clvm::Allocator a;
  const clvm::NodePtr root = clvm::assemble(a, text);
  EXPECT_EQ(a.pair_count(), 2 * kDepth - 1);
  // The same text, except that the innermost "(a )" prints as "(a)".
  std::string expected;
  expected.reserve(text.size());
  for (std::size_t i = 0; i + 1 < kDepth; ++i) expected += "(a ";
  expected += "(a)";
  expected.append(kDepth - 1, ')');
  EXPECT_EQ(clvm::disassemble(a, root), expected);
}

}  // namespace
