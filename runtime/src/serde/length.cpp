// SPDX-License-Identifier: Apache-2.0
// serialized_length_from_bytes (with and without back-reference checks; clvmr src/serde/tools.rs).
// The checked variant parses into a shadow of the tree's shape (atoms are all the same leaf), which
// is all a path needs to be validated.
#include <clvm/serde.hpp>

#include "serde/backrefs_core.hpp"

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
  Node pair(Node first, Node rest) {
    pairs_.push_back({first, rest});
    return static_cast<Node>(pairs_.size() - 1);
  }
  Node stack_pair(Node item, Node below) { return pair(item, below); }
  static void pushed() noexcept {}
  std::optional<std::pair<Node, Node>> halves(Node n) const noexcept {
    if (n < 0) return std::nullopt;
    return pairs_[static_cast<std::size_t>(n)];
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

}  // namespace clvm
