// SPDX-License-Identifier: Apache-2.0
/// \file Field descriptors for shape metadata (shapes.hpp): a plain member pointer, rest(&T::m),
/// defaulted(&T::m[, value]) and constant(value). The clvm-derive options, one wrapper each.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

namespace clvm {

/// A member encoded at its position.
template <class C, class M>
struct Field {
  M C::*ptr;
};

/// The last member, encoded as the remainder in place of the terminator (`#[clvm(rest)]`).
template <class C, class M>
struct RestField {
  M C::*ptr;
};

/// A trailing member left out when it equals its default, and set to the default when absent
/// (`#[clvm(default = ...)]`). `dflt` is a value convertible to M or a callable returning one.
template <class C, class M, class Dflt>
struct DefaultField {
  M C::*ptr;
  Dflt dflt;

  M default_value() const {
    if constexpr (std::invocable<const Dflt&>) {
      return static_cast<M>(dflt());
    } else {
      return static_cast<M>(dflt);
    }
  }
};

/// A fixed value with no member (`#[clvm(constant = ...)]` with `#[apply_constants]`): encoded
/// as `value`, and on decoding required to equal it (else Custom).
template <class V>
struct ConstantField {
  V value;
};

template <class C, class M>
constexpr RestField<C, M> rest(M C::*ptr) noexcept {
  return {ptr};
}

/// Default: a value-initialised M.
template <class C, class M>
constexpr auto defaulted(M C::*ptr) noexcept {
  return DefaultField<C, M, M (*)()>{ptr, [] { return M{}; }};
}
template <class C, class M, class Dflt>
constexpr DefaultField<C, M, Dflt> defaulted(M C::*ptr, Dflt dflt) {
  return {ptr, std::move(dflt)};
}

template <class V>
constexpr ConstantField<V> constant(V value) {
  return {std::move(value)};
}

namespace detail {
template <class C, class M>
constexpr Field<C, M> as_field(M C::*ptr) noexcept {
  return {ptr};
}
template <class F>
requires(!std::is_member_object_pointer_v<F>)
constexpr F as_field(F f) {
  return f;
}

template <class F>
inline constexpr bool is_rest_field = false;
template <class C, class M>
inline constexpr bool is_rest_field<RestField<C, M>> = true;

template <class F>
inline constexpr bool is_default_field = false;
template <class C, class M, class Dflt>
inline constexpr bool is_default_field<DefaultField<C, M, Dflt>> = true;

template <class F>
inline constexpr bool is_constant_field = false;
template <class V>
inline constexpr bool is_constant_field<ConstantField<V>> = true;
}  // namespace detail

}  // namespace clvm
