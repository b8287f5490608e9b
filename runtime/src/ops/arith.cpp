// SPDX-License-Identifier: Apache-2.0
// + - * > : clvmr's op_add, op_subtract, op_multiply and op_gr, with the legacy and NEW_COST_MODEL
// costs and the LIMITS caps of `*`. The order of checks (cost before or after an argument is read)
// follows clvmr: it decides which error wins when several apply.
#include <algorithm>

#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"
#include "ops/small_int_ops.hpp"

namespace clvm::ops {
namespace {

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

// One argument of + / -: the per-argument cost, checked here by - in both cost models (before
// the argument is read, as clvmr's op_subtract does; its op_add reads the argument first).
Cost sum_arg_base(Cost cost, Cost max_cost, bool new_model, bool subtract) {
  cost += new_model ? kNewArithCostPerArg : kArithCostPerArg;
  if (subtract) check_cost(cost, max_cost);
  return cost;
}

// One argument of + / -, once read: its byte cost (new model: by the larger of the argument and
// the total before it, `acc_limbs`), checked.
Cost sum_arg_bytes(Cost cost, Cost max_cost, bool new_model, std::size_t acc_limbs,
                   std::size_t len) {
  cost +=
      new_model ? kNewArithCostPerByte * std::max<Cost>(acc_limbs, len) : kArithCostPerByte * len;
  check_cost(cost, max_cost);
  return cost;
}

// The rest of + / - once the total leaves int64: `total` ± `v` (already charged; `minus` says
// which), then the arguments in `rest` (all subtracted for -).
[[gnu::noinline]] Reduction add_or_subtract_wide(Allocator& a, NodePtr rest, Cost cost,
                                                 Cost max_cost, Flags flags, bool subtract,
                                                 std::string_view name, std::int64_t total,
                                                 const IntOperand& v, bool minus) {
  const bool new_model = new_costs(flags);
  WideInt wide, operand;
  wide.set_i64(total);
  load_operand(operand, v);
  wide.add(operand, minus);
  for (NodePtr arg : a.list(rest)) {
    cost = sum_arg_base(cost, max_cost, new_model, subtract);
    const IntOperand w = int_operand(a, arg, name);
    cost = sum_arg_bytes(cost, max_cost, new_model, new_model ? wide.magnitude_len() : 0, w.len);
    load_operand(operand, w);
    wide.add(operand, subtract);
  }
  return malloc_cost(a, cost, new_wide_atom(a, wide));
}

// + and -: the first argument is added, the others added (+) or subtracted (-). The total stays an
// int64 until an argument longer than 8 bytes or an overflow hands over to add_or_subtract_wide.
Reduction add_or_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags flags, bool subtract,
                          std::string_view name) {
  const bool new_model = new_costs(flags);
  Cost cost = kArithBaseCost;
  std::int64_t total = 0;
  bool is_first = true;
  NodePtr next = args;
  while (next.is_pair()) {
    const Pair p = a.pair(next);
    next = p.rest;
    cost = sum_arg_base(cost, max_cost, new_model, subtract);
    const IntOperand v = int_operand(a, p.first, name);
    cost = sum_arg_bytes(cost, max_cost, new_model, limbs_for_i64(total), v.len);
    const bool minus = subtract && !is_first;
    is_first = false;
    std::int64_t r = 0;
    if (!v.small || (minus ? __builtin_sub_overflow(total, v.value, &r)
                           : __builtin_add_overflow(total, v.value, &r))) [[unlikely]]
      return add_or_subtract_wide(a, next, cost, max_cost, flags, subtract, name, total, v, minus);
    total = r;
  }
  return malloc_cost(a, cost, new_i64(a, total));
}

// The rest of * once the product leaves int64: the product is `v` when it is the first argument,
// else `product` · `v` (argument `arg`, already charged); then the arguments in `rest`.
[[gnu::noinline]] Reduction multiply_wide(Allocator& a, NodePtr rest, Cost cost, Cost max_cost,
                                          Flags flags, std::int64_t product, bool first,
                                          const IntOperand& v, NodePtr arg) {
  const bool new_model = new_costs(flags);
  const bool limits = legacy_limits(flags);
  const Cost divider = new_model ? kNewMulSquareDivider : kMulSquareDivider;
  WideInt wide, operand;
  Cost l0 = v.len;
  if (first) {
    load_operand(wide, v);
  } else {
    wide.set_i64(product);
    load_operand(operand, v);
    wide.mul(operand);
    l0 = wide.magnitude_len();
    if (limits && l0 > kLimitsMulProductLimbs) throw_op_arg(arg, "*");
  }
  for (NodePtr next : a.list(rest)) {
    const IntOperand w = int_operand(a, next, "*");
    if (limits && w.len > kLimitsMulOperandBytes) throw_op_arg(next, "*");
    const Cost l1 = w.len;
    cost += kMulCostPerOp + (l0 + l1) * kMulLinearCostPerByte + (l0 * l1) / divider;
    check_cost(cost, max_cost);
    load_operand(operand, w);
    wide.mul(operand);
    l0 = wide.magnitude_len();
    if (limits && l0 > kLimitsMulProductLimbs) throw_op_arg(next, "*");
  }
  return malloc_cost(a, cost, new_wide_atom(a, wide));
}

}  // namespace

Reduction small::general_sum(Allocator& a, NodePtr args, Cost max_cost, Flags flags,
                             bool subtract) {
  return add_or_subtract(a, args, max_cost, flags, subtract, subtract ? "-" : "+");
}

Reduction op_add(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  if (const auto r = small::try_binary(a, small::kOpAdd, args, max_cost, flags)) return *r;
  return add_or_subtract(a, args, max_cost, flags, false, "+");
}

Reduction op_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  if (const auto r = small::try_binary(a, small::kOpSubtract, args, max_cost, flags)) return *r;
  return add_or_subtract(a, args, max_cost, flags, true, "-");
}

// The product stays an int64 until an operand longer than 8 bytes or an overflow hands over to
// multiply_wide.
Reduction op_multiply(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool new_model = new_costs(flags);
  const bool limits = legacy_limits(flags);
  const Cost divider = new_model ? kNewMulSquareDivider : kMulSquareDivider;
  Cost cost = new_model ? kNewMulBaseCost : kMulBaseCost;
  std::int64_t product = 1;
  Cost l0 = 0;
  bool is_first = true;
  NodePtr next = args;
  while (next.is_pair()) {
    const Pair p = a.pair(next);
    next = p.rest;
    // As clvmr: the argument is read (a pair fails at once) before its cost is checked; the first
    // one is charged (and checked) only in the new model.
    const IntOperand v = int_operand(a, p.first, "*");
    if (limits && v.len > kLimitsMulOperandBytes) throw_op_arg(p.first, "*");
    if (is_first) {
      l0 = v.len;
      if (new_model) {
        cost += kMulLinearCostPerByte * l0;
        check_cost(cost, max_cost);
      }
      if (!v.small) [[unlikely]]
        return multiply_wide(a, next, cost, max_cost, flags, product, true, v, p.first);
      product = v.value;
      is_first = false;
      continue;
    }
    const Cost l1 = v.len;
    cost += kMulCostPerOp + (l0 + l1) * kMulLinearCostPerByte + (l0 * l1) / divider;
    check_cost(cost, max_cost);
    std::int64_t r = 0;
    if (!v.small || __builtin_mul_overflow(product, v.value, &r)) [[unlikely]]
      return multiply_wide(a, next, cost, max_cost, flags, product, false, v, p.first);
    product = r;
    l0 = limbs_for_i64(r);
  }
  return malloc_cost(a, cost, new_i64(a, product));
}

Reduction op_gr(Allocator& a, NodePtr args, Cost, Flags flags) {
  const auto [n0, n1] = get_args<2>(a, args, ">");
  const IntOperand v0 = int_operand(a, n0, ">");
  const IntOperand v1 = int_operand(a, n1, ">");
  const Cost bytes = v0.len + v1.len;
  const Cost cost = new_costs(flags) ? kNewGrBaseCost + kNewGrCostPerByte * bytes
                                     : kGrBaseCost + kGrCostPerByte * bytes;
  bool greater = false;
  if (v0.small && v1.small) {
    greater = v0.value > v1.value;
  } else {
    WideInt w0, w1;
    load_operand(w0, v0);
    load_operand(w1, v1);
    greater = compare(w0, w1) > 0;
  }
  return {cost, greater ? Allocator::one() : Allocator::nil()};
}

}  // namespace clvm::ops
