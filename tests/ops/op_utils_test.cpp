// SPDX-License-Identifier: Apache-2.0
// The shared argument helpers (runtime/src/ops/op_utils.hpp): arity, atom and integer readers,
// their error kinds and texts, and the cost helpers.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <array>
#include <limits>

#include "op_call.hpp"
#include "ops/op_utils.hpp"

namespace clvm::ops {
namespace {

using test::args_from_text;

template <class F>
Error error_of(F&& f) {
  if (auto e = test::caught<Error>(f)) return *e;
  ADD_FAILURE() << "no error thrown";
  return Error(ErrorKind::InternalError);  // after the failure above: any kind would do
}

TEST(GetArgs, ExactArity) {
  Allocator a;
  const NodePtr args = args_from_text(a, "1 2 3");
  const auto [x, y, z] = get_args<3>(a, args, "test");
  EXPECT_EQ(a.small_number(x), 1u);
  EXPECT_EQ(a.small_number(y), 2u);
  EXPECT_EQ(a.small_number(z), 3u);

  const Error more = error_of([&] { get_args<2>(a, args, "test"); });
  EXPECT_EQ(more.kind(), ErrorKind::InvalidOpArg);
  EXPECT_STREQ(more.what(), "test takes exactly 2 arguments");
  EXPECT_EQ(more.clvmr_message(), "InvalidOperatorArg: test takes exactly 2 argument(s)");
  EXPECT_EQ(more.node(), args);
  const Error fewer = error_of([&] { get_args<4>(a, args, "test"); });
  EXPECT_STREQ(fewer.what(), "test takes exactly 4 arguments");
  const Error one = error_of([&] { get_args<1>(a, Allocator::nil(), "x"); });
  EXPECT_STREQ(one.what(), "x takes exactly 1 argument");
  EXPECT_EQ(one.clvmr_message(), "InvalidOperatorArg: x takes exactly 1 argument(s)");
  EXPECT_EQ(error_of([&] { get_args<1>(a, Allocator::nil(), "%", "mod"); }).clvmr_message(),
            "InvalidOperatorArg: mod takes exactly 1 argument(s)");
  EXPECT_NO_THROW(get_args<0>(a, Allocator::nil(), "x"));
}

TEST(GetVarargs, UpToN) {
  Allocator a;
  const VarArgs<3> two = get_varargs<3>(a, args_from_text(a, "5 6"), "t");
  EXPECT_EQ(two.count, 2u);
  EXPECT_EQ(a.small_number(two.items[1]), 6u);
  EXPECT_TRUE(two.items[2].is_nil());
  EXPECT_EQ(get_varargs<3>(a, Allocator::nil(), "t").count, 0u);
  const Error e = error_of([&] { get_varargs<2>(a, args_from_text(a, "1 2 3"), "t"); });
  EXPECT_EQ(e.kind(), ErrorKind::InvalidOpArg);
  EXPECT_STREQ(e.what(), "t takes no more than 2 arguments");
  EXPECT_EQ(e.clvmr_message(), "InvalidOperatorArg: t takes no more than 2 arguments");
}

TEST(Readers, NilpFirstRestAtom) {
  Allocator a;
  const NodePtr pair = args_from_text(a, "1");
  EXPECT_TRUE(nilp(a, Allocator::nil()));
  EXPECT_FALSE(nilp(a, a.new_atom(std::array<std::uint8_t, 1>{0})));  // 00 is not nil
  EXPECT_FALSE(nilp(a, pair));
  EXPECT_EQ(first(a, pair), Allocator::one());
  EXPECT_EQ(rest(a, pair), Allocator::nil());
  EXPECT_EQ(error_of([&] { first(a, Allocator::one()); }).kind(), ErrorKind::FirstOfNonCons);
  EXPECT_EQ(error_of([&] { rest(a, Allocator::one()); }).kind(), ErrorKind::RestOfNonCons);
  const Error e = error_of([&] { atom(a, pair, "concat"); });
  EXPECT_EQ(e.kind(), ErrorKind::InvalidOpArg);
  EXPECT_STREQ(e.what(), "concat on list");
  EXPECT_EQ(e.clvmr_message(), "InvalidOperatorArg: concat used on list");  // clvmr's atom()
  EXPECT_EQ(error_of([&] { first(a, Allocator::one()); }).clvmr_message(),
            "InvalidOperatorArg: first of non-cons");
  EXPECT_EQ(atom(a, Allocator::one(), "x").size(), 1u);
  EXPECT_EQ(atom_len(a, a.new_atom("abcd"), "x"), 4u);
  EXPECT_EQ(error_of([&] { atom_len(a, pair, "x"); }).kind(), ErrorKind::InvalidOpArg);
}

TEST(IntAtom, ValueAndRawLength) {
  Allocator a;
  const IntArg padded = int_atom(a, a.new_atom(std::array<std::uint8_t, 3>{0, 0, 1}), "+");
  EXPECT_EQ(padded.value, 1);
  EXPECT_EQ(padded.len, 3u);  // raw length: leading zeros are charged
  const IntArg minus = int_atom(a, a.new_atom(std::array<std::uint8_t, 2>{0xff, 0xff}), "+");
  EXPECT_EQ(minus.value, -1);
  EXPECT_EQ(minus.len, 2u);
  const IntArg small = int_atom(a, a.new_small_number(0x8000), "+");
  EXPECT_EQ(small.value, 0x8000);
  EXPECT_EQ(small.len, 3u);  // 00 80 00
  EXPECT_EQ(int_atom(a, Allocator::nil(), "+").len, 0u);
  const Error e = error_of([&] { int_atom(a, args_from_text(a, "1"), "+"); });
  EXPECT_EQ(e.kind(), ErrorKind::InvalidOpArg);
  EXPECT_STREQ(e.what(), "Requires Int Argument: +");
}

TEST(I32Atom, SignExtendedUpToFourBytes) {
  Allocator a;
  auto atom_of = [&](std::initializer_list<std::uint8_t> b) {
    return a.new_atom(std::span<const std::uint8_t>(b.begin(), b.size()));
  };
  EXPECT_EQ(i32_atom(a, atom_of({0xcc}), "ash"), -52);
  EXPECT_EQ(i32_atom(a, atom_of({0x00, 0xcc, 0x55, 0x88}), "ash"), 0xcc5588);
  EXPECT_EQ(i32_atom(a, atom_of({0xff, 0xff, 0xff, 0xff}), "ash"), -1);
  EXPECT_EQ(i32_atom(a, Allocator::nil(), "ash"), 0);
  EXPECT_EQ(i32_atom(a, a.new_small_number(65535), "ash"), 65535);
  const Error five = error_of([&] { i32_atom(a, atom_of({0, 0, 0, 0, 1}), "ash"); });
  EXPECT_EQ(five.kind(), ErrorKind::InvalidOpArg);
  EXPECT_STREQ(five.what(), "ash requires int32 args (with no leading zeros)");
  EXPECT_EQ(error_of([&] { i32_atom(a, args_from_text(a, "1"), "ash"); }).kind(),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(u32_from_u8(std::array<std::uint8_t, 1>{0xcc}), 0xccu);
  EXPECT_EQ(i32_from_u8(std::array<std::uint8_t, 5>{}), std::nullopt);
  EXPECT_EQ(u64_from_bytes(std::array<std::uint8_t, 2>{0x12, 0x34}), 0x1234u);
}

TEST(UintAtom, CanonicalIntsAndSize) {
  Allocator a;
  auto atom_of = [&](std::initializer_list<std::uint8_t> b) {
    return a.new_atom(std::span<const std::uint8_t>(b.begin(), b.size()));
  };
  EXPECT_EQ(uint_atom<8>(a, atom_of({0, 0, 0, 5}), "softfork", 0), 5u);
  EXPECT_EQ(uint_atom<4>(a, atom_of({0, 0xff, 0xff, 0xff, 0xff}), "softfork", 0), 0xffffffffu);
  EXPECT_EQ(uint_atom<4>(a, atom_of({0, 0x80}), "softfork", CANONICAL_INTS), 0x80u);
  EXPECT_EQ(uint_atom<4>(a, Allocator::nil(), "softfork", CANONICAL_INTS), 0u);
  const Error lead = error_of([&] {
    uint_atom<4>(a, atom_of({0, 5}), "softfork", CANONICAL_INTS);
  });
  EXPECT_EQ(lead.kind(), ErrorKind::InvalidOpArg);
  EXPECT_STREQ(lead.what(), "softfork requires u32 arg with no leading zeros");
  EXPECT_STREQ(error_of([&] { uint_atom<4>(a, atom_of({0x80}), "softfork", 0); }).what(),
               "softfork requires positive int arg");
  EXPECT_STREQ(error_of([&] {
                 uint_atom<4>(a, atom_of({1, 0, 0, 0, 0}), "softfork", 0);
               }).what(),
               "softfork requires u32 arg");
  EXPECT_STREQ(error_of([&] { uint_atom<8>(a, args_from_text(a, "1"), "softfork", 0); }).what(),
               "softfork requires int arg");
}

TEST(CostHelpers, CheckMallocAndLimbs) {
  EXPECT_NO_THROW(check_cost(10, 10));
  EXPECT_EQ(error_of([] { check_cost(11, 10); }).kind(), ErrorKind::CostExceeded);
  Allocator a;
  const Reduction r = new_atom_and_cost(a, 5, std::array<std::uint8_t, 3>{1, 2, 3});
  EXPECT_EQ(r.cost, 35u);
  EXPECT_EQ(a.atom_len(r.node), 3u);
  EXPECT_EQ(malloc_cost(a, 1, a.new_small_number(0x80)).cost, 21u);  // 00 80
  EXPECT_EQ(limbs_for_int(0), 0u);
  EXPECT_EQ(limbs_for_int(-1), 1u);
  EXPECT_EQ(limbs_for_int(0x80), 1u);
  EXPECT_EQ(limbs_for_int(-0x100), 2u);
  EXPECT_EQ(limbs_for_int(Number(1) << 64), 9u);
  EXPECT_EQ(sat_mul(~Cost{0} / 2, 3), ~Cost{0});
  EXPECT_EQ(sat_add(~Cost{0}, 1), ~Cost{0});
  EXPECT_EQ(sat_add(2, 3), 5u);
  EXPECT_EQ(mod_group_order(-1),
            Number("0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"));
}

TEST(SmallInt, ReadsUpToEightBytes) {
  Allocator a;
  std::size_t len = 0;
  EXPECT_EQ(small_int_atom(a, a.new_atom(std::array<std::uint8_t, 2>{0xff, 0x7f}), "+", len), -129);
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(small_int_atom(a, a.new_small_number(300), "+", len), 300);
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(small_int_atom(a, a.new_atom(std::array<std::uint8_t, 9>{}), "+", len), std::nullopt);
  EXPECT_EQ(len, 9u);
  EXPECT_EQ(small_int_atom(a, Allocator::nil(), "+", len), 0);
  EXPECT_EQ(error_of([&] { small_int_atom(a, args_from_text(a, "1"), "+", len); }).kind(),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(limbs_for_i64(0), 0u);
  EXPECT_EQ(limbs_for_i64(-1), 1u);
  EXPECT_EQ(limbs_for_i64(std::numeric_limits<std::int64_t>::min()), 8u);
  EXPECT_EQ(limbs_for_i64(256), 2u);
}

// new_i64 makes the same atom as new_number, with the same effect on the arena's counters.
RC_GTEST_PROP(SmallInt, NewI64MatchesNewNumber, (std::int64_t v)) {
  Allocator x, y;
  const NodePtr nx = new_i64(x, v), ny = y.new_number(Number(v));
  RC_ASSERT(x.atom(nx) == y.atom(ny));
  RC_ASSERT(nx.object_type() == ny.object_type());
  RC_ASSERT(x.atom_count() == y.atom_count());
  RC_ASSERT(x.heap_size() == y.heap_size());
  RC_ASSERT(limbs_for_i64(v) == limbs_for_int(Number(v)));
  std::size_t len = 0;
  RC_ASSERT(small_int_atom(x, nx, "+", len) == v);
}

}  // namespace
}  // namespace clvm::ops
