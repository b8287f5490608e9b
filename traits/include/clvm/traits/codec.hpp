// SPDX-License-Identifier: Apache-2.0
/// \file The customisation point clvm::codec<T>, the ToClvm / FromClvm concepts and the entry
/// points clvm::to_clvm / clvm::from_clvm.
///
/// A type becomes convertible in one of three ways, looked up in this order:
///  1. a specialisation of `clvm::codec<T>` with
///       template <ClvmEncoder E> static encoder_node_t<E> encode(E&, const T&);
///       template <ClvmDecoder D> static T decode(const D&, decoder_node_t<D>);
///  2. a shape description: a specialisation of `clvm::meta<T>` or a static member function
///     `T::clvm_meta()` (see shapes.hpp and the CLVM_* macros);
///  3. free functions found by argument-dependent lookup in T's namespace:
///       template <class E>
///       auto to_clvm(E& e, const T& v);  // returns encoder_node_t<E>
///       template <class D>
///       T from_clvm(const D& d, clvm::decoder_node_t<D> n, std::type_identity<T>);
#pragma once

#include <clvm/traits/encoder.hpp>
#include <clvm/traits/error.hpp>

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace clvm {

/// See the file comment. The primary template forwards to ADL to_clvm / from_clvm.
template <class T>
struct codec;

namespace detail::adl {
// Poison pills: unqualified calls below see only argument-dependent candidates.
void to_clvm() = delete;
void from_clvm() = delete;

template <class T, class E>
concept HasAdlEncode = requires(E& e, const T& v) {
  { to_clvm(e, v) } -> std::same_as<encoder_node_t<E>>;
};
template <class T, class D>
concept HasAdlDecode = requires(const D& d, decoder_node_t<D> n) {
  { from_clvm(d, n, std::type_identity<T>{}) } -> std::same_as<T>;
};

template <class T>
struct adl_codec {
  template <ClvmEncoder E>
  requires HasAdlEncode<T, E>
  static encoder_node_t<E> encode(E& e, const T& v) {
    return to_clvm(e, v);
  }
  template <ClvmDecoder D>
  requires HasAdlDecode<T, D>
  static T decode(const D& d, decoder_node_t<D> n) {
    return from_clvm(d, n, std::type_identity<T>{});
  }
};
}  // namespace detail::adl

template <class T>
struct codec : detail::adl::adl_codec<T> {};

/// T can be encoded with E.
template <class T, class E>
concept ToClvm = ClvmEncoder<E> && requires(E& e, const T& v) {
  { codec<std::remove_cvref_t<T>>::encode(e, v) } -> std::same_as<encoder_node_t<E>>;
};

/// T can be decoded with D.
template <class T, class D>
concept FromClvm = ClvmDecoder<D> && requires(const D& d, decoder_node_t<D> n) {
  { codec<T>::decode(d, n) } -> std::same_as<T>;
};

/// Every one of Ts can be encoded with E.
template <class E, class... Ts>
concept ToClvmAll = (ToClvm<Ts, E> && ...);

/// Every one of Ts can be decoded with D.
template <class D, class... Ts>
concept FromClvmAll = (FromClvm<Ts, D> && ...);

/// Encodes `v` with `e` (codec<T>::encode). Throws what the encoder throws (the arena: EvalError
/// with OutOfMemory, TooManyAtoms or TooManyPairs; nodes made before the failure stay in the
/// arena, so take a checkpoint first to roll them back).
template <class E, class T>
requires ToClvm<T, E>
encoder_node_t<E> encode(E& e, const T& v) {
  return codec<std::remove_cvref_t<T>>::encode(e, v);
}

/// Decodes `n` as T with `d`. Throws FromClvmError.
template <class T, class D>
requires FromClvm<T, D>
T decode(const D& d, decoder_node_t<D> n) {
  return codec<T>::decode(d, n);
}

/// Decodes `n` (reached from the node being decoded by `step`, e.g. "rest.first") as T; a failure
/// reports its path through `step`.
/// `step` is a string or a callable returning one (called only on failure).
template <class T, class D, class Step>
requires FromClvm<T, D>
T decode_at(const D& d, decoder_node_t<D> n, const Step& step) {
  try {
    return codec<T>::decode(d, n);
  } catch (const FromClvmError& e) {
    throw e.within(step);
  }
}

namespace detail {
/// `a.b` (either may be empty).
inline std::string join_steps(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  std::string s(a);
  s += '.';
  s += b;
  return s;
}

/// expect_pair, reporting a failure at `step`.
template <ClvmDecoder D, class Step>
std::pair<decoder_node_t<D>, decoder_node_t<D>> decode_at_pair(const D& d, decoder_node_t<D> n,
                                                               const Step& step) {
  try {
    return expect_pair(d, n);
  } catch (const FromClvmError& e) {
    throw e.within(step);
  }
}

struct ToClvmFn {
  template <class E, class T>
  requires ToClvm<T, E>
  encoder_node_t<E> operator()(E& e, const T& v) const {
    return codec<std::remove_cvref_t<T>>::encode(e, v);
  }
};
template <class T>
struct FromClvmFn {
  template <class D>
  requires FromClvm<T, D>
  T operator()(const D& d, decoder_node_t<D> n) const {
    return codec<T>::decode(d, n);
  }
};
}  // namespace detail

/// `clvm::to_clvm(allocator, value)`: the node for `value` (see encode). A function object, so that
/// ADL to_clvm overloads of user types never collide with it.
inline constexpr detail::ToClvmFn to_clvm{};

/// `clvm::from_clvm<T>(allocator, node)`: `node` decoded as T (see decode).
template <class T>
inline constexpr detail::FromClvmFn<T> from_clvm{};

}  // namespace clvm
