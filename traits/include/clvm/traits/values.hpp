// SPDX-License-Identifier: Apache-2.0
/// \file Value-level shapes (clvm-traits' clvm_list!, clvm_quote!, clvm_curried_args!) that both
/// encode and, as types, decode: List<Ts...> (a proper list), Quote<T> `(1 . x)` and
/// CurriedArgs<Ts...> `(c (q . a) (c (q . b) 1))`.
#pragma once

#include <clvm/traits/codec.hpp>
#include <clvm/traits/match_byte.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace clvm {

namespace detail {

/// (c (q . arg) rest): the node for one curried argument in front of `rest`.
template <class E>
encoder_node_t<E> encode_curry_step(E& e, encoder_node_t<E> arg, encoder_node_t<E> rest) {
  using Tr = encoder_traits<E>;
  auto quoted = Tr::pair(e, clvm::encode(e, MatchByte<1>{}), arg);
  auto tail = Tr::pair(e, rest, Tr::atom(e, {}));
  return Tr::pair(e, clvm::encode(e, MatchByte<4>{}), Tr::pair(e, quoted, tail));
}

/// Matches (c (q . arg) rest) (a proper 3-list); returns {arg, rest}. Throws FromClvmError.
template <class D>
std::pair<decoder_node_t<D>, decoder_node_t<D>> decode_curry_step(const D& d, decoder_node_t<D> n) {
  auto [op, r1] = expect_pair(d, n);
  decode_at<MatchByte<4>>(d, op, "first");
  auto [quoted, r2] = decode_at_pair(d, r1, "rest");
  auto [q, arg] = decode_at_pair(d, quoted, "rest.first");
  decode_at<MatchByte<1>>(d, q, "rest.first.first");
  auto [rest, end] = decode_at_pair(d, r2, "rest.rest");
  try {
    expect_nil(d, end);
  } catch (const FromClvmError& e) {
    throw e.within("rest.rest.rest");
  }
  return {arg, rest};
}

/// decode_curry_step, reporting a failure at `step`.
template <class D, class Step>
std::pair<decoder_node_t<D>, decoder_node_t<D>> decode_at_curry_step(const D& d,
                                                                     decoder_node_t<D> n,
                                                                     const Step& step) {
  try {
    return decode_curry_step(d, n);
  } catch (const FromClvmError& e) {
    throw e.within(step);
  }
}

}  // namespace detail

/// A proper list of the given values: `clvm::list(a, b, c)` encodes `(a b c)`; as a type it
/// decodes exactly that (nil terminator required).
template <class... Ts>
struct List {
  std::tuple<Ts...> items;
  friend bool operator==(const List&, const List&) = default;
};

template <class... Ts>
List<std::decay_t<Ts>...> list(Ts&&... xs) {
  return {{std::forward<Ts>(xs)...}};
}

template <class... Ts>
struct codec<List<Ts...>> {
  template <ClvmEncoder E>
  requires ToClvmAll<E, Ts...>
  static encoder_node_t<E> encode(E& e, const List<Ts...>& v) {
    return encode_from<0>(e, v.items);
  }
  template <ClvmDecoder D>
  requires FromClvmAll<D, Ts...>
  static List<Ts...> decode(const D& d, decoder_node_t<D> n) {
    return {decode_from<0>(d, n)};
  }

 private:
  static constexpr std::size_t N = sizeof...(Ts);
  template <std::size_t I, class E>
  static encoder_node_t<E> encode_from(E& e, const std::tuple<Ts...>& t) {
    if constexpr (I == N) {
      return encoder_traits<E>::atom(e, {});
    } else {
      auto first = clvm::encode(e, std::get<I>(t));
      return encoder_traits<E>::pair(e, first, encode_from<I + 1>(e, t));
    }
  }
  template <std::size_t I, class D>
  static auto decode_from(const D& d, decoder_node_t<D> n) {
    if constexpr (I == N) {
      try {
        expect_nil(d, n);
      } catch (const FromClvmError& e) {
        throw e.within(list_tail_step(I));
      }
      return std::tuple<>{};
    } else {
      using T = std::tuple_element_t<I, std::tuple<Ts...>>;
      auto [first, rest] = detail::decode_at_pair(d, n, [] { return list_tail_step(I); });
      std::tuple<T> head(decode_at<T>(d, first, [] { return list_item_step(I); }));
      return std::tuple_cat(std::move(head), decode_from<I + 1>(d, rest));
    }
  }
};

/// `(1 . value)`: a quoted value.
template <class T>
struct Quote {
  T value;
  friend bool operator==(const Quote&, const Quote&) = default;
};

template <class T>
Quote<std::decay_t<T>> quote(T&& x) {
  return {std::forward<T>(x)};
}

template <class T>
struct codec<Quote<T>> {
  template <ClvmEncoder E>
  requires ToClvm<T, E>
  static encoder_node_t<E> encode(E& e, const Quote<T>& v) {
    auto q = clvm::encode(e, MatchByte<1>{});
    return encoder_traits<E>::pair(e, q, clvm::encode(e, v.value));
  }
  template <ClvmDecoder D>
  requires FromClvm<T, D>
  static Quote<T> decode(const D& d, decoder_node_t<D> n) {
    auto [q, x] = expect_pair(d, n);
    decode_at<MatchByte<1>>(d, q, "first");
    return {decode_at<T>(d, x, "rest")};
  }
};

/// Curried arguments `(c (q . a) (c (q . b) 1))`; as a type it decodes exactly that shape.
template <class... Ts>
struct CurriedArgs {
  std::tuple<Ts...> args;
  friend bool operator==(const CurriedArgs&, const CurriedArgs&) = default;
};

template <class... Ts>
CurriedArgs<std::decay_t<Ts>...> curried_args(Ts&&... xs) {
  return {{std::forward<Ts>(xs)...}};
}

template <class... Ts>
struct codec<CurriedArgs<Ts...>> {
  template <ClvmEncoder E>
  requires ToClvmAll<E, Ts...>
  static encoder_node_t<E> encode(E& e, const CurriedArgs<Ts...>& v) {
    return encode_from<0>(e, v.args);
  }
  template <ClvmDecoder D>
  requires FromClvmAll<D, Ts...>
  static CurriedArgs<Ts...> decode(const D& d, decoder_node_t<D> n) {
    return {decode_from<0>(d, n, std::string())};
  }

 private:
  static constexpr std::size_t N = sizeof...(Ts);
  template <std::size_t I, class E>
  static encoder_node_t<E> encode_from(E& e, const std::tuple<Ts...>& t) {
    if constexpr (I == N) {
      return clvm::encode(e, MatchByte<1>{});
    } else {
      auto arg = clvm::encode(e, std::get<I>(t));
      return detail::encode_curry_step(e, arg, encode_from<I + 1>(e, t));
    }
  }
  // `path`: the steps from the root to `n` (curried argument lists nest by rest.rest.first).
  template <std::size_t I, class D>
  static auto decode_from(const D& d, decoder_node_t<D> n, const std::string& path) {
    if constexpr (I == N) {
      decode_at<MatchByte<1>>(d, n, path);
      return std::tuple<>{};
    } else {
      using T = std::tuple_element_t<I, std::tuple<Ts...>>;
      auto [arg, rest] = detail::decode_at_curry_step(d, n, path);
      std::tuple<T> head(decode_at<T>(d, arg, detail::join_steps(path, "rest.first.rest")));
      return std::tuple_cat(
          std::move(head),
          decode_from<I + 1>(d, rest, detail::join_steps(path, "rest.rest.first")));
    }
  }
};

}  // namespace clvm
