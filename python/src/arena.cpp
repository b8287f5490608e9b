// SPDX-License-Identifier: Apache-2.0
// Arena construction and the sharing-preserving copy between arenas.
#include "arena.hpp"

#include <clvm/mem/global.hpp>

#include <vector>

namespace clvmpy {

ArenaPtr new_arena() {
  // The upstream must outlive every arena; a function-local static never dies before them
  // (arenas are freed while the interpreter is alive, and the static has no destructor work).
  static clvm::mem::GlobalAllocator global;
  return std::make_shared<clvm::Allocator>(clvm::mem::AllocatorRef(global));
}

ArenaPtr new_run_arena(clvm::Flags flags) {
  if (flags & clvm::LIMIT_HEAP) return std::make_shared<clvm::Allocator>(500'000'000);
  return std::make_shared<clvm::Allocator>();
}

clvm::NodePtr copy_node(clvm::Allocator& to, const clvm::Allocator& from, clvm::NodePtr node) {
  return Copier(to).copy(from, node);
}

clvm::NodePtr Copier::copy(const clvm::Allocator& from, clvm::NodePtr node) {
  using clvm::NodePtr;
  if (&to_ == &from) return node;
  auto atom_copy = [&](NodePtr n) -> NodePtr {
    if (n.object_type() == clvm::ObjectType::SmallAtom) {
      // Inline atoms need no storage, but they count toward the limits as in a parse.
      return n.is_nil() || n == clvm::Allocator::one() ? n : to_.new_small_number(n.index());
    }
    return to_.new_atom(from.atom(n).span());
  };
  if (!node.is_pair()) return atom_copy(node);
  std::vector<NodePtr>& done = pairs_[&from];
  if (done.size() <= node.index()) done.resize(node.index() + 1, clvm::Allocator::nil());
  // Post-order walk: a pair is built once both halves have copies.
  struct Item {
    NodePtr node;
    bool expanded;
  };
  std::vector<Item> stack{{node, false}};
  std::vector<NodePtr> values;
  while (!stack.empty()) {
    const Item it = stack.back();
    stack.pop_back();
    if (!it.node.is_pair()) {
      values.push_back(atom_copy(it.node));
      continue;
    }
    NodePtr& copied = done[it.node.index()];
    if (it.expanded) {
      const NodePtr rest = values.back();
      values.pop_back();
      const NodePtr p = to_.new_pair(values.back(), rest);
      values.back() = p;
      copied = p;
      continue;
    }
    if (!copied.is_nil()) {
      values.push_back(copied);
      continue;
    }
    const clvm::Pair p = from.pair(it.node);
    stack.push_back({it.node, true});
    stack.push_back({p.rest, false});
    stack.push_back({p.first, false});
  }
  return values.back();
}

}  // namespace clvmpy
