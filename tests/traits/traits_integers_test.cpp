// SPDX-License-Identifier: Apache-2.0
// Integer codecs against the runtime's number codec (number_to_bytes / number_from_bytes):
// exhaustive for 8 and 16 bits, boundaries for the wider types, and clvm-traits' decode table
// (pad bytes, the 64-byte cap, sign flips, negatives for unsigned types), plus the strict
// canonical policy.
#include "traits_support.hpp"

#include <clvm/traits.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace clvm {
namespace {

using test::catch_from_clvm;
using Kind = FromClvmError::Kind;

template <class T>
Bytes atom_bytes(Allocator& a, T v) {
  const Atom at = a.atom(clvm::to_clvm(a, v));
  return Bytes(at.begin(), at.end());
}

template <class T>
Number as_number(T v) {
  if constexpr (std::same_as<T, Int128> || std::same_as<T, UInt128>) {
    // cpp_int has no 128-bit constructor from __int128 under -std=c++20: go through halves.
    const bool neg = v < 0;
    UInt128 u = neg ? static_cast<UInt128>(-(v + 1)) + 1 : static_cast<UInt128>(v);
    Number n = Number(static_cast<std::uint64_t>(u >> 64));
    n <<= 64;
    n += static_cast<std::uint64_t>(u);
    return neg ? Number(-n) : n;
  } else {
    return Number(v);
  }
}

// Encoding equals number_to_bytes; decoding the encoding (arena and canonical) gives v back; and
// number_from_bytes of the encoding is v.
template <class T>
void check_round_trip(Allocator& a, T v) {
  const Bytes enc = atom_bytes(a, v);
  ASSERT_EQ(enc, number_to_bytes(as_number(v))) << static_cast<long long>(v);
  const NodePtr n = a.new_atom(enc);
  ASSERT_EQ(clvm::from_clvm<T>(a, n), v);
  ASSERT_EQ(clvm::from_clvm<T>(canonical(a), n), v);
  ASSERT_EQ(number_from_bytes(enc), as_number(v));
}

template <class T>
void exhaustive() {
  Allocator a;
  for (long long v = std::numeric_limits<T>::min(); v <= std::numeric_limits<T>::max(); ++v) {
    const auto cp = a.checkpoint();
    check_round_trip(a, static_cast<T>(v));
    a.restore_checkpoint(cp);
  }
}

TEST(TraitsIntegers, ExhaustiveU8) { exhaustive<std::uint8_t>(); }
TEST(TraitsIntegers, ExhaustiveI8) { exhaustive<std::int8_t>(); }
TEST(TraitsIntegers, ExhaustiveU16) { exhaustive<std::uint16_t>(); }
TEST(TraitsIntegers, ExhaustiveI16) { exhaustive<std::int16_t>(); }

// Every value of a byte pattern decoded as a 16-bit type agrees with number_from_bytes whenever
// the number fits (lenient policy, no padding beyond 64 bytes involved).
TEST(TraitsIntegers, ExhaustiveTwoByteAtomsAgreeWithNumberCodec) {
  Allocator a;
  for (unsigned hi = 0; hi < 256; ++hi) {
    for (unsigned lo = 0; lo < 256; ++lo) {
      const Bytes b{static_cast<std::uint8_t>(hi), static_cast<std::uint8_t>(lo)};
      const auto cp = a.checkpoint();
      const NodePtr n = a.new_atom(b);
      const Number expect = number_from_bytes(b);
      EXPECT_EQ(Number(clvm::from_clvm<std::int16_t>(a, n)), expect);
      if (expect >= 0) {
        EXPECT_EQ(Number(clvm::from_clvm<std::uint16_t>(a, n)), expect);
      } else {
        EXPECT_THROW(clvm::from_clvm<std::uint16_t>(a, n), FromClvmError);
      }
      a.restore_checkpoint(cp);
    }
  }
}

// 0, small values, the extremes, and ±2^k ± 1 for every k (computed modulo 2^64 / 2^128, then
// converted, so that nothing overflows).
template <class T>
std::vector<T> boundaries() {
  using U = std::conditional_t<sizeof(T) == 16, UInt128, std::uint64_t>;
  std::vector<T> v{
      0, 1, 10, 100, 1000, std::numeric_limits<T>::max(), std::numeric_limits<T>::min()};
  for (unsigned k = 0; k < sizeof(T) * 8; ++k) {
    const U p = U{1} << k;
    for (U d : {p, p - 1, p + 1, U{0} - p, U{0} - p - 1, U{0} - p + 1})
      v.push_back(static_cast<T>(d));
  }
  return v;
}

template <class T>
void check_boundaries() {
  Allocator a;
  for (T v : boundaries<T>()) check_round_trip(a, v);
}

TEST(TraitsIntegers, Boundaries32) {
  check_boundaries<std::uint32_t>();
  check_boundaries<std::int32_t>();
}
TEST(TraitsIntegers, Boundaries64) {
  check_boundaries<std::uint64_t>();
  check_boundaries<std::int64_t>();
}
TEST(TraitsIntegers, Boundaries128) {
  check_boundaries<UInt128>();
  check_boundaries<Int128>();
}

// -128 * 256^n is the minimal one-byte-shorter encoding `80 00..00`, not `ff 80 00..00`.
TEST(TraitsIntegers, NegativePowerBoundaries) {
  Allocator a;
  EXPECT_EQ(atom_bytes(a, std::int8_t{-128}), (Bytes{0x80}));
  EXPECT_EQ(atom_bytes(a, std::int16_t{-32768}), (Bytes{0x80, 0x00}));
  EXPECT_EQ(atom_bytes(a, std::int32_t{-8388608}), (Bytes{0x80, 0x00, 0x00}));
  EXPECT_EQ(atom_bytes(a, std::int32_t{-8388609}), (Bytes{0xff, 0x7f, 0xff, 0xff}));
  EXPECT_EQ(atom_bytes(a, std::int64_t{-2147483648LL}), (Bytes{0x80, 0, 0, 0}));
  EXPECT_EQ(atom_bytes(a, std::int16_t{-129}), (Bytes{0xff, 0x7f}));
  EXPECT_EQ(atom_bytes(a, std::int16_t{128}), (Bytes{0x00, 0x80}));
  EXPECT_EQ(atom_bytes(a, std::uint64_t{0x8000000000000000ULL}),
            (Bytes{0x00, 0x80, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(atom_bytes(a, std::numeric_limits<std::int64_t>::min()),
            (Bytes{0x80, 0, 0, 0, 0, 0, 0, 0}));
  for (int n = 0; n < 8; ++n) {
    const std::int64_t v = -128 * (std::int64_t{1} << (8 * n));
    Bytes expect{0x80};
    expect.insert(expect.end(), static_cast<std::size_t>(n), 0x00);
    EXPECT_EQ(atom_bytes(a, v), expect) << n;
    EXPECT_EQ(clvm::from_clvm<std::int64_t>(a, a.new_atom(expect)), v);
    // One less needs the ff pad byte (no "one less" below INT64_MIN).
    if (n < 7) {
      EXPECT_EQ(atom_bytes(a, v - 1), number_to_bytes(Number(v - 1)));
    }
  }
}

struct DecodeCase {
  Bytes input;
  bool is_signed;
  std::optional<std::uint16_t> expected;  // the two bytes big-endian, or none
};

// clvm-traits' int_encoding.rs decode table (target width 2 bytes).
TEST(TraitsIntegers, DecodeTable) {
  const Bytes zeros66(66, 0x00), zeros67(67, 0x00), ffs66(66, 0xff), ffs67(67, 0xff);
  const std::vector<DecodeCase> cases{
      {{}, false, 0x0000},
      {{}, true, 0x0000},
      {{0xFF}, true, 0xFFFF},
      {{0xFE}, true, 0xFFFE},
      {{0x80}, true, 0xFF80},
      {{0x81}, true, 0xFF81},
      {{0x7F}, true, 0x007F},
      {{0x01}, true, 0x0001},
      {{0x00}, true, 0x0000},
      {{0x00}, false, 0x0000},
      {{0x00, 0x00}, false, 0x0000},
      {{0x00, 0x00}, true, 0x0000},
      {{0x00, 0x00, 0x00}, false, 0x0000},
      {{0x00, 0x00, 0x00}, true, 0x0000},
      {zeros66, false, 0x0000},
      {zeros66, true, 0x0000},
      {zeros67, false, std::nullopt},
      {zeros67, true, std::nullopt},
      {ffs66, true, 0xFFFF},
      {ffs67, true, std::nullopt},
      {{0x01, 0x00, 0x00}, false, std::nullopt},
      {{0x01, 0x00, 0x00}, true, std::nullopt},
      {{0xFF, 0xFF, 0xFF, 0x00, 0x00}, true, std::nullopt},
      {{0xFF, 0xFF, 0xFF, 0xFF, 0xFF}, true, 0xFFFF},
      {{0xFF}, false, std::nullopt},
      {{0xFF, 0xFF}, false, std::nullopt},
      {{0x00, 0xFF, 0xFF}, false, 0xFFFF},
      // Beyond the Rust table: the sign flip for a signed type, and the pre-#1341 bugs.
      {{0x00, 0xFF, 0xFF}, true, std::nullopt},
      {{0x00, 0x01, 0x00, 0x00}, false, std::nullopt},
  };
  Allocator a;
  for (const auto& c : cases) {
    const NodePtr n = a.new_atom(c.input);
    const std::string where = to_hex(c.input) + (c.is_signed ? " signed" : " unsigned");
    auto decode = [&]() -> std::uint16_t {
      if (c.is_signed) return static_cast<std::uint16_t>(clvm::from_clvm<std::int16_t>(a, n));
      return clvm::from_clvm<std::uint16_t>(a, n);
    };
    if (c.expected) {
      EXPECT_EQ(decode(), *c.expected) << where;
    } else {
      const auto e = catch_from_clvm(decode);
      EXPECT_EQ(e.from_kind(), Kind::WrongAtomLength) << where;
      EXPECT_EQ(e.expected(), 2u) << where;
      EXPECT_EQ(e.found(), c.input.size()) << where;
    }
  }
}

TEST(TraitsIntegers, OverLongAndNegativeForUnsigned) {
  Allocator a;
  EXPECT_THROW(clvm::from_clvm<std::uint32_t>(a, a.new_atom(Bytes{0xff})), FromClvmError);
  EXPECT_THROW(clvm::from_clvm<std::uint8_t>(a, a.new_atom(Bytes{0x01, 0x00})), FromClvmError);
  EXPECT_EQ(clvm::from_clvm<std::uint8_t>(a, a.new_atom(Bytes{0x00, 0xff})), 255);
  EXPECT_THROW(clvm::from_clvm<std::int8_t>(a, a.new_atom(Bytes{0x00, 0xff})), FromClvmError);
  EXPECT_THROW(clvm::from_clvm<std::uint64_t>(a, a.new_atom(Bytes(10, 0x01))), FromClvmError);
  EXPECT_EQ(clvm::from_clvm<std::uint64_t>(a, a.new_atom(Bytes{0x00, 0xff, 0, 0, 0, 0, 0, 0, 0})),
            0xff00000000000000ULL);
  Bytes max128(17, 0xff);
  max128[0] = 0x00;
  EXPECT_EQ(clvm::from_clvm<UInt128>(a, a.new_atom(max128)), ~UInt128{0});
  EXPECT_THROW(clvm::from_clvm<Int128>(a, a.new_atom(max128)), FromClvmError);
  EXPECT_EQ(clvm::from_clvm<Int128>(a, a.new_atom(Bytes{0xff})), Int128{-1});
  EXPECT_THROW(clvm::from_clvm<int>(a, a.new_pair(NodePtr::NIL, NodePtr::NIL)), FromClvmError);
}

TEST(TraitsIntegers, CanonicalPolicyRejectsPadding) {
  Allocator a;
  const auto strict = canonical(a);
  EXPECT_EQ(clvm::from_clvm<std::int16_t>(strict, a.new_atom(Bytes{0x00, 0x80})), 128);
  EXPECT_EQ(clvm::from_clvm<std::int16_t>(strict, a.new_atom(Bytes{0xff, 0x7f})), -129);
  for (const Bytes& b : {Bytes{0x00}, Bytes{0x00, 0x01}, Bytes{0xff, 0xff}, Bytes{0xff, 0x80},
                         Bytes{0x00, 0x00, 0x80}}) {
    const NodePtr n = a.new_atom(b);
    const auto e = catch_from_clvm([&] { clvm::from_clvm<std::int32_t>(strict, n); });
    EXPECT_EQ(e.from_kind(), Kind::WrongAtomLength) << to_hex(b);
    EXPECT_NO_THROW(clvm::from_clvm<std::int32_t>(a, n)) << to_hex(b);  // lenient accepts
    EXPECT_THROW(clvm::from_clvm<Number>(strict, n), FromClvmError) << to_hex(b);
    EXPECT_EQ(clvm::from_clvm<Number>(a, n), number_from_bytes(b));
  }
  // The policy reaches nested integers.
  const NodePtr list = clvm::to_clvm(a, clvm::list(Bytes{0x00, 0x05}));
  EXPECT_EQ(clvm::from_clvm<std::vector<int>>(a, list), std::vector<int>{5});
  const auto e = catch_from_clvm([&] { clvm::from_clvm<std::vector<int>>(strict, list); });
  EXPECT_EQ(e.path(), "first");
}

TEST(TraitsIntegers, NumberAnySize) {
  Allocator a;
  const Number big = (Number(1) << 300) - 12345;
  EXPECT_EQ(clvm::from_clvm<Number>(a, clvm::to_clvm(a, big)), big);
  EXPECT_EQ(clvm::from_clvm<Number>(a, clvm::to_clvm(a, Number(-big))), -big);
  EXPECT_EQ(atom_bytes(a, Number(0)), Bytes{});
  EXPECT_EQ(atom_bytes(a, Number(-128)), Bytes{0x80});
}

}  // namespace
}  // namespace clvm
