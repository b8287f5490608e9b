// SPDX-License-Identifier: Apache-2.0
// WideInt (the limb path of the integer operators) against the slow Boost reference: the codec,
// limbs_for_int, add / subtract / multiply (schoolbook and Karatsuba), bitwise ops and compare, on
// fixed boundary values (every pair) and on random atoms.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <clvm/bytes.hpp>

#include <string>
#include <vector>

#include "int_reference.hpp"
#include "number/wide_int.hpp"

namespace clvm::test {
namespace {

using number_detail::WideInt;
using BitOp = WideInt::BitOp;

Bytes encoded(const WideInt& w) {
  Bytes out(w.encoded_len());
  w.encode(out.data());
  return out;
}

// Checks every observable of `w` against the value `ref`.
void expect_value(const WideInt& w, const Number& ref, const std::string& what) {
  EXPECT_EQ(to_hex(encoded(w)), to_hex(ref_to_bytes(ref))) << what;
  EXPECT_EQ(w.to_number(), ref) << what;
  EXPECT_EQ(w.magnitude_len(), ref_limbs(ref)) << what;
  EXPECT_EQ(w.negative(), ref < 0) << what;
  EXPECT_EQ(w.is_zero(), ref == 0) << what;
}

Number ref_bitwise(BitOp op, const Number& x, const Number& y) {
  switch (op) {
    case BitOp::And:
      return x & y;
    case BitOp::Or:
      return x | y;
    case BitOp::Xor:
      break;
  }
  return x ^ y;
}

// Values at the sign and limb boundaries, some in non-minimal encodings.
const std::vector<std::string> kBoundaries = {
    "",
    "00",
    "0000",
    "01",
    "7f",
    "80",
    "ff",
    "ffff",
    "0080",
    "ff7f",
    "ff00",
    "7fffffffffffffff",
    "8000000000000000",
    "ffffffffffffffff",
    "0000000000000001",
    "008000000000000000",
    "ff7fffffffffffffff",
    "00ffffffffffffffff",
    "ff0000000000000000",
    "010000000000000000",
    "ff8000000000000000",
    "7fffffffffffffffffffffffffffffff",
    "80000000000000000000000000000000",
    "0080000000000000000000000000000000",
    "ff00000000000000000000000000000000",
    "ffffffffffffffffffffffffffffffffffff",
    "000000000000000000000000000000000005",
    "fffffffffffffffffffffffffffffffffffa",
    "cccccccccccccccccc",
    "00ffffffffffffffffffffffffffffffff",
    "800000000000000000000000000000000000000000000000",
    "ff000000000000000000000000000000000000000000000000",
    "fe000000000000000000000000000000000000000000000000",
    "ff800000000000000000000000000000000000000000000001",
};

TEST(WideInt, BoundaryCodec) {
  for (const std::string& hex : kBoundaries) {
    const Bytes b = *from_hex(hex);
    const Number ref = ref_from_bytes(b);
    WideInt w;
    w.load(b);
    expect_value(w, ref, hex);
    WideInt v;
    v.load(ref);
    expect_value(v, ref, "from Number " + hex);
  }
}

TEST(WideInt, BoundaryPairs) {
  for (const std::string& xs : kBoundaries) {
    for (const std::string& ys : kBoundaries) {
      const Bytes xb = *from_hex(xs), yb = *from_hex(ys);
      const Number x = ref_from_bytes(xb), y = ref_from_bytes(yb);
      const std::string what = xs + " " + ys;
      WideInt w, y_w;
      y_w.load(yb);
      w.load(xb);
      w.add(y_w, false);
      expect_value(w, x + y, "+ " + what);
      w.load(xb);
      w.add(y_w, true);
      expect_value(w, x - y, "- " + what);
      w.load(xb);
      w.mul(y_w);
      expect_value(w, x * y, "* " + what);
      for (BitOp op : {BitOp::And, BitOp::Or, BitOp::Xor}) {
        w.load(xb);
        w.bitwise(op, y_w);
        expect_value(w, ref_bitwise(op, x, y), "bit " + what);
      }
      w.load(xb);
      EXPECT_EQ(compare(w, y_w), x < y ? -1 : x > y ? 1 : 0) << what;
    }
  }
}

TEST(WideInt, SetI64) {
  for (std::int64_t v :
       {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1},
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    WideInt w;
    w.set_i64(v);
    expect_value(w, Number(v), std::to_string(v));
  }
}

// Products with both operands of 40+ limbs take Boost's Karatsuba; one below takes schoolbook.
TEST(WideInt, LongProducts) {
  for (std::size_t lx : {319u, 320u, 321u, 400u, 1000u}) {
    for (std::size_t ly : {1u, 8u, 319u, 320u, 700u}) {
      for (std::uint8_t fill : {0x5au, 0xa5u, 0xffu}) {
        Bytes xb(lx, fill), yb(ly, static_cast<std::uint8_t>(fill ^ 0x3c));
        xb[lx / 2] = 0x17;
        const Number x = ref_from_bytes(xb), y = ref_from_bytes(yb);
        WideInt w, y_w;
        w.load(xb);
        y_w.load(yb);
        w.mul(y_w);
        expect_value(w, x * y, std::to_string(lx) + "x" + std::to_string(ly));
      }
    }
  }
}

RC_GTEST_PROP(WideIntProp, CodecMatchesReference, ()) {
  const Bytes b = *rc::gen::noShrink(gen_int_bytes());
  const Number ref = ref_from_bytes(b);
  WideInt w;
  w.load(b);
  RC_ASSERT(encoded(w) == ref_to_bytes(ref));
  RC_ASSERT(w.to_number() == ref);
  RC_ASSERT(w.magnitude_len() == ref_limbs(ref));
  WideInt v;
  v.load(ref);
  RC_ASSERT(encoded(v) == ref_to_bytes(ref));
}

RC_GTEST_PROP(WideIntProp, ArithmeticMatchesReference, ()) {
  const Bytes xb = *gen_int_bytes(), yb = *gen_int_bytes(), zb = *gen_int_bytes();
  const Number x = ref_from_bytes(xb), y = ref_from_bytes(yb), z = ref_from_bytes(zb);
  WideInt w, y_w, z_w;
  y_w.load(yb);
  z_w.load(zb);
  // Chained in one accumulator, as the operators use it.
  w.load(xb);
  w.add(y_w, false);
  w.add(z_w, true);
  RC_ASSERT(encoded(w) == ref_to_bytes(x + y - z));
  RC_ASSERT(w.magnitude_len() == ref_limbs(x + y - z));
  w.load(xb);
  w.mul(y_w);
  RC_ASSERT(w.magnitude_len() == ref_limbs(x * y));
  w.mul(z_w);
  RC_ASSERT(encoded(w) == ref_to_bytes(x * y * z));
  w.load(xb);
  RC_ASSERT(compare(w, y_w) == (x < y ? -1 : x > y ? 1 : 0));
}

RC_GTEST_PROP(WideIntProp, BitwiseMatchesReference, ()) {
  const Bytes xb = *gen_int_bytes(), yb = *gen_int_bytes();
  const Number x = ref_from_bytes(xb), y = ref_from_bytes(yb);
  const BitOp op = *rc::gen::element(BitOp::And, BitOp::Or, BitOp::Xor);
  WideInt w, y_w;
  w.load(xb);
  y_w.load(yb);
  w.bitwise(op, y_w);
  RC_ASSERT(encoded(w) == ref_to_bytes(ref_bitwise(op, x, y)));
}

}  // namespace
}  // namespace clvm::test
