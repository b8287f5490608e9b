// SPDX-License-Identifier: Apache-2.0
/// \file The codecs of TransparentShape, EnumShape and TaggedShape: see shapes.hpp.
#pragma once

#include <clvm/traits/shapes.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace clvm::detail {

template <class T, class C, class M>
struct shape_codec<T, TransparentShape<C, M>> {
  static constexpr auto shape = meta_of<T>();

  template <ClvmEncoder E>
  requires ToClvm<M, E>
  static encoder_node_t<E> encode(E& e, const T& v) {
    return clvm::encode(e, v.*(shape.ptr));
  }
  /// Requires: T is default-constructible.
  template <ClvmDecoder D>
  requires FromClvm<M, D>
  static T decode(const D& d, decoder_node_t<D> n) {
    T out{};
    out.*(shape.ptr) = codec<M>::decode(d, n);
    return out;
  }
};

template <class T, std::size_t N>
struct shape_codec<T, EnumShape<T, N>> {
  static constexpr auto shape = meta_of<T>();
  using U = std::underlying_type_t<T>;

  template <ClvmEncoder E>
  static encoder_node_t<E> encode(E& e, T v) {
    return clvm::encode(e, static_cast<U>(v));
  }
  /// Throws Custom for a value that is not one of the listed enumerators.
  template <ClvmDecoder D>
  static T decode(const D& d, decoder_node_t<D> n) {
    const auto v = static_cast<T>(codec<U>::decode(d, n));
    if (std::ranges::find(shape.values, v) == shape.values.end())
      throw FromClvmError::custom("unknown enum discriminant");
    return v;
  }
};

template <class T, class C, class... Alts, std::size_t N>
struct shape_codec<T, TaggedShape<C, std::variant<Alts...>, N>> {
  static constexpr auto shape = meta_of<T>();

  template <ClvmEncoder E>
  requires ToClvmAll<E, Alts...>
  static encoder_node_t<E> encode(E& e, const T& v) {
    const auto& var = v.*(shape.ptr);
    auto tag = clvm::encode(e, shape.discriminants[var.index()]);
    auto body = std::visit([&](const auto& x) { return clvm::encode(e, x); }, var);
    return encoder_traits<E>::pair(e, tag, body);
  }
  /// Throws Custom for an unknown discriminant. Requires: T is default-constructible.
  template <ClvmDecoder D>
  requires FromClvmAll<D, Alts...>
  static T decode(const D& d, decoder_node_t<D> n) {
    const auto [first, rest] = expect_pair(d, n);
    const auto tag = decode_at<std::int64_t>(d, first, "first");
    const auto it = std::ranges::find(shape.discriminants, tag);
    if (it == shape.discriminants.end())
      throw FromClvmError::custom("unknown enum variant discriminant").within("first");
    T out{};
    decode_alt<0>(d, rest, static_cast<std::size_t>(it - shape.discriminants.begin()), out);
    return out;
  }

 private:
  template <std::size_t I, class D>
  static void decode_alt(const D& d, decoder_node_t<D> n, std::size_t index, T& out) {
    if constexpr (I < sizeof...(Alts)) {
      if (index != I) return decode_alt<I + 1>(d, n, index, out);
      using A = std::variant_alternative_t<I, std::variant<Alts...>>;
      (out.*(shape.ptr)).template emplace<I>(decode_at<A>(d, n, "rest"));
    }
  }
};

}  // namespace clvm::detail
