// SPDX-License-Identifier: Apache-2.0
/// \file MatchByte<B>: a value-less type standing for the canonical atom of the integer B (an
/// opcode, a constant). 0 is nil, 1..0x7f one byte, 0x80..0xff `00 B`.
#pragma once

#include <clvm/traits/codec.hpp>

#include <array>
#include <cstdint>
#include <span>

namespace clvm {

template <std::uint8_t B>
struct MatchByte {
  friend constexpr bool operator==(MatchByte, MatchByte) noexcept { return true; }

  /// The atom's bytes.
  static constexpr std::span<const std::uint8_t> bytes() noexcept {
    return std::span<const std::uint8_t>(storage.data() + (B >= 0x80 ? 0 : 1), B == 0      ? 0
                                                                               : B >= 0x80 ? 2
                                                                                           : 1);
  }

 private:
  static constexpr std::array<std::uint8_t, 2> storage{0x00, B};
};

/// Decoding accepts exactly the canonical atom (else ExpectedAtom for a pair, Custom otherwise).
template <std::uint8_t B>
struct codec<MatchByte<B>> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, MatchByte<B>) {
    return encoder_traits<E>::atom(e, MatchByte<B>::bytes());
  }
  template <ClvmDecoder D>
  static MatchByte<B> decode(const D& d, decoder_node_t<D> n) {
    const Atom a = expect_atom(d, n);
    if (!std::ranges::equal(a.span(), MatchByte<B>::bytes()))
      throw FromClvmError::custom(fmt::format("expected an atom with the value {}", B));
    return {};
  }
};

}  // namespace clvm
