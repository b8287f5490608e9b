// SPDX-License-Identifier: Apache-2.0
/// \file User types described by metadata (clvm-derive's representations). Specialise
///
///   template <>
///   struct clvm::meta<Coin> {
///     static constexpr auto value =
///         clvm::as_list(&Coin::parent, &Coin::puzzle_hash, &Coin::amount);
///   };
///
/// or give the type `static constexpr auto clvm_meta() { return clvm::as_list(...); }`, or use the
/// CLVM_* macros (macros.hpp). Shapes:
///  - as_list(fields...): `(a b c)`; decoding ignores whatever follows the fields (lenient).
///  - as_proper_list(fields...): the same bytes; decoding requires the nil terminator.
///  - as_curry(fields...): `(c (q . a) (c (q . b) 1))`; decoding requires the atom 1 terminator.
///  - as_transparent(&T::m): the member itself.
///  - as_enum(E::x, E::y, ...): an enum as its integer value; decoding accepts only those values.
///  - as_tagged(&T::v[, discriminants...]): a std::variant member as `(discriminant . alternative)`
///    (the alternative list-shaped gives `(discriminant fields...)`); by default the discriminants
///    are 0, 1, 2, ... (untagged enums: a plain std::variant member with as_transparent).
/// Fields are member pointers or rest(...), defaulted(...), constant(...) (fields.hpp). A type
/// decoded through a shape must be default-constructible; members are assigned in order.
#pragma once

#include <clvm/traits/codec.hpp>
#include <clvm/traits/fields.hpp>
#include <clvm/traits/match_byte.hpp>
#include <clvm/traits/values.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace clvm {

/// Specialise with `static constexpr auto value = as_list(...)` (or another shape).
template <class T>
struct meta;

enum class Repr { List, ProperList, Curry };

template <Repr R, class... Fs>
struct FieldsShape {
  std::tuple<Fs...> fields;
};

template <class C, class M>
struct TransparentShape {
  M C::*ptr;
};

template <class E, std::size_t N>
struct EnumShape {
  std::array<E, N> values;
};

template <class C, class V, std::size_t N>
struct TaggedShape {
  V C::*ptr;
  std::array<std::int64_t, N> discriminants;
};

template <class... Fs>
constexpr auto as_list(Fs... fs) {
  return FieldsShape<Repr::List, decltype(detail::as_field(fs))...>{{detail::as_field(fs)...}};
}
template <class... Fs>
constexpr auto as_proper_list(Fs... fs) {
  return FieldsShape<Repr::ProperList, decltype(detail::as_field(fs))...>{
      {detail::as_field(fs)...}};
}
template <class... Fs>
constexpr auto as_curry(Fs... fs) {
  return FieldsShape<Repr::Curry, decltype(detail::as_field(fs))...>{{detail::as_field(fs)...}};
}
template <class C, class M>
constexpr TransparentShape<C, M> as_transparent(M C::*ptr) noexcept {
  return {ptr};
}
template <class E, class... Es>
requires std::is_enum_v<E>
constexpr EnumShape<E, 1 + sizeof...(Es)> as_enum(E first, Es... rest) noexcept {
  static_assert((std::same_as<E, Es> && ...), "clvm::as_enum: enumerators of one enum type");
  return {{first, rest...}};
}
/// Discriminants 0, 1, ... in the order of the variant's alternatives.
template <class C, class... Alts>
constexpr auto as_tagged(std::variant<Alts...> C::*ptr) noexcept {
  TaggedShape<C, std::variant<Alts...>, sizeof...(Alts)> s{ptr, {}};
  for (std::size_t i = 0; i < sizeof...(Alts); ++i)
    s.discriminants[i] = static_cast<std::int64_t>(i);
  return s;
}
/// Explicit discriminants, one per alternative.
template <class C, class... Alts, std::integral... Ds>
constexpr auto as_tagged(std::variant<Alts...> C::*ptr, Ds... ds) noexcept {
  static_assert(sizeof...(Ds) == sizeof...(Alts), "clvm::as_tagged: one discriminant per type");
  using Shape = TaggedShape<C, std::variant<Alts...>, sizeof...(Alts)>;
  return Shape{ptr, {static_cast<std::int64_t>(ds)...}};
}

template <class T>
concept HasMeta = requires { meta<T>::value; } || requires { T::clvm_meta(); };

namespace detail {
template <class T>
constexpr auto meta_of() {
  if constexpr (requires { meta<T>::value; }) {
    return meta<T>::value;
  } else {
    return T::clvm_meta();
  }
}

template <class T, class Shape>
struct shape_codec;
}  // namespace detail

template <class T>
requires HasMeta<T>
struct codec<T> : detail::shape_codec<T, decltype(detail::meta_of<T>())> {};

}  // namespace clvm

#include <clvm/traits/detail/fields_codec.hpp>
#include <clvm/traits/detail/other_shapes_codec.hpp>
