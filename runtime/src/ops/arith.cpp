// SPDX-License-Identifier: Apache-2.0
// + - * > : clvmr's op_add, op_subtract, op_multiply and op_gr, with the legacy and NEW_COST_MODEL
// costs and the LIMITS caps of `*`. The order of checks (cost before or after an argument is read)
// follows clvmr: it decides which error wins when several apply.
#include <algorithm>
#include <optional>

#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"

namespace clvm::ops {
namespace {

constexpr Cost kArithBaseCost = 99;
constexpr Cost kArithCostPerArg = 320;
constexpr Cost kArithCostPerByte = 3;
constexpr Cost kNewArithCostPerArg = 500;
constexpr Cost kNewArithCostPerByte = 4;

constexpr Cost kMulBaseCost = 92;
constexpr Cost kNewMulBaseCost = 2000;
constexpr Cost kMulCostPerOp = 885;
constexpr Cost kMulLinearCostPerByte = 6;
constexpr Cost kMulSquareDivider = 128;
constexpr Cost kNewMulSquareDivider = 16;
constexpr std::size_t kLimitsMulOperandBytes = 256;
constexpr std::size_t kLimitsMulProductLimbs = 1024;

constexpr Cost kGrBaseCost = 498;
constexpr Cost kGrCostPerByte = 2;
constexpr Cost kNewGrBaseCost = 1000;
constexpr Cost kNewGrCostPerByte = 4;

bool new_costs(Flags flags) { return (flags & NEW_COST_MODEL) != 0; }
bool legacy_limits(Flags flags) { return (flags & LIMITS) != 0 && !new_costs(flags); }

// + and -: the first argument is added, the others added (+) or subtracted (-). clvmr's - checks
// the cost once more per argument, before reading it. The total stays an int64 until an argument
// longer than 8 bytes or an overflow moves it to a Number.
Reduction add_or_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags flags, bool subtract,
                          std::string_view name) {
  const bool new_model = new_costs(flags);
  Cost cost = kArithBaseCost;
  std::int64_t small_total = 0;
  std::optional<Number> big;
  bool is_first = true;
  for (NodePtr arg : a.list(args)) {
    cost += new_model ? kNewArithCostPerArg : kArithCostPerArg;
    if (subtract && !new_model) check_cost(cost, max_cost);
    std::size_t len = 0;
    const std::optional<std::int64_t> v = small_int_atom(a, arg, name, len);
    if (new_model) {
      const Cost acc_limbs = big ? limbs_for_int(*big) : limbs_for_i64(small_total);
      cost += kNewArithCostPerByte * std::max<Cost>(acc_limbs, len);
    } else {
      cost += kArithCostPerByte * len;
    }
    check_cost(cost, max_cost);
    const bool minus = subtract && !is_first;
    is_first = false;
    if (!big && v) {
      std::int64_t r = 0;
      const bool overflow = minus ? __builtin_sub_overflow(small_total, *v, &r)
                                  : __builtin_add_overflow(small_total, *v, &r);
      if (!overflow) {
        small_total = r;
        continue;
      }
    }
    if (!big) big = Number(small_total);
    const Number value = v ? Number(*v) : a.number(arg);
    if (minus) {
      *big -= value;
    } else {
      *big += value;
    }
  }
  return malloc_cost(a, cost, big ? a.new_number(*big) : new_i64(a, small_total));
}

}  // namespace

Reduction op_add(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  return add_or_subtract(a, args, max_cost, flags, false, "+");
}

Reduction op_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  return add_or_subtract(a, args, max_cost, flags, true, "-");
}

Reduction op_multiply(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool new_model = new_costs(flags);
  const bool limits = legacy_limits(flags);
  const Cost divider = new_model ? kNewMulSquareDivider : kMulSquareDivider;
  Cost cost = new_model ? kNewMulBaseCost : kMulBaseCost;
  // The product stays an int64 until an operand longer than 8 bytes or an overflow.
  std::int64_t small_total = 1;
  std::optional<Number> big;
  Cost l0 = 0;
  bool is_first = true;
  for (NodePtr arg : a.list(args)) {
    check_cost(cost, max_cost);
    std::size_t len = 0;
    const std::optional<std::int64_t> v = small_int_atom(a, arg, "*", len);
    if (limits && len > kLimitsMulOperandBytes) throw_op_arg(arg, "*");
    if (is_first) {
      if (v) {
        small_total = *v;
      } else {
        big = a.number(arg);
      }
      l0 = len;
      if (new_model) cost += kMulLinearCostPerByte * l0;
      is_first = false;
      continue;
    }
    const Cost l1 = len;
    cost += kMulCostPerOp + (l0 + l1) * kMulLinearCostPerByte + (l0 * l1) / divider;
    // Not in clvmr, which multiplies first: the outcome is the same (this cost already fails the
    // operator), but a product that cannot be paid for is never computed.
    check_cost(cost, max_cost);
    std::int64_t r = 0;
    if (!big && v && !__builtin_mul_overflow(small_total, *v, &r)) {
      small_total = r;
      l0 = limbs_for_i64(r);
      continue;
    }
    if (!big) big = Number(small_total);
    *big *= v ? Number(*v) : a.number(arg);
    l0 = limbs_for_int(*big);
    if (limits && l0 > kLimitsMulProductLimbs) throw_op_arg(arg, "*");
  }
  return malloc_cost(a, cost, big ? a.new_number(*big) : new_i64(a, small_total));
}

Reduction op_gr(Allocator& a, NodePtr args, Cost, Flags flags) {
  const auto [n0, n1] = get_args<2>(a, args, ">");
  std::size_t l0 = 0, l1 = 0;
  const std::optional<std::int64_t> s0 = small_int_atom(a, n0, ">", l0);
  const std::optional<std::int64_t> s1 = small_int_atom(a, n1, ">", l1);
  const Cost bytes = l0 + l1;
  const Cost cost = new_costs(flags) ? kNewGrBaseCost + kNewGrCostPerByte * bytes
                                     : kGrBaseCost + kGrCostPerByte * bytes;
  const bool greater = (s0 && s1) ? *s0 > *s1 : a.number(n0) > a.number(n1);
  return {cost, greater ? Allocator::one() : Allocator::nil()};
}

}  // namespace clvm::ops
