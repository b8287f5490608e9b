// SPDX-License-Identifier: Apache-2.0
#include "ops/core_ops.hpp"

#include "ops/op_utils.hpp"

#include <algorithm>

namespace clvm::ops {

namespace {

// The two atoms of a comparison and its cost (clvmr's `=` and `>s` share it).
struct CmpArgs {
  Atom lhs, rhs;
  Cost cost;
};

CmpArgs cmp_args(const Allocator& a, NodePtr args, std::string_view name) {
  const auto [n0, n1] = get_args<2>(a, args, name);
  const Atom lhs = atom(a, n0, name);
  const Atom rhs = atom(a, n1, name);
  return {lhs, rhs, cmp_cost(lhs.size(), rhs.size())};
}

// any/all: counts the arguments, charging as it goes, and reports whether some argument is true
// (`want_true`) or some is false (!want_true).
bool scan_bools(const Allocator& a, NodePtr args, Cost max_cost, bool want_true, Cost& cost) {
  cost = kBoolBaseCost;
  bool found = false;
  for (NodePtr arg : a.list(args)) {
    cost += kBoolCostPerArg;
    check_cost(cost, max_cost);
    found = found || (nilp(a, arg) != want_true);
  }
  return found;
}

}  // namespace

// Each core operator is its try_* form (core_ops.hpp); when that declines, the arguments are
// malformed and what follows only finds clvmr's error.

Reduction op_if(Allocator& a, NodePtr args, Cost, Flags flags) {
  if (const auto r = try_if(a, args, flags)) return *r;
  (void)get_args<3>(a, args, "i");  // throws: try_if takes every list of three
  throw_unreachable();
}

Reduction op_cons(Allocator& a, NodePtr args, Cost, Flags) {
  if (const auto r = try_cons(a, args)) return *r;
  (void)get_args<2>(a, args, "c");  // throws
  throw_unreachable();
}

Reduction op_first(Allocator& a, NodePtr args, Cost, Flags) {
  if (const auto r = try_first(a, args)) return *r;
  const auto [p] = get_args<1>(a, args, "f");
  (void)first(a, p);  // throws FirstOfNonCons: p is an atom
  throw_unreachable();
}

Reduction op_rest(Allocator& a, NodePtr args, Cost, Flags) {
  if (const auto r = try_rest(a, args)) return *r;
  const auto [p] = get_args<1>(a, args, "r");
  (void)rest(a, p);  // throws RestOfNonCons: p is an atom
  throw_unreachable();
}

Reduction op_listp(Allocator& a, NodePtr args, Cost, Flags flags) {
  if (const auto r = try_listp(a, args, flags)) return *r;
  (void)get_args<1>(a, args, "l");  // throws
  throw_unreachable();
}

Reduction op_raise(Allocator& a, NodePtr args, Cost, Flags) {
  // A lone atom is raised as itself (so `(x (q . "msg"))` names "msg"); anything else names the
  // whole argument list.
  NodePtr blame = args;
  if (args.is_pair()) {
    const Pair p = a.pair(args);
    if (p.first.is_atom() && p.rest.is_atom()) blame = p.first;
  }
  throw EvalError(ErrorKind::Raise, {}, blame);
}

Reduction op_eq(Allocator& a, NodePtr args, Cost, Flags) {
  if (const auto r = try_eq_small(a, args)) return *r;
  const CmpArgs c = cmp_args(a, args, "=");
  return {c.cost, boolean(c.lhs == c.rhs)};
}

Reduction op_gr_bytes(Allocator& a, NodePtr args, Cost, Flags) {
  const CmpArgs c = cmp_args(a, args, ">s");
  const bool greater = std::ranges::lexicographical_compare(c.rhs.span(), c.lhs.span());
  return {c.cost, boolean(greater)};
}

Reduction op_not(Allocator& a, NodePtr args, Cost, Flags) {
  if (const auto r = try_not(a, args)) return *r;
  (void)get_args<1>(a, args, "not");  // throws
  throw_unreachable();
}

Reduction op_any(Allocator& a, NodePtr args, Cost max_cost, Flags) {
  Cost cost = 0;
  const bool some_true = scan_bools(a, args, max_cost, true, cost);
  return {cost, boolean(some_true)};
}

Reduction op_all(Allocator& a, NodePtr args, Cost max_cost, Flags) {
  Cost cost = 0;
  const bool some_false = scan_bools(a, args, max_cost, false, cost);
  return {cost, boolean(!some_false)};
}

}  // namespace clvm::ops
