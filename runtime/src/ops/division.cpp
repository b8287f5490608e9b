// SPDX-License-Identifier: Apache-2.0
// / divmod % modpow: clvmr's op_div, op_divmod, op_mod and op_modpow. Division floors (the
// remainder takes the divisor's sign). Order as in clvmr: arity, integer arguments, DISABLE_OP and
// LIMITS caps, cost check, then division by zero.
#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"

#include <limits>
#include <optional>

namespace clvm::ops {
namespace {

constexpr Cost kDivBaseCost = 988;
constexpr Cost kDivCostPerByte = 4;
constexpr Cost kDivmodBaseCost = 1116;
constexpr Cost kDivmodCostPerByte = 6;
constexpr Cost kNewDivBaseCost = 1000;
constexpr Cost kNewDivCostPerByte = 50;
constexpr Cost kNewDivSquareDivider = 10;
constexpr std::size_t kDisableOpDividendBytes = 2048;
constexpr std::size_t kLimitsDividendBytes = 256;
constexpr std::size_t kLimitsDivisorBytes = 1024;

constexpr Cost kModpowBaseCost = 17000;
constexpr Cost kModpowCostPerBaseByte = 38;
constexpr Cost kModpowCostPerExponentByteSq = 3;
constexpr Cost kModpowCostPerModulusByteSq = 21;
constexpr Cost kNewModpowExponentFactor = 8;
constexpr Cost kNewModpowModulusConstant = 4000;
constexpr std::size_t kLimitsModpowBytes = 256;

bool new_costs(Flags flags) { return (flags & NEW_COST_MODEL) != 0; }

enum class DivKind { Div, Divmod, Mod };

// The quotient and/or remainder nodes of /, divmod or % and the cost so far (before malloc).
struct DivResult {
  Cost cost = 0;
  NodePtr q, r;
};

// Floor division of `n` by `d`: q = floor(n / d), r = n - q·d (sign of d). Requires: d != 0.
template <class T>
void floor_adjust(const T& d, T& q, T& r) {
  if (r != 0 && (r < 0) != (d < 0)) {
    q -= 1;
    r += d;
  }
}

// Reads and checks the operands (arity, integers, DISABLE_OP and LIMITS caps, cost, zero divisor,
// in clvmr's order), then divides; makes the quotient unless `kind` is Mod and the remainder
// unless it is Div (quotient first). Operands of at most 8 bytes divide as int64s.
DivResult divide(Allocator& a, NodePtr args, Cost max_cost, Flags flags, DivKind kind,
                 std::string_view name, std::string_view short_name) {
  // clvmr names % "mod" in its texts (short_name); / and divmod by their own names.
  const std::string_view clvmr_name = kind == DivKind::Mod ? short_name : name;
  const auto [v0, v1] = get_args<2>(a, args, name, clvmr_name);
  std::size_t len0 = 0, len1 = 0;
  const std::optional<std::int64_t> s0 = small_int_atom(a, v0, name, len0, clvmr_name);
  const std::optional<std::int64_t> s1 = small_int_atom(a, v1, name, len1, clvmr_name);
  const Cost l0 = len0, l1 = len1;
  DivResult out;
  if (new_costs(flags)) {
    out.cost = kNewDivBaseCost + (l0 + l1) * kNewDivCostPerByte + (l0 * l1) / kNewDivSquareDivider;
  } else {
    if ((flags & DISABLE_OP) != 0 && len0 > kDisableOpDividendBytes)
      throw_op_arg(args, std::string(short_name));  // clvmr: "div", "divmod", "mod"
    if ((flags & LIMITS) != 0 && (len0 > kLimitsDividendBytes || len1 > kLimitsDivisorBytes))
      throw_op_arg(args, std::string(short_name));
    out.cost = kind == DivKind::Divmod ? kDivmodBaseCost + (l0 + l1) * kDivmodCostPerByte
                                       : kDivBaseCost + (l0 + l1) * kDivCostPerByte;
  }
  check_cost(out.cost, max_cost);
  const bool zero = s1 ? *s1 == 0 : a.number(v1).sign() == 0;
  if (zero) throw EvalError(ErrorKind::DivisionByZero, fmt::format("{} with 0", short_name), args);
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  if (s0 && s1 && !(*s0 == kMin && *s1 == -1)) {
    std::int64_t q = *s0 / *s1, r = *s0 % *s1;
    floor_adjust(*s1, q, r);
    if (kind != DivKind::Mod) out.q = new_i64(a, q);
    if (kind != DivKind::Div) out.r = new_i64(a, r);
    return out;
  }
  const Number n = a.number(v0), d = a.number(v1);
  Number q, r;
  boost::multiprecision::divide_qr(n, d, q, r);  // truncating
  floor_adjust(d, q, r);
  if (kind != DivKind::Mod) out.q = a.new_number(q);
  if (kind != DivKind::Div) out.r = a.new_number(r);
  return out;
}

}  // namespace

Reduction op_div(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const DivResult d = divide(a, args, max_cost, flags, DivKind::Div, "/", "div");
  return malloc_cost(a, d.cost, d.q);
}

Reduction op_divmod(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const DivResult d = divide(a, args, max_cost, flags, DivKind::Divmod, "divmod", "divmod");
  const Cost cost =
      d.cost + static_cast<Cost>(a.atom_len(d.q) + a.atom_len(d.r)) * kMallocCostPerByte;
  return {cost, a.new_pair(d.q, d.r)};
}

Reduction op_mod(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const DivResult d = divide(a, args, max_cost, flags, DivKind::Mod, "%", "mod");
  return malloc_cost(a, d.cost, d.r);
}

Reduction op_modpow(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool new_model = new_costs(flags);
  if ((flags & DISABLE_OP) != 0 && !new_model) throw EvalError(ErrorKind::Unimplemented, {}, args);
  const auto [nb, ne, nm] = get_args<3>(a, args, "modpow");
  // As clvmr: all three arguments are read, then the cost is computed and checked, then the
  // LIMITS caps, the exponent's sign and the modulus.
  const IntArg base = int_atom(a, nb, "modpow");
  const IntArg exponent = int_atom(a, ne, "modpow");
  const IntArg modulus = int_atom(a, nm, "modpow");
  const Cost lb = base.len, le = exponent.len, lm = modulus.len;
  Cost cost = kModpowBaseCost;
  if (new_model) {
    const Cost per_exponent_byte = sat_add(sat_mul(lm, lm), kNewModpowModulusConstant);
    cost = sat_add(cost, sat_add(sat_mul(sat_mul(kNewModpowExponentFactor, le), per_exponent_byte),
                                 sat_mul(lb, lm)));
  } else {
    cost = sat_add(cost, sat_add(lb * kModpowCostPerBaseByte,
                                 sat_mul(sat_mul(le, le), kModpowCostPerExponentByteSq)));
    cost = sat_add(cost, sat_mul(sat_mul(lm, lm), kModpowCostPerModulusByteSq));
  }
  check_cost(cost, max_cost);
  if ((flags & LIMITS) != 0 && !new_model &&
      (base.len > kLimitsModpowBytes || exponent.len > kLimitsModpowBytes ||
       modulus.len > kLimitsModpowBytes))
    throw_op_arg(args, "modpow");
  if (exponent.value.sign() < 0)
    throw_op_arg(args, "ModPow with negative exponent", "ModPow with Negative Exponent");
  if (modulus.value.sign() == 0)
    throw EvalError(ErrorKind::DivisionByZero, "ModPow with 0 modulus", args);
  const Number m = boost::multiprecision::abs(modulus.value);
  Number b = base.value % m;  // truncating: into (-m, m)
  if (b.sign() < 0) b += m;
  Number r = m == 1 ? Number(0) : Number(boost::multiprecision::powm(b, exponent.value, m));
  if (modulus.value.sign() < 0 && r.sign() != 0) r -= m;
  return malloc_cost(a, cost, a.new_number(r));
}

}  // namespace clvm::ops
