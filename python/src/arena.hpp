// SPDX-License-Identifier: Apache-2.0
/// \file Arenas shared by Python objects. A LazyNode or Program is a (shared arena, NodePtr) pair:
/// the nodes stay in the C++ arena and a Python object exists only for a node someone asked for.
/// Every access to an arena happens with the GIL held, except a program run, which works in a
/// fresh arena no Python object can see until the run returns.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/flags.hpp>
#include <clvm/node_ptr.hpp>

#include <memory>

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

/// Copies the tree `node` of `from` into `to` and returns the copy. Shared pairs are copied once
/// (a back-reference bomb stays small); iterative. Throws clvm::EvalError when `to` hits a limit.
clvm::NodePtr copy_node(clvm::Allocator& to, const clvm::Allocator& from, clvm::NodePtr node);

}  // namespace clvmpy
