// SPDX-License-Identifier: Apache-2.0
/// \file Test helpers for the trait layer: CLVM serialisation to/from hex, written independently of
/// the code under test (iterative, explicit stacks).
#pragma once

#include <clvm/traits.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "error_kind.hpp"

namespace clvm::test {

/// The classic serialisation of `n` as lower-case hex.
inline std::string serialize_hex(const Allocator& a, NodePtr n) {
  std::vector<std::uint8_t> out;
  std::vector<NodePtr> todo{n};
  while (!todo.empty()) {
    const NodePtr x = todo.back();
    todo.pop_back();
    if (x.is_pair()) {
      out.push_back(0xff);
      const Pair p = a.pair(x);
      todo.push_back(p.rest);
      todo.push_back(p.first);
      continue;
    }
    const Atom at = a.atom(x);
    const std::size_t len = at.size();
    if (len == 1 && at[0] <= 0x7f) {
      out.push_back(at[0]);
    } else if (len < 0x40) {
      out.push_back(static_cast<std::uint8_t>(0x80 | len));
    } else if (len < 0x2000) {
      out.push_back(static_cast<std::uint8_t>(0xC0 | (len >> 8)));
      out.push_back(static_cast<std::uint8_t>(len));
    } else {
      throw std::invalid_argument("serialize_hex: atom too long for the test helper");
    }
    if (!(len == 1 && at[0] <= 0x7f)) out.insert(out.end(), at.begin(), at.end());
  }
  return to_hex(out);
}

/// Parses the classic serialisation `hex` into `a`.
inline NodePtr deserialize_hex(Allocator& a, std::string_view hex) {
  const auto bytes = from_hex(hex).value();
  std::size_t pos = 0;
  // Each pending op: 0 = parse a node; 1 = make a pair of the two top values.
  std::vector<int> ops{0};
  std::vector<NodePtr> values;
  while (!ops.empty()) {
    const int op = ops.back();
    ops.pop_back();
    if (op == 1) {
      const NodePtr rest = values.back();
      values.pop_back();
      const NodePtr first = values.back();
      values.pop_back();
      values.push_back(a.new_pair(first, rest));
      continue;
    }
    const std::uint8_t b = bytes.at(pos++);
    if (b == 0xff) {
      ops.push_back(1);
      ops.push_back(0);
      ops.push_back(0);
    } else if (b <= 0x7f) {
      values.push_back(a.new_atom(std::span<const std::uint8_t>(&b, 1)));
    } else {
      std::size_t len = 0;
      if ((b & 0xC0) == 0x80) {
        len = b & 0x3f;
      } else if ((b & 0xE0) == 0xC0) {
        len = (std::size_t{b & 0x1fu} << 8) | bytes.at(pos++);
      } else {
        throw std::invalid_argument("deserialize_hex: length prefix too long for the test helper");
      }
      if (pos + len > bytes.size()) throw std::invalid_argument("deserialize_hex: truncated");
      values.push_back(a.new_atom(std::span<const std::uint8_t>(bytes.data() + pos, len)));
      pos += len;
    }
  }
  if (pos != bytes.size()) throw std::invalid_argument("deserialize_hex: trailing bytes");
  return values.back();
}

/// Encodes `v` into a fresh arena and returns the serialisation as hex.
template <class T>
std::string encode_hex(const T& v) {
  Allocator a;
  return serialize_hex(a, clvm::to_clvm(a, v));
}

/// Decodes the serialisation `hex` as T (throws FromClvmError).
template <class T>
T decode_hex(std::string_view hex) {
  Allocator a;
  return clvm::from_clvm<T>(a, deserialize_hex(a, hex));
}

/// Runs `f` and returns the FromClvmError it throws (fails the test if it does not throw one).
template <class F>
FromClvmError catch_from_clvm(F&& f) {
  if (auto e = caught<FromClvmError>(f)) return *e;
  ADD_FAILURE() << "expected a FromClvmError";
  return FromClvmError(FromClvmError::Kind::Custom, "<not thrown>");
}

}  // namespace clvm::test
