// SPDX-License-Identifier: Apache-2.0
// Test helper: structural equality of two CLVM trees (the same shape, the same atom bytes),
// iterative, in one arena or across two.
#pragma once

#include <clvm/allocator.hpp>

#include <utility>
#include <vector>

namespace clvm::test {

/// Whether `x` (in arena `a`) and `y` (in arena `b`) are the same tree: pairs where the other has
/// pairs, equal atom bytes at every leaf. Never recurses.
inline bool same_tree(const Allocator& a, NodePtr x, const Allocator& b, NodePtr y) {
  std::vector<std::pair<NodePtr, NodePtr>> todo{{x, y}};
  while (!todo.empty()) {
    const auto [p, q] = todo.back();
    todo.pop_back();
    if (p.is_pair() != q.is_pair()) return false;
    if (p.is_pair()) {
      todo.emplace_back(a.pair(p).first, b.pair(q).first);
      todo.emplace_back(a.pair(p).rest, b.pair(q).rest);
    } else if (!(a.atom(p) == b.atom(q))) {
      return false;
    }
  }
  return true;
}

/// As above, both trees in arena `a`.
inline bool same_tree(const Allocator& a, NodePtr x, NodePtr y) { return same_tree(a, x, a, y); }

}  // namespace clvm::test
