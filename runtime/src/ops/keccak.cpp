// SPDX-License-Identifier: Apache-2.0
// The hashing crypto operators: keccak256 (clvmr's keccak256_ops.rs) and coinid (more_ops.rs).
#include <fmt/format.h>

#include "crypto/keccak256.hpp"
#include "crypto/sha256.hpp"
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

// coinid: a fixed cost plus its 32-byte result's malloc (320): 800 in all, 2079 in the new model.
constexpr Cost kCoinIdCost = 480;
constexpr Cost kNewCoinIdCost = 1759;

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

Reduction op_coinid(Allocator& a, NodePtr args, Cost /*max_cost*/, Flags flags) {
  const auto [parent_node, puzzle_node, amount_node] = get_args<3>(a, args, "coinid");
  const Atom parent = atom(a, parent_node, "coinid");
  if (parent.size() != 32)
    throw_op_arg(args, "coinid: invalid parent coin id (must be 32 bytes)",
                 "CoinID Error: Invalid Parent Coin ID, not 32 bytes");
  const Atom puzzle_hash = atom(a, puzzle_node, "coinid");
  if (puzzle_hash.size() != 32)
    throw_op_arg(args, "coinid: invalid puzzle hash (must be 32 bytes)",
                 "CoinID Error: Invalid Puzzle Hash, not 32 bytes");
  const Atom amount = atom(a, amount_node, "coinid");
  if (!amount.empty()) {
    if ((amount[0] & 0x80) != 0)
      throw_op_arg(args, "coinid: invalid amount (may not be negative",
                   "CoinID Error: Invalid Amount: Amount is Negative");
    if ((amount.size() == 1 && amount[0] == 0) ||
        (amount.size() > 1 && amount[0] == 0 && (amount[1] & 0x80) == 0)) {
      throw_op_arg(args, "coinid: invalid amount (may not have redundant leading zero)",
                   "CoinID Error: Invalid Amount: Amount has leading zeroes");
    }
    // The only 9-byte amount is one whose leading 00 keeps a full 8-byte value positive.
    if (amount.size() > 9 || (amount.size() == 9 && amount[0] != 0)) {
      throw_op_arg(args, "coinid: invalid amount (may not exceed max coin amount)",
                   "CoinID Error: Invalid Amount: Amount exceeds max coin amount");
    }
  }
  crypto::Sha256 hasher;
  hasher.update(parent.span());
  hasher.update(puzzle_hash.span());
  hasher.update(amount.span());
  const auto id = hasher.finish();
  return new_atom_and_cost(a, (flags & NEW_COST_MODEL) != 0 ? kNewCoinIdCost : kCoinIdCost, id);
}

}  // namespace clvm::ops
