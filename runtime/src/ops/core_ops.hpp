// SPDX-License-Identifier: Apache-2.0
/// \file The core operators (clvmr's src/core_ops.rs and the boolean operators of more_ops.rs):
/// i c f r l x = >s not any all. Each follows ops::OpFn: it takes the evaluated argument list,
/// returns {cost, result} and throws EvalError (InvalidOpArg for a wrong arity or a pair where an
/// atom is needed, with clvmr's message and the offending node).
///
/// The try_* forms are the operators on well-formed arguments, inline: their result and cost, or
/// nullopt when the arguments are not of that shape (then the operator throws the exact error).
/// The operator functions and the evaluator's fast path both call them, so each operator's
/// semantics and cost are written once.
#pragma once

#include "ops/op.hpp"
#include "ops/op_utils.hpp"

#include <cstddef>
#include <optional>

namespace clvm::ops {

/// Costs of the core operators (the evaluator's inline fast paths charge the same).
inline constexpr Cost kIfCost = 33, kIfCostNew = 330;
inline constexpr Cost kConsCost = 50;
inline constexpr Cost kFirstCost = 30, kRestCost = 30;
inline constexpr Cost kListpCost = 19, kListpCostNew = 200;
inline constexpr Cost kCmpBaseCost = 117, kCmpCostPerByte = 1;
inline constexpr Cost kBoolBaseCost = 200, kBoolCostPerArg = 300;

/// The cost of `=` and `>s` on atoms of `lhs_len` and `rhs_len` bytes.
constexpr Cost cmp_cost(std::size_t lhs_len, std::size_t rhs_len) noexcept {
  return kCmpBaseCost + kCmpCostPerByte * (lhs_len + rhs_len);
}

/// The boolean atoms: 1 for true, nil for false.
inline NodePtr boolean(bool v) noexcept { return v ? Allocator::one() : Allocator::nil(); }

/// Writes the items of `args` to out[0, N) and returns true when it has exactly N (a non-nil
/// terminator is not checked, as in get_args); else false.
template <std::size_t N>
bool exact_args(const Allocator& a, NodePtr args, NodePtr* out) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (!args.is_pair()) return false;
    const Pair p = a.pair(args);
    out[i] = p.first;
    args = p.rest;
  }
  return !args.is_pair();
}

/// (i C T F) on exactly three arguments.
inline std::optional<Reduction> try_if(const Allocator& a, NodePtr args, Flags flags) noexcept {
  NodePtr x[3];
  if (!exact_args<3>(a, args, x)) return std::nullopt;
  return Reduction{(flags & NEW_COST_MODEL) != 0 ? kIfCostNew : kIfCost,
                   nilp(a, x[0]) ? x[2] : x[1]};
}

/// (c A B) on exactly two arguments. Throws as Allocator::new_pair.
inline std::optional<Reduction> try_cons(Allocator& a, NodePtr args) {
  NodePtr x[2];
  if (!exact_args<2>(a, args, x)) return std::nullopt;
  return Reduction{kConsCost, a.new_pair(x[0], x[1])};
}

/// (f P) on exactly one argument, a pair.
inline std::optional<Reduction> try_first(const Allocator& a, NodePtr args) noexcept {
  NodePtr x[1];
  if (!exact_args<1>(a, args, x) || !x[0].is_pair()) return std::nullopt;
  return Reduction{kFirstCost, a.pair(x[0]).first};
}

/// (r P) on exactly one argument, a pair.
inline std::optional<Reduction> try_rest(const Allocator& a, NodePtr args) noexcept {
  NodePtr x[1];
  if (!exact_args<1>(a, args, x) || !x[0].is_pair()) return std::nullopt;
  return Reduction{kRestCost, a.pair(x[0]).rest};
}

/// (l X) on exactly one argument.
inline std::optional<Reduction> try_listp(const Allocator& a, NodePtr args, Flags flags) noexcept {
  NodePtr x[1];
  if (!exact_args<1>(a, args, x)) return std::nullopt;
  return Reduction{(flags & NEW_COST_MODEL) != 0 ? kListpCostNew : kListpCost,
                   boolean(x[0].is_pair())};
}

/// (= A B) on exactly two inline atoms (equal values are equal bytes). op_eq does every other
/// shape, at the same cmp_cost.
inline std::optional<Reduction> try_eq_small(const Allocator& a, NodePtr args) noexcept {
  NodePtr x[2];
  if (!exact_args<2>(a, args, x) || x[0].object_type() != ObjectType::SmallAtom ||
      x[1].object_type() != ObjectType::SmallAtom)
    return std::nullopt;
  return Reduction{cmp_cost(Atom::len_for_value(x[0].index()), Atom::len_for_value(x[1].index())),
                   boolean(x[0] == x[1])};
}

/// (not X) on exactly one argument.
inline std::optional<Reduction> try_not(const Allocator& a, NodePtr args) noexcept {
  NodePtr x[1];
  if (!exact_args<1>(a, args, x)) return std::nullopt;
  return Reduction{kBoolBaseCost, boolean(nilp(a, x[0]))};
}

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
