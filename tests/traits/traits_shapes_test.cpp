// SPDX-License-Identifier: Apache-2.0
// User types through shape metadata: clvm-derive's golden vectors (list, rest, curry, default,
// constant, tagged / untagged enums), real Chia types (a coin, the standard transaction's curried
// arguments, CREATE_COIN with optional memos), the other customisation points and error paths.
#include "traits_support.hpp"

#include <clvm/traits.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

// ---- clvm-derive's test structs -------------------------------------------------------------
namespace shapes {
struct ListStruct {
  std::uint64_t a = 0;
  std::int32_t b = 0;
  friend bool operator==(const ListStruct&, const ListStruct&) = default;
};
struct ListRest {
  std::uint64_t a = 0;
  std::int32_t b = 0;
  friend bool operator==(const ListRest&, const ListRest&) = default;
};
struct CurryStruct {
  std::uint64_t a = 0;
  std::int32_t b = 0;
  friend bool operator==(const CurryStruct&, const CurryStruct&) = default;
};
struct CurryRest {
  std::uint64_t a = 0;
  std::int32_t b = 0;
  friend bool operator==(const CurryRest&, const CurryRest&) = default;
};
struct TwoStrings {
  std::string a, b;
  friend bool operator==(const TwoStrings&, const TwoStrings&) = default;
};
struct NewType {
  std::string s;
  friend bool operator==(const NewType&, const NewType&) = default;
};
struct WithOptional {
  std::uint64_t a = 0;
  std::optional<std::int32_t> b;
  friend bool operator==(const WithOptional&, const WithOptional&) = default;
};
struct WithDefault {
  std::uint64_t a = 0;
  std::int32_t b = 0;
  friend bool operator==(const WithDefault&, const WithDefault&) = default;
};
struct WithDefaultString {
  std::uint64_t a = 0;
  std::string b;
  friend bool operator==(const WithDefaultString&, const WithDefaultString&) = default;
};
struct RunTailCondition {
  std::string puzzle, solution;
  friend bool operator==(const RunTailCondition&, const RunTailCondition&) = default;
};
struct ProperPair {
  std::uint64_t a = 0;
  std::int32_t b = 0;
  friend bool operator==(const ProperPair&, const ProperPair&) = default;
};
// Enum variants: list-shaped structs, so that a tag in front gives `(tag fields...)`.
struct VarA {
  std::int32_t v = 0;
  friend bool operator==(const VarA&, const VarA&) = default;
};
struct VarB {
  std::int32_t x = 0;
  friend bool operator==(const VarB&, const VarB&) = default;
};
struct VarC {
  friend bool operator==(const VarC&, const VarC&) = default;
};
struct VarXY {
  std::int32_t x = 0, y = 0;
  friend bool operator==(const VarXY&, const VarXY&) = default;
};
// Untagged alternatives are proper lists: a lenient list would also match longer shapes.
struct VarPA {
  std::int32_t v = 0;
  friend bool operator==(const VarPA&, const VarPA&) = default;
};
struct VarCurried {
  std::string curried_value;
  friend bool operator==(const VarCurried&, const VarCurried&) = default;
};
struct Tagged {
  std::variant<VarA, VarB, VarC> v;
  friend bool operator==(const Tagged&, const Tagged&) = default;
};
struct TaggedExplicit {
  std::variant<VarA, VarB, VarC> v;
  friend bool operator==(const TaggedExplicit&, const TaggedExplicit&) = default;
};
enum class Opcode : std::uint8_t { Remark = 1, AggSigMe = 50, CreateCoin = 51 };
// Intrusive metadata.
struct Intrusive {
  std::int32_t a = 0;
  std::string b;
  static constexpr auto clvm_meta() { return clvm::as_curry(&Intrusive::a, &Intrusive::b); }
  friend bool operator==(const Intrusive&, const Intrusive&) = default;
};
}  // namespace shapes

CLVM_LIST(shapes::ListStruct, a, b);
CLVM_CURRY(shapes::CurryStruct, a, b);
CLVM_LIST(shapes::TwoStrings, a, b);
CLVM_PROPER_LIST(shapes::ProperPair, a, b);
CLVM_LIST(shapes::VarA, v);
CLVM_LIST(shapes::VarB, x);
CLVM_LIST(shapes::VarC);
CLVM_PROPER_LIST(shapes::VarXY, x, y);
CLVM_PROPER_LIST(shapes::VarPA, v);
CLVM_CURRY(shapes::VarCurried, curried_value);
CLVM_ENUM(shapes::Opcode, Remark, AggSigMe, CreateCoin);

template <>
struct clvm::meta<shapes::ListRest> {
  static constexpr auto value = as_list(&shapes::ListRest::a, rest(&shapes::ListRest::b));
};
template <>
struct clvm::meta<shapes::CurryRest> {
  static constexpr auto value = as_curry(&shapes::CurryRest::a, rest(&shapes::CurryRest::b));
};
template <>
struct clvm::meta<shapes::NewType> {
  static constexpr auto value = as_list(rest(&shapes::NewType::s));
};
template <>
struct clvm::meta<shapes::WithOptional> {
  static constexpr auto value =
      as_list(&shapes::WithOptional::a, defaulted(&shapes::WithOptional::b));
};
template <>
struct clvm::meta<shapes::WithDefault> {
  static constexpr auto value =
      as_list(&shapes::WithDefault::a, defaulted(&shapes::WithDefault::b, 42));
};
template <>
struct clvm::meta<shapes::WithDefaultString> {
  static constexpr auto value =
      as_list(&shapes::WithDefaultString::a,
              defaulted(&shapes::WithDefaultString::b, [] { return std::string("Hello"); }));
};
template <>
struct clvm::meta<shapes::RunTailCondition> {
  static constexpr auto value =
      as_list(constant(std::uint8_t{51}), constant(std::monostate{}), constant(std::int8_t{-113}),
              &shapes::RunTailCondition::puzzle, &shapes::RunTailCondition::solution);
};
template <>
struct clvm::meta<shapes::Tagged> {
  static constexpr auto value = as_tagged(&shapes::Tagged::v);
};
template <>
struct clvm::meta<shapes::TaggedExplicit> {
  static constexpr auto value = as_tagged(&shapes::TaggedExplicit::v, 42, 34, 11);
};

// ---- Chia types ------------------------------------------------------------------------------
namespace chia {
struct Coin {
  clvm::Bytes32 parent_coin_info;
  clvm::Bytes32 puzzle_hash;
  std::uint64_t amount = 0;
  friend bool operator==(const Coin&, const Coin&) = default;
};
/// p2_delegated_puzzle_or_hidden_puzzle's curried argument.
struct StandardArgs {
  clvm::Bytes48 synthetic_key;
  friend bool operator==(const StandardArgs&, const StandardArgs&) = default;
};
/// (51 puzzle_hash amount [memos])
struct CreateCoin {
  clvm::Bytes32 puzzle_hash;
  std::uint64_t amount = 0;
  std::optional<std::vector<clvm::Bytes>> memos;
  friend bool operator==(const CreateCoin&, const CreateCoin&) = default;
};
}  // namespace chia

CLVM_LIST(chia::Coin, parent_coin_info, puzzle_hash, amount);
CLVM_CURRY(chia::StandardArgs, synthetic_key);
template <>
struct clvm::meta<chia::CreateCoin> {
  static constexpr auto value =
      as_list(constant(MatchByte<51>{}), &chia::CreateCoin::puzzle_hash, &chia::CreateCoin::amount,
              defaulted(&chia::CreateCoin::memos));
};

// ---- ADL free functions and a full codec specialisation --------------------------------------
namespace app {
struct Point {
  std::int32_t x = 0, y = 0;
  friend bool operator==(const Point&, const Point&) = default;
};
template <class E>
auto to_clvm(E& e, const Point& p) {
  return clvm::encode(e, std::pair{p.x, p.y});
}
template <class D>
Point from_clvm(const D& d, clvm::decoder_node_t<D> n, std::type_identity<Point>) {
  const auto [x, y] = clvm::decode<std::pair<std::int32_t, std::int32_t>>(d, n);
  return {x, y};
}
struct Celsius {
  double degrees = 0;
};
}  // namespace app

// Stored as hundredths of a degree.
template <>
struct clvm::codec<app::Celsius> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, const app::Celsius& c) {
    return clvm::encode(e, static_cast<std::int64_t>(c.degrees * 100));
  }
  template <ClvmDecoder D>
  static app::Celsius decode(const D& d, decoder_node_t<D> n) {
    return {static_cast<double>(clvm::decode<std::int64_t>(d, n)) / 100};
  }
};

namespace clvm {
namespace {

using test::catch_from_clvm;
using test::decode_hex;
using test::encode_hex;
using Kind = FromClvmError::Kind;

// Encodes to `hex` and decodes back to `v` (clvm-traits' `check`).
template <class T>
void check(const T& v, const std::string& hex) {
  EXPECT_EQ(encode_hex(v), hex);
  EXPECT_EQ(decode_hex<T>(hex), v);
}

TEST(TraitsShapes, DeriveGoldenVectors) {
  check(shapes::ListStruct{52, -32}, "ff34ff81e080");
  check(shapes::ListRest{52, -32}, "ff3481e0");
  check(shapes::CurryStruct{52, -32}, "ff04ffff0134ffff04ffff0181e0ff018080");
  check(shapes::CurryRest{52, -32}, "ff04ffff0134ff81e080");
  check(shapes::TwoStrings{"A", "B"}, "ff41ff4280");
  check(shapes::NewType{"XYZ"}, "8358595a");
  check(shapes::ProperPair{52, -32}, "ff34ff81e080");
  check(shapes::Intrusive{52, "B"}, "ff04ffff0134ffff04ffff0142ff018080");
}

TEST(TraitsShapes, DefaultFields) {
  check(shapes::WithOptional{52, -32}, "ff34ff81e080");
  check(shapes::WithOptional{52, std::nullopt}, "ff3480");
  check(shapes::WithDefault{52, 32}, "ff34ff2080");
  check(shapes::WithDefault{52, 42}, "ff3480");
  check(shapes::WithDefaultString{52, "World"}, "ff34ff85576f726c6480");
  check(shapes::WithDefaultString{52, "Hello"}, "ff3480");
}

TEST(TraitsShapes, Constants) {
  check(shapes::RunTailCondition{"puzzle", "solution"},
        "ff33ff80ff818fff8670757a7a6c65ff88736f6c7574696f6e80");
  // A different opcode: Custom at the constant's position.
  const auto e = catch_from_clvm([] {
    decode_hex<shapes::RunTailCondition>("ff34ff80ff818fff8670757a7a6c65ff88736f6c7574696f6e80");
  });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(e.path(), "first");
  const auto e2 = catch_from_clvm([] {
    decode_hex<shapes::RunTailCondition>("ff33ff01ff818fff8670757a7a6c65ff88736f6c7574696f6e80");
  });
  EXPECT_EQ(e2.from_kind(), Kind::WrongAtomLength);
  EXPECT_EQ(e2.path(), "rest.first");
}

TEST(TraitsShapes, TaggedEnums) {
  check(shapes::Tagged{shapes::VarA{32}}, "ff80ff2080");
  check(shapes::Tagged{shapes::VarB{-72}}, "ff01ff81b880");
  check(shapes::Tagged{shapes::VarC{}}, "ff0280");
  check(shapes::TaggedExplicit{shapes::VarA{32}}, "ff2aff2080");
  check(shapes::TaggedExplicit{shapes::VarB{-72}}, "ff22ff81b880");
  check(shapes::TaggedExplicit{shapes::VarC{}}, "ff0b80");
  const auto e = catch_from_clvm([] { decode_hex<shapes::Tagged>("ff0380"); });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(e.path(), "first");
  const auto e2 = catch_from_clvm([] { decode_hex<shapes::Tagged>("ff01ffff808080"); });
  EXPECT_EQ(e2.from_kind(), Kind::ExpectedAtom);
  EXPECT_EQ(e2.path(), "rest.first");
}

TEST(TraitsShapes, UntaggedEnums) {
  using U = std::variant<shapes::VarPA, shapes::VarXY, shapes::VarCurried>;
  check(U{shapes::VarPA{32}}, "ff2080");
  check(U{shapes::VarXY{-72, 94}}, "ff81b8ff5e80");
  check(U{shapes::VarCurried{"Hello"}}, "ff04ffff018548656c6c6fff0180");
  // Parsing order: with a lenient list first, (x y) comes back as its first alternative.
  using Lenient = std::variant<shapes::VarA, shapes::VarXY>;
  EXPECT_EQ(decode_hex<Lenient>("ff81b8ff5e80"), Lenient(shapes::VarA{-72}));
  using Order = std::variant<shapes::VarA, shapes::VarB>;
  EXPECT_EQ(decode_hex<Order>(encode_hex(Order(shapes::VarB{32}))), Order(shapes::VarA{32}));
  const auto e = catch_from_clvm([] { decode_hex<U>("ff01ff02ff0380"); });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(e.detail(), "failed to parse any enum variant");
}

TEST(TraitsShapes, AtomEnum) {
  EXPECT_EQ(encode_hex(shapes::Opcode::CreateCoin), "33");
  EXPECT_EQ(decode_hex<shapes::Opcode>("32"), shapes::Opcode::AggSigMe);
  const auto e = catch_from_clvm([] { decode_hex<shapes::Opcode>("34"); });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(catch_from_clvm([] { decode_hex<shapes::Opcode>("820100"); }).from_kind(),
            Kind::WrongAtomLength);
}

TEST(TraitsShapes, ListIsLenientProperListIsNot) {
  // (100 200 300 400) decodes as the first two fields.
  const std::string four = encode_hex(std::vector<int>{100, 200, 300, 400});
  EXPECT_EQ(decode_hex<shapes::ListStruct>(four), (shapes::ListStruct{100, 200}));
  auto e = catch_from_clvm([&] { decode_hex<shapes::ProperPair>(four); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedAtom);
  EXPECT_EQ(e.path(), "rest.rest");
  e = catch_from_clvm([] { decode_hex<shapes::ProperPair>("ff01ff0203"); });
  EXPECT_EQ(e.from_kind(), Kind::WrongAtomLength);
  EXPECT_EQ(e.expected(), 0u);
  EXPECT_EQ(e.found(), 1u);
  EXPECT_EQ(decode_hex<shapes::ListStruct>("ff01ff0203"), (shapes::ListStruct{1, 2}));
  // Too short.
  e = catch_from_clvm([] { decode_hex<shapes::ListStruct>("ff0180"); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedPair);
  EXPECT_EQ(e.path(), "rest");
}

TEST(TraitsShapes, CurryErrors) {
  // Terminator must be the atom 1.
  auto e = catch_from_clvm(
      [] { decode_hex<shapes::CurryStruct>("ff04ffff0134ffff04ffff0181e0ff028080"); });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(e.path(), "rest.rest.first.rest.rest.first");
  // A bad second argument: the path goes through (c (q . a) rest).
  e = catch_from_clvm(
      [] { decode_hex<shapes::CurryStruct>("ff04ffff0134ffff04ffff01ff8080ff018080"); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedAtom);
  EXPECT_EQ(e.path(), "rest.rest.first.rest.first.rest");
  // Not (c ...): the operator is checked.
  e = catch_from_clvm(
      [] { decode_hex<shapes::CurryStruct>("ff05ffff0134ffff04ffff0181e0ff018080"); });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(e.path(), "first");
}

TEST(TraitsShapes, CoinAsList) {
  chia::Coin coin;
  coin.parent_coin_info[0] = 0x11;
  coin.puzzle_hash[31] = 0x22;
  coin.amount = 1'000'000'000'000ULL;
  const std::string hex = encode_hex(coin);
  EXPECT_EQ(hex, "ffa011" + std::string(62, '0') + "ffa0" + std::string(62, '0') + "22" +
                     "ff8600e8d4a5100080");
  EXPECT_EQ(decode_hex<chia::Coin>(hex), coin);
  EXPECT_EQ(encode_hex(coin),
            encode_hex(clvm::list(coin.parent_coin_info, coin.puzzle_hash, coin.amount)));
  // An amount that is not a u64 names its node.
  const auto e = catch_from_clvm([&] {
    decode_hex<chia::Coin>("ffa011" + std::string(62, '0') + "ffa0" + std::string(64, '0') +
                           "ff818180");
  });
  EXPECT_EQ(e.from_kind(), Kind::WrongAtomLength);
  EXPECT_EQ(e.path(), "rest.rest.first");
  EXPECT_STREQ(e.what(), "wrong atom length: expected 8, found 1 at rest.rest.first");
}

TEST(TraitsShapes, StandardTransactionCurriedArgs) {
  chia::StandardArgs args;
  for (std::size_t i = 0; i < 48; ++i) args.synthetic_key[i] = static_cast<std::uint8_t>(i);
  Allocator a;
  const NodePtr mod = a.new_atom("standard-puzzle-stand-in");
  const NodePtr curried = clvm::to_clvm(a, CurriedProgram<NodePtr, chia::StandardArgs>{mod, args});
  // Same bytes as currying by hand with curried_args.
  EXPECT_EQ(test::serialize_hex(a, curried),
            encode_hex(CurriedProgram<std::string, CurriedArgs<Bytes48>>{
                "standard-puzzle-stand-in", clvm::curried_args(args.synthetic_key)}));
  const auto back = clvm::from_clvm<CurriedProgram<NodePtr, chia::StandardArgs>>(a, curried);
  EXPECT_EQ(back.program, mod);
  EXPECT_EQ(back.args, args);
  // Puzzle hash from hashes only.
  const TreeHash mod_hash = tree_hash_of_node(a, mod);
  EXPECT_EQ(tree_hash_of_node(a, curried),
            curry_tree_hash(mod_hash, {tree_hash_of(args.synthetic_key)}));
  EXPECT_EQ(tree_hash_of(CurriedProgram<TreeHash, chia::StandardArgs>{mod_hash, args}),
            tree_hash_of_node(a, curried));
}

TEST(TraitsShapes, CreateCoinWithOptionalMemos) {
  chia::CreateCoin cc;
  cc.puzzle_hash[0] = 0xaa;
  cc.amount = 1;
  const std::string ph = "a0aa" + std::string(62, '0');
  check(cc, "ff33ff" + ph + "ff0180");
  cc.memos = std::vector<Bytes>{Bytes{0x68, 0x69}};
  check(cc, "ff33ff" + ph + "ff01ffff8268698080");
  // An empty memo list is not the default, so it is encoded (as nil) and reads back as "no
  // memos" (as clvm-traits).
  cc.memos = std::vector<Bytes>{};
  EXPECT_EQ(encode_hex(cc), "ff33ff" + ph + "ff01ff8080");
  EXPECT_EQ(decode_hex<chia::CreateCoin>("ff33ff" + ph + "ff01ff8080").memos, std::nullopt);
  // Not CREATE_COIN.
  const auto e = catch_from_clvm([&] { decode_hex<chia::CreateCoin>("ff32ff" + ph + "ff0180"); });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(e.path(), "first");
}

TEST(TraitsShapes, AdlAndFullSpecialisation) {
  check(app::Point{5, 2}, "ff0502");
  EXPECT_EQ(encode_hex(std::vector<app::Point>{{1, 2}}), "ffff010280");
  EXPECT_EQ(encode_hex(app::Celsius{21.5}), "820866");
  EXPECT_EQ(decode_hex<app::Celsius>("820866").degrees, 21.5);
  EXPECT_EQ(tree_hash_of(app::Point{5, 2}), tree_hash_of(std::pair{5, 2}));
  static_assert(ToClvm<app::Point, Allocator> && FromClvm<app::Point, Allocator>);
  static_assert(ToClvm<chia::Coin, TreeHasher> && !FromClvm<TreeHash, Allocator>);
  static_assert(!ToClvm<double, Allocator> && !ToClvm<char, Allocator>);
  static_assert(!ToClvm<TreeHash, Allocator> && !ToClvm<NodePtr, TreeHasher>);
}

}  // namespace
}  // namespace clvm
