// SPDX-License-Identifier: Apache-2.0
// Properties (rapidcheck): nested containers and structs round-trip through the arena, TreeHasher
// equals the runtime's tree_hash of the encoded node, and integer decoding of arbitrary atoms
// agrees with the runtime's number codec under both policies.
#include "traits_support.hpp"

#include <clvm/traits.hpp>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace props {
struct Coin {
  clvm::Bytes32 parent;
  clvm::Bytes32 puzzle_hash;
  std::uint64_t amount = 0;
  friend bool operator==(const Coin&, const Coin&) = default;
};
struct Spend {
  Coin coin;
  std::vector<std::pair<std::int64_t, clvm::Bytes>> conditions;
  std::optional<std::string> note;
  friend bool operator==(const Spend&, const Spend&) = default;
};
struct Args {
  std::int32_t a = 0;
  std::vector<std::string> b;
  friend bool operator==(const Args&, const Args&) = default;
};
}  // namespace props

CLVM_LIST(props::Coin, parent, puzzle_hash, amount);
template <>
struct clvm::meta<props::Spend> {
  static constexpr auto value = as_proper_list(&props::Spend::coin, &props::Spend::conditions,
                                               defaulted(&props::Spend::note));
};
CLVM_CURRY(props::Args, a, b);

namespace clvm {
namespace {

rc::Gen<std::string> ascii() {
  return rc::gen::container<std::string>(rc::gen::inRange<char>(32, 127));
}
rc::Gen<Bytes32> bytes32() {
  return rc::gen::map(
      rc::gen::container<std::vector<std::uint8_t>>(32, rc::gen::arbitrary<std::uint8_t>()),
      [](const std::vector<std::uint8_t>& v) { return Bytes32::from_span(v); });
}
rc::Gen<props::Coin> coin() {
  return rc::gen::build<props::Coin>(rc::gen::set(&props::Coin::parent, bytes32()),
                                     rc::gen::set(&props::Coin::puzzle_hash, bytes32()),
                                     rc::gen::set(&props::Coin::amount));
}

template <class T>
void round_trip(const T& v) {
  Allocator a;
  const NodePtr n = clvm::to_clvm(a, v);
  RC_ASSERT(clvm::from_clvm<T>(a, n) == v);
  RC_ASSERT(tree_hash_of(v) == tree_hash_of_node(a, n));
}

RC_GTEST_PROP(TraitsProperties, NestedContainersRoundTrip,
              (const std::vector<std::vector<std::int32_t>>& vv,
               const std::vector<std::pair<std::int64_t, std::uint16_t>>& pairs,
               const std::tuple<std::int8_t, Bytes, std::vector<bool>>& tup)) {
  round_trip(vv);
  round_trip(pairs);
  round_trip(tup);
}

RC_GTEST_PROP(TraitsProperties, StringsOptionalsVariantsRoundTrip, ()) {
  const auto strings = *rc::gen::container<std::vector<std::string>>(ascii());
  round_trip(strings);
  const auto n = *rc::gen::arbitrary<std::uint64_t>();
  // A non-zero value so that Some(x) does not encode as nil.
  round_trip(std::optional<std::uint64_t>(n == 0 ? 1 : n));
  round_trip(std::optional<std::vector<std::string>>());
  using V = std::variant<std::pair<std::int32_t, std::int32_t>, std::string>;
  round_trip(
      V(std::pair{*rc::gen::arbitrary<std::int32_t>(), *rc::gen::arbitrary<std::int32_t>()}));
  round_trip(V(*ascii()));
}

RC_GTEST_PROP(TraitsProperties, StructsRoundTrip, ()) {
  props::Spend s;
  s.coin = *coin();
  s.conditions = *rc::gen::container<std::vector<std::pair<std::int64_t, Bytes>>>(
      rc::gen::pair(rc::gen::arbitrary<std::int64_t>(), rc::gen::arbitrary<Bytes>()));
  if (*rc::gen::arbitrary<bool>()) s.note = *rc::gen::nonEmpty(ascii());
  round_trip(s);
  round_trip(props::Args{*rc::gen::arbitrary<std::int32_t>(),
                         *rc::gen::container<std::vector<std::string>>(ascii())});
  const auto program = *rc::gen::arbitrary<Bytes>();
  const props::Args args{*rc::gen::arbitrary<std::int32_t>(), {*ascii()}};
  round_trip(CurriedProgram<Bytes, props::Args>{program, args});
  // curry_tree_hash agrees with hashing the typed curried program.
  RC_ASSERT(curry_tree_hash(tree_hash_of(program), {tree_hash_of(args.a), tree_hash_of(args.b)}) ==
            tree_hash_of(CurriedProgram<Bytes, props::Args>{program, args}));
}

template <class T>
std::optional<T> decode_or_none(const Allocator& a, NodePtr n, bool strict) {
  try {
    return strict ? clvm::from_clvm<T>(canonical(a), n) : clvm::from_clvm<T>(a, n);
  } catch (const FromClvmError&) {
    return std::nullopt;
  }
}

template <class T>
void check_int_decoding(const Bytes& b) {
  Allocator a;
  const NodePtr n = a.new_atom(b);
  const Number value = number_from_bytes(b);
  const bool fits = value >= Number(std::numeric_limits<T>::min()) &&
                    value <= Number(std::numeric_limits<T>::max());
  const auto lenient = decode_or_none<T>(a, n, false);
  RC_ASSERT(lenient.has_value() == fits);
  if (lenient) RC_ASSERT(Number(*lenient) == value);
  const auto strict = decode_or_none<T>(a, n, true);
  RC_ASSERT(strict.has_value() == (fits && b == number_to_bytes(value)));
  if (strict) RC_ASSERT(*strict == *lenient);
}

RC_GTEST_PROP(TraitsProperties, IntegerDecodingAgreesWithNumberCodec, ()) {
  const auto b = *rc::gen::container<Bytes>(*rc::gen::inRange<std::size_t>(0, 13),
                                            rc::gen::elementOf(std::vector<std::uint8_t>{
                                                0x00, 0x01, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x42}));
  check_int_decoding<std::int8_t>(b);
  check_int_decoding<std::uint8_t>(b);
  check_int_decoding<std::int32_t>(b);
  check_int_decoding<std::uint32_t>(b);
  check_int_decoding<std::int64_t>(b);
  check_int_decoding<std::uint64_t>(b);
}

}  // namespace
}  // namespace clvm
