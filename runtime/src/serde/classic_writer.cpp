// SPDX-License-Identifier: Apache-2.0
// The canonical classic serializer (clvmr src/serde/ser.rs), iterative pre-order.
#include <clvm/serde.hpp>

#include "serde/atom_prefix.hpp"

#include <limits>
#include <vector>

namespace clvm {
namespace {

std::vector<std::uint8_t> write_classic(const Allocator& a, NodePtr root, std::size_t limit) {
  std::vector<std::uint8_t> out;
  std::vector<NodePtr> todo{root};
  while (!todo.empty()) {
    const NodePtr n = todo.back();
    todo.pop_back();
    if (n.is_pair()) {
      const Pair p = a.pair(n);
      out.push_back(serde_detail::kConsBox);
      todo.push_back(p.rest);
      todo.push_back(p.first);
    } else {
      serde_detail::append_atom(out, a.atom(n).span());
    }
    if (out.size() > limit) [[unlikely]]
      throw EvalError(ErrorKind::OutOfMemory);
  }
  return out;
}

}  // namespace

std::vector<std::uint8_t> node_to_bytes(const Allocator& a, NodePtr node) {
  return write_classic(a, node, std::numeric_limits<std::size_t>::max());
}

std::vector<std::uint8_t> node_to_bytes_limit(const Allocator& a, NodePtr node, std::size_t limit) {
  return write_classic(a, node, limit);
}

}  // namespace clvm
