// SPDX-License-Identifier: Apache-2.0
/// \file The codec of FieldsShape (as_list, as_proper_list, as_curry): see shapes.hpp.
#pragma once

#include <clvm/traits/shapes.hpp>

#include <cstddef>
#include <string>
#include <tuple>
#include <utility>

namespace clvm::detail {

/// The steps from the head of a curried-argument chain to the node after `depth` arguments.
inline std::string curry_tail_step(std::size_t depth) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += i == 0 ? "rest.rest.first" : ".rest.rest.first";
  return s;
}

template <class T, class F>
struct field_type;
template <class T, class C, class M>
struct field_type<T, Field<C, M>> {
  using type = M;
};
template <class T, class C, class M>
struct field_type<T, RestField<C, M>> {
  using type = M;
};
template <class T, class C, class M, class Dflt>
struct field_type<T, DefaultField<C, M, Dflt>> {
  using type = M;
};
template <class T, class V>
struct field_type<T, ConstantField<V>> {
  using type = V;
};

template <class T, Repr R, class... Fs>
struct shape_codec<T, FieldsShape<R, Fs...>> {
  static constexpr auto shape = meta_of<T>();
  static constexpr std::size_t N = sizeof...(Fs);
  using Fields = std::tuple<Fs...>;
  template <std::size_t I>
  using FieldT = std::tuple_element_t<I, Fields>;
  template <std::size_t I>
  using ValueT = typename field_type<T, FieldT<I>>::type;

  static constexpr bool rest_is_last = [] {
    constexpr bool flags[] = {false, is_rest_field<Fs>...};
    for (std::size_t i = 1; i < N; ++i)
      if (flags[i]) return false;  // a rest field before the last one
    return true;
  }();
  static constexpr bool defaults_trail = [] {
    constexpr bool flags[] = {false, is_default_field<Fs>...};
    for (std::size_t i = 1; i < N; ++i)
      if (flags[i] && !flags[i + 1]) return false;  // a non-default field after a default one
    return true;
  }();
  static_assert(rest_is_last, "clvm: rest(...) must be the last field");
  static_assert(defaults_trail, "clvm: defaulted(...) fields must be last (and not with rest)");

  template <class E, std::size_t... Is>
  static constexpr bool encodable(std::index_sequence<Is...>) {
    return (ToClvm<ValueT<Is>, E> && ...);
  }
  template <class D, std::size_t... Is>
  static constexpr bool decodable(std::index_sequence<Is...>) {
    return (FromClvm<ValueT<Is>, D> && ...);
  }

  template <ClvmEncoder E>
  requires(encodable<E>(std::make_index_sequence<N>{}))
  static encoder_node_t<E> encode(E& e, const T& v) {
    return encode_from<0>(e, v);
  }

  /// Requires: T is default-constructible (members are assigned in order).
  template <ClvmDecoder D>
  requires(decodable<D>(std::make_index_sequence<N>{}))
  static T decode(const D& d, decoder_node_t<D> n) {
    T out{};
    decode_from<0>(d, n, out);
    return out;
  }

 private:
  template <std::size_t I, class E>
  static encoder_node_t<E> terminator(E& e) {
    if constexpr (R == Repr::Curry) {
      return clvm::encode(e, MatchByte<1>{});
    } else {
      return encoder_traits<E>::atom(e, {});
    }
  }

  template <std::size_t I>
  static bool omit_from(const T& v) {
    if constexpr (I == N) {
      return true;
    } else if constexpr (is_default_field<FieldT<I>>) {
      const auto& f = std::get<I>(shape.fields);
      return v.*(f.ptr) == f.default_value() && omit_from<I + 1>(v);
    } else {
      return false;
    }
  }

  template <std::size_t I, class E>
  static encoder_node_t<E> encode_value(E& e, const T& v) {
    const auto& f = std::get<I>(shape.fields);
    if constexpr (is_constant_field<FieldT<I>>) {
      return clvm::encode(e, f.value);
    } else {
      return clvm::encode(e, v.*(f.ptr));
    }
  }

  template <std::size_t I, class E>
  static encoder_node_t<E> encode_from(E& e, const T& v) {
    if constexpr (I == N) {
      return terminator<I>(e);
    } else if constexpr (is_rest_field<FieldT<I>>) {
      return encode_value<I>(e, v);
    } else {
      if constexpr (is_default_field<FieldT<I>>) {
        if (omit_from<I>(v)) return terminator<I>(e);
      }
      auto item = encode_value<I>(e, v);
      auto rest = encode_from<I + 1>(e, v);
      if constexpr (R == Repr::Curry) {
        return encode_curry_step(e, item, rest);
      } else {
        return encoder_traits<E>::pair(e, item, rest);
      }
    }
  }

  // The steps from the root to the item I / the node after I items.
  template <std::size_t I>
  static std::string item_step() {
    if constexpr (R == Repr::Curry) {
      return join_steps(curry_tail_step(I), "rest.first.rest");
    } else {
      return list_item_step(I);
    }
  }
  template <std::size_t I>
  static std::string tail_step() {
    if constexpr (R == Repr::Curry) {
      return curry_tail_step(I);
    } else {
      return list_tail_step(I);
    }
  }

  template <std::size_t I, class D, class Step>
  static void decode_value(const D& d, decoder_node_t<D> n, T& out, const Step& step) {
    const auto& f = std::get<I>(shape.fields);
    using V = ValueT<I>;
    if constexpr (is_constant_field<FieldT<I>>) {
      if (!(decode_at<V>(d, n, step) == f.value))
        throw FromClvmError::custom("constant mismatch").within(step);
    } else {
      out.*(f.ptr) = decode_at<V>(d, n, step);
    }
  }

  template <std::size_t I, class D>
  static void decode_from(const D& d, decoder_node_t<D> n, T& out) {
    if constexpr (I == N) {
      if constexpr (R == Repr::Curry) {
        decode_at<MatchByte<1>>(d, n, [] { return tail_step<I>(); });
      } else if constexpr (R == Repr::ProperList) {
        try {
          expect_nil(d, n);
        } catch (const FromClvmError& err) {
          throw err.within(tail_step<I>());
        }
      }
    } else if constexpr (is_rest_field<FieldT<I>>) {
      decode_value<I>(d, n, out, [] { return tail_step<I>(); });
    } else {
      if constexpr (is_default_field<FieldT<I>>) {
        if (!decoder_traits<D>::pair(d, n)) {
          out.*(std::get<I>(shape.fields).ptr) = std::get<I>(shape.fields).default_value();
          return decode_from<I + 1>(d, n, out);
        }
      }
      if constexpr (R == Repr::Curry) {
        const auto [arg, rest] = decode_at_curry_step(d, n, [] { return tail_step<I>(); });
        decode_value<I>(d, arg, out, [] { return item_step<I>(); });
        decode_from<I + 1>(d, rest, out);
      } else {
        const auto [first, rest] = decode_at_pair(d, n, [] { return tail_step<I>(); });
        decode_value<I>(d, first, out, [] { return item_step<I>(); });
        decode_from<I + 1>(d, rest, out);
      }
    }
  }
};

}  // namespace clvm::detail
