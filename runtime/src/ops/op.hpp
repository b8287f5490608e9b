// SPDX-License-Identifier: Apache-2.0
/// \file The shape every operator has: a plain function over the arena, its argument list, the
/// remaining budget and the dialect flags, returning its cost and result (clvmr's signature).
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>
#include <clvm/flags.hpp>

namespace clvm::ops {

/// Applies one operator to the (already evaluated) argument list `args`. `max_cost` is the budget
/// left; an operator may stop early with CostExceeded once its cost passes it. Throws EvalError.
using OpFn = Reduction (*)(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

}  // namespace clvm::ops
