// SPDX-License-Identifier: Apache-2.0
/// \file Macro sugar for shape metadata. At global scope (they specialise clvm::meta):
///   CLVM_LIST(app::Coin, parent_coin_info, puzzle_hash, amount)
///   CLVM_PROPER_LIST(Type, members...)   CLVM_CURRY(Type, members...)
///   CLVM_TRANSPARENT(Type, member)       CLVM_ENUM(EnumType, enumerators...)
/// Members are plain names; for rest / defaulted / constant fields write the meta specialisation
/// (see shapes.hpp).
#pragma once

#include <clvm/traits/shapes.hpp>

#define CLVM_DETAIL_PARENS ()
#define CLVM_DETAIL_EXPAND(...) \
  CLVM_DETAIL_EXPAND3(CLVM_DETAIL_EXPAND3(CLVM_DETAIL_EXPAND3(CLVM_DETAIL_EXPAND3(__VA_ARGS__))))
#define CLVM_DETAIL_EXPAND3(...) \
  CLVM_DETAIL_EXPAND2(CLVM_DETAIL_EXPAND2(CLVM_DETAIL_EXPAND2(CLVM_DETAIL_EXPAND2(__VA_ARGS__))))
#define CLVM_DETAIL_EXPAND2(...) \
  CLVM_DETAIL_EXPAND1(CLVM_DETAIL_EXPAND1(CLVM_DETAIL_EXPAND1(CLVM_DETAIL_EXPAND1(__VA_ARGS__))))
#define CLVM_DETAIL_EXPAND1(...) __VA_ARGS__

// CLVM_DETAIL_FOR_EACH(m, T, a, b, c) -> m(T, a), m(T, b), m(T, c)   (up to 64 names)
#define CLVM_DETAIL_FOR_EACH(m, T, ...) \
  __VA_OPT__(CLVM_DETAIL_EXPAND(CLVM_DETAIL_FOR_EACH_STEP(m, T, __VA_ARGS__)))
#define CLVM_DETAIL_FOR_EACH_STEP(m, T, a, ...) \
  m(T, a) __VA_OPT__(, CLVM_DETAIL_FOR_EACH_AGAIN CLVM_DETAIL_PARENS(m, T, __VA_ARGS__))
#define CLVM_DETAIL_FOR_EACH_AGAIN() CLVM_DETAIL_FOR_EACH_STEP

#define CLVM_DETAIL_MEMBER(T, name) &T::name
#define CLVM_DETAIL_ENUMERATOR(T, name) T::name

#define CLVM_DETAIL_META(T, shape, ...)                                          \
  template <>                                                                    \
  struct clvm::meta<T> {                                                         \
    static constexpr auto value =                                                \
        ::clvm::shape(CLVM_DETAIL_FOR_EACH(CLVM_DETAIL_MEMBER, T, __VA_ARGS__)); \
  }

#define CLVM_LIST(T, ...) CLVM_DETAIL_META(T, as_list, __VA_ARGS__)
#define CLVM_PROPER_LIST(T, ...) CLVM_DETAIL_META(T, as_proper_list, __VA_ARGS__)
#define CLVM_CURRY(T, ...) CLVM_DETAIL_META(T, as_curry, __VA_ARGS__)
#define CLVM_TRANSPARENT(T, member) CLVM_DETAIL_META(T, as_transparent, member)
#define CLVM_ENUM(T, ...)                                                              \
  template <>                                                                          \
  struct clvm::meta<T> {                                                               \
    static constexpr auto value =                                                      \
        ::clvm::as_enum(CLVM_DETAIL_FOR_EACH(CLVM_DETAIL_ENUMERATOR, T, __VA_ARGS__)); \
  }
