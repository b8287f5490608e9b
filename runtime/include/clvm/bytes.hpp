// SPDX-License-Identifier: Apache-2.0
/// \file Byte value types: clvm::Bytes (any length) and clvm::BytesN<N> (exactly N bytes; Bytes32
/// is a tree hash or coin id, Bytes48 a G1 point, Bytes96 a G2 point), plus hex helpers.
#pragma once

#include <fmt/format.h>

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clvm {

/// An atom's worth of bytes of any length (an owning value; compare: lexicographic).
using Bytes = std::vector<std::uint8_t>;

/// Exactly N bytes by value.
template <std::size_t N>
struct BytesN {
  std::array<std::uint8_t, N> bytes{};

  static constexpr std::size_t size() noexcept { return N; }
  constexpr std::uint8_t* data() noexcept { return bytes.data(); }
  constexpr const std::uint8_t* data() const noexcept { return bytes.data(); }
  constexpr auto begin() const noexcept { return bytes.begin(); }
  constexpr auto end() const noexcept { return bytes.end(); }
  constexpr std::uint8_t operator[](std::size_t i) const noexcept { return bytes[i]; }
  constexpr std::uint8_t& operator[](std::size_t i) noexcept { return bytes[i]; }
  constexpr std::span<const std::uint8_t, N> span() const noexcept { return bytes; }

  /// Requires: `s.size() == N`.
  static constexpr BytesN from_span(std::span<const std::uint8_t> s) noexcept {
    BytesN r;
    for (std::size_t i = 0; i < N && i < s.size(); ++i) r.bytes[i] = s[i];
    return r;
  }

  friend constexpr bool operator==(const BytesN&, const BytesN&) noexcept = default;
  friend constexpr auto operator<=>(const BytesN&, const BytesN&) noexcept = default;
};

using Bytes32 = BytesN<32>;
using Bytes48 = BytesN<48>;
using Bytes96 = BytesN<96>;

/// Lower-case hex of `bytes` (no prefix). Throws std::bad_alloc.
std::string to_hex(std::span<const std::uint8_t> bytes);

/// Appends the lower-case hex of `bytes` to `out` (one resize: no intermediate string, which
/// matters for results of hundreds of MB). Throws std::bad_alloc (then `out` may have grown,
/// with unspecified contents past its old size).
void append_hex(std::string& out, std::span<const std::uint8_t> bytes);

/// Rewrites the `n` bytes at `p + n` as their lower-case hex at `p` (2n characters), in place:
/// for a caller that wrote binary into the upper half of its output (so a large result needs no
/// buffer of its own). Each byte is read before its digits overwrite anything unread. Requires:
/// `p` has 2n characters.
void hex_in_place(char* p, std::size_t n) noexcept;

/// Decodes hex (upper or lower case, an optional "0x" prefix). Returns nullopt on an odd length or
/// a non-hex character; `error_offset`, when given, receives the offset of the first bad character.
std::optional<Bytes> from_hex(std::string_view hex, std::size_t* error_offset = nullptr);

/// Decodes exactly N bytes of hex; nullopt on any other length or bad input.
template <std::size_t N>
std::optional<BytesN<N>> bytes_from_hex(std::string_view hex) {
  auto b = from_hex(hex);
  if (!b || b->size() != N) return std::nullopt;
  return BytesN<N>::from_span(*b);
}

}  // namespace clvm

/// Formats as lower-case hex.
template <std::size_t N>
struct fmt::formatter<clvm::BytesN<N>> : fmt::formatter<fmt::string_view> {
  template <class Ctx>
  auto format(const clvm::BytesN<N>& b, Ctx& ctx) const {
    auto out = ctx.out();
    for (std::uint8_t x : b) out = fmt::format_to(out, "{:02x}", x);
    return out;
  }
};
