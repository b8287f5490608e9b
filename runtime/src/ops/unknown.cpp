// SPDX-License-Identifier: Apache-2.0
#include "ops/unknown_op.hpp"

#include "ops/op_utils.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace clvm::ops {

namespace {

// The length of argument `arg`; a pair fails as clvmr's atom_len(.., "unknown op").
Cost arg_len(const Allocator& a, NodePtr arg) {
  if (arg.is_pair())
    throw_op_arg(arg, "unknown op on list requires an atom", "unknown op requires an atom");
  return a.atom_len(arg);
}

// clvmr's checked_add / checked_mul in the cost functions: an overflow is CostExceeded.
Cost checked_add(Cost x, Cost y, NodePtr) {
  Cost r = 0;
  if (__builtin_add_overflow(x, y, &r)) throw EvalError(ErrorKind::CostExceeded);
  return r;
}

Cost checked_mul(Cost x, Cost y, NodePtr) {
  Cost r = 0;
  if (__builtin_mul_overflow(x, y, &r)) throw EvalError(ErrorKind::CostExceeded);
  return r;
}

// Function 1, legacy: 99 + sum(320 + 3 len); new model: 99 + sum(500 + 4 max(running max, len)).
Cost add_like(const Allocator& a, NodePtr op, NodePtr args, Cost max_cost, bool new_model) {
  Cost cost = 99;
  Cost bytes = 0, longest = 0;
  for (NodePtr arg : a.list(args)) {
    const Cost len = arg_len(a, arg);
    if (new_model) {
      longest = std::max(longest, len);
      cost = checked_add(cost, checked_add(500, checked_mul(4, longest, op), op), op);
      check_cost(cost, max_cost);
    } else {
      cost += 320;
      bytes += len;
      check_cost(cost + bytes * 3, max_cost);
    }
  }
  return cost + bytes * 3;
}

// Function 2: base 92 (new: 2000 + 6 len(first)), then per further argument
// 885 + 6 (l0 + l1) + l0 l1 / 128 (new: / 16), with l0 += l1 after each.
Cost mul_like(const Allocator& a, NodePtr op, NodePtr args, Cost max_cost, bool new_model) {
  Cost cost = new_model ? 2000 : 92;
  const Cost divider = new_model ? 16 : 128;
  bool first_arg = true;
  Cost l0 = 0;
  for (NodePtr arg : a.list(args)) {
    const Cost l1 = arg_len(a, arg);
    if (first_arg) {
      first_arg = false;
      l0 = l1;
      if (new_model) {
        cost = checked_add(cost, checked_mul(6, l0, op), op);
        check_cost(cost, max_cost);
      }
      continue;
    }
    Cost step = checked_add(885, checked_mul(6, checked_add(l0, l1, op), op), op);
    step = checked_add(step, checked_mul(l0, l1, op) / divider, op);
    cost = checked_add(cost, step, op);
    check_cost(cost, max_cost);
    l0 = checked_add(l0, l1, op);
  }
  return cost;
}

// Function 3: 142 + sum(135 + 3 len).
Cost concat_like(const Allocator& a, NodePtr args, Cost max_cost) {
  Cost cost = 142, bytes = 0;
  for (NodePtr arg : a.list(args)) {
    cost += 135;
    bytes += arg_len(a, arg);
    check_cost(cost + bytes * 3, max_cost);
  }
  return cost + bytes * 3;
}

}  // namespace

Reduction op_unknown(Allocator& a, NodePtr op, NodePtr args, Cost max_cost, Flags flags) {
  const Atom b = a.atom(op);
  if (b.empty() || (b.size() >= 2 && b[0] == 0xff && b[1] == 0xff))
    throw EvalError(ErrorKind::Reserved, {}, op);
  const unsigned function = b[b.size() - 1] >> 6;
  const auto multiplier = u32_from_u8(b.span().first(b.size() - 1));
  if (!multiplier) throw EvalError(ErrorKind::InvalidOperator, {}, op);
  const bool new_model = (flags & NEW_COST_MODEL) != 0;

  Cost cost = 1;
  switch (function) {
    case 1:
      cost = add_like(a, op, args, max_cost, new_model);
      break;
    case 2:
      cost = mul_like(a, op, args, max_cost, new_model);
      break;
    case 3:
      cost = concat_like(a, args, max_cost);
      break;
    default:
      break;
  }
  check_cost(cost, max_cost);
  // clvmr: checked in the new model (CostExceeded), wrapping in the legacy one.
  cost = new_model ? checked_mul(cost, Cost{*multiplier} + 1, op) : cost * (Cost{*multiplier} + 1);
  if (cost > std::numeric_limits<std::uint32_t>::max())
    throw EvalError(ErrorKind::InvalidOperator, {}, op);
  return {cost, Allocator::nil()};
}

}  // namespace clvm::ops
