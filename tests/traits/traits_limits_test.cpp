// SPDX-License-Identifier: Apache-2.0
// Size and depth: long lists encode and decode iteratively, deep input never recurses (a type's
// nesting bounds the work), and the arena's limits surface as its EvalError.
#include "traits_support.hpp"

#include <clvm/traits.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace clvm {
namespace {

TEST(TraitsLimits, TenMillionItemList) {
  constexpr std::size_t kItems = 10'000'000;
  std::vector<std::uint32_t> v(kItems);
  for (std::size_t i = 0; i < kItems; ++i) v[i] = static_cast<std::uint32_t>(i * 7);
  Allocator a;
  const NodePtr n = clvm::to_clvm(a, v);
  EXPECT_EQ(a.stored_pairs(), kItems);
  const auto back = clvm::from_clvm<std::vector<std::uint32_t>>(a, n);
  EXPECT_EQ(back, v);
  // A bad last item is reported with an abbreviated path.
  std::vector<NodePtr> items(kItems, a.nil());
  items.back() = a.new_pair(a.nil(), a.nil());
  const NodePtr bad = clvm::to_clvm(a, items);
  const auto e =
      test::catch_from_clvm([&] { clvm::from_clvm<std::vector<std::uint32_t>>(a, bad); });
  EXPECT_EQ(e.from_kind(), FromClvmError::Kind::ExpectedAtom);
  EXPECT_EQ(e.path(), "rest^9999999.first");
}

TEST(TraitsLimits, DeepInputDoesNotRecurse) {
  // A million-deep left-nested tree: ((((...) . nil) . nil) . nil).
  Allocator a;
  NodePtr deep = a.nil();
  for (int i = 0; i < 1'000'000; ++i) deep = a.new_pair(deep, a.nil());
  // Typed decoding stops at the depth of the type.
  const auto e =
      test::catch_from_clvm([&] { clvm::from_clvm<std::vector<std::vector<int>>>(a, deep); });
  EXPECT_EQ(e.from_kind(), FromClvmError::Kind::ExpectedAtom);
  EXPECT_EQ(e.path(), "first.first");
  EXPECT_EQ(clvm::from_clvm<std::vector<NodePtr>>(a, deep).size(), 1u);
  // Hashing the typed value passes the subtree through (it is a NodePtr, not re-encoded).
  EXPECT_EQ(tree_hash_of_node(a, clvm::to_clvm(a, std::pair{deep, 1})),
            tree_hash_of(std::pair{tree_hash_of_node(a, deep), 1}));
}

TEST(TraitsLimits, ArenaLimitsAreEvalErrors) {
  Allocator a(1000);
  // 2000 bytes of heap needed: OutOfMemory, and the arena stays usable.
  try {
    clvm::to_clvm(a, std::vector<std::string>{std::string(600, 'a'), std::string(600, 'b')});
    FAIL() << "expected EvalError";
  } catch (const EvalError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::OutOfMemory);
  }
  EXPECT_EQ(clvm::from_clvm<int>(a, clvm::to_clvm(a, 5)), 5);
}

TEST(TraitsLimits, LongListTreeHashIsIterative) {
  const std::vector<std::int32_t> v(1'000'000, -1);
  Allocator a;
  EXPECT_EQ(tree_hash_of(v), tree_hash_of_node(a, clvm::to_clvm(a, v)));
}

}  // namespace
}  // namespace clvm
