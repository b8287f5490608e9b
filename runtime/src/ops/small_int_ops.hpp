// SPDX-License-Identifier: Apache-2.0
/// \file + - logand logior logxor on exactly two inline atoms (non-negative values below 2^26)
/// under the legacy cost model, inline: the one place these operators' small case is written.
/// op_add, op_subtract (arith.cpp), op_logand, op_logior and op_logxor (bitwise.cpp) are
/// try_binary, then their general loop (general_sum, general_logic) for every other shape; the
/// evaluator calls try_binary itself before dispatching. The same cost constants (more_ops.hpp)
/// as the loops, without walking the argument list or decoding bytes. With such operands the only
/// failure is the cost check, which the loops also make before allocating the result; so the
/// error and the allocation are the same too. The fast-path tests prove try_binary equal to the
/// loops on every such shape and at every budget around the cost.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/atom.hpp>
#include <clvm/cost.hpp>

#include "ops/core_ops.hpp"
#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"

#include <cstdint>
#include <optional>

namespace clvm::ops::small {

/// The opcodes try_binary takes (eval/op_table.hpp checks them against its rows).
inline constexpr std::uint32_t kOpAdd = 16, kOpSubtract = 17, kOpLogand = 24, kOpLogior = 25,
                               kOpLogxor = 26;

/// A cost and an int64 value.
struct CostValue {
  Cost cost;
  std::int64_t value;
};

/// Requires: `op` one of kOpAdd, kOpSubtract, kOpLogand, kOpLogior, kOpLogxor; `x`, `y` inline
/// atom values. Returns {cost before the result's malloc cost, value}.
constexpr CostValue cost_and_value(std::uint32_t op, std::uint32_t x, std::uint32_t y) noexcept {
  const Cost bytes = Atom::len_for_value(x) + Atom::len_for_value(y);
  const auto u = static_cast<std::int64_t>(x), v = static_cast<std::int64_t>(y);
  const Cost arith = kArithBaseCost + 2 * kArithCostPerArg + kArithCostPerByte * bytes;
  const Cost log = kLogBaseCost + 2 * kLogCostPerArg + kLogCostPerByte * bytes;
  switch (op) {
    case kOpAdd:
      return {arith, u + v};
    case kOpSubtract:
      return {arith, u - v};
    case kOpLogand:
      return {log, u & v};
    case kOpLogior:
      return {log, u | v};
    default:
      return {log, u ^ v};
  }
}

/// Opcode `op` (as for cost_and_value) applied to `args` when that is exactly two inline atoms
/// and `flags` lacks NEW_COST_MODEL; else nullopt. Throws CostExceeded (before allocating) when
/// the cost passes `max_cost`.
inline std::optional<Reduction> try_binary(Allocator& a, std::uint32_t op, NodePtr args,
                                           Cost max_cost, Flags flags) {
  NodePtr x[2];
  if ((flags & NEW_COST_MODEL) != 0 || !exact_args<2>(a, args, x) ||
      x[0].object_type() != ObjectType::SmallAtom || x[1].object_type() != ObjectType::SmallAtom)
    return std::nullopt;
  const CostValue r = cost_and_value(op, x[0].index(), x[1].index());
  if (r.cost > max_cost) [[unlikely]]
    throw_cost_exceeded();
  const NodePtr n = new_i64(a, r.value);
  return Reduction{r.cost + static_cast<Cost>(a.atom_len(n)) * kMallocCostPerByte, n};
}

/// The general loops of + and - (arith.cpp): any arguments, both cost models, no small form
/// first. `subtract` selects -. Returns and throws as op_add / op_subtract.
Reduction general_sum(Allocator& a, NodePtr args, Cost max_cost, Flags flags, bool subtract);

/// The general loop of logand, logior or logxor (bitwise.cpp; `op` kOpLogand, kOpLogior or
/// kOpLogxor), as general_sum. Throws std::invalid_argument for any other `op`.
Reduction general_logic(Allocator& a, NodePtr args, Cost max_cost, Flags flags, std::uint32_t op);

}  // namespace clvm::ops::small
