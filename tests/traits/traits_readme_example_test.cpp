// SPDX-License-Identifier: Apache-2.0
// The code of docs/traits.md ("Converting values"), compiled and checked.
#include <clvm/traits.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

struct Coin {
  clvm::Bytes32 parent_coin_info;
  clvm::Bytes32 puzzle_hash;
  std::uint64_t amount = 0;
};
CLVM_LIST(Coin, parent_coin_info, puzzle_hash, amount);  // at global scope: (parent ph amount)

struct CreateCoin {  // (51 puzzle_hash amount [memos])
  clvm::Bytes32 puzzle_hash;
  std::uint64_t amount = 0;
  std::optional<std::vector<clvm::Bytes>> memos;
};
template <>
struct clvm::meta<CreateCoin> {
  static constexpr auto value =
      as_list(constant(MatchByte<51>{}), &CreateCoin::puzzle_hash, &CreateCoin::amount,
              defaulted(&CreateCoin::memos));  // memos left out when absent
};

struct StandardArgs {
  clvm::Bytes48 synthetic_key;
};
CLVM_CURRY(StandardArgs, synthetic_key);  // (c (q . key) 1)

namespace readme {
struct Point {
  int x = 0, y = 0;
};
template <class E>
auto to_clvm(E& e, const Point& p) {
  return clvm::encode(e, std::pair{p.x, p.y});
}
template <class D>
Point from_clvm(const D& d, clvm::decoder_node_t<D> n, std::type_identity<Point>) {
  const auto [x, y] = clvm::decode<std::pair<int, int>>(d, n);
  return {x, y};
}
}  // namespace readme

namespace {

TEST(TraitsReadme, SeedExample) {
  clvm::Allocator allocator;

  auto ptr = clvm::to_clvm(allocator, std::string("Hello.world!"));
  auto s = clvm::from_clvm<std::string>(allocator, ptr);

  auto pair = clvm::to_clvm(allocator, std::pair{ptr, ptr});  // NodePtr passes through
  auto [x, y] = clvm::from_clvm<std::pair<std::string, std::string>>(allocator, pair);

  EXPECT_EQ(s, "Hello.world!");
  EXPECT_EQ(x, s);
  EXPECT_EQ(y, s);
}

TEST(TraitsReadme, StructExample) {
  clvm::Allocator allocator;
  Coin coin;
  coin.amount = 1750000000000;
  const clvm::NodePtr mod = allocator.new_atom("mod");
  StandardArgs args;
  args.synthetic_key[0] = 0xb0;

  auto node = clvm::to_clvm(allocator, coin);
  auto back = clvm::from_clvm<Coin>(allocator, node);
  auto puzzle =
      clvm::to_clvm(allocator, clvm::CurriedProgram<clvm::NodePtr, StandardArgs>{mod, args});
  auto [program, curried] =
      clvm::from_clvm<clvm::CurriedProgram<clvm::NodePtr, StandardArgs>>(allocator, puzzle);

  EXPECT_EQ(back.amount, coin.amount);
  EXPECT_EQ(program, mod);
  EXPECT_EQ(curried.synthetic_key, args.synthetic_key);
  EXPECT_EQ(clvm::tree_hash_of_node(allocator, puzzle),
            clvm::curry_tree_hash(clvm::tree_hash_of_node(allocator, mod),
                                  {clvm::tree_hash_of(args.synthetic_key)}));

  const CreateCoin cc{coin.puzzle_hash, 5, std::nullopt};
  const auto cc_node = clvm::to_clvm(allocator, cc);
  EXPECT_EQ(clvm::from_clvm<std::vector<clvm::NodePtr>>(allocator, cc_node).size(), 3u);
  EXPECT_EQ(clvm::from_clvm<CreateCoin>(allocator, cc_node).amount, 5u);

  const auto p = clvm::to_clvm(allocator, readme::Point{3, 4});
  EXPECT_EQ(clvm::from_clvm<readme::Point>(allocator, p).y, 4);
  EXPECT_EQ(clvm::from_clvm<std::uint64_t>(clvm::canonical(allocator), clvm::to_clvm(allocator, 9)),
            9u);
}

}  // namespace
