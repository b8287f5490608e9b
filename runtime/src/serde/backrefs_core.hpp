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

#include <algorithm>
#include <bit>
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
    open.reserve(64);
    stack_.reserve(64);
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
  // entry (a run of them is taken a byte at a time); a `first` enters that entry's node.
  Node resolve(std::span<const std::uint8_t> path) {
    std::size_t first_nz = 0;
    while (first_nz < path.size() && path[first_nz] == 0) ++first_nz;
    if (first_nz == path.size()) return b_.nil();
    // Steps: every bit of the bytes after first_nz, and those of path[first_nz] below its top bit.
    const std::uint64_t steps = std::uint64_t{8} * (path.size() - 1 - first_nz) +
                                static_cast<unsigned>(std::bit_width(path[first_nz]) - 1);
    auto bit = [&](std::uint64_t i) {
      return ((path[path.size() - 1 - static_cast<std::size_t>(i / 8)] >> (i % 8)) & 1) != 0;
    };

    bool in_node = stack_.empty();
    std::size_t idx = in_node ? 0 : stack_.size() - 1;
    Node cur = b_.nil();
    std::uint64_t i = 0;
    while (!in_node && i < steps) {
      const unsigned off = static_cast<unsigned>(i % 8);
      const std::uint64_t avail = std::min<std::uint64_t>(8 - off, steps - i);
      const std::uint8_t byte = path[path.size() - 1 - static_cast<std::size_t>(i / 8)];
      const auto run = std::min<std::uint64_t>(
          avail, static_cast<unsigned>(std::countr_one(static_cast<std::uint8_t>(byte >> off))));
      if (run > idx) {  // past the bottom: the terminating nil
        i += idx + 1;
        in_node = true;
        break;
      }
      idx -= static_cast<std::size_t>(run);
      i += run;
      if (run < avail) {  // a `first`
        cur = stack_[idx].node;
        in_node = true;
        ++i;
      }
    }
    if (in_node) {
      for (; i < steps; ++i) {
        auto h = b_.halves(cur);
        if (!h) throw_backref("invalid backreference during deserialisation");
        cur = bit(i) ? h->second : h->first;
      }
      return cur;
    }
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
