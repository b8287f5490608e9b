// SPDX-License-Identifier: Apache-2.0
/// \file Reading the arguments of `softfork` (cost ext prog env), clvmr's rules.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>
#include <clvm/dialect.hpp>

#include <optional>

namespace clvm::eval {

/// Nesting allowed under LIMIT_SOFTFORK.
inline constexpr std::size_t kMaxSoftforkDepth = 20;

/// The specified cost of `(softfork cost ...)`: the first argument as a u64 (CANONICAL_INTS
/// applies). Throws EvalError: InvalidOpArg for a bad atom, FirstOfNonCons for no arguments,
/// CostExceeded if it is 0 or above `budget` (the cost still available).
Cost softfork_cost(const Allocator& a, const ChiaDialect& d, NodePtr args, Cost budget);

/// A softfork's program, environment and the operator set of its extension.
struct SoftforkCall {
  OperatorSet set;
  NodePtr program;
  NodePtr env;
};

/// The rest of the arguments: exactly 4, extension a u32 the dialect knows. Returns nullopt when
/// they are bad and the dialect allows unknown operators (consensus: the softfork is then a no-op
/// returning nil at its specified cost); otherwise throws EvalError (InvalidOpArg or
/// UnknownSoftforkExtension).
std::optional<SoftforkCall> softfork_call(const Allocator& a, const ChiaDialect& d, NodePtr args);

}  // namespace clvm::eval
