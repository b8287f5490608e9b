// SPDX-License-Identifier: Apache-2.0
// The BLS12-381 operators: clvmr's op_point_add, op_pubkey_for_exp (more_ops.rs) and bls_ops.rs.
// The order of argument reads and cost checks follows clvmr, since it decides which error wins
// when several apply (and whether CostExceeded comes before a bad argument).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <type_traits>
#include <vector>

#include "crypto/bls.hpp"
#include "ops/crypto_ops.hpp"
#include "ops/op_utils.hpp"

namespace clvm::ops {
namespace {

namespace bls = crypto::bls;

// point_add and g1_subtract (same cost).
constexpr Cost kG1AddBaseCost = 101094;
constexpr Cost kG1AddCostPerArg = 1343980;

constexpr Cost kPubkeyBaseCost = 1325730;
constexpr Cost kPubkeyCostPerByte = 38;

constexpr Cost kG1MultiplyBaseCost = 705500;
constexpr Cost kG1MultiplyCostPerByte = 10;
constexpr Cost kNewG1MultiplyBaseCost = 1900000;
constexpr Cost kNewG1MultiplyCostPerByte = 24;

// negate: the cost of flipping a bit, the result's malloc added separately.
constexpr Cost kG1NegateBaseCost = 1396 - 480;
constexpr Cost kG2NegateBaseCost = 2164 - 960;

// g2_add and g2_subtract.
constexpr Cost kG2AddBaseCost = 80000;
constexpr Cost kG2AddCostPerArg = 1950000;

constexpr Cost kG2MultiplyBaseCost = 2100000;
constexpr Cost kG2MultiplyCostPerByte = 5;
constexpr Cost kNewG2MultiplyBaseCost = 3000000;
constexpr Cost kNewG2MultiplyCostPerByte = 23;

constexpr Cost kMapToG1BaseCost = 195000;
constexpr Cost kMapToG1CostPerByte = 4;
constexpr Cost kMapToG1CostPerDstByte = 4;
constexpr Cost kNewMapToG1BaseCost = 700000;
constexpr Cost kNewMapToG1CostPerByte = 3;
constexpr Cost kNewMapToG1CostPerDstByte = 2;

constexpr Cost kMapToG2BaseCost = 815000;
constexpr Cost kMapToG2CostPerByte = 4;
constexpr Cost kMapToG2CostPerDstByte = 4;
constexpr Cost kNewMapToG2BaseCost = 2700000;
constexpr Cost kNewMapToG2CostPerByte = 3;
constexpr Cost kNewMapToG2CostPerDstByte = 2;

// bls_pairing_identity and bls_verify (verify adds g2_map's per-byte costs for each message and
// its 43-byte tag).
constexpr Cost kPairingBaseCost = 3000000;
constexpr Cost kPairingCostPerArg = 1200000;
constexpr Cost kNewPairingBaseCost = 1000000;
constexpr Cost kNewPairingCostPerArg = 5000000;

// LIMITS (legacy model only): the longest multiplier g1/g2_multiply accept.
constexpr std::size_t kLimitsScalarBytes = 1024;

bool new_costs(Flags flags) { return (flags & NEW_COST_MODEL) != 0; }

std::span<const std::uint8_t> as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// clvmr's Allocator::g1 / g2: the argument as a validated point.
template <class Point, std::size_t Size>
Point read_point(const Allocator& a, NodePtr n, std::string_view group) {
  // clvmr's texts are ours (with its "InvalidAllocatorArg: " prefix).
  auto fail = [n](std::string text) {
    const std::string detail = text;
    throw_detailed(ErrorKind::InvalidAllocArg, n, std::move(text), detail);
  };
  if (n.is_pair()) fail(fmt::format("pair found, expected {} point", group));
  const Atom bytes = a.atom(n);
  if (bytes.size() != Size) fail(fmt::format("atom is not {} size, {} bytes", group, Size));
  auto p = Point::from_bytes(bytes.span());
  if (!p) fail(fmt::format("atom is not a {} point", group));
  return *p;
}

bls::G1 read_g1(const Allocator& a, NodePtr n) {
  return read_point<bls::G1, bls::kG1Size>(a, n, "G1");
}
bls::G2 read_g2(const Allocator& a, NodePtr n) {
  return read_point<bls::G2, bls::kG2Size>(a, n, "G2");
}

Reduction new_g1(Allocator& a, Cost cost, const bls::G1& p) {
  const auto bytes = p.to_bytes();
  return new_atom_and_cost(a, cost, bytes);
}
Reduction new_g2(Allocator& a, Cost cost, const bls::G2& p) {
  const auto bytes = p.to_bytes();
  return new_atom_and_cost(a, cost, bytes);
}

// The scalar argument `n` of g1/g2_multiply (argument list `args`): its cost is charged per raw
// byte before the product. As clvmr: read (a pair fails), then the LIMITS cap (legacy model:
// more than 1024 bytes is InvalidOpArg naming the argument list, clvmr's text the operator's
// name), then the cost.
bls::Scalar read_scalar(const Allocator& a, NodePtr args, NodePtr n, std::string_view name,
                        Flags flags, Cost& cost, Cost per_byte, Cost max_cost) {
  if (n.is_pair()) throw_op_arg(n, fmt::format("Requires Int Argument: {}", name));
  const Atom k = a.atom(n);
  if ((flags & LIMITS) != 0 && !new_costs(flags) && k.size() > kLimitsScalarBytes) {
    throw_op_arg(args, fmt::format("{}: scalar too large", name), name);
  }
  cost = sat_add(cost, sat_mul(static_cast<Cost>(k.size()), per_byte));
  check_cost(cost, max_cost);
  return bls::scalar_from_int(k.span());
}

// g1_subtract / g2_subtract / g2_add: base cost checked first, then per argument.
template <class Point>
Reduction fold_points(Allocator& a, NodePtr args, Cost max_cost, Cost base, Cost per_arg,
                      bool subtract) {
  Cost cost = base;
  check_cost(cost, max_cost);
  Point total;
  bool first_arg = true;
  for (auto next = a.next(args); next; next = a.next(next->rest)) {
    Point p;
    if constexpr (std::is_same_v<Point, bls::G1>) {
      p = read_g1(a, next->first);
    } else {
      p = read_g2(a, next->first);
    }
    cost += per_arg;
    check_cost(cost, max_cost);
    if (subtract && !first_arg) {
      total -= p;
    } else {
      total += p;  // the first argument (infinity + P = P)
    }
    first_arg = false;
  }
  if constexpr (std::is_same_v<Point, bls::G1>) {
    return new_g1(a, cost, total);
  } else {
    return new_g2(a, cost, total);
  }
}

// g1_negate / g2_negate. The cost is fixed (no check); max_cost is not consulted, as in clvmr.
template <class Point, std::size_t Size>
Reduction negate(Allocator& a, NodePtr args, Flags flags, std::string_view name,
                 std::string_view group, Cost base) {
  const auto [point] = get_args<1>(a, args, name);
  const bool strict = (flags & RELAXED_BLS) == 0;
  if (point.is_pair())
    throw_op_arg(point, fmt::format("{} atom on list", group),
                 fmt::format("{} atom used on list", group));
  const Atom blob = a.atom(point);
  if (blob.size() != Size) {
    throw_op_arg(point, Size == bls::kG1Size ? "atom is not a G1 size, 48 bytes"
                                             : "atom is not G2 size, 96 bytes");
  }
  if (strict && !Point::from_bytes(blob.span())) {
    throw_op_arg(point, fmt::format("atom is not a {} point", group));
  }
  if ((blob[0] & 0xe0) == 0xc0) {
    // Infinity: negation is a no-op, the argument itself is returned (its malloc still charged).
    return {base + Size * kMallocCostPerByte, point};
  }
  std::array<std::uint8_t, Size> out;
  std::copy(blob.begin(), blob.end(), out.begin());
  out[0] ^= 0x20;
  return new_atom_and_cost(a, base, out);
}

// g1_map / g2_map. g1_map checks the cost after the message; g2_map only after the tag.
template <class Point>
Reduction map_to_curve(Allocator& a, NodePtr args, Cost max_cost, Flags flags,
                       std::string_view name, std::string_view default_dst, Cost base,
                       Cost per_byte, Cost per_dst_byte, bool check_after_msg) {
  const auto va = get_varargs<2>(a, args, name);
  if (va.count < 1)
    throw_op_arg(args, fmt::format("{} takes exactly 1 or 2 arguments, got {}", name, va.count));
  (void)flags;
  Cost cost = base;
  check_cost(cost, max_cost);
  const Atom msg = atom(a, va.items[0], name);
  cost = sat_add(cost, sat_mul(static_cast<Cost>(msg.size()), per_byte));
  if (check_after_msg) check_cost(cost, max_cost);
  Atom dst = va.count == 2 ? atom(a, va.items[1], name) : Atom(as_bytes(default_dst));
  cost = sat_add(cost, sat_mul(static_cast<Cost>(dst.size()), per_dst_byte));
  check_cost(cost, max_cost);
  const Point p = Point::hash_to_curve(msg.span(), dst.span());
  if constexpr (std::is_same_v<Point, bls::G1>) {
    return new_g1(a, cost, p);
  } else {
    return new_g2(a, cost, p);
  }
}

}  // namespace

Reduction op_point_add(Allocator& a, NodePtr args, Cost max_cost, Flags /*flags*/) {
  // Unlike g1_subtract, clvmr does not check the base cost before the first argument.
  Cost cost = kG1AddBaseCost;
  bls::G1 total;
  for (auto next = a.next(args); next; next = a.next(next->rest)) {
    const bls::G1 p = read_g1(a, next->first);
    cost += kG1AddCostPerArg;
    check_cost(cost, max_cost);
    total += p;
  }
  return new_g1(a, cost, total);
}

Reduction op_pubkey_for_exp(Allocator& a, NodePtr args, Cost max_cost, Flags /*flags*/) {
  const auto [n] = get_args<1>(a, args, "pubkey_for_exp");
  if (n.is_pair()) throw_op_arg(n, "Requires Int Argument: pubkey_for_exp");
  const Atom k = a.atom(n);
  const Cost cost = kPubkeyBaseCost + static_cast<Cost>(k.size()) * kPubkeyCostPerByte;
  check_cost(cost, max_cost);  // as clvmr, before the multiplication
  bls::G1 p = bls::G1::generator();
  p.multiply(bls::scalar_from_int(k.span()));
  return new_g1(a, cost, p);
}

Reduction op_bls_g1_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags /*flags*/) {
  return fold_points<bls::G1>(a, args, max_cost, kG1AddBaseCost, kG1AddCostPerArg, true);
}

Reduction op_bls_g1_multiply(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const auto [point, scalar] = get_args<2>(a, args, "g1_multiply");
  const bool nm = new_costs(flags);
  Cost cost = nm ? kNewG1MultiplyBaseCost : kG1MultiplyBaseCost;
  check_cost(cost, max_cost);
  bls::G1 p = read_g1(a, point);
  const bls::Scalar k =
      read_scalar(a, args, scalar, "g1_multiply", flags, cost,
                  nm ? kNewG1MultiplyCostPerByte : kG1MultiplyCostPerByte, max_cost);
  p.multiply(k);
  return new_g1(a, cost, p);
}

Reduction op_bls_g1_negate(Allocator& a, NodePtr args, Cost /*max_cost*/, Flags flags) {
  return negate<bls::G1, bls::kG1Size>(a, args, flags, "g1_negate", "G1", kG1NegateBaseCost);
}

Reduction op_bls_g2_add(Allocator& a, NodePtr args, Cost max_cost, Flags /*flags*/) {
  return fold_points<bls::G2>(a, args, max_cost, kG2AddBaseCost, kG2AddCostPerArg, false);
}

Reduction op_bls_g2_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags /*flags*/) {
  return fold_points<bls::G2>(a, args, max_cost, kG2AddBaseCost, kG2AddCostPerArg, true);
}

Reduction op_bls_g2_multiply(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const auto [point, scalar] = get_args<2>(a, args, "g2_multiply");
  const bool nm = new_costs(flags);
  Cost cost = nm ? kNewG2MultiplyBaseCost : kG2MultiplyBaseCost;
  check_cost(cost, max_cost);
  bls::G2 p = read_g2(a, point);
  const bls::Scalar k =
      read_scalar(a, args, scalar, "g2_multiply", flags, cost,
                  nm ? kNewG2MultiplyCostPerByte : kG2MultiplyCostPerByte, max_cost);
  p.multiply(k);
  return new_g2(a, cost, p);
}

Reduction op_bls_g2_negate(Allocator& a, NodePtr args, Cost /*max_cost*/, Flags flags) {
  return negate<bls::G2, bls::kG2Size>(a, args, flags, "g2_negate", "G2", kG2NegateBaseCost);
}

Reduction op_bls_map_to_g1(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool nm = new_costs(flags);
  return map_to_curve<bls::G1>(a, args, max_cost, flags, "g1_map", bls::kDstG1,
                               nm ? kNewMapToG1BaseCost : kMapToG1BaseCost,
                               nm ? kNewMapToG1CostPerByte : kMapToG1CostPerByte,
                               nm ? kNewMapToG1CostPerDstByte : kMapToG1CostPerDstByte, true);
}

Reduction op_bls_map_to_g2(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool nm = new_costs(flags);
  return map_to_curve<bls::G2>(a, args, max_cost, flags, "g2_map", bls::kDstG2,
                               nm ? kNewMapToG2BaseCost : kMapToG2BaseCost,
                               nm ? kNewMapToG2CostPerByte : kMapToG2CostPerByte,
                               nm ? kNewMapToG2CostPerDstByte : kMapToG2CostPerDstByte, false);
}

Reduction op_bls_pairing_identity(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool nm = new_costs(flags);
  const Cost per_pair = nm ? kNewPairingCostPerArg : kPairingCostPerArg;
  Cost cost = nm ? kNewPairingBaseCost : kPairingBaseCost;
  check_cost(cost, max_cost);
  std::vector<std::pair<bls::G1, bls::G2>> pairs;
  NodePtr rest_args = args;
  while (!nilp(a, rest_args)) {
    cost += per_pair;
    check_cost(cost, max_cost);
    const bls::G1 p = read_g1(a, first(a, rest_args));
    rest_args = rest(a, rest_args);
    const bls::G2 q = read_g2(a, first(a, rest_args));
    rest_args = rest(a, rest_args);
    pairs.emplace_back(p, q);
  }
  if (!bls::pairing_identity(pairs))
    throw EvalError(ErrorKind::BlsPairingIdentityFailed, "bls_pairing_identity failed", args);
  return {cost, Allocator::nil()};
}

Reduction op_bls_verify(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool nm = new_costs(flags);
  const Cost per_pair = nm ? kNewPairingCostPerArg : kPairingCostPerArg;
  const Cost per_msg_byte = nm ? kNewMapToG2CostPerByte : kMapToG2CostPerByte;
  const Cost dst_cost = static_cast<Cost>(bls::kDstG2.size()) *
                        (nm ? kNewMapToG2CostPerDstByte : kMapToG2CostPerDstByte);
  Cost cost = nm ? kNewPairingBaseCost : kPairingBaseCost;
  check_cost(cost, max_cost);

  const bls::G2 signature = read_g2(a, first(a, args));
  NodePtr rest_args = rest(a, args);
  std::vector<bls::G1> keys;
  std::vector<Atom> messages;  // Atom values keep small atoms' inline bytes alive
  while (!nilp(a, rest_args)) {
    const bls::G1 pk = read_g1(a, first(a, rest_args));
    rest_args = rest(a, rest_args);
    const Atom msg = atom(a, first(a, rest_args), "bls_verify message");
    rest_args = rest(a, rest_args);
    cost = sat_add(cost, per_pair);
    cost = sat_add(cost, sat_mul(static_cast<Cost>(msg.size()), per_msg_byte));
    cost = sat_add(cost, dst_cost);
    check_cost(cost, max_cost);
    keys.push_back(pk);
    messages.push_back(msg);
  }
  std::vector<bls::PkMessage> items;
  items.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) items.push_back({keys[i], messages[i].span()});
  if (!bls::aggregate_verify(signature, items))
    throw EvalError(ErrorKind::BlsVerifyFailed, "bls_verify failed", args);
  return {cost, Allocator::nil()};
}

}  // namespace clvm::ops
