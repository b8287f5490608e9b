// SPDX-License-Identifier: Apache-2.0
// sha256, sha256tree and coinid. sha256 hashes incrementally (one message is bound by SHA-256's
// round latency: a pre-padded SHA-NI message measured no faster on the hash-tree program).
// sha256tree walks the tree with TreeHasher (explicit stack, no recursion on input depth;
// independent node hashes batched) and charges as clvmr's uncached tree_hash_costed: base, then per
// node as it is visited (rest before first; pairs a flat cost, atoms per byte of 01‖bytes), checked
// at every node, then malloc of 32.
#include "crypto/sha256.hpp"
#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"
#include "tree_hash/hasher.hpp"

namespace clvm::ops {
namespace {

constexpr Cost kSha256BaseCost = 87;
constexpr Cost kSha256CostPerArg = 134;
constexpr Cost kSha256CostPerByte = 2;
constexpr Cost kNewSha256BaseCost = 1000;
constexpr Cost kNewSha256CostPerArg = 160;
constexpr Cost kNewSha256CostPerByte = 6;

constexpr Cost kTreeBaseCost = 270;
constexpr Cost kTreePairCost = 460;
constexpr Cost kTreeCostPerByte = 2;
constexpr Cost kNewTreeCostPerByte = 6;

using crypto::Digest32;

}  // namespace

Reduction op_sha256(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const bool new_model = (flags & NEW_COST_MODEL) != 0;
  const Cost per_arg = new_model ? kNewSha256CostPerArg : kSha256CostPerArg;
  const Cost per_byte = new_model ? kNewSha256CostPerByte : kSha256CostPerByte;
  Cost cost = new_model ? kNewSha256BaseCost : kSha256BaseCost;
  crypto::Sha256 hasher;
  // As clvmr: each argument is read (a pair fails at once), then charged and the total checked.
  for (NodePtr arg : a.list(args)) {
    const Atom blob = atom(a, arg, "sha256");
    cost += per_arg + static_cast<Cost>(blob.size()) * per_byte;
    check_cost(cost, max_cost);
    hasher.update(blob.span());
  }
  const Digest32 digest = hasher.finish();
  return new_atom_and_cost(a, cost, digest);
}

Reduction op_sha256tree(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const auto [root] = get_args<1>(a, args, "sha256tree");
  const Cost per_byte = (flags & NEW_COST_MODEL) != 0 ? kNewTreeCostPerByte : kTreeCostPerByte;
  Cost cost = kTreeBaseCost;
  auto on_pair = [&](NodePtr) {
    cost += kTreePairCost;
    check_cost(cost, max_cost);
  };
  auto on_atom = [&](NodePtr n) {
    cost += (static_cast<Cost>(a.atom_len(n)) + 1) * per_byte;
    check_cost(cost, max_cost);
  };
  Bytes32 hash;
  if (root.is_atom()) {
    on_atom(root);
    hash = tree_hash_detail::atom_node_hash(a, root);
  } else {
    thread_local tree_hash_detail::TreeHasher hasher;  // keeps its buffers between calls
    hash = hasher.run(a, root, /*rest_first=*/true, on_pair, on_atom);
  }
  cost += 32 * kMallocCostPerByte;
  check_cost(cost, max_cost);
  return {cost, a.new_atom(hash.span())};
}

// ---- coinid (clvmr's more_ops.rs): sha256(parent ‖ puzzle hash ‖ amount) of checked arguments

namespace {
// A fixed cost plus its 32-byte result's malloc (320): 800 in all, 2079 in the new model.
constexpr Cost kCoinIdCost = 480;
constexpr Cost kNewCoinIdCost = 1759;
}  // namespace

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
