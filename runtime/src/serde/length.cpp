// SPDX-License-Identifier: Apache-2.0
// serialized_length_from_bytes (with and without back-reference checks; clvmr src/serde/tools.rs),
// and serialized_length of a node in an arena. The checked variant parses into a shadow of the
// tree's shape (atoms are all the same leaf), which is all a path needs to be validated.
#include <clvm/serde.hpp>

#include "serde/atom_prefix.hpp"
#include "serde/backrefs_core.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace clvm {
namespace {

using namespace serde_detail;

// Shapes: -1 is an atom, i >= 0 the i-th pair in `pairs_`.
class ShapeBuilder {
 public:
  using Node = std::int64_t;
  static constexpr bool kBulkPushes = false;
  static Node nil() noexcept { return -1; }
  static Node atom(std::uint8_t, std::span<const std::uint8_t>) noexcept { return -1; }
  struct Pairs {
    Node pair(Node first, Node rest) {
      shapes.push_back({first, rest});
      return static_cast<Node>(shapes.size() - 1);
    }
    Node stack_pair(Node item, Node below) { return pair(item, below); }
    std::vector<std::pair<Node, Node>>& shapes;
  };
  Pairs pairs() noexcept { return Pairs{pairs_}; }
  static void pushed() noexcept {}
  bool descend(Node& n, std::uint64_t bits, unsigned steps) const noexcept {
    for (; steps != 0; --steps, bits >>= 1) {
      if (n < 0) return false;
      const auto& [first, rest] = pairs_[static_cast<std::size_t>(n)];
      n = (bits & 1) != 0 ? rest : first;
    }
    return true;
  }

 private:
  std::vector<std::pair<Node, Node>> pairs_;
};

}  // namespace

std::uint64_t serialized_length_from_bytes(std::span<const std::uint8_t> bytes) {
  Cursor c{bytes.data(), bytes.size()};
  ShapeBuilder builder;
  BackrefParser<ShapeBuilder> parser(builder);
  parser.parse(c);
  return c.pos;
}

std::uint64_t serialized_length_from_bytes_trusted(std::span<const std::uint8_t> bytes) {
  Cursor c{bytes.data(), bytes.size()};
  std::uint64_t pending = 1;
  while (pending > 0) {
    --pending;
    const std::uint8_t b = c.next();
    if (b == kConsBox) {
      pending += 2;
    } else if (b == kBackReference) {
      read_path(c);
    } else if (b > kMaxSingleByte && b != kNilByte) {
      c.take(decode_prefix(c, b).len);
    }
  }
  return c.pos;
}

namespace {

// An atom's classic length: a bare byte, nil, or prefix + bytes.
std::uint64_t atom_length(const Allocator& a, NodePtr n) {
  const std::size_t len = a.atom_len(n);
  if (len == 0 || (len == 1 && a.atom(n)[0] <= kMaxSingleByte)) return 1;
  return len + prefix_width(len);
}

// Every pair up to `node` sized in index order, each capped at limit + 1.
std::uint64_t length_by_index(const Allocator& a, NodePtr node, std::uint64_t limit) {
  std::vector<std::uint64_t> size(std::size_t{node.index()} + 1);
  auto of = [&](NodePtr p) { return p.is_pair() ? size[p.index()] : atom_length(a, p); };
  for (std::uint32_t i = 0; i <= node.index(); ++i) {
    const Pair p = a.pair(NodePtr(ObjectType::Pair, i));
    size[i] = std::min(limit + 1, 1 + of(p.first) + of(p.rest));
  }
  return size[node.index()];
}

}  // namespace

std::uint64_t serialized_length(const Allocator& a, NodePtr node, std::uint64_t limit) {
  limit = std::min(limit, std::uint64_t{1} << 62);  // limit + 1 and the sums below cannot wrap
  if (!node.is_pair()) return std::min(limit + 1, atom_length(a, node));
  // Pre-order walk; a tree without sharing visits each of its pairs once, and it has at most
  // node.index() + 1 of them.
  const std::uint64_t budget = std::uint64_t{node.index()} + 1;
  std::uint64_t total = 0, pairs = 0;
  std::vector<NodePtr> rests;
  NodePtr n = node;
  for (;;) {
    while (n.is_pair()) {
      if (++pairs > budget) return length_by_index(a, node, limit);
      ++total;
      const Pair p = a.pair(n);
      rests.push_back(p.rest);
      n = p.first;
    }
    total += atom_length(a, n);
    if (total > limit) return limit + 1;
    if (rests.empty()) return total;
    n = rests.back();
    rests.pop_back();
  }
}

}  // namespace clvm
