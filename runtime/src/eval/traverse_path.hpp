// SPDX-License-Identifier: Apache-2.0
/// \file Environment path lookup (clvmr's src/traverse_path.rs): an atom program names a node of
/// the environment by the bits of its value.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>

namespace clvm::eval {

/// Follows `path` (an atom, read as a big-endian bit string whose highest set bit terminates;
/// below it, LSB first, 0 = first, 1 = rest) from `env`. Returns the node and its cost:
/// 40 + 4 per leading zero byte + 4 + 4 per bit followed. A path of only zero bytes (or empty)
/// gives nil. Throws EvalError(PathIntoAtom) naming the atom it would have to descend into.
/// Requires: `path` is an atom of `a`.
Reduction traverse_path(const Allocator& a, NodePtr path, NodePtr env);

}  // namespace clvm::eval
