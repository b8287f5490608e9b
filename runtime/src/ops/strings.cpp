// SPDX-License-Identifier: Apache-2.0
// strlen substr concat: clvmr's byte-string operators.
#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"

#include <fmt/format.h>

#include <vector>

namespace clvm::ops {
namespace {

constexpr Cost kStrlenBaseCost = 173;
constexpr Cost kStrlenCostPerByte = 1;
constexpr Cost kSubstrCost = 1;
constexpr Cost kNewSubstrCost = 2000;
constexpr Cost kConcatBaseCost = 142;
constexpr Cost kConcatCostPerArg = 135;
constexpr Cost kConcatCostPerByte = 3;

}  // namespace

Reduction op_strlen(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [n] = get_args<1>(a, args, "strlen");
  const std::size_t len = atom_len(a, n, "strlen");
  const Cost cost = kStrlenBaseCost + kStrlenCostPerByte * len;
  return malloc_cost(a, cost, new_i64(a, static_cast<std::int64_t>(len)));
}

Reduction op_substr(Allocator& a, NodePtr args, Cost, Flags flags) {
  const VarArgs<3> v = get_varargs<3>(a, args, "substr");
  if (v.count < 2)
    throw_op_arg(args, "substr takes exactly 2 or 3 arguments",
                 fmt::format("Substring takes exactly 2 or 3 arguments, got {}", v.count));
  const NodePtr s = v.items[0];
  if (s.is_pair()) throw_op_arg(s, "substr on list", "substr requires an atom");
  const std::size_t size = a.atom_len(s);
  const std::int64_t start = i32_atom(a, v.items[1], "substr");
  const std::int64_t end = v.count == 3 ? std::int64_t{i32_atom(a, v.items[2], "substr")}
                                        : static_cast<std::int64_t>(size);
  if (end > static_cast<std::int64_t>(size) || end < start || end < 0 || start < 0)
    throw_op_arg(args, "invalid indices for substr", "Invalid Indices for Substring");
  const NodePtr r =
      a.new_substr(s, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end));
  return {(flags & NEW_COST_MODEL) != 0 ? kNewSubstrCost : kSubstrCost, r};
}

// As clvmr: each argument is read (a pair fails at once), then charged with its bytes and their
// malloc, and the total checked; so a pair beats the cost of the arguments before it.
Reduction op_concat(Allocator& a, NodePtr args, Cost max_cost, Flags) {
  Cost cost = kConcatBaseCost;
  std::size_t total = 0;
  std::vector<NodePtr> terms;
  for (NodePtr arg : a.list(args)) {
    if (arg.is_pair()) throw_op_arg(arg, "concat on list");
    const std::size_t len = a.atom_len(arg);
    cost += kConcatCostPerArg + static_cast<Cost>(len) * (kConcatCostPerByte + kMallocCostPerByte);
    check_cost(cost, max_cost);
    total += len;
    terms.push_back(arg);
  }
  return {cost, a.new_concat(total, terms)};
}

}  // namespace clvm::ops
