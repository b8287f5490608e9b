// SPDX-License-Identifier: Apache-2.0
// sha256 and sha256tree. sha256tree walks the tree with an explicit stack (no recursion on input
// depth) and charges as clvmr's uncached tree_hash_costed: base, then per node as it is visited
// (pairs a flat cost, atoms per byte of 01‖bytes), checked at every node, then malloc of 32.
#include "crypto/sha256.hpp"
#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"

#include <vector>

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
  Cost bytes = 0;
  crypto::Sha256 hasher;
  for (NodePtr arg : a.list(args)) {
    cost += per_arg;
    check_cost(cost + bytes * per_byte, max_cost);
    const Atom blob = atom(a, arg, "sha256");
    bytes += blob.size();
    hasher.update(blob.span());
  }
  cost += bytes * per_byte;
  const Digest32 digest = hasher.finish();
  return new_atom_and_cost(a, cost, digest);
}

Reduction op_sha256tree(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  const auto [root] = get_args<1>(a, args, "sha256tree");
  const Cost per_byte = (flags & NEW_COST_MODEL) != 0 ? kNewTreeCostPerByte : kTreeCostPerByte;
  Cost cost = kTreeBaseCost;
  // Work items: a node to visit, or "combine the top two hashes" for a pair already visited.
  struct Item {
    NodePtr node;
    bool combine;
  };
  std::vector<Item> todo{{root, false}};
  std::vector<Digest32> hashes;
  while (!todo.empty()) {
    const Item item = todo.back();
    todo.pop_back();
    if (item.combine) {
      const Digest32 first = hashes.back();
      hashes.pop_back();
      const Digest32 rest = hashes.back();
      hashes.pop_back();
      crypto::Sha256 h;
      h.update(std::uint8_t{2});
      h.update(first);
      h.update(rest);
      hashes.push_back(h.finish());
      continue;
    }
    if (item.node.is_pair()) {
      cost += kTreePairCost;
      check_cost(cost, max_cost);
      const Pair p = a.pair(item.node);
      todo.push_back({item.node, true});
      // As clvmr: rest is visited first, so first's hash ends on top for the combine.
      todo.push_back({p.first, false});
      todo.push_back({p.rest, false});
      continue;
    }
    const Atom bytes = a.atom(item.node);
    cost += (static_cast<Cost>(bytes.size()) + 1) * per_byte;
    check_cost(cost, max_cost);
    crypto::Sha256 h;
    h.update(std::uint8_t{1});
    h.update(bytes.span());
    hashes.push_back(h.finish());
  }
  cost += 32 * kMallocCostPerByte;
  check_cost(cost, max_cost);
  return {cost, a.new_atom(hashes.back())};
}

}  // namespace clvm::ops
