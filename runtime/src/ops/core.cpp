// SPDX-License-Identifier: Apache-2.0
#include "ops/core_ops.hpp"

#include "ops/op_utils.hpp"

#include <algorithm>

namespace clvm::ops {

namespace {

bool new_model(Flags flags) { return (flags & NEW_COST_MODEL) != 0; }

NodePtr boolean(bool v) { return v ? Allocator::one() : Allocator::nil(); }

// The two atoms of a comparison and its cost (clvmr's `=` and `>s` share it).
struct CmpArgs {
  Atom lhs, rhs;
  Cost cost;
};

CmpArgs cmp_args(const Allocator& a, NodePtr args, std::string_view name) {
  const auto [n0, n1] = get_args<2>(a, args, name);
  const Atom lhs = atom(a, n0, name);
  const Atom rhs = atom(a, n1, name);
  return {lhs, rhs, kCmpBaseCost + (lhs.size() + rhs.size()) * kCmpCostPerByte};
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

Reduction op_if(Allocator& a, NodePtr args, Cost, Flags flags) {
  const auto [cond, then_v, else_v] = get_args<3>(a, args, "i");
  return {new_model(flags) ? kIfCostNew : kIfCost, nilp(a, cond) ? else_v : then_v};
}

Reduction op_cons(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [lhs, rhs] = get_args<2>(a, args, "c");
  return {kConsCost, a.new_pair(lhs, rhs)};
}

Reduction op_first(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [p] = get_args<1>(a, args, "f");
  return {kFirstCost, first(a, p)};
}

Reduction op_rest(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [p] = get_args<1>(a, args, "r");
  return {kRestCost, rest(a, p)};
}

Reduction op_listp(Allocator& a, NodePtr args, Cost, Flags flags) {
  const auto [n] = get_args<1>(a, args, "l");
  return {new_model(flags) ? kListpCostNew : kListpCost, boolean(n.is_pair())};
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
  const CmpArgs c = cmp_args(a, args, "=");
  return {c.cost, boolean(c.lhs == c.rhs)};
}

Reduction op_gr_bytes(Allocator& a, NodePtr args, Cost, Flags) {
  const CmpArgs c = cmp_args(a, args, ">s");
  const bool greater = std::ranges::lexicographical_compare(c.rhs.span(), c.lhs.span());
  return {c.cost, boolean(greater)};
}

Reduction op_not(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [n] = get_args<1>(a, args, "not");
  return {kBoolBaseCost, boolean(nilp(a, n))};
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
