// SPDX-License-Identifier: Apache-2.0
/// \file Integers: every fixed width, signed and unsigned (including 128-bit), bool and
/// clvm::Number. Encoding is minimal two's complement (the runtime's number_to_bytes). Decoding is
/// lenient by default, as clvm-traits: up to 64 redundant pad bytes, sign preserved; a
/// CanonicalDecoder accepts only the minimal encoding.
#pragma once

#include <clvm/number.hpp>
#include <clvm/traits/codec.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <type_traits>

namespace clvm {

__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

/// The integer types with a codec: standard signed/unsigned integers (not bool, not character
/// types: use std::string for text) and Int128 / UInt128.
template <class T>
concept FixedInt = (std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                    !std::same_as<T, wchar_t> && !std::same_as<T, char8_t> &&
                    !std::same_as<T, char16_t> && !std::same_as<T, char32_t>) ||
                   std::same_as<T, Int128> || std::same_as<T, UInt128>;

namespace detail {

template <class T>
inline constexpr bool is_signed_int = std::same_as<T, Int128> || std::is_signed_v<T>;

/// The minimal two's-complement bytes of `v` in `out` (right-aligned); returns their count.
template <FixedInt T>
constexpr std::size_t encode_int(T v, std::array<std::uint8_t, sizeof(T) + 1>& out) noexcept {
  constexpr std::size_t w = sizeof(T);
  std::array<std::uint8_t, w> be{};
  auto u = static_cast<std::conditional_t<sizeof(T) == 16, UInt128, std::uint64_t>>(v);
  for (std::size_t i = w; i-- > 0; u >>= 8) be[i] = static_cast<std::uint8_t>(u);
  const bool negative = v < 0;
  const std::uint8_t pad = negative ? 0xFF : 0x00;
  std::size_t start = 0;
  while (start < w && be[start] == pad) ++start;
  const bool need_pad =
      negative ? (start == w || (be[start] & 0x80) == 0) : (start < w && (be[start] & 0x80) != 0);
  std::size_t n = 0;
  if (need_pad) out[n++] = pad;
  for (std::size_t i = start; i < w; ++i) out[n++] = be[i];
  return n;
}

/// Decodes `bytes` as T (see the file comment). nullopt when the value does not fit T, a negative
/// atom meets an unsigned T, more than 64 pad bytes are stripped, or (canonical) the encoding is
/// not minimal.
template <FixedInt T>
constexpr std::optional<T> decode_int(std::span<const std::uint8_t> bytes,
                                      bool canonical) noexcept {
  constexpr std::size_t w = sizeof(T);
  constexpr std::size_t kMaxPadding = 64;
  if (bytes.empty()) return T{0};
  const bool negative = (bytes[0] & 0x80) != 0;
  if (negative && !is_signed_int<T>) return std::nullopt;
  if (canonical) {
    if (bytes.size() == 1 && bytes[0] == 0) return std::nullopt;
    if (bytes.size() >= 2 && (bytes[0] == 0x00 || bytes[0] == 0xFF) &&
        ((bytes[1] & 0x80) != 0) == (bytes[0] == 0xFF))
      return std::nullopt;
  }
  const std::uint8_t pad = negative ? 0xFF : 0x00;
  std::size_t padding = 0;
  while (bytes.size() > w && bytes[0] == pad) {
    if (padding == kMaxPadding) return std::nullopt;
    bytes = bytes.subspan(1);
    ++padding;
  }
  if (bytes.size() > w) return std::nullopt;
  // A stripped pad byte may have been the sign: 00 ff ff is 65535, not -1.
  if (is_signed_int<T> && bytes.size() == w && ((bytes[0] & 0x80) != 0) != negative)
    return std::nullopt;
  using U = std::conditional_t<sizeof(T) == 16, UInt128, std::uint64_t>;
  U u = negative ? ~U{0} : U{0};
  for (std::uint8_t b : bytes) u = static_cast<U>((u << 8) | b);
  return static_cast<T>(u);
}

}  // namespace detail

/// Integers: the minimal atom. Decoding failures: ExpectedAtom, WrongAtomLength{sizeof(T), len}.
template <FixedInt T>
struct codec<T> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, T v) {
    std::array<std::uint8_t, sizeof(T) + 1> buf{};
    const std::size_t n = detail::encode_int(v, buf);
    return encoder_traits<E>::atom(e, std::span<const std::uint8_t>(buf.data(), n));
  }
  template <ClvmDecoder D>
  static T decode(const D& d, decoder_node_t<D> n) {
    const Atom a = expect_atom(d, n);
    if (auto v = detail::decode_int<T>(a.span(), decodes_canonical_ints<D>)) return *v;
    throw FromClvmError::wrong_atom_length(sizeof(T), a.size());
  }
};

/// bool: true is the atom 01, false is nil. Decoding accepts only those two (else Custom).
template <>
struct codec<bool> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, bool v) {
    static constexpr std::uint8_t one = 1;
    return encoder_traits<E>::atom(e, std::span<const std::uint8_t>(&one, v ? 1 : 0));
  }
  template <ClvmDecoder D>
  static bool decode(const D& d, decoder_node_t<D> n) {
    const Atom a = expect_atom(d, n);
    if (a.empty()) return false;
    if (a.size() == 1 && a[0] == 1) return true;
    throw FromClvmError::custom("expected boolean value of either `()` or `1`");
  }
};

/// clvm::Number: any size. Decoding a CanonicalDecoder rejects redundant pad bytes (Custom).
template <>
struct codec<Number> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, const Number& v) {
    const auto bytes = number_to_bytes(v);
    return encoder_traits<E>::atom(e, bytes);
  }
  template <ClvmDecoder D>
  static Number decode(const D& d, decoder_node_t<D> n) {
    const Atom a = expect_atom(d, n);
    const auto b = a.span();
    if constexpr (decodes_canonical_ints<D>) {
      const bool redundant =
          (b.size() == 1 && b[0] == 0) || (b.size() >= 2 && (b[0] == 0x00 || b[0] == 0xFF) &&
                                           ((b[1] & 0x80) != 0) == (b[0] == 0xFF));
      if (redundant) throw FromClvmError::custom("non-canonical integer");
    }
    return number_from_bytes(b);
  }
};

}  // namespace clvm
