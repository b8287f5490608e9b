// SPDX-License-Identifier: Apache-2.0
/// \file The unknown-operator handler (clvmr's op_unknown): an unassigned opcode costs by a formula
/// chosen by its last byte and returns nil, so that future soft forks can give it a meaning.
#pragma once

#include "ops/op.hpp"

namespace clvm::ops {

/// Applies the unknown operator `op` (an atom) to `args`. The top two bits of the last byte pick
/// the cost function (0 constant 1, 1 add-like, 2 mul-like, 3 concat-like; NEW_COST_MODEL changes
/// 1 and 2), the preceding bytes an unsigned multiplier M: the cost is f(args) * (M + 1).
/// Returns {cost, nil}. Throws EvalError: Reserved for an empty op or one starting ff ff;
/// InvalidOperator for more than 4 bytes before the last or a cost above 2^32 - 1; InvalidOpArg
/// when functions 1-3 get a pair argument; CostExceeded once f(args) passes `max_cost`.
Reduction op_unknown(Allocator& a, NodePtr op, NodePtr args, Cost max_cost, Flags flags);

}  // namespace clvm::ops
