// SPDX-License-Identifier: Apache-2.0
/// \file Arenas shared by Python objects. A LazyNode or Program is a (shared arena, NodePtr) pair:
/// the nodes stay in the C++ arena and a Python object exists only for a node someone asked for.
/// Every access to an arena happens with the GIL held, except a program run, which works in a
/// fresh arena no Python object can see until the run returns.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/flags.hpp>
#include <clvm/node_ptr.hpp>

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace clvmpy {

using ArenaPtr = std::shared_ptr<clvm::Allocator>;

/// A node and the arena that keeps it alive.
struct NodeRef {
  ArenaPtr arena;
  clvm::NodePtr node;
};

/// A new arena on the C heap: a small fixed overhead, so that many values can be alive at once
/// (a page arena reserves gigabytes of address space). Heap limit: the arena's default.
ArenaPtr new_arena();

/// A new arena on page memory for running a program, with the heap limit clvm_rs uses for `flags`
/// (500,000,000 bytes with LIMIT_HEAP, else the default).
ArenaPtr new_run_arena(clvm::Flags flags);

/// Copies trees into one arena. Each distinct source pair is copied once over the copier's
/// lifetime (a back-reference bomb stays small, and two Python objects for one node share their
/// copy); iterative. Nodes already in the target arena are returned as they are.
class Copier {
 public:
  explicit Copier(clvm::Allocator& to) : to_(to) {}
  /// The copy of `node` of `from` in the target arena. Throws clvm::EvalError on its limits.
  clvm::NodePtr copy(const clvm::Allocator& from, clvm::NodePtr node);

 private:
  clvm::Allocator& to_;
  // Per source arena: the copy of each pair, by pair index (nil = not copied yet; a copied pair
  // is never nil). A pair's halves have lower indices, so `node.index() + 1` entries suffice.
  std::unordered_map<const clvm::Allocator*, std::vector<clvm::NodePtr>> pairs_;
};

/// Copier(to).copy(from, node).
clvm::NodePtr copy_node(clvm::Allocator& to, const clvm::Allocator& from, clvm::NodePtr node);

}  // namespace clvmpy
