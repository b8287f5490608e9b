// The trait layer on 10,000,000-deep trees: decoding is driven by the C++ type, so a deep input
// either decodes iteratively (a list of that length) or fails at the first node that does not fit
// its type, never recursing in proportion to the input's depth.
#include <clvm/runtime.hpp>
#include <clvm/traits.hpp>

#include <gtest/gtest.h>

#include "deep_scale.hpp"
#include "deep_trees.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clvm {
namespace {

constexpr std::size_t kDepth = test::kDeepLevels;  // 10,000,000; 1,000,000 under a sanitizer

TEST(DeepFromClvm, TenMillionElementListDecodesEncodesAndHashes) {
  Allocator a;
  std::vector<std::int64_t> values(kDepth);
  for (std::size_t i = 0; i < kDepth; ++i) values[i] = static_cast<std::int64_t>(i % 300) - 150;
  const NodePtr list = to_clvm(a, values);
  EXPECT_EQ(from_clvm<std::vector<std::int64_t>>(a, list), values);
  EXPECT_EQ(tree_hash_of(values).value, tree_hash(a, list));
}

TEST(DeepFromClvm, FirstNestedTreeFailsAtTheFirstMismatch) {
  Allocator a;
  const NodePtr deep = hostile::left_nested(a, kDepth);
  // A list whose first element is the deep tree: the element is not an integer.
  try {
    (void)from_clvm<std::vector<std::int64_t>>(a, deep);
    FAIL() << "decoded a pair as an integer";
  } catch (const FromClvmError& e) {
    EXPECT_EQ(e.from_kind(), FromClvmError::Kind::ExpectedAtom);
  }
  EXPECT_THROW((void)from_clvm<std::string>(a, deep), FromClvmError);
  EXPECT_THROW((void)from_clvm<std::optional<std::int64_t>>(a, deep), FromClvmError);
  // Nested pair types look exactly as deep as they are declared, then stop.
  using Nested = std::pair<std::pair<std::pair<NodePtr, std::int64_t>, std::int64_t>, std::int64_t>;
  const Nested n = from_clvm<Nested>(a, deep);
  EXPECT_EQ(n.second, 1);
  EXPECT_EQ(n.first.first.first, a.pair(a.pair(a.pair(deep).first).first).first);
  // The deep tree as an opaque NodePtr field decodes and re-encodes unchanged.
  const auto tail = from_clvm<std::pair<NodePtr, std::int64_t>>(a, deep);
  EXPECT_EQ(tree_hash(a, to_clvm(a, tail)), tree_hash(a, deep));
}

TEST(DeepFromClvm, ImproperTenMillionListReportsItsPosition) {
  Allocator a;
  NodePtr n = a.new_atom(std::vector<std::uint8_t>{0x07});  // improper terminator
  for (std::size_t i = 0; i < kDepth; ++i) n = a.new_pair(a.one(), n);
  try {
    (void)from_clvm<std::vector<std::int64_t>>(a, n);
    FAIL() << "an improper list decoded";
  } catch (const FromClvmError& e) {
    EXPECT_NE(std::string(e.what()).find(std::to_string(kDepth)), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace clvm
