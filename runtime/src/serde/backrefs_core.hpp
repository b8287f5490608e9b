// SPDX-License-Identifier: Apache-2.0
// Private: the back-reference parser (clvmr src/serde/de_br.rs), generic over what it builds, so
// node_from_bytes_backrefs (arena nodes) and serialized_length_from_bytes (a shadow of the tree's
// shape) share one implementation of the parse stack and of path resolution.
//
// A Builder provides:
//   using Node = ...;
//   Node nil();
//   Node atom(std::uint8_t first, std::span<const std::uint8_t> blob);  // blob empty for 1-byte
//   Node pair(Node first, Node rest);              // a real cons of the input
//   Node stack_pair(Node item, Node below);        // a cons of the parse stack made visible
//   void pushed();                                 // one item went onto the parse stack
//   std::optional<std::pair<Node, Node>> halves(Node);  // nullopt for an atom
#pragma once

#include "serde/atom_prefix.hpp"

#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace clvm::serde_detail {

[[noreturn]] inline void throw_backref(const char* what) {
  throw SerdeError(ErrorKind::BackreferenceError, what);
}

/// The path atom after an `fe` byte: a bare byte, nil, or a prefixed atom.
inline std::span<const std::uint8_t> read_path(Cursor& c) {
  const std::uint8_t first = c.next();
  if (first == kNilByte) return {};
  if (first <= kMaxSingleByte) return {c.data + c.pos - 1, 1};
  const Prefix p = decode_prefix(c, first);
  return c.take(p.len);
}

template <class Builder>
class BackrefParser {
 public:
  using Node = typename Builder::Node;

  explicit BackrefParser(Builder& b) : b_(b) {}

  /// Parses one object from `c`. Throws SerdeError on malformed input.
  Node parse(Cursor& c) {
    std::vector<std::uint8_t> open;  // per open pair: 0 = reading first, 1 = reading rest
    for (;;) {
      const std::uint8_t byte = c.next();
      if (byte == kConsBox) {
        open.push_back(0);
        continue;
      }
      Node node;
      if (byte == kBackReference) {
        node = resolve(read_path(c));
      } else if (byte <= kMaxSingleByte || byte == kNilByte) {
        node = b_.atom(byte, {});
      } else {
        const Prefix p = decode_prefix(c, byte);
        node = b_.atom(byte, c.take(p.len));
      }
      b_.pushed();
      for (;;) {
        if (open.empty()) return node;
        if (open.back() == 0) {
          open.back() = 1;
          stack_.push_back({node, Node{}});
          break;
        }
        const Node left = stack_.back().node;
        stack_.pop_back();
        if (cached_ > stack_.size()) cached_ = stack_.size();
        node = b_.pair(left, node);
        b_.pushed();
        open.pop_back();
      }
    }
  }

 private:
  struct Entry {
    Node node;
    Node list;  // valid for entries below cached_: this entry's stack suffix as a CLVM list
  };

  // clvmr's traverse_path_with_vec: bits are read from the last byte's LSB upwards and the highest
  // set bit terminates; 0 = first, 1 = rest. While on the stack's spine a `rest` moves down one
  // entry; a `first` enters that entry's node.
  Node resolve(std::span<const std::uint8_t> path) {
    std::size_t first_nz = 0;
    while (first_nz < path.size() && path[first_nz] == 0) ++first_nz;
    if (first_nz == path.size()) return b_.nil();
    const std::uint8_t top = path[first_nz];
    std::uint8_t last_mask = 0x80;
    while ((top & last_mask) == 0) last_mask >>= 1;

    bool in_node = stack_.empty();
    std::size_t idx = in_node ? 0 : stack_.size() - 1;
    Node cur = b_.nil();
    std::size_t byte_idx = path.size() - 1;
    std::uint8_t mask = 0x01;
    while (byte_idx > first_nz || mask < last_mask) {
      const bool right = (path[byte_idx] & mask) != 0;
      if (in_node) {
        auto h = b_.halves(cur);
        if (!h) throw_backref("invalid backreference during deserialisation");
        cur = right ? h->second : h->first;
      } else if (right) {
        if (idx == 0)
          in_node = true;  // past the bottom: the terminating nil
        else
          --idx;
      } else {
        in_node = true;
        cur = stack_[idx].node;
      }
      if (mask == 0x80) {
        mask = 0x01;
        --byte_idx;
      } else {
        mask = static_cast<std::uint8_t>(mask << 1);
      }
    }
    if (in_node) return cur;
    // The path names the stack itself (from entry idx down): make that list real. Entries below
    // cached_ already are (return that suffix as it is); build the rest bottom-up and remember it.
    if (idx < cached_) return stack_[idx].list;
    Node list = cached_ == 0 ? b_.nil() : stack_[cached_ - 1].list;
    for (std::size_t i = cached_; i <= idx; ++i) {
      list = b_.stack_pair(stack_[i].node, list);
      stack_[i].list = list;
    }
    if (idx + 1 > cached_) cached_ = idx + 1;
    return list;
  }

  Builder& b_;
  std::vector<Entry> stack_;
  std::size_t cached_ = 0;  // entries [0, cached_) have `list` set
};

}  // namespace clvm::serde_detail
