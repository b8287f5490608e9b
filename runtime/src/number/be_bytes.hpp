// SPDX-License-Identifier: Apache-2.0
/// \file Unaligned big-endian 32- and 64-bit loads and stores: how WideInt, the integer operators
/// and the shifts move atom bytes eight at a time, and how back-reference paths are read.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace clvm::number_detail {

/// The big-endian value of p[0, 8).
inline std::uint64_t load_be64(const std::uint8_t* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  return v;
}

/// The big-endian value of p[0, 4).
inline std::uint32_t load_be32(const std::uint8_t* p) noexcept {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap32(v);
  return v;
}

/// The big-endian value of p[0, len). Requires len <= 8; reads only those bytes: from 4 up as two
/// overlapping 4-byte loads.
inline std::uint64_t load_be_upto8(const std::uint8_t* p, std::size_t len) noexcept {
  if (len >= 4) return (std::uint64_t{load_be32(p)} << (8 * (len - 4))) | load_be32(p + len - 4);
  std::uint64_t v = 0;
  if (len >= 1) v = p[0];
  if (len >= 2) v = (v << 8) | p[1];
  if (len == 3) v = (v << 8) | p[2];
  return v;
}

/// Writes `v` big-endian to p[0, 8).
inline void store_be64(std::uint8_t* p, std::uint64_t v) noexcept {
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  std::memcpy(p, &v, sizeof v);
}

}  // namespace clvm::number_detail
