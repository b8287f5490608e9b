// SPDX-License-Identifier: Apache-2.0
// ash lsh logand logior logxor lognot: two's-complement results, shift limits and costs.
#include <gtest/gtest.h>

#include <clvm/bytes.hpp>
#include <clvm/flags.hpp>
#include <clvm/number.hpp>

#include <cstdint>
#include <ostream>
#include <random>
#include <vector>

#include "op_call.hpp"
#include "ops/more_ops.hpp"

namespace clvm::test {
namespace {

using namespace clvm::ops;

TEST(Ash, ShiftsAndFloors) {
  EXPECT_OP_OK(call_op(op_ash, "0x80 -1"), "0xc0", 612);  // clvmr's vector
  EXPECT_OP_OK(call_op(op_ash, "1 8"), "0x0100", 596 + 3 * (1 + 2) + 20);
  EXPECT_OP_OK(call_op(op_ash, "-7 -1"), "0xfc", 596 + 3 * 2 + 10);  // floor(-3.5) = -4
  EXPECT_OP_OK(call_op(op_ash, "-1 -100"), "0xff", 596 + 6 + 10);
  EXPECT_OP_OK(call_op(op_ash, "1 -1"), "()", 596 + 3);
  const Outcome big = call_op(op_ash, "1 65535");
  EXPECT_TRUE(big.ok);
  EXPECT_EQ(big.cost, 596 + 3 * (1 + 8192) + 10 * 8193);  // 2^65535: 8192 limbs, 8193 bytes
}

TEST(Ash, Errors) {
  EXPECT_OP_ERR(call_op(op_ash, "1 65536"), ShiftTooLarge);
  EXPECT_OP_ERR(call_op(op_ash, "1 -65536"), ShiftTooLarge);
  EXPECT_OP_ERR(call_op(op_ash, "1 0x0000000001"), InvalidOpArg);  // over 4 bytes
  EXPECT_OP_ERR(call_op(op_ash, "( 1 ) 1"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_ash, "1 ( 1 )"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_ash, "1"), InvalidOpArg);
}

TEST(Lsh, ReadsTheValueUnsigned) {
  EXPECT_OP_OK(call_op(op_lsh, "0xff 1"), "0x01fe", 306);  // clvmr's vector
  EXPECT_OP_OK(call_op(op_lsh, "0xff -1"), "0x7f", 277 + 3 * 2 + 10);
  EXPECT_OP_OK(call_op(op_lsh, "0x0080 -8"), "()", 277 + 3 * 2);
  EXPECT_OP_OK(call_op(op_lsh, "0xff 1", NEW_COST_MODEL), "0x01fe", 306);
  EXPECT_OP_ERR(call_op(op_lsh, "1 65536"), ShiftTooLarge);
  EXPECT_OP_ERR(call_op(op_lsh, "( 1 ) 1"), InvalidOpArg);
}

TEST(Logic, ResultsAndCosts) {
  EXPECT_OP_OK(call_op(op_logand, ""), "0xff", 100 + 10);
  EXPECT_OP_OK(call_op(op_logior, ""), "()", 100);
  EXPECT_OP_OK(call_op(op_logxor, ""), "()", 100);
  EXPECT_OP_OK(call_op(op_logand, "0xf0 0x0f"), "()", 100 + 2 * 264 + 6);
  EXPECT_OP_OK(call_op(op_logior, "0xf0 0x0f"), "0xff", 100 + 528 + 6 + 10);
  EXPECT_OP_OK(call_op(op_logxor, "0xff 0x0f"), "0xf0", 100 + 528 + 6 + 10);
  // Negative operands are sign-extended: -256 & 0x7f = 0, -1 | 0x0100 = -1.
  EXPECT_OP_OK(call_op(op_logand, "0xff00 0x7f"), "()", 100 + 528 + 9);
  EXPECT_OP_OK(call_op(op_logior, "0xff 0x0100"), "0xff", 100 + 528 + 9 + 10);
  // New model: per byte 3·max(L, limbs of the accumulator before the argument).
  EXPECT_OP_OK(call_op(op_logior, "0x800000 0x01", NEW_COST_MODEL), "0x800001",
               100 + 528 + 9 + 9 + 30);
  EXPECT_OP_ERR(call_op(op_logand, "1 ( 2 )"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_logxor, "1 2", 0, 600), CostExceeded);
}

TEST(Lognot, MinusNMinusOne) {
  EXPECT_OP_OK(call_op(op_lognot, "0xff"), "()", 331 + 3);
  EXPECT_OP_OK(call_op(op_lognot, "0"), "0xff", 331 + 10);
  EXPECT_OP_OK(call_op(op_lognot, "0x0000ff"), "0xff00", 331 + 9 + 20);
  EXPECT_OP_ERR(call_op(op_lognot, ""), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_lognot, "1 2"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_lognot, "( 1 )"), InvalidOpArg);
}

}  // namespace
}  // namespace clvm::test

// ---- ash / lsh on the bytes: boundaries and a big-number reference

namespace clvm::test {
namespace {

using namespace clvm::ops;

struct ShiftResult {
  Bytes bytes;
  Cost cost = 0;
  friend bool operator==(const ShiftResult&, const ShiftResult&) = default;
};

std::ostream& operator<<(std::ostream& os, const ShiftResult& r) {
  return os << to_hex(r.bytes) << " cost " << r.cost;
}

// Calls ash (or lsh) on the atom `in` and the shift `s` directly.
ShiftResult call_shift(bool logical, const Bytes& in, std::int32_t s) {
  Allocator a;
  const NodePtr args =
      a.new_pair(a.new_atom(in), a.new_pair(a.new_number(Number(s)), Allocator::nil()));
  const Reduction r = (logical ? op_lsh : op_ash)(a, args, kOpTestMaxCost, 0);
  const Atom out = a.atom(r.node);
  return {Bytes(out.begin(), out.end()), r.cost};
}

// The same shift done with big numbers, floor division written out (no reliance on how the
// library rounds negative right shifts): clvmr's definition.
ShiftResult reference_shift(bool logical, const Bytes& in, std::int32_t s) {
  Bytes unsigned_in{0};
  unsigned_in.insert(unsigned_in.end(), in.begin(), in.end());
  const Number v = number_from_bytes(logical ? unsigned_in : in);
  Number r;
  if (s >= 0)
    r = v << s;
  else if (v >= 0)
    r = v >> -s;
  else
    r = -((-v - 1) >> -s) - 1;
  const Bytes e = number_to_bytes(r);
  const std::size_t limbs =
      r == 0 ? 0 : (boost::multiprecision::msb(boost::multiprecision::abs(r)) + 8) / 8;
  const Cost base = logical ? 277 : 596;
  return {e, base + 3 * (in.size() + limbs) + 10 * e.size()};
}

TEST(Shift, HandComputedBoundaries) {
  // Floors: -1 >> 1 = -1, -2 >> 1 = -1, -257 >> 8 = -2; all bits out gives 0 or -1.
  EXPECT_OP_OK(call_op(op_ash, "-1 -1"), "0xff", 596 + 6 + 10);
  EXPECT_OP_OK(call_op(op_ash, "-2 -1"), "0xff", 596 + 6 + 10);
  EXPECT_OP_OK(call_op(op_ash, "0xfeff -8"), "0xfe", 596 + 9 + 10);
  EXPECT_OP_OK(call_op(op_ash, "0xff00 -8"), "0xff", 596 + 9 + 10);
  EXPECT_OP_OK(call_op(op_ash, "0x80 -7"), "0xff", 596 + 6 + 10);
  EXPECT_OP_OK(call_op(op_ash, "0x80 -8"), "0xff", 596 + 6 + 10);
  EXPECT_OP_OK(call_op(op_ash, "0x7f -7"), "()", 596 + 3);
  EXPECT_OP_OK(call_op(op_ash, "0x0100 -8"), "0x01", 596 + 9 + 10);
  EXPECT_OP_OK(call_op(op_ash, "1 -65535"), "()", 596 + 3);
  EXPECT_OP_OK(call_op(op_ash, "-1 -65535"), "0xff", 596 + 6 + 10);
  // Redundant leading 00 / ff in the input: the result is minimal, the cost counts raw bytes.
  EXPECT_OP_OK(call_op(op_ash, "0xffff 0"), "0xff", 596 + 9 + 10);
  EXPECT_OP_OK(call_op(op_ash, "0x00ff 0"), "0x00ff", 596 + 9 + 20);
  EXPECT_OP_OK(call_op(op_ash, "0x0000 5"), "()", 596 + 6);
  EXPECT_OP_OK(call_op(op_ash, "0x000001 9"), "0x0200", 596 + 3 * (3 + 2) + 20);
  // -128 << 1 = -256 (ff 00: two limbs); -129 = ff 7f has one limb.
  EXPECT_OP_OK(call_op(op_ash, "0x80 1"), "0xff00", 596 + 9 + 20);
  EXPECT_OP_OK(call_op(op_ash, "0xff7f 0"), "0xff7f", 596 + 9 + 20);
  EXPECT_OP_OK(call_op(op_ash, "0x40 1"), "0x0080", 596 + 6 + 20);
  // -1 << 65535 = -2^65535: 80 then 8191 zero bytes, 8192 limbs.
  const Outcome neg_big = call_op(op_ash, "-1 65535");
  EXPECT_TRUE(neg_big.ok);
  EXPECT_EQ(neg_big.value.substr(0, 6), "0x8000");
  EXPECT_EQ(neg_big.value.size(), 2 + 2 * 8192u);
  EXPECT_EQ(neg_big.cost, 596 + 3 * (1 + 8192) + 10 * 8192u);

  // lsh reads its input unsigned.
  EXPECT_OP_OK(call_op(op_lsh, "0x80 -7"), "0x01", 277 + 6 + 10);
  EXPECT_OP_OK(call_op(op_lsh, "0xffff 0"), "0x00ffff", 277 + 12 + 30);
  EXPECT_OP_OK(call_op(op_lsh, "0xff 8"), "0x00ff00", 277 + 9 + 30);
  EXPECT_OP_OK(call_op(op_lsh, "0xff -9"), "()", 277 + 3);
  EXPECT_OP_OK(call_op(op_lsh, "0x0000 0"), "()", 277 + 6);
  EXPECT_OP_OK(call_op(op_lsh, "0 1"), "()", 277);
  const Outcome pos_big = call_op(op_lsh, "1 65535");
  EXPECT_TRUE(pos_big.ok);
  EXPECT_EQ(pos_big.value.substr(0, 6), "0x0080");
  EXPECT_EQ(pos_big.cost, 277 + 3 * (1 + 8192) + 10 * 8193u);
  EXPECT_OP_OK(call_op(op_lsh, "0xffffffff -65535"), "()", 277 + 12);
}

TEST(Shift, BoundaryValuesMatchTheBigNumberReference) {
  const std::vector<Bytes> values = {
      {},
      {0x00},
      {0x00, 0x00},
      {0x01},
      {0x7f},
      {0x80},
      {0xff},
      {0xff, 0xff},
      {0x00, 0xff},
      {0x00, 0x80},
      {0xff, 0x00},
      {0xff, 0x7f},
      {0xff, 0x80},
      {0x80, 0x00},
      {0x01, 0x00},
      {0xfe, 0xff},
      {0x00, 0x00, 0x00, 0xff},
      {0xff, 0xff, 0xff, 0x00},
      {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07},
      {0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
      {0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
      {0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
  };
  const std::vector<std::int32_t> shifts = {
      0,   1,  -1,  7,  -7,  8,  -8,  9,    -9,    15,    -15,    16,    -16,   17,
      -17, 63, -63, 64, -64, 65, -65, 1000, -1000, 65535, -65535, 65534, -65534};
  for (const bool logical : {false, true})
    for (const Bytes& v : values)
      for (const std::int32_t s : shifts)
        EXPECT_EQ(call_shift(logical, v, s), reference_shift(logical, v, s))
            << (logical ? "lsh " : "ash ") << to_hex(v) << " " << s;
}

TEST(Shift, RandomValuesMatchTheBigNumberReference) {
  std::mt19937_64 rng(20261121);
  for (int i = 0; i < 6000; ++i) {
    Bytes v(rng() % 40);
    for (auto& b : v) b = static_cast<std::uint8_t>(rng());
    if (!v.empty() && rng() % 4 == 0) v[0] = rng() % 2 ? 0x00 : 0xff;  // redundant prefixes
    const std::int32_t s = rng() % 8 == 0 ? static_cast<std::int32_t>(rng() % 131071) - 65535
                                          : static_cast<std::int32_t>(rng() % 801) - 400;
    const bool logical = rng() % 2 == 0;
    ASSERT_EQ(call_shift(logical, v, s), reference_shift(logical, v, s))
        << (logical ? "lsh " : "ash ") << to_hex(v) << " " << s;
  }
}

}  // namespace
}  // namespace clvm::test
