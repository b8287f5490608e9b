// SPDX-License-Identifier: Apache-2.0
/// \file Atom-valued types: text, bytes, nil (std::monostate) and the decoder's own node type.
///
/// clvm::Bytes (= std::vector<std::uint8_t>) is an atom, never a list of small integers; every
/// other container of single-byte elements is rejected at compile time (see containers.hpp).
#pragma once

#include <clvm/bytes.hpp>
#include <clvm/traits/codec.hpp>
#include <clvm/traits/detail/utf8.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace clvm {

namespace detail {
inline std::span<const std::uint8_t> as_bytes(std::string_view s) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
}  // namespace detail

/// std::string: its bytes as an atom. Decoding checks UTF-8 (InvalidUtf8).
template <>
struct codec<std::string> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, const std::string& s) {
    return encoder_traits<E>::atom(e, detail::as_bytes(s));
  }
  template <ClvmDecoder D>
  static std::string decode(const D& d, decoder_node_t<D> n) {
    const Atom a = expect_atom(d, n);
    if (!detail::is_valid_utf8(a.span())) throw FromClvmError(FromClvmError::Kind::InvalidUtf8);
    return std::string(a.as_string_view());
  }
};

/// std::string_view and string literals: encode only (a decoded view could outlive an inline atom).
template <>
struct codec<std::string_view> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, std::string_view s) {
    return encoder_traits<E>::atom(e, detail::as_bytes(s));
  }
};
/// A NUL-terminated C string: encode only. Requires: non-null.
template <>
struct codec<const char*> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, const char* s) {
    return encoder_traits<E>::atom(e, detail::as_bytes(std::string_view(s)));
  }
};
template <std::size_t N>
struct codec<char[N]> {
  /// Requires: `s` is NUL-terminated (a string literal); the NUL is not encoded.
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, const char (&s)[N]) {
    return encoder_traits<E>::atom(e, detail::as_bytes(std::string_view(s, N - 1)));
  }
};

/// clvm::Bytes: the bytes as an atom, any length.
template <>
struct codec<Bytes> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, const Bytes& b) {
    return encoder_traits<E>::atom(e, b);
  }
  template <ClvmDecoder D>
  static Bytes decode(const D& d, decoder_node_t<D> n) {
    const Atom a = expect_atom(d, n);
    return Bytes(a.begin(), a.end());
  }
};

/// clvm::BytesN<N> (Bytes32, Bytes48, Bytes96): an atom of exactly N bytes
/// (else WrongAtomLength{N, len}).
template <std::size_t N>
struct codec<BytesN<N>> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, const BytesN<N>& b) {
    return encoder_traits<E>::atom(e, b.span());
  }
  template <ClvmDecoder D>
  static BytesN<N> decode(const D& d, decoder_node_t<D> n) {
    const Atom a = expect_atom(d, n);
    if (a.size() != N) throw FromClvmError::wrong_atom_length(N, a.size());
    return BytesN<N>::from_span(a.span());
  }
};

/// std::monostate (Rust's `()`): nil. Decoding requires the empty atom (WrongAtomLength{0, len}).
template <>
struct codec<std::monostate> {
  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, std::monostate) {
    return encoder_traits<E>::atom(e, {});
  }
  template <ClvmDecoder D>
  static std::monostate decode(const D& d, decoder_node_t<D> n) {
    expect_nil(d, n);
    return {};
  }
};

/// NodePtr passes through unchanged, with the arena (or any coder whose node is NodePtr).
template <>
struct codec<NodePtr> {
  template <ClvmEncoder E>
  requires std::same_as<encoder_node_t<E>, NodePtr>
  static NodePtr encode(E&, NodePtr n) {
    return n;
  }
  template <ClvmDecoder D>
  requires std::same_as<decoder_node_t<D>, NodePtr>
  static NodePtr decode(const D&, NodePtr n) {
    return n;
  }
};

}  // namespace clvm
