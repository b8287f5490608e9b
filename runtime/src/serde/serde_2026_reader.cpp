// SPDX-License-Identifier: Apache-2.0
// node_from_bytes_2026: the strict 2026 reader (clvmr src/serde_2026/de.rs plus strictness:
// shortest varints, no empty atom in the table, at least one instruction, no trailing bytes).
#include <clvm/serde_2026.hpp>

#include "serde/varint.hpp"

#include <algorithm>

namespace clvm {
namespace {

using namespace serde_detail;

constexpr std::int64_t kMaxCount = 256 * 1024 * 1024;

std::size_t read_count(Cursor& c, std::int64_t max) {
  const std::int64_t v = read_varint(c);
  if (v < 0 || v > max) throw_bad_encoding("bad encoding: count out of range");
  return static_cast<std::size_t>(v);
}

}  // namespace

NodePtr node_from_bytes_2026(Allocator& a, std::span<const std::uint8_t> bytes,
                             const Serde2026Limits& limits) {
  if (bytes.size() > limits.max_input_bytes) throw_bad_encoding("bad encoding: input too large");
  if (bytes.size() < kSerde2026Magic.size() ||
      !std::equal(kSerde2026Magic.begin(), kSerde2026Magic.end(), bytes.begin()))
    throw_bad_encoding("bad encoding: missing serde_2026 magic");
  Cursor c{bytes.data(), bytes.size(), kSerde2026Magic.size()};
  const auto max_atom =
      static_cast<std::int64_t>(std::min<std::size_t>(limits.max_atom_len, kMaxCount));

  std::vector<NodePtr> atoms;
  const std::size_t groups = read_count(c, kMaxCount);
  for (std::size_t g = 0; g < groups; ++g) {
    const std::int64_t v = read_varint(c);
    const std::int64_t len = v < 0 ? -v : v;
    if (len == 0 || len > max_atom) throw_bad_encoding("bad encoding: atom length out of range");
    const std::size_t n = v < 0 ? read_count(c, kMaxCount) : 1;
    for (std::size_t i = 0; i < n; ++i)
      atoms.push_back(a.new_atom(c.take(static_cast<std::uint64_t>(len))));
  }

  const std::size_t count = read_count(c, kMaxCount);
  if (count == 0) throw_bad_encoding("bad encoding: empty instruction stream");
  std::vector<NodePtr> stack, pairs;
  for (std::size_t i = 0; i < count; ++i) {
    const std::int64_t op = read_varint(c);
    if (op == 0) {
      stack.push_back(Allocator::nil());
    } else if (op == 1 || op == -1) {
      if (stack.size() < 2) throw_bad_encoding("bad encoding: cons on a short stack");
      NodePtr top = stack.back();
      stack.pop_back();
      NodePtr below = stack.back();
      const NodePtr p = op == 1 ? a.new_pair(below, top) : a.new_pair(top, below);
      pairs.push_back(p);
      stack.back() = p;
    } else if (op >= 2) {
      const auto k = static_cast<std::uint64_t>(op - 2);
      if (k >= atoms.size()) throw_bad_encoding("bad encoding: atom index out of range");
      stack.push_back(atoms[k]);
    } else {
      const auto k = static_cast<std::uint64_t>(-op - 2);
      if (k >= pairs.size()) throw_bad_encoding("bad encoding: pair index out of range");
      stack.push_back(pairs[k]);
    }
  }
  if (stack.size() != 1) throw_bad_encoding("bad encoding: program must leave one node");
  if (c.pos != c.size) throw_bad_encoding("bad encoding: trailing bytes");
  return stack.back();
}

}  // namespace clvm
