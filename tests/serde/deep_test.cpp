// SPDX-License-Identifier: Apache-2.0
// Depth: 10,000,000-deep lists and left-nested trees go through the readers and writers without
// touching the C++ stack. The compressing writers (hash-consing every node) run at 1,000,000,
// which is already far beyond what a recursive implementation survives, to keep the test fast.
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>

#include <gtest/gtest.h>

namespace {

using namespace clvm;

constexpr std::size_t kDepth = 10'000'000;
constexpr std::size_t kCompressDepth = 1'000'000;

void classic_round_trips(const Allocator& a, NodePtr root) {
  const auto classic = node_to_bytes(a, root);
  EXPECT_EQ(serialized_length_from_bytes(classic), classic.size());
  EXPECT_TRUE(is_canonical_serialization(classic));
  Allocator b;
  EXPECT_EQ(node_to_bytes(b, node_from_bytes(b, classic)), classic);
  Allocator c;
  EXPECT_EQ(node_to_bytes(c, node_from_bytes_backrefs(c, classic)), classic);
}

void compressed_round_trips(const Allocator& a, NodePtr root) {
  const auto classic = node_to_bytes(a, root);
  const auto compressed = node_to_bytes_backrefs(a, root);
  EXPECT_LE(compressed.size(), classic.size());
  EXPECT_EQ(serialized_length_from_bytes(compressed), compressed.size());
  Allocator b;
  EXPECT_EQ(node_to_bytes(b, node_from_bytes_backrefs(b, compressed)), classic);

  const auto s2026 = node_to_bytes_2026(a, root);
  Serde2026Limits unlimited;
  unlimited.max_input_bytes = s2026.size();
  Allocator c;
  EXPECT_EQ(node_to_bytes(c, node_from_bytes_2026(c, s2026, unlimited)), classic);
}

NodePtr right_nested(Allocator& a, std::size_t depth) {
  NodePtr l = Allocator::nil();
  for (std::size_t i = 0; i < depth; ++i)
    l = a.new_pair(a.new_small_number(static_cast<std::uint32_t>(i % 100)), l);
  return l;
}

NodePtr left_nested(Allocator& a, std::size_t depth) {
  NodePtr t = Allocator::nil();
  for (std::size_t i = 0; i < depth; ++i) t = a.new_pair(t, Allocator::one());
  return t;
}

TEST(SerdeDeep, RightNestedList) {
  Allocator a;
  classic_round_trips(a, right_nested(a, kDepth));
}

TEST(SerdeDeep, LeftNestedTree) {
  Allocator a;
  classic_round_trips(a, left_nested(a, kDepth));
}

TEST(SerdeDeep, CompressedRightNestedList) {
  Allocator a;
  compressed_round_trips(a, right_nested(a, kCompressDepth));
}

TEST(SerdeDeep, CompressedLeftNestedTree) {
  Allocator a;
  compressed_round_trips(a, left_nested(a, kCompressDepth));
}

TEST(SerdeDeep, ListOfNilsCompressesToItsHalf) {
  // (() () ... ()) with n items: once n/2 items are on the stack, the rest equals the stack.
  Allocator a;
  NodePtr l = Allocator::nil();
  for (int i = 0; i < 1000; ++i) l = a.new_pair(Allocator::nil(), l);
  const auto compressed = node_to_bytes_backrefs(a, l);
  EXPECT_EQ(compressed.size(), 500u * 2 + 2);
  EXPECT_EQ(compressed[compressed.size() - 2], 0xfe);
  EXPECT_EQ(compressed.back(), 0x01);
}

}  // namespace
