// SPDX-License-Identifier: Apache-2.0
#include "generator.hpp"

#include <clvm/bytes.hpp>

#include <array>
#include <vector>

namespace clvm::difftest {

namespace {

// Opcodes worth calling (the peer's set) plus a few unknown ones of each cost class.
constexpr std::array<std::uint8_t, 52> kOpcodes = {
    3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 16,   17,   18,   19,  20, 21,
    22, 23, 24, 25, 26, 27, 29, 30, 32, 33, 34, 48, 49,   50,   51,   52,  53, 54,
    55, 56, 57, 58, 59, 60, 61, 2,  2,  0,  15, 28, 0x40, 0x80, 0xc0, 0x3f};

NodePtr list(Allocator& a, const std::vector<NodePtr>& items) {
  NodePtr n = Allocator::nil();
  for (auto it = items.rbegin(); it != items.rend(); ++it) n = a.new_pair(*it, n);
  return n;
}

}  // namespace

NodePtr Generator::atom(Allocator& a) {
  static const std::vector<Bytes> kEdges = {
      {},           {0x00},       {0x01}, {0x7f}, {0x80}, {0xff}, {0x00, 0x80}, {0xff, 0x7f},
      {0x00, 0x00}, {0x01, 0x00}, {0x40}, {0x02}, {0x03}, {0x20}, {0xff, 0xff}, {0x00, 0x00, 0x01}};
  switch (below(4)) {
    case 0:
    case 1:
      return a.new_atom(kEdges[below(static_cast<std::uint32_t>(kEdges.size()))]);
    case 2:
      return a.new_small_number(below(1000));
    default: {
      Bytes b(below(40));
      for (auto& x : b) x = static_cast<std::uint8_t>(below(256));
      return a.new_atom(b);
    }
  }
}

NodePtr Generator::operator_call(Allocator& a, int max_depth) {
  const std::uint8_t op = kOpcodes[below(kOpcodes.size())];
  std::vector<NodePtr> items{a.new_atom(Bytes{op})};
  const std::uint32_t nargs = below(5);
  for (std::uint32_t i = 0; i < nargs; ++i) items.push_back(program(a, max_depth - 1));
  if (op == 2 && below(2) == 0) {
    // (a (q . P) ENV): apply a quoted random program
    const NodePtr quoted = a.new_pair(Allocator::one(), program(a, max_depth - 1));
    return list(a, {items[0], quoted, program(a, max_depth - 1)});
  }
  return list(a, items);
}

NodePtr Generator::program(Allocator& a, int max_depth) {
  const std::uint32_t kind = max_depth <= 0 ? below(2) : below(8);
  switch (kind) {
    case 0:
      return a.new_pair(Allocator::one(), atom(a));  // (q . atom)
    case 1:
      return a.new_small_number(below(16));  // env path
    case 2: {                                // (softfork (q . C) (q . 0) (q . P) 1)
      const NodePtr c = a.new_pair(Allocator::one(), a.new_small_number(140 + below(400)));
      // extension 0 (BLS) or 2 (unknown); 1 (keccak) is newer than the wasm peer
      const NodePtr e = a.new_pair(Allocator::one(), a.new_small_number(below(2) * 2));
      const NodePtr p = a.new_pair(Allocator::one(), program(a, max_depth - 1));
      return list(a, {a.new_small_number(36), c, e, p, Allocator::one()});
    }
    default:
      return operator_call(a, max_depth);
  }
}

NodePtr Generator::environment(Allocator& a, int max_depth) {
  if (max_depth <= 0 || below(3) == 0) return atom(a);
  const NodePtr l = environment(a, max_depth - 1);
  return a.new_pair(l, environment(a, max_depth - 1));
}

std::uint64_t Generator::max_cost() {
  switch (below(4)) {
    case 0:
      return 1 + below(5000);
    case 1:
      return 1 + below(3'000'000);
    default:
      return 11'000'000'000;
  }
}

}  // namespace clvm::difftest
