// SPDX-License-Identifier: Apache-2.0
// TreeHasher (tree hashes of typed values without nodes), CurriedProgram and curry_tree_hash:
// clvm-utils' golden values, and equality with the runtime's tree_hash of the encoded node.
#include "traits_support.hpp"

#include <clvm/traits.hpp>
#include <clvm/tree_hash.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace clvm {
namespace {

using test::catch_from_clvm;
using test::encode_hex;
using Kind = FromClvmError::Kind;

template <class T>
void expect_hash_matches_node(const T& v) {
  Allocator a;
  const NodePtr n = clvm::to_clvm(a, v);
  EXPECT_EQ(tree_hash_of(v), tree_hash_of_node(a, n)) << test::serialize_hex(a, n);
}

TEST(TraitsTreeHash, GoldenValues) {
  EXPECT_EQ(tree_hash_of(std::monostate{}).to_hex(),
            "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a");
  EXPECT_EQ(tree_hash_of(std::array<int, 3>{1, 2, 3}).to_hex(),
            "bcd55bcd0daebba8cb158547e8480dc968570faf958f1e31a9887d6ae3dba591");
  EXPECT_EQ(tree_hash_of("hello").to_hex(),
            "cceeb7a985ecc3dabcb4c8f666cd637f16f008e3c963db6aa6f83a7b288c54ef");
  EXPECT_EQ(tree_hash_of(std::pair{std::pair{1, 2}, std::pair{3, 4}}).to_hex(),
            "2824018d148bc6aed0847e2c86aaa8a5407b916169f15b12cea31fa932fc4c8d");
  // The standard transaction's default hidden puzzle `(=)`.
  EXPECT_EQ(tree_hash_of(std::vector<int>{9}).to_hex(),
            "711d6c4e32c92e53179b199484cf8c897542bc57f2b22582799f9d657eec4699");
  EXPECT_EQ(fmt::format("{}", tree_hash_of(std::monostate{})),
            "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a");
}

TEST(TraitsTreeHash, HasherEqualsHashOfEncodedNode) {
  expect_hash_matches_node(0);
  expect_hash_matches_node(-1);
  expect_hash_matches_node(std::uint64_t{0xffffffffffffffffULL});
  expect_hash_matches_node(Int128{-1} << 100);
  expect_hash_matches_node(true);
  expect_hash_matches_node(Number(1) << 200);
  expect_hash_matches_node(std::string(1000, 'z'));
  expect_hash_matches_node(Bytes{0x00, 0x80});
  expect_hash_matches_node(Bytes32{});
  expect_hash_matches_node(std::vector<std::vector<int>>{{1, 2}, {}, {3}});
  expect_hash_matches_node(std::tuple{1, "two", std::vector<int>{3}});
  expect_hash_matches_node(std::optional<int>());
  expect_hash_matches_node(std::variant<int, std::string>("x"));
  expect_hash_matches_node(clvm::list(1, 2, clvm::quote(3)));
  expect_hash_matches_node(clvm::curried_args(1, "b", std::vector<int>{3}));
  expect_hash_matches_node(MatchByte<0x80>{});
  expect_hash_matches_node(CurriedProgram<std::string, CurriedArgs<int, int>>{"p", {{5, 8}}});
}

TEST(TraitsTreeHash, KnownSubHashesPassThrough) {
  Allocator a;
  const NodePtr inner = clvm::to_clvm(a, std::vector<int>{4, 5, 6});
  const TreeHash inner_hash = tree_hash_of_node(a, inner);
  // A value mixing a known hash with concrete fields hashes like the full tree.
  EXPECT_EQ(tree_hash_of(std::pair{inner_hash, 7}),
            tree_hash_of_node(a, clvm::to_clvm(a, std::pair{inner, 7})));
}

TEST(TraitsTreeHash, CurriedProgramGolden) {
  Allocator a;
  const NodePtr program = a.new_atom("xyz");
  const auto args = clvm::curried_args(std::string("a"), std::string("b"), std::string("c"));
  using Args = std::remove_const_t<decltype(args)>;
  const NodePtr curried = clvm::to_clvm(a, CurriedProgram<NodePtr, Args>{program, args});
  const std::string golden =
      "ff02ffff018378797affff04ffff0161ffff04ffff0162ffff04ffff0163ff0180808080";
  EXPECT_EQ(test::serialize_hex(a, curried), golden);
  // Uncurry into nodes, then into typed arguments.
  const auto raw = clvm::from_clvm<CurriedProgram<NodePtr, NodePtr>>(a, curried);
  EXPECT_EQ(raw.program, program);
  const auto typed = clvm::from_clvm<CurriedProgram<std::string, Args>>(a, curried);
  EXPECT_EQ(typed.program, "xyz");
  EXPECT_EQ(typed.args, args);
  // A program that is not curried does not uncurry.
  const auto e = catch_from_clvm([&] {
    clvm::from_clvm<CurriedProgram<NodePtr, NodePtr>>(a, clvm::to_clvm(a, clvm::list(2, 1, 1)));
  });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedPair);
  EXPECT_EQ(e.path(), "rest.first");
  const auto e2 = catch_from_clvm([&] {
    clvm::from_clvm<CurriedProgram<NodePtr, NodePtr>>(
        a, clvm::to_clvm(a, clvm::list(3, clvm::quote(1), 1)));
  });
  EXPECT_EQ(e2.from_kind(), Kind::Custom);
  EXPECT_EQ(e2.path(), "first");
  // Extra items after the arguments: (a (q . P) A B) is not a curried program.
  const auto e3 = catch_from_clvm([&] {
    clvm::from_clvm<CurriedProgram<NodePtr, NodePtr>>(
        a, clvm::to_clvm(a, clvm::list(2, clvm::quote(1), 1, 1)));
  });
  EXPECT_EQ(e3.from_kind(), Kind::ExpectedAtom);
  EXPECT_EQ(e3.path(), "rest.rest.rest");
}

TEST(TraitsTreeHash, CurryTreeHashEqualsHashOfCurriedTree) {
  // clvm-utils' test_equivalence: program 2, arguments 5 and 8.
  Allocator a;
  const NodePtr program = a.new_small_number(2);
  const NodePtr curried = clvm::to_clvm(
      a, CurriedProgram<NodePtr, CurriedArgs<int, int>>{program, clvm::curried_args(5, 8)});
  EXPECT_EQ(tree_hash_of_node(a, curried),
            curry_tree_hash(tree_hash_of_node(a, program), {tree_hash_of(5), tree_hash_of(8)}));
  // clvm-utils' test_curry_tree_hash: hashes only, through TreeHasher.
  const TreeHash h1 = tree_hash_of(std::vector<int>{1, 2, 3});
  const TreeHash h2 = tree_hash_of(std::vector<int>{4, 5, 6});
  const TreeHash h3 = tree_hash_of(std::vector<int>{7, 8, 9});
  EXPECT_EQ(
      curry_tree_hash(h1, {h2, h3}),
      tree_hash_of(CurriedProgram<TreeHash, CurriedArgs<TreeHash, TreeHash>>{h1, {{h2, h3}}}));
  // No arguments, and many.
  EXPECT_EQ(curry_tree_hash(h1, {}), tree_hash_of(CurriedProgram<TreeHash, CurriedArgs<>>{h1, {}}));
  std::vector<TreeHash> many;
  NodePtr args = Allocator::one();
  for (int i = 19; i >= 0; --i) {
    const NodePtr arg = clvm::to_clvm(a, std::vector<int>(static_cast<std::size_t>(i), i));
    many.insert(many.begin(), tree_hash_of_node(a, arg));
    args = clvm::to_clvm(a, clvm::list(MatchByte<4>{}, clvm::quote(arg), args));
  }
  const NodePtr big = clvm::to_clvm(a, CurriedProgram<NodePtr, NodePtr>{program, args});
  EXPECT_EQ(curry_tree_hash(tree_hash_of_node(a, program), many), tree_hash_of_node(a, big));
}

template <std::uint8_t B>
void check_match_byte() {
  Allocator a;
  auto decodes = [&](const Bytes& atom) {
    try {
      clvm::from_clvm<MatchByte<B>>(a, a.new_atom(atom));
      return true;
    } catch (const FromClvmError& e) {
      EXPECT_EQ(e.from_kind(), FromClvmError::Kind::Custom);
      return false;
    }
  };
  const auto canonical = MatchByte<B>::bytes();
  EXPECT_EQ(decodes(Bytes{}), canonical.empty());
  for (int b = 0; b < 256; ++b) {
    const auto byte = static_cast<std::uint8_t>(b);
    for (const Bytes& atom : {Bytes{byte}, Bytes{0x00, byte}, Bytes{0x00, 0x00, byte}})
      EXPECT_EQ(decodes(atom), std::ranges::equal(atom, canonical)) << to_hex(atom);
  }
  EXPECT_THROW(clvm::from_clvm<MatchByte<B>>(a, a.new_pair(Allocator::nil(), Allocator::nil())),
               FromClvmError);
}

TEST(TraitsTreeHash, MatchByteCanonicalForms) {
  EXPECT_EQ(encode_hex(MatchByte<0>{}), "80");
  EXPECT_EQ(encode_hex(MatchByte<1>{}), "01");
  EXPECT_EQ(encode_hex(MatchByte<0x7f>{}), "7f");
  EXPECT_EQ(encode_hex(MatchByte<0x80>{}), "820080");
  EXPECT_EQ(encode_hex(MatchByte<0xff>{}), "8200ff");
  check_match_byte<0>();
  check_match_byte<1>();
  check_match_byte<0x42>();
  check_match_byte<0x7f>();
  check_match_byte<0x80>();
  check_match_byte<0xff>();
}

}  // namespace
}  // namespace clvm
