// SPDX-License-Identifier: Apache-2.0
// Private: the serde_2026 varint. The first byte's leading 1 bits (0..7) count the extra bytes;
// after a 0 separator the remaining 7 + 7k bits are a big-endian two's-complement value.
#pragma once

#include "serde/atom_prefix.hpp"

#include <cstdint>
#include <vector>

namespace clvm::serde_detail {

/// Requires: value fits in 56-bit two's complement.
inline void append_varint(std::vector<std::uint8_t>& out, std::int64_t value) {
  for (unsigned k = 0; k < 8; ++k) {
    const unsigned bits = 7 + 7 * k;
    const std::int64_t lo = -(std::int64_t{1} << (bits - 1));
    const std::int64_t hi = (std::int64_t{1} << (bits - 1)) - 1;
    if (value < lo || value > hi) continue;
    const std::uint64_t u = static_cast<std::uint64_t>(value) & ((std::uint64_t{1} << bits) - 1);
    const auto lead = static_cast<std::uint8_t>(0xFF00u >> k);
    out.push_back(static_cast<std::uint8_t>(lead | (u >> (8 * k))));
    for (unsigned i = k; i-- > 0;) out.push_back(static_cast<std::uint8_t>(u >> (8 * i)));
    return;
  }
}

/// Reads one varint. Throws BadEncoding on truncation or an `ff` first byte, and
/// NonCanonicalSerialization if the value fits a shorter form.
inline std::int64_t read_varint(Cursor& c) {
  const std::uint8_t first = c.next();
  unsigned k = 0;
  while (k < 8 && (first & (0x80u >> k)) != 0) ++k;
  if (k == 8) throw_bad_encoding("bad encoding: invalid varint prefix");
  const unsigned bits = 7 + 7 * k;
  std::uint64_t u = first & ((1u << (7 - k)) - 1);
  for (unsigned i = 0; i < k; ++i) u = (u << 8) | c.next();
  std::int64_t v = static_cast<std::int64_t>(u);
  if ((u >> (bits - 1)) != 0) v -= std::int64_t{1} << bits;
  if (k > 0) {
    const unsigned shorter = bits - 7;
    if (v >= -(std::int64_t{1} << (shorter - 1)) && v < (std::int64_t{1} << (shorter - 1)))
      throw SerdeError(ErrorKind::NonCanonicalSerialization,
                       "non-canonical serialization: over-long varint");
  }
  return v;
}

}  // namespace clvm::serde_detail
