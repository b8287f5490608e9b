// SPDX-License-Identifier: Apache-2.0
/// \file The evaluator's fast path for + - logand logior logxor on exactly two inline atoms
/// (non-negative values below 2^26) under the legacy cost model: the same cost, checks and
/// result as op_add / op_subtract (arith.cpp) and op_logand / op_logior / op_logxor
/// (bitwise.cpp), without walking the argument list or decoding bytes. With such operands the
/// only failure is the cost check, which those operators make before allocating the result, as
/// here; so the error and the allocation are the same too. The op-tests, conformance and
/// differential suites run both paths (the general one takes every other shape).
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/atom.hpp>
#include <clvm/cost.hpp>

#include "ops/op_utils.hpp"

#include <cstdint>

namespace clvm::ops::small {

// clvmr's legacy constants (the same as arith.cpp's and bitwise.cpp's).
inline constexpr Cost kArithBaseCost = 99, kArithCostPerArg = 320, kArithCostPerByte = 3;
inline constexpr Cost kLogBaseCost = 100, kLogCostPerArg = 264, kLogCostPerByte = 3;

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

}  // namespace clvm::ops::small
