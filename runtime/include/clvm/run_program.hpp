// SPDX-License-Identifier: Apache-2.0
/// \file run_program: evaluates a CLVM program in an environment with clvmr 0.19's exact costs,
/// limits and errors (src/run_program.rs).
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>
#include <clvm/dialect.hpp>
#include <clvm/node_ptr.hpp>

#include <cstddef>

namespace clvm {

/// Entries allowed on each of the evaluator's value and environment stacks.
inline constexpr std::size_t kStackSizeLimit = 20'000'000;

/// Cost of the evaluation steps themselves (operators add their own).
inline constexpr Cost kQuoteCost = 20;
inline constexpr Cost kApplyCost = 90;
inline constexpr Cost kOpCost = 1;
inline constexpr Cost kGuardCost = 140;
inline constexpr Cost kGuardCostNewModel = 500;

/// Evaluates `program` with environment `env` in arena `a` under `dialect`, iteratively (no native
/// recursion on the program's depth). `max_cost` 0 means unlimited. Returns the total cost and the
/// result node. Throws EvalError with clvmr's message ("cost exceeded", "clvm raise", "path into
/// atom", ...) and the offending node where clvmr has one; arena limits throw as the Allocator
/// does. On a throw the arena keeps what was allocated (callers may restore a checkpoint).
/// Requires: `program` and `env` belong to `a`.
Reduction run_program(Allocator& a, const ChiaDialect& dialect, NodePtr program, NodePtr env,
                      Cost max_cost);

}  // namespace clvm
