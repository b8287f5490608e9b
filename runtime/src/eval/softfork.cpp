// SPDX-License-Identifier: Apache-2.0
#include "eval/softfork.hpp"

#include "ops/op_utils.hpp"

namespace clvm::eval {

namespace {

SoftforkCall parse_call(const Allocator& a, const ChiaDialect& d, NodePtr args) {
  const auto [cost, ext, program, env] = ops::get_args<4>(a, args, "softfork");
  const auto ext_value = ops::uint_atom<4>(a, ext, "softfork", d.flags());
  const OperatorSet set = d.softfork_extension(static_cast<std::uint32_t>(ext_value));
  if (set == OperatorSet::Unknown) throw EvalError(ErrorKind::UnknownSoftforkExtension, {}, args);
  return {set, program, env};
}

}  // namespace

Cost softfork_cost(const Allocator& a, const ChiaDialect& d, NodePtr args, Cost budget) {
  const Cost cost = ops::uint_atom<8>(a, ops::first(a, args), "softfork", d.flags());
  if (cost > budget) throw EvalError(ErrorKind::CostExceeded, {}, args);
  if (cost == 0) throw EvalError(ErrorKind::CostExceeded, "cost must be > 0", args);
  return cost;
}

std::optional<SoftforkCall> softfork_call(const Allocator& a, const ChiaDialect& d, NodePtr args) {
  try {
    return parse_call(a, d, args);
  } catch (const EvalError&) {
    // Consensus mode must accept a softfork it does not understand (a future extension).
    if (d.allow_unknown_ops()) return std::nullopt;
    throw;
  }
}

}  // namespace clvm::eval
