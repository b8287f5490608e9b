// 10,000,000-deep nesting in both directions through every path that walks a tree: nothing may
// recurse on the native stack in proportion to the depth.
#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/runtime.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include <gtest/gtest.h>

#include "deep_scale.hpp"
#include "deep_trees.hpp"

namespace clvm {
namespace {

constexpr std::size_t kDepth = test::kDeepLevels;  // 10,000,000; 1,000,000 under a sanitizer

using hostile::left_nested;
using hostile::right_nested;

class DeepNesting : public ::testing::TestWithParam<bool> {};

TEST_P(DeepNesting, SerializeParseHashRoundTrip) {
  Allocator a;
  const NodePtr deep = GetParam() ? left_nested(a, kDepth) : right_nested(a, kDepth);
  const Bytes32 hash = tree_hash(a, deep);
  const auto classic = node_to_bytes(a, deep);
  EXPECT_EQ(classic.size(), 2 * kDepth + 1);
  EXPECT_EQ(serialized_length_from_bytes(classic), classic.size());
  EXPECT_EQ(tree_hash_from_bytes(classic), hash);
  Allocator b;
  EXPECT_EQ(tree_hash(b, node_from_bytes(b, classic)), hash);
  const auto compressed = node_to_bytes_backrefs(a, deep);
  EXPECT_LE(compressed.size(), classic.size());
  Allocator c;
  const NodePtr back = node_from_bytes_backrefs(c, compressed);
  TreeCache cache;
  EXPECT_EQ(tree_hash_cached(c, back, cache), hash);
}

TEST_P(DeepNesting, TextRoundTrip) {
  Allocator a;
  const NodePtr deep = GetParam() ? left_nested(a, kDepth / 10) : right_nested(a, kDepth / 10);
  const std::string text = disassemble(a, deep);
  EXPECT_EQ(tree_hash(a, assemble(a, text)), tree_hash(a, deep));
}

TEST_P(DeepNesting, QuotedDeepTreeEvaluates) {
  Allocator a;
  const NodePtr deep = GetParam() ? left_nested(a, kDepth) : right_nested(a, kDepth);
  const NodePtr program = a.new_pair(a.one(), deep);  // (q . deep)
  const Reduction r = run_program(a, ChiaDialect(0), program, a.nil(), 0);
  EXPECT_EQ(r.node, deep);
  EXPECT_EQ(r.cost, 20u);
}

INSTANTIATE_TEST_SUITE_P(Both, DeepNesting, ::testing::Values(true, false), [](const auto& info) {
  return info.param ? "LeftNested" : "RightNested";
});

TEST(DeepNesting, DeeplyNestedProgramEvaluatesIteratively) {
  // (r (r (r ... (q . list)))): one million nested operator applications.
  Allocator a;
  constexpr std::size_t kOps = 1'000'000;
  const NodePtr list = right_nested(a, kOps + 1);
  NodePtr program = a.new_pair(a.one(), list);
  const NodePtr r_op = a.new_small_number(6);
  for (std::size_t i = 0; i < kOps; ++i) program = a.new_pair(r_op, a.new_pair(program, a.nil()));
  const Reduction r = run_program(a, ChiaDialect(0), program, a.nil(), 0);
  EXPECT_EQ(a.pair(r.node).rest, a.nil());  // one item left
}

TEST(DeepNesting, DeepEnvironmentPath) {
  // A path atom of 1,000 bytes walks 8,000 levels into a deep environment.
  Allocator a;
  const NodePtr env = right_nested(a, 9000);
  std::vector<std::uint8_t> path(1000, 0xff);  // all `rest` steps
  path[0] = 0x01;                              // the leading 1 bit terminates the path
  const NodePtr program = a.new_atom(path);
  const Reduction r = run_program(a, ChiaDialect(0), program, env, 0);
  EXPECT_TRUE(a.pair(r.node).first == a.one());
}

}  // namespace
}  // namespace clvm
