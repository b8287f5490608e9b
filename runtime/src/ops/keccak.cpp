// SPDX-License-Identifier: Apache-2.0
// keccak256 (clvmr's keccak256_ops.rs).
#include <fmt/format.h>

#include "crypto/keccak256.hpp"
#include "ops/crypto_ops.hpp"
#include "ops/op_utils.hpp"

namespace clvm::ops {
namespace {

constexpr Cost kKeccakBaseCost = 50;
constexpr Cost kKeccakCostPerArg = 160;
constexpr Cost kKeccakCostPerByte = 2;
constexpr Cost kNewKeccakBaseCost = 2350;
constexpr Cost kNewKeccakCostPerArg = 100;
constexpr Cost kNewKeccakCostPerByte = 10;

}  // namespace

Reduction op_keccak256(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool nm = (flags & NEW_COST_MODEL) != 0;
  const Cost per_arg = nm ? kNewKeccakCostPerArg : kKeccakCostPerArg;
  const Cost per_byte = nm ? kNewKeccakCostPerByte : kKeccakCostPerByte;
  Cost cost = nm ? kNewKeccakBaseCost : kKeccakBaseCost;
  crypto::Keccak256 hasher;
  // As clvmr: each argument is read (a pair fails at once), then charged and the total checked.
  for (auto next = a.next(args); next; next = a.next(next->rest)) {
    const Atom blob = atom(a, next->first, "keccak256");
    cost = sat_add(cost, sat_add(per_arg, sat_mul(static_cast<Cost>(blob.size()), per_byte)));
    check_cost(cost, max_cost);
    hasher.update(blob.span());
  }
  const auto digest = hasher.finish();
  return new_atom_and_cost(a, cost, digest);
}

}  // namespace clvm::ops
