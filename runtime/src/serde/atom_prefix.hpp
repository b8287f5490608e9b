// SPDX-License-Identifier: Apache-2.0
// Private: the classic format's atom length prefixes, shared by every reader and writer.
#pragma once

#include <clvm/error.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace clvm::serde_detail {

inline constexpr std::uint8_t kMaxSingleByte = 0x7f;
inline constexpr std::uint8_t kNilByte = 0x80;
inline constexpr std::uint8_t kBackReference = 0xfe;
inline constexpr std::uint8_t kConsBox = 0xff;
/// Readers reject any atom length at or above this (clvmr's decode_size).
inline constexpr std::uint64_t kMaxAtomLen = 0x4'0000'0000;

[[noreturn]] inline void throw_bad_encoding(const char* what = nullptr) {
  throw SerdeError(ErrorKind::BadEncoding, what != nullptr ? what : std::string{});
}

/// A byte cursor over untrusted input. Every read is bounds-checked (BadEncoding).
struct Cursor {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t pos = 0;

  std::uint8_t next() {
    if (pos >= size) [[unlikely]]
      throw_bad_encoding("bad encoding: unexpected end of input");
    return data[pos++];
  }
  /// The next `n` bytes; throws if fewer remain.
  std::span<const std::uint8_t> take(std::uint64_t n) {
    if (n > size - pos) [[unlikely]]
      throw_bad_encoding("bad encoding: atom runs past the end of input");
    std::span<const std::uint8_t> r{data + pos, static_cast<std::size_t>(n)};
    pos += static_cast<std::size_t>(n);
    return r;
  }
};

/// A run of cons boxes at `p` and the token byte after it, from one 8-byte load: `boxes` (0..7)
/// leading ff bytes, then `next`, the byte at p + boxes (ff only when all 8 bytes are). The
/// readers take a run in one step, without a branch per box. Requires: 8 readable bytes at `p`;
/// a little-endian target (the readers' callers check std::endian).
struct ConsRun {
  unsigned boxes;
  std::uint8_t next;
};
inline ConsRun cons_run(const std::uint8_t* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  // The lowest clear bit, capped at bit 63, rounded down to its byte.
  const auto bits = static_cast<unsigned>(std::countr_zero(~w | (std::uint64_t{1} << 63))) & ~7u;
  return {bits / 8, static_cast<std::uint8_t>(w >> bits)};
}

/// The shortest prefix width (1..5) for an atom of `len` bytes (len >= 1 and not a bare byte).
constexpr unsigned prefix_width(std::uint64_t len) noexcept {
  return len < 0x40 ? 1 : len < 0x2000 ? 2 : len < 0x10'0000 ? 3 : len < 0x800'0000 ? 4 : 5;
}

/// Decoded length prefix: the atom length and the prefix width in bytes.
struct Prefix {
  std::uint64_t len;
  unsigned width;
};

/// Decodes a length prefix whose first byte `first` (>= 0x80, not `ff`) was already consumed.
/// Throws BadEncoding for `fe` (7 leading ones), truncation, or a length >= kMaxAtomLen.
inline Prefix decode_prefix(Cursor& c, std::uint8_t first) {
  unsigned width = 0;
  std::uint8_t mask = 0x80;
  while ((first & mask) != 0 && mask != 0) {
    ++width;
    mask >>= 1;
  }
  if (width > 6) throw_bad_encoding("bad encoding: invalid length prefix");
  std::uint64_t len = first & static_cast<std::uint8_t>(mask - 1);
  for (unsigned i = 1; i < width; ++i) len = (len << 8) | c.next();
  if (len >= kMaxAtomLen) throw_bad_encoding("bad encoding: atom length too large");
  return {len, width};
}

/// True if `p` uses the shortest prefix for its length (#834's thresholds: a width-w prefix is
/// canonical only for lengths that do not fit width w-1; width 6 never is).
constexpr bool is_shortest_prefix(Prefix p) noexcept {
  if (p.len == 0) return p.width == 1;
  return p.width == prefix_width(p.len);
}

/// The classic serialized length of an atom of these bytes.
constexpr std::uint64_t atom_serialized_length(std::span<const std::uint8_t> b) noexcept {
  const std::uint64_t n = b.size();
  if (n == 0 || (n == 1 && b[0] <= kMaxSingleByte)) return 1;
  return prefix_width(n) + n;
}

/// Appends the canonical serialization of an atom with bytes `b` to `out`.
inline void append_atom(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> b) {
  const std::uint64_t n = b.size();
  if (n == 0) {
    out.push_back(kNilByte);
    return;
  }
  if (n == 1 && b[0] <= kMaxSingleByte) {
    out.push_back(b[0]);
    return;
  }
  const unsigned w = prefix_width(n);
  std::uint8_t hdr[5];
  std::uint64_t v = n;
  for (unsigned i = w; i-- > 0;) {
    hdr[i] = static_cast<std::uint8_t>(v);
    v >>= 8;
  }
  hdr[0] |= static_cast<std::uint8_t>(0xFF00u >> w);  // w leading ones, then a 0
  out.insert(out.end(), hdr, hdr + w);
  out.insert(out.end(), b.begin(), b.end());
}

}  // namespace clvm::serde_detail
