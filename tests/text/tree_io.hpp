// SPDX-License-Identifier: Apache-2.0
/// \file Test helpers for the text tests: a minimal classic (de)serializer to and from hex, tree
/// equality, and the escaped-text format of tests/data/text/*.tsv. Kept local so that these tests
/// depend on nothing but the arena and the text format. All iterative.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "same_tree.hpp"

namespace text_test {

/// The classic serialization of `node`, as lower-case hex.
inline std::string to_hex(const clvm::Allocator& a, clvm::NodePtr node) {
  std::vector<std::uint8_t> out;
  std::vector<clvm::NodePtr> todo{node};
  while (!todo.empty()) {
    const clvm::NodePtr n = todo.back();
    todo.pop_back();
    if (n.is_pair()) {
      out.push_back(0xff);
      const clvm::Pair p = a.pair(n);
      todo.push_back(p.rest);
      todo.push_back(p.first);
      continue;
    }
    const clvm::Atom atom = a.atom(n);
    const std::size_t len = atom.size();
    if (len == 1 && atom[0] < 0x80) {
      out.push_back(atom[0]);
      continue;
    }
    if (len < 0x40) {
      out.push_back(static_cast<std::uint8_t>(0x80 | len));
    } else if (len < 0x2000) {
      out.push_back(static_cast<std::uint8_t>(0xc0 | (len >> 8)));
      out.push_back(static_cast<std::uint8_t>(len));
    } else {
      throw std::runtime_error("test serializer: atom too long");
    }
    out.insert(out.end(), atom.begin(), atom.end());
  }
  return clvm::to_hex(out);
}

/// Parses the classic serialization in `hex` (atoms below 8 KiB) into `a`.
inline clvm::NodePtr from_hex(clvm::Allocator& a, std::string_view hex) {
  const auto bytes = clvm::from_hex(hex);
  if (!bytes) throw std::runtime_error("test deserializer: bad hex");
  std::size_t pos = 0;
  const auto take = [&](std::size_t n) {
    if (bytes->size() - pos < n) throw std::runtime_error("test deserializer: truncated");
    const std::span<const std::uint8_t> s{bytes->data() + pos, n};
    pos += n;
    return s;
  };
  // Pending: 0 = parse a node, 1 = cons the two nodes on top of `values`.
  std::vector<int> ops{0};
  std::vector<clvm::NodePtr> values;
  while (!ops.empty()) {
    const int op = ops.back();
    ops.pop_back();
    if (op == 1) {
      const clvm::NodePtr rest = values.back();
      values.pop_back();
      values.back() = a.new_pair(values.back(), rest);
      continue;
    }
    const std::uint8_t b = take(1)[0];
    if (b == 0xff) {
      ops.insert(ops.end(), {1, 0, 0});
    } else if (b == 0x80) {
      values.push_back(clvm::NodePtr::NIL);
    } else if (b < 0x80) {
      values.push_back(a.new_atom(std::span{&b, 1}));
    } else if ((b & 0xc0) == 0x80) {
      values.push_back(a.new_atom(take(b & 0x3f)));
    } else if ((b & 0xe0) == 0xc0) {
      const std::size_t len = (std::size_t{b & 0x1fu} << 8) | take(1)[0];
      values.push_back(a.new_atom(take(len)));
    } else {
      throw std::runtime_error("test deserializer: unsupported length prefix");
    }
  }
  return values.at(0);
}

using clvm::test::same_tree;  // tests/support/same_tree.hpp

/// Undoes scripts/text_oracle_record.js's escape(): \\ \t \n \r \xNN.
inline std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    if (c == 't') {
      out += '\t';
    } else if (c == 'n') {
      out += '\n';
    } else if (c == 'r') {
      out += '\r';
    } else if (c == 'x' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace text_test
