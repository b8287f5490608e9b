// SPDX-License-Identifier: Apache-2.0
// Built-in codecs: the golden vectors of clvm-traits' to_clvm.rs / from_clvm.rs tests and the seed
// example, plus the negative cases (wrong shapes, lengths, UTF-8) with their error kinds and paths.
#include "traits_support.hpp"

#include <clvm/traits.hpp>

#include <gtest/gtest.h>

#include <array>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace clvm {
namespace {

using test::catch_from_clvm;
using test::decode_hex;
using test::encode_hex;
using Kind = FromClvmError::Kind;

TEST(TraitsBuiltins, SeedExample) {
  Allocator allocator;
  auto ptr = clvm::to_clvm(allocator, std::string("Hello.world!"));
  auto s = clvm::from_clvm<std::string>(allocator, ptr);
  EXPECT_EQ(s, "Hello.world!");
  auto pair = clvm::to_clvm(allocator, std::pair{ptr, ptr});
  auto [x, y] = clvm::from_clvm<std::pair<std::string, std::string>>(allocator, pair);
  EXPECT_EQ(x, "Hello.world!");
  EXPECT_EQ(y, "Hello.world!");
  EXPECT_EQ(allocator.pair(pair).first, ptr);  // NodePtr passes through
}

TEST(TraitsBuiltins, Primitives) {
  EXPECT_EQ(encode_hex(std::uint32_t{5}), "05");
  EXPECT_EQ(encode_hex(std::int32_t{5}), "05");
  EXPECT_EQ(encode_hex(std::int32_t{-27}), "81e5");
  EXPECT_EQ(encode_hex(-0), "80");
  EXPECT_EQ(encode_hex(std::int8_t{-128}), "8180");
  EXPECT_EQ(encode_hex(std::uint8_t{255}), "8200ff");
  EXPECT_EQ(decode_hex<std::uint8_t>("80"), 0);
  EXPECT_EQ(decode_hex<std::int8_t>("80"), 0);
  EXPECT_EQ(decode_hex<std::uint8_t>("05"), 5);
  EXPECT_EQ(decode_hex<std::uint32_t>("05"), 5u);
  EXPECT_EQ(decode_hex<std::int32_t>("81e5"), -27);
  EXPECT_EQ(decode_hex<std::int8_t>("8180"), -128);
}

TEST(TraitsBuiltins, Bool) {
  EXPECT_EQ(encode_hex(true), "01");
  EXPECT_EQ(encode_hex(false), "80");
  EXPECT_FALSE(decode_hex<bool>("80"));
  EXPECT_TRUE(decode_hex<bool>("01"));
  const auto e = catch_from_clvm([] { decode_hex<bool>("05"); });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(e.detail(), "expected boolean value of either `()` or `1`");
  EXPECT_EQ(catch_from_clvm([] { decode_hex<bool>("820001"); }).from_kind(), Kind::Custom);
  EXPECT_EQ(catch_from_clvm([] { decode_hex<bool>("ff0101"); }).from_kind(), Kind::ExpectedAtom);
}

TEST(TraitsBuiltins, Pairs) {
  EXPECT_EQ(encode_hex(std::pair{5, 2}), "ff0502");
  using Nil = std::monostate;
  EXPECT_EQ(encode_hex(std::pair{-72, std::pair{90121, Nil{}}}), "ff81b8ff8301600980");
  using Deep = std::pair<
      std::pair<
          Nil,
          std::pair<
              Nil,
              std::pair<Nil, std::pair<std::pair<Nil, std::pair<Nil, std::pair<Nil, Nil>>>, Nil>>>>,
      Nil>;
  const Deep deep{};
  EXPECT_EQ(encode_hex(deep), "ffff80ff80ff80ffff80ff80ff80808080");
  EXPECT_EQ(decode_hex<Deep>("ffff80ff80ff80ffff80ff80ff80808080"), deep);
  EXPECT_EQ((decode_hex<std::pair<int, int>>("ff0502")), (std::pair{5, 2}));
  EXPECT_EQ((decode_hex<std::pair<int, std::pair<int, Nil>>>("ff81b8ff8301600980")),
            (std::pair{-72, std::pair{90121, Nil{}}}));
  const auto e = catch_from_clvm([] { decode_hex<std::pair<int, int>>("05"); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedPair);
  EXPECT_EQ(e.path(), "");
  const auto e2 =
      catch_from_clvm([] { decode_hex<std::pair<int, std::pair<int, int>>>("ff01ff02ff0304"); });
  EXPECT_EQ(e2.from_kind(), Kind::ExpectedAtom);
  EXPECT_EQ(e2.path(), "rest.rest");
  EXPECT_STREQ(e2.what(), "expected atom at rest.rest");
}

TEST(TraitsBuiltins, Nil) {
  EXPECT_EQ(encode_hex(std::monostate{}), "80");
  EXPECT_EQ(decode_hex<std::monostate>("80"), std::monostate{});
  const auto e = catch_from_clvm([] { decode_hex<std::monostate>("05"); });
  EXPECT_EQ(e.from_kind(), Kind::WrongAtomLength);
  EXPECT_EQ(e.expected(), 0u);
  EXPECT_EQ(e.found(), 1u);
}

TEST(TraitsBuiltins, Tuples) {
  EXPECT_EQ(encode_hex(std::tuple{1, 2, 3}), "ff01ff0203");
  EXPECT_EQ(encode_hex(std::tuple{7}), "07");
  EXPECT_EQ(encode_hex(std::tuple<>{}), "80");
  EXPECT_EQ((decode_hex<std::tuple<int, int, int>>("ff01ff0203")), (std::tuple{1, 2, 3}));
  EXPECT_EQ(decode_hex<std::tuple<int>>("07"), std::tuple{7});
  const auto e =
      catch_from_clvm([] { decode_hex<std::tuple<int, int, std::string>>("ff01ff02ff0304"); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedAtom);
  EXPECT_EQ(e.path(), "rest.rest");
}

TEST(TraitsBuiltins, Sequences) {
  const std::vector<int> v{1, 2, 3, 4};
  EXPECT_EQ(encode_hex(v), "ff01ff02ff03ff0480");
  EXPECT_EQ(encode_hex(std::vector<int>{}), "80");
  EXPECT_EQ(encode_hex(std::array<int, 4>{1, 2, 3, 4}), "ff01ff02ff03ff0480");
  EXPECT_EQ(encode_hex(std::array<int, 0>{}), "80");
  EXPECT_EQ(encode_hex(std::list<int>{1, 2, 3, 4}), "ff01ff02ff03ff0480");
  EXPECT_EQ(encode_hex(std::span<const int>(v)), "ff01ff02ff03ff0480");
  EXPECT_EQ(decode_hex<std::vector<int>>("ff01ff02ff03ff0480"), v);
  EXPECT_EQ(decode_hex<std::vector<int>>("80"), std::vector<int>{});
  EXPECT_EQ((decode_hex<std::array<int, 4>>("ff01ff02ff03ff0480")),
            (std::array<int, 4>{1, 2, 3, 4}));
  EXPECT_EQ((decode_hex<std::array<int, 0>>("80")), (std::array<int, 0>{}));
  EXPECT_EQ(decode_hex<std::list<int>>("ff01ff02ff03ff0480"), (std::list<int>{1, 2, 3, 4}));
  EXPECT_EQ(encode_hex(std::vector<std::vector<int>>{{1}, {}, {2, 3}}),
            "ffff0180ff80ffff02ff038080");
}

TEST(TraitsBuiltins, SequenceErrors) {
  // A non-nil terminator.
  auto e = catch_from_clvm([] { decode_hex<std::vector<int>>("ff01ff0203"); });
  EXPECT_EQ(e.from_kind(), Kind::WrongAtomLength);
  EXPECT_EQ(e.path(), "rest.rest");
  // A bad item: the path names it.
  e = catch_from_clvm([] { decode_hex<std::vector<int>>("ff01ff02ffff010280"); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedAtom);
  EXPECT_EQ(e.path(), "rest.rest.first");
  EXPECT_STREQ(e.what(), "expected atom at rest.rest.first");
  e = catch_from_clvm([] { decode_hex<std::vector<std::uint8_t>>("ff01ff0280"); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedAtom);  // Bytes is an atom, not a list
  // Arrays: too many items is ExpectedAtom, too few ExpectedPair.
  e = catch_from_clvm([] { decode_hex<std::array<int, 2>>("ff01ff02ff0380"); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedAtom);
  EXPECT_EQ(e.path(), "rest.rest");
  e = catch_from_clvm([] { decode_hex<std::array<int, 3>>("ff01ff0280"); });
  EXPECT_EQ(e.from_kind(), Kind::ExpectedPair);
  EXPECT_EQ(e.path(), "rest.rest");
  // Long paths are abbreviated.
  e = catch_from_clvm([] { decode_hex<std::vector<int>>("ff01ff02ff03ff04ff05ff06ffff808080"); });
  EXPECT_EQ(e.path(), "rest^6.first");
  e = catch_from_clvm(
      [] { decode_hex<std::vector<std::vector<int>>>("ff80ffff01ff02ffff80808080"); });
  EXPECT_EQ(e.path(), "rest.first.rest.rest.first");
}

TEST(TraitsBuiltins, Optional) {
  EXPECT_EQ(encode_hex(std::optional<std::string>("hello")), "8568656c6c6f");
  EXPECT_EQ(encode_hex(std::optional<std::string>()), "80");
  EXPECT_EQ(encode_hex(std::optional<std::string>("")), "80");
  EXPECT_EQ(decode_hex<std::optional<std::string>>("8568656c6c6f"), "hello");
  EXPECT_EQ(decode_hex<std::optional<std::string>>("80"), std::nullopt);
  // Known behaviour (as clvm-traits): Some("") comes back as nullopt.
  EXPECT_NE(decode_hex<std::optional<std::string>>("80"), std::optional<std::string>(""));
  EXPECT_EQ((decode_hex<std::optional<std::pair<int, int>>>("ff0102")), (std::pair{1, 2}));
}

TEST(TraitsBuiltins, Strings) {
  EXPECT_EQ(encode_hex(std::string("hello")), "8568656c6c6f");
  EXPECT_EQ(encode_hex(std::string()), "80");
  EXPECT_EQ(encode_hex(std::string_view("hello")), "8568656c6c6f");
  EXPECT_EQ(encode_hex("hello"), "8568656c6c6f");
  EXPECT_EQ(decode_hex<std::string>("8568656c6c6f"), "hello");
  EXPECT_EQ(decode_hex<std::string>("80"), "");
  EXPECT_EQ(decode_hex<std::string>("84f09f9982"), "\xf0\x9f\x99\x82");
  for (const char* bad : {"81ff", "82c0af", "83eda080", "84f4908080", "82e282", "81c3"}) {
    const auto e = catch_from_clvm([&] { decode_hex<std::string>(bad); });
    EXPECT_EQ(e.from_kind(), Kind::InvalidUtf8) << bad;
  }
  EXPECT_EQ(catch_from_clvm([] { decode_hex<std::string>("ff8080"); }).from_kind(),
            Kind::ExpectedAtom);
}

TEST(TraitsBuiltins, Bytes) {
  // clvm::Bytes (= std::vector<std::uint8_t>) is an atom, never a list of small integers.
  EXPECT_EQ(encode_hex(Bytes{1, 2, 3}), "83010203");
  EXPECT_EQ(encode_hex(std::vector<std::uint8_t>{1, 2, 3}), "83010203");
  EXPECT_EQ(encode_hex(Bytes{}), "80");
  EXPECT_EQ(encode_hex(Bytes{0x7f}), "7f");
  const std::array<std::uint8_t, 2> raw{0x80, 0x01};
  EXPECT_EQ(encode_hex(std::span<const std::uint8_t>(raw)), "828001");
  EXPECT_EQ(decode_hex<Bytes>("83010203"), (Bytes{1, 2, 3}));
  Bytes32 h;
  h[0] = 0xab;
  h[31] = 0xcd;
  const std::string hx = encode_hex(h);
  EXPECT_EQ(hx, "a0ab" + std::string(60, '0') + "cd");
  EXPECT_EQ(decode_hex<Bytes32>(hx), h);
  const auto e = catch_from_clvm([] { decode_hex<Bytes48>("8568656c6c6f"); });
  EXPECT_EQ(e.from_kind(), Kind::WrongAtomLength);
  EXPECT_EQ(e.expected(), 48u);
  EXPECT_EQ(e.found(), 5u);
  const auto e96 = catch_from_clvm([] { decode_hex<Bytes96>("80"); });
  EXPECT_EQ(e96.expected(), 96u);
  EXPECT_EQ(e96.found(), 0u);
}

TEST(TraitsBuiltins, UntaggedVariantTriedInOrder) {
  using V = std::variant<std::int32_t, std::string, std::vector<int>>;
  EXPECT_EQ(encode_hex(V(32)), "20");
  EXPECT_EQ(decode_hex<V>("20"), V(32));
  // "Hi" is also a valid i32 (18537): the first alternative wins.
  EXPECT_EQ(decode_hex<V>(encode_hex(V(std::string("Hi")))), V(18537));
  EXPECT_EQ(decode_hex<V>(encode_hex(V(std::string("Hello, world!")))),
            V(std::string("Hello, world!")));
  EXPECT_EQ(decode_hex<V>("ff0180"), V(std::vector<int>{1}));
  using W = std::variant<std::int8_t, Bytes32>;
  const auto e = catch_from_clvm([] { decode_hex<W>("ff0180"); });
  EXPECT_EQ(e.from_kind(), Kind::Custom);
  EXPECT_EQ(e.detail(), "failed to parse any enum variant");
}

TEST(TraitsBuiltins, SmartPointersAndNodePtr) {
  EXPECT_EQ(encode_hex(std::make_unique<int>(42)), encode_hex(42));
  EXPECT_EQ(encode_hex(std::make_shared<int>(42)), encode_hex(42));
  EXPECT_EQ(*decode_hex<std::unique_ptr<int>>("2a"), 42);
  EXPECT_EQ(*decode_hex<std::shared_ptr<std::string>>("8568656c6c6f"), "hello");
  Allocator a;
  EXPECT_THROW(clvm::to_clvm(a, std::unique_ptr<int>()), EvalError);
  const NodePtr n = a.new_atom("x");
  EXPECT_EQ(clvm::to_clvm(a, n), n);
  EXPECT_EQ(clvm::from_clvm<NodePtr>(a, n), n);
  const NodePtr l = clvm::to_clvm(a, std::vector<NodePtr>{n, n});
  EXPECT_EQ(clvm::from_clvm<std::vector<NodePtr>>(a, l), (std::vector<NodePtr>{n, n}));
}

TEST(TraitsBuiltins, EncodingFailureIsTheArenasError) {
  Allocator small(16);
  try {
    clvm::to_clvm(small, std::string(100, 'x'));
    FAIL() << "expected EvalError";
  } catch (const EvalError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::OutOfMemory);
  }
}

TEST(TraitsBuiltins, ErrorIsAClvmError) {
  const auto e = catch_from_clvm([] { decode_hex<std::pair<int, int>>("05"); });
  const Error& base = e;
  EXPECT_EQ(base.kind(), ErrorKind::BadEncoding);
  EXPECT_STREQ(base.what(), "expected pair");
}

}  // namespace
}  // namespace clvm
