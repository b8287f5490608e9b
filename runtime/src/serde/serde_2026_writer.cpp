// SPDX-License-Identifier: Apache-2.0
// node_to_bytes_2026: interns the tree, writes the distinct non-empty atoms grouped by length
// (ascending), then a post-order instruction stream in which every distinct pair is built once
// and referenced by its construction index afterwards.
#include <clvm/serde_2026.hpp>

#include "serde/intern.hpp"
#include "serde/varint.hpp"

#include <algorithm>
#include <numeric>

namespace clvm {

std::vector<std::uint8_t> node_to_bytes_2026(const Allocator& a, NodePtr node) {
  using namespace serde_detail;
  const InternedTree t(a, node);

  std::vector<std::uint32_t> atoms;
  for (std::uint32_t id = 0; id < t.size(); ++id)
    if (t.is_atom(id) && id != t.nil_id()) atoms.push_back(id);
  std::stable_sort(atoms.begin(), atoms.end(), [&](std::uint32_t x, std::uint32_t y) {
    return t.atom(x).size() < t.atom(y).size();
  });

  std::vector<std::uint8_t> out(kSerde2026Magic.begin(), kSerde2026Magic.end());
  std::vector<std::uint32_t> index(t.size(), kNoId);  // atom table index, or pair build index
  std::size_t groups = 0;
  for (std::size_t i = 0; i < atoms.size(); ++i)
    if (i == 0 || t.atom(atoms[i]).size() != t.atom(atoms[i - 1]).size()) ++groups;
  append_varint(out, static_cast<std::int64_t>(groups));
  for (std::size_t i = 0; i < atoms.size();) {
    const std::size_t len = t.atom(atoms[i]).size();
    std::size_t j = i;
    while (j < atoms.size() && t.atom(atoms[j]).size() == len) ++j;
    if (j - i == 1) {
      append_varint(out, static_cast<std::int64_t>(len));
    } else {
      append_varint(out, -static_cast<std::int64_t>(len));
      append_varint(out, static_cast<std::int64_t>(j - i));
    }
    for (; i < j; ++i) {
      index[atoms[i]] = static_cast<std::uint32_t>(i);
      const Atom b = t.atom(atoms[i]);
      out.insert(out.end(), b.begin(), b.end());
    }
  }

  std::vector<std::uint8_t> program;
  std::uint64_t count = 0, pairs_built = 0;
  constexpr std::uint64_t kCons = std::uint64_t{1} << 32;
  std::vector<std::uint64_t> todo{t.root()};
  while (!todo.empty()) {
    const std::uint64_t op = todo.back();
    todo.pop_back();
    const auto id = static_cast<std::uint32_t>(op);
    ++count;
    if ((op & kCons) != 0) {
      append_varint(program, 1);
      index[id] = static_cast<std::uint32_t>(pairs_built++);
    } else if (t.is_atom(id)) {
      append_varint(program, id == t.nil_id() ? 0 : static_cast<std::int64_t>(index[id]) + 2);
    } else if (index[id] != kNoId) {
      append_varint(program, -static_cast<std::int64_t>(index[id]) - 2);
    } else {
      --count;  // the cons instruction is counted when it is emitted
      todo.push_back(kCons | id);
      todo.push_back(t.rest(id));
      todo.push_back(t.first(id));
    }
  }
  append_varint(out, static_cast<std::int64_t>(count));
  out.insert(out.end(), program.begin(), program.end());
  return out;
}

}  // namespace clvm
