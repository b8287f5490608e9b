// SPDX-License-Identifier: Apache-2.0
/// \file Standard containers and wrappers: std::pair / std::tuple (nested pairs), sequences (proper
/// lists), std::optional (nil is none), std::variant (untagged, tried in order), smart pointers.
///
/// Sequences of single-byte elements other than clvm::Bytes / std::span<const std::uint8_t> (both
/// atoms) do not compile: Rust's `Vec<u8>` encodes as a list of small integers, a trap we refuse.
#pragma once

#include <clvm/traits/codec.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <span>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace clvm {

namespace detail {

template <class T>
concept ByteLike =
    sizeof(T) == 1 && !std::same_as<T, bool> && (std::integral<T> || std::same_as<T, std::byte>);

template <class T>
inline constexpr bool not_bytes = !ByteLike<std::remove_cv_t<T>>;

/// The proper list of [first, last) (bidirectional), built back to front without recursion.
template <class E, class It>
encoder_node_t<E> encode_list(E& e, It first, It last) {
  encoder_node_t<E> tail = encoder_traits<E>::atom(e, {});
  while (last != first) {
    --last;
    tail = encoder_traits<E>::pair(e, clvm::encode(e, *last), tail);
  }
  return tail;
}

/// Calls `item(index, node)` for each item of the list `n`, iteratively; then requires the
/// terminator to be nil (WrongAtomLength{0, len}). Returns the number of items.
template <class D, class F>
std::size_t decode_list(const D& d, decoder_node_t<D> n, F&& item) {
  std::size_t i = 0;
  while (auto p = decoder_traits<D>::pair(d, n)) {
    item(i, p->first);
    n = p->second;
    ++i;
  }
  try {
    expect_nil(d, n);
  } catch (const FromClvmError& e) {
    throw e.within(list_tail_step(i));
  }
  return i;
}

}  // namespace detail

/// std::pair: (first . second).
template <class A, class B>
struct codec<std::pair<A, B>> {
  template <ClvmEncoder E>
  requires ToClvm<A, E> && ToClvm<B, E>
  static encoder_node_t<E> encode(E& e, const std::pair<A, B>& v) {
    auto first = clvm::encode(e, v.first);
    return encoder_traits<E>::pair(e, first, clvm::encode(e, v.second));
  }
  template <ClvmDecoder D>
  requires FromClvm<A, D> && FromClvm<B, D>
  static std::pair<A, B> decode(const D& d, decoder_node_t<D> n) {
    const auto [first, rest] = expect_pair(d, n);
    A a = decode_at<A>(d, first, "first");
    return {std::move(a), decode_at<B>(d, rest, "rest")};
  }
};

/// std::tuple<A, B, C>: (a . (b . c)) (Rust's clvm_tuple!); tuple<A> is a; tuple<> is nil.
template <class... Ts>
struct codec<std::tuple<Ts...>> {
  static constexpr std::size_t N = sizeof...(Ts);

  template <ClvmEncoder E>
  requires ToClvmAll<E, Ts...>
  static encoder_node_t<E> encode(E& e, const std::tuple<Ts...>& v) {
    if constexpr (N == 0) {
      return encoder_traits<E>::atom(e, {});
    } else {
      return encode_from<0>(e, v);
    }
  }
  template <ClvmDecoder D>
  requires FromClvmAll<D, Ts...>
  static std::tuple<Ts...> decode(const D& d, decoder_node_t<D> n) {
    if constexpr (N == 0) {
      expect_nil(d, n);
      return {};
    } else {
      return decode_from<0>(d, n);
    }
  }

 private:
  template <std::size_t I, class E>
  static encoder_node_t<E> encode_from(E& e, const std::tuple<Ts...>& v) {
    if constexpr (I + 1 == N) {
      return clvm::encode(e, std::get<I>(v));
    } else {
      auto first = clvm::encode(e, std::get<I>(v));
      return encoder_traits<E>::pair(e, first, encode_from<I + 1>(e, v));
    }
  }
  template <std::size_t I, class D>
  static auto decode_from(const D& d, decoder_node_t<D> n) {
    using T = std::tuple_element_t<I, std::tuple<Ts...>>;
    if constexpr (I + 1 == N) {
      return std::tuple<T>(decode_at<T>(d, n, [] { return list_tail_step(I); }));
    } else {
      const auto [first, rest] = detail::decode_at_pair(d, n, [] { return list_tail_step(I); });
      std::tuple<T> head(decode_at<T>(d, first, [] { return list_item_step(I); }));
      return std::tuple_cat(std::move(head), decode_from<I + 1>(d, rest));
    }
  }
};

/// A sequence (std::vector, std::list): a proper list. Decoding is iterative; a non-nil
/// terminator is WrongAtomLength{0, len}.
template <class Seq>
struct sequence_codec {
  using T = typename Seq::value_type;
  static_assert(detail::not_bytes<T>,
                "a sequence of bytes is ambiguous in CLVM: use clvm::Bytes "
                "or clvm::BytesN<N> for an atom, or a sequence of a wider "
                "integer type for a list of numbers");
  template <ClvmEncoder E>
  requires ToClvm<T, E>
  static encoder_node_t<E> encode(E& e, const Seq& v) {
    return detail::encode_list(e, v.begin(), v.end());
  }
  template <ClvmDecoder D>
  requires FromClvm<T, D>
  static Seq decode(const D& d, decoder_node_t<D> n) {
    Seq out;
    detail::decode_list(d, n, [&](std::size_t i, decoder_node_t<D> item) {
      out.push_back(decode_at<T>(d, item, [i] { return list_item_step(i); }));
    });
    return out;
  }
};

template <class T, class A>
struct codec<std::vector<T, A>> : sequence_codec<std::vector<T, A>> {};
template <class T, class A>
struct codec<std::list<T, A>> : sequence_codec<std::list<T, A>> {};

/// std::array<T, N>: a proper list of exactly N items (more: ExpectedAtom; fewer: ExpectedPair).
template <class T, std::size_t N>
struct codec<std::array<T, N>> {
  static_assert(detail::not_bytes<T>,
                "a sequence of bytes is ambiguous in CLVM: use "
                "clvm::BytesN<N> for an atom, or an array of a wider "
                "integer type for a list of numbers");
  template <ClvmEncoder E>
  requires ToClvm<T, E>
  static encoder_node_t<E> encode(E& e, const std::array<T, N>& v) {
    return detail::encode_list(e, v.begin(), v.end());
  }
  template <ClvmDecoder D>
  requires FromClvm<T, D> && std::default_initializable<T>
  static std::array<T, N> decode(const D& d, decoder_node_t<D> n) {
    std::array<T, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
      auto p = decoder_traits<D>::pair(d, n);
      if (!p) throw FromClvmError(FromClvmError::Kind::ExpectedPair).within(list_tail_step(i));
      out[i] = decode_at<T>(d, p->first, [i] { return list_item_step(i); });
      n = p->second;
    }
    try {
      expect_nil(d, n);
    } catch (const FromClvmError& e) {
      throw e.within(list_tail_step(N));
    }
    return out;
  }
};

/// std::span<const T>: a proper list (encode only); std::span<const std::uint8_t> is an atom.
template <class T, std::size_t Extent>
struct codec<std::span<T, Extent>> {
  using V = std::remove_cv_t<T>;
  static_assert(std::same_as<V, std::uint8_t> || detail::not_bytes<V>,
                "a span of bytes other than std::uint8_t is ambiguous in CLVM: use "
                "std::span<const std::uint8_t> for an atom");
  template <ClvmEncoder E>
  requires std::same_as<V, std::uint8_t> || ToClvm<V, E>
  static encoder_node_t<E> encode(E& e, std::span<T, Extent> v) {
    if constexpr (std::same_as<V, std::uint8_t>) {
      return encoder_traits<E>::atom(e, std::span<const std::uint8_t>(v.data(), v.size()));
    } else {
      return detail::encode_list(e, v.begin(), v.end());
    }
  }
};

/// std::optional<T>: nullopt is nil, a value is the value's own node (no wrapper). Decoding nil
/// gives nullopt, so an optional of a value that encodes as nil (0, "", empty list) does not
/// round-trip (as in clvm-traits).
template <class T>
struct codec<std::optional<T>> {
  template <ClvmEncoder E>
  requires ToClvm<T, E>
  static encoder_node_t<E> encode(E& e, const std::optional<T>& v) {
    if (!v) return encoder_traits<E>::atom(e, {});
    return clvm::encode(e, *v);
  }
  template <ClvmDecoder D>
  requires FromClvm<T, D>
  static std::optional<T> decode(const D& d, decoder_node_t<D> n) {
    if (auto a = decoder_traits<D>::atom(d, n); a && a->empty()) return std::nullopt;
    return codec<T>::decode(d, n);
  }
};

/// std::variant (an untagged enum): the held alternative's node. Decoding tries the alternatives
/// in order and returns the first that decodes; if none does, Custom("failed to parse any enum
/// variant"). For a tag in front, see clvm::as_tagged (shapes.hpp).
template <class... Ts>
struct codec<std::variant<Ts...>> {
  template <ClvmEncoder E>
  requires ToClvmAll<E, Ts...>
  static encoder_node_t<E> encode(E& e, const std::variant<Ts...>& v) {
    return std::visit([&](const auto& x) { return clvm::encode(e, x); }, v);
  }
  template <ClvmDecoder D>
  requires FromClvmAll<D, Ts...>
  static std::variant<Ts...> decode(const D& d, decoder_node_t<D> n) {
    std::optional<std::variant<Ts...>> out;
    (try_one<Ts>(d, n, out) || ...);
    if (!out) throw FromClvmError::custom("failed to parse any enum variant");
    return std::move(*out);
  }

 private:
  template <class T, class D>
  static bool try_one(const D& d, decoder_node_t<D> n, std::optional<std::variant<Ts...>>& out) {
    try {
      out.emplace(std::in_place_type<T>, codec<T>::decode(d, n));
      return true;
    } catch (const FromClvmError&) {
      return false;
    }
  }
};

/// std::unique_ptr / std::shared_ptr: the pointee. Requires a non-null pointer to encode (a null
/// one throws EvalError(InternalError)).
template <class Ptr>
struct pointer_codec {
  using T = typename Ptr::element_type;
  template <ClvmEncoder E>
  requires ToClvm<T, E>
  static encoder_node_t<E> encode(E& e, const Ptr& p) {
    if (!p) throw EvalError(ErrorKind::InternalError, "to_clvm: null pointer");
    return clvm::encode(e, *p);
  }
  template <ClvmDecoder D>
  requires FromClvm<T, D>
  static Ptr decode(const D& d, decoder_node_t<D> n) {
    return Ptr(new T(codec<T>::decode(d, n)));
  }
};

template <class T>
struct codec<std::unique_ptr<T>> : pointer_codec<std::unique_ptr<T>> {};
template <class T>
struct codec<std::shared_ptr<T>> : pointer_codec<std::shared_ptr<T>> {};

}  // namespace clvm
