// SPDX-License-Identifier: Apache-2.0
/// \file The core operators (clvmr's src/core_ops.rs and the boolean operators of more_ops.rs):
/// i c f r l x = >s not any all. Each follows ops::OpFn: it takes the evaluated argument list,
/// returns {cost, result} and throws EvalError (InvalidOpArg for a wrong arity or a pair where an
/// atom is needed, with clvmr's message and the offending node).
#pragma once

#include "ops/op.hpp"

namespace clvm::ops {

/// Costs of the core operators (the evaluator's inline fast paths charge the same).
inline constexpr Cost kIfCost = 33, kIfCostNew = 330;
inline constexpr Cost kConsCost = 50;
inline constexpr Cost kFirstCost = 30, kRestCost = 30;
inline constexpr Cost kListpCost = 19, kListpCostNew = 200;
inline constexpr Cost kCmpBaseCost = 117, kCmpCostPerByte = 1;
inline constexpr Cost kBoolBaseCost = 200, kBoolCostPerArg = 300;

/// (i C T F): F if C is the empty atom, else T (strict: all three are already evaluated).
/// Cost 33, 330 under NEW_COST_MODEL.
Reduction op_if(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (c A B): the pair (A . B). Cost 50.
Reduction op_cons(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (f P): the first of pair P; FirstOfNonCons on an atom. Cost 30.
Reduction op_first(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (r P): the rest of pair P; RestOfNonCons on an atom. Cost 30.
Reduction op_rest(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (l X): 1 if X is a pair, else nil. Cost 19, 200 under NEW_COST_MODEL.
Reduction op_listp(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (x ...): always throws EvalError(Raise); the node is a lone atom argument itself, else the
/// whole argument list.
Reduction op_raise(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (= A B): 1 if the atoms have the same bytes, else nil. Cost 117 + len(A) + len(B).
Reduction op_eq(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (>s A B): 1 if A > B as unsigned byte strings (lexicographic), else nil. Cost as `=`.
Reduction op_gr_bytes(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (not X): 1 if X is the empty atom, else nil. Cost 200.
Reduction op_not(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (any ...): 1 if some argument is not the empty atom, else nil. Cost 200 + 300 per argument.
Reduction op_any(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (all ...): 1 if no argument is the empty atom, else nil. Cost 200 + 300 per argument.
Reduction op_all(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

}  // namespace clvm::ops
