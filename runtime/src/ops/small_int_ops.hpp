// SPDX-License-Identifier: Apache-2.0
/// \file + - logand logior logxor on exactly two inline atoms (non-negative values below 2^26)
/// under the legacy cost model, inline: the evaluator's fast path. The same cost, checks and
/// result as op_add / op_subtract (arith.cpp) and op_logand / op_logior / op_logxor
/// (bitwise.cpp), from the same cost constants (more_ops.hpp), without walking the argument list
/// or decoding bytes. With such operands the only failure is the cost check, which those
/// operators make before allocating the result, as here; so the error and the allocation are the
/// same too. The op-tests, conformance, differential and fast-path suites run both paths (the
/// general one takes every other shape).
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

/// A cost and an int64 value.
struct CostValue {
  Cost cost;
  std::int64_t value;
};

/// Requires: `op` one of 16 (+), 17 (-), 24 (logand), 25 (logior), 26 (logxor); `x`, `y` inline
/// atom values. Returns {cost before the result's malloc cost, value}.
constexpr CostValue cost_and_value(std::uint32_t op, std::uint32_t x, std::uint32_t y) noexcept {
  const Cost bytes = Atom::len_for_value(x) + Atom::len_for_value(y);
  const auto u = static_cast<std::int64_t>(x), v = static_cast<std::int64_t>(y);
  const Cost arith = kArithBaseCost + 2 * kArithCostPerArg + kArithCostPerByte * bytes;
  const Cost log = kLogBaseCost + 2 * kLogCostPerArg + kLogCostPerByte * bytes;
  switch (op) {
    case 16:
      return {arith, u + v};
    case 17:
      return {arith, u - v};
    case 24:
      return {log, u & v};
    case 25:
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

}  // namespace clvm::ops::small
