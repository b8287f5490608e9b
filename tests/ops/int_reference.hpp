// SPDX-License-Identifier: Apache-2.0
// A slow, independent reference for the integer fast paths: the CLVM integer codec written with
// Boost's byte-wise import_bits and a search for the minimal width (no limb tricks), and
// rapidcheck generators of integer atoms biased toward the boundaries that matter (lengths around
// 8-byte multiples, bytes 00 / 7f / 80 / ff, long runs of sign bytes).
#pragma once

#include <clvm/number.hpp>

#include <rapidcheck.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace clvm::test {

using Bytes = std::vector<std::uint8_t>;

/// Big-endian two's complement (any length; empty is 0) to a Number.
inline Number ref_from_bytes(std::span<const std::uint8_t> b) {
  if (b.empty()) return 0;
  Number n;
  import_bits(n, b.begin(), b.end(), 8, true);
  if ((b[0] & 0x80) != 0) n -= Number(1) << (8 * b.size());
  return n;
}

/// The shortest big-endian two's complement of `n` (empty for 0).
inline Bytes ref_to_bytes(const Number& n) {
  if (n == 0) return {};
  std::size_t k = 1;
  while (true) {
    const Number half = Number(1) << (8 * k - 1);
    if (n >= -half && n < half) break;
    ++k;
  }
  Number u = n < 0 ? n + (Number(1) << (8 * k)) : n;
  Bytes out(k);
  for (std::size_t i = k; i-- > 0;) {
    out[i] = static_cast<std::uint8_t>(u & 0xff);
    u >>= 8;
  }
  return out;
}

/// clvmr's limbs_for_int: the byte length of |n|.
inline std::size_t ref_limbs(const Number& n) {
  if (n == 0) return 0;
  return (msb(abs(n)) + 1 + 7) / 8;
}

/// Atom lengths: mostly short, often at 8-byte boundaries, sometimes long enough for both operands
/// of a product to reach Boost's Karatsuba (40 limbs = 320 bytes).
inline rc::Gen<std::size_t> gen_int_len() {
  return rc::gen::weightedOneOf<std::size_t>(
      {{6, rc::gen::inRange<std::size_t>(0, 18)},
       {4, rc::gen::element<std::size_t>(7, 8, 9, 15, 16, 17, 23, 24, 25, 32, 33, 63, 64, 65)},
       {2, rc::gen::inRange<std::size_t>(18, 130)},
       {1, rc::gen::inRange<std::size_t>(310, 420)}});
}

/// Bytes biased toward sign and boundary values.
inline rc::Gen<std::uint8_t> gen_int_byte() {
  return rc::gen::weightedOneOf<std::uint8_t>(
      {{2, rc::gen::element<std::uint8_t>(0x00, 0xff, 0x7f, 0x80, 0x01, 0xfe, 0xc0, 0xfc)},
       {3, rc::gen::arbitrary<std::uint8_t>()}});
}

/// An integer atom's bytes: random, or up to 2 random bytes, a run of 00 or ff, then up to 2
/// random bytes (redundant leading sign bytes, values next to +-256^k, all-ones and all-zero
/// limbs).
inline rc::Gen<Bytes> gen_int_bytes() {
  const auto short_tail = rc::gen::mapcat(rc::gen::inRange<std::size_t>(0, 3), [](std::size_t n) {
    return rc::gen::container<Bytes>(n, gen_int_byte());
  });
  const auto runs =
      rc::gen::map(rc::gen::tuple(short_tail, rc::gen::element<std::uint8_t>(0x00, 0xff),
                                  gen_int_len(), short_tail),
                   [](const auto& t) {
                     Bytes b = std::get<0>(t);
                     b.insert(b.end(), std::get<2>(t), std::get<1>(t));
                     b.insert(b.end(), std::get<3>(t).begin(), std::get<3>(t).end());
                     return b;
                   });
  const auto random = rc::gen::mapcat(gen_int_len(), [](std::size_t len) {
    return rc::gen::container<Bytes>(len, gen_int_byte());
  });
  return rc::gen::weightedOneOf<Bytes>({{2, random}, {1, runs}});
}

}  // namespace clvm::test
