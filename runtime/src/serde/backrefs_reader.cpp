// SPDX-License-Identifier: Apache-2.0
// node_from_bytes_backrefs: the back-reference parser building arena nodes with clvmr's pair
// accounting (one ghost pair per parse-stack push; a stack made visible turns ghosts into pairs).
#include <clvm/serde.hpp>

#include "serde/backrefs_core.hpp"

namespace clvm {
namespace {

class ArenaBuilder {
 public:
  using Node = NodePtr;
  explicit ArenaBuilder(Allocator& a) : a_(a) {}

  static NodePtr nil() noexcept { return Allocator::nil(); }
  NodePtr atom(std::uint8_t first, std::span<const std::uint8_t> blob) {
    if (first == serde_detail::kNilByte) return Allocator::nil();
    if (first <= serde_detail::kMaxSingleByte) {
      if (first == 0x01) return Allocator::one();
      if (first == 0x00) return a_.new_atom(std::span{&first, 1});
      return a_.new_small_number(first);
    }
    return a_.new_atom(blob);
  }
  NodePtr pair(NodePtr first, NodePtr rest) { return a_.new_pair(first, rest); }
  NodePtr stack_pair(NodePtr item, NodePtr below) {
    a_.remove_ghost_pairs(1);  // clvmr: the ghost becomes the real pair
    return a_.new_pair(item, below);
  }
  void pushed() { a_.add_ghost_pairs(1); }
  std::optional<std::pair<NodePtr, NodePtr>> halves(NodePtr n) const noexcept {
    if (!n.is_pair()) return std::nullopt;
    const Pair p = a_.pair(n);
    return std::pair{p.first, p.rest};
  }

 private:
  Allocator& a_;
};

}  // namespace

NodePtr node_from_bytes_backrefs(Allocator& a, std::span<const std::uint8_t> bytes) {
  serde_detail::Cursor c{bytes.data(), bytes.size()};
  ArenaBuilder builder(a);
  serde_detail::BackrefParser<ArenaBuilder> parser(builder);
  return parser.parse(c);
}

}  // namespace clvm
