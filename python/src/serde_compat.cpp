// SPDX-License-Identifier: Apache-2.0
// clvmr's serde_2026 body decoder, parse_triples, and the classic size of a DAG.
#include "serde_compat.hpp"

#include <clvm/error.hpp>
#include <clvm/tree_hash.hpp>

#include <bit>
#include <limits>

namespace clvmpy {
namespace {

[[noreturn]] void bad_encoding() { throw clvm::SerdeError(clvm::ErrorKind::BadEncoding); }

struct Reader {
  std::span<const std::uint8_t> in;
  std::size_t pos = 0;
  std::uint8_t byte() {
    if (pos >= in.size()) bad_encoding();
    return in[pos++];
  }
  std::span<const std::uint8_t> take(std::uint64_t n) {
    if (n > in.size() - pos) bad_encoding();
    auto s = in.subspan(pos, static_cast<std::size_t>(n));
    pos += static_cast<std::size_t>(n);
    return s;
  }
};

// The number of bytes write_varint uses for `v` (1..8).
std::size_t varint_size(std::int64_t v) {
  for (std::size_t ones = 0; ones < 8; ++ones) {
    const int bits = static_cast<int>(7 + 7 * ones);
    const std::int64_t lo = -(std::int64_t{1} << (bits - 1)),
                       hi = (std::int64_t{1} << (bits - 1)) - 1;
    if (v >= lo && v <= hi) return ones + 1;
  }
  return 9;
}

// clvmr's read_varint: leading 1 bits = extra bytes (at most 7), then a two's-complement value.
std::int64_t read_varint(Reader& r, bool strict) {
  const std::uint8_t first = r.byte();
  const auto ones = static_cast<std::size_t>(std::countl_one(first));
  if (ones >= 8) bad_encoding();
  const std::size_t total_bits = 7 + 7 * ones;
  std::uint64_t u = first & ((1u << (7 - ones)) - 1);
  for (std::size_t i = 0; i < ones; ++i) u = (u << 8) | r.byte();
  const std::uint64_t sign = std::uint64_t{1} << (total_bits - 1);
  const std::int64_t v = u >= sign ? static_cast<std::int64_t>(u) - (std::int64_t{1} << total_bits)
                                   : static_cast<std::int64_t>(u);
  if (strict && varint_size(v) != ones + 1) bad_encoding();
  return v;
}

std::size_t checked_size(std::int64_t v) {
  if (v < 0) bad_encoding();
  return static_cast<std::size_t>(v);
}

}  // namespace

clvm::NodePtr deserialize_2026_body(clvm::Allocator& a, std::span<const std::uint8_t> body,
                                    std::size_t max_atom_len, bool strict) {
  Reader r{body};
  std::vector<clvm::NodePtr> atoms;
  const std::size_t groups = checked_size(read_varint(r, strict));
  for (std::size_t g = 0; g < groups; ++g) {
    const std::int64_t v = read_varint(r, strict);
    std::size_t length = 0, count = 1;
    if (v < 0) {
      if (v == std::numeric_limits<std::int64_t>::min()) bad_encoding();
      length = checked_size(-v);
      if (length > max_atom_len) bad_encoding();
      count = checked_size(read_varint(r, strict));
    } else {
      length = checked_size(v);
      if (length > max_atom_len) bad_encoding();
    }
    if (length == 0 || count == 0) bad_encoding();
    // clvmr reads each atom before allocating the next, so a huge count fails on the input's end.
    for (std::size_t i = 0; i < count; ++i) atoms.push_back(a.new_atom(r.take(length)));
  }
  const std::size_t instructions = checked_size(read_varint(r, strict));
  if (instructions == 0) bad_encoding();
  std::vector<clvm::NodePtr> pairs, stack;
  for (std::size_t i = 0; i < instructions; ++i) {
    const std::int64_t inst = read_varint(r, strict);
    if (inst == 0) {
      stack.push_back(clvm::Allocator::nil());
    } else if (inst == 1 || inst == -1) {
      if (stack.size() < 2) bad_encoding();
      const clvm::NodePtr top = stack.back();
      stack.pop_back();
      const clvm::NodePtr below = stack.back();
      const clvm::NodePtr p = inst == 1 ? a.new_pair(below, top) : a.new_pair(top, below);
      pairs.push_back(p);
      stack.back() = p;
    } else if (inst >= 2) {
      const auto k = static_cast<std::uint64_t>(inst - 2);
      if (k >= atoms.size()) bad_encoding();
      stack.push_back(atoms[static_cast<std::size_t>(k)]);
    } else {
      if (inst == std::numeric_limits<std::int64_t>::min()) bad_encoding();
      const auto k = static_cast<std::uint64_t>(-inst - 2);
      if (k >= pairs.size()) bad_encoding();
      stack.push_back(pairs[static_cast<std::size_t>(k)]);
    }
  }
  if (stack.size() != 1) bad_encoding();
  return stack[0];
}

std::vector<Triple> parse_triples(std::span<const std::uint8_t> blob,
                                  std::vector<clvm::Bytes32>* hashes) {
  enum class Op : std::uint8_t { ParseObj, SaveEnd, SaveRightIndex };
  struct Work {
    Op op;
    std::size_t index;
  };
  std::vector<Triple> out;
  std::vector<Work> ops{{Op::ParseObj, 0}};
  Reader r{blob};
  while (!ops.empty()) {
    const Work w = ops.back();
    ops.pop_back();
    switch (w.op) {
      case Op::ParseObj: {
        const std::uint64_t start = r.pos;
        const std::uint8_t b = r.byte();
        if (b == 0xff) {
          const std::size_t index = out.size();
          out.push_back({start, 0, 0});
          if (hashes) hashes->emplace_back();
          ops.push_back({Op::SaveEnd, index});
          ops.push_back({Op::ParseObj, 0});
          ops.push_back({Op::SaveRightIndex, index});
          ops.push_back({Op::ParseObj, 0});
        } else if (b <= 0x7f) {
          out.push_back({start, start + 1, 0});
          if (hashes) hashes->push_back(clvm::tree_hash_atom(blob.subspan(start, 1)));
        } else {
          // clvmr's decode_size_with_offset: the prefix's leading 1 bits give its width.
          const auto width = static_cast<std::size_t>(std::countl_one(b));
          if (width >= 7) bad_encoding();  // 7 would need a 7-byte size (clvmr: > 6 refused)
          std::uint64_t size = b & (0xffu >> width);
          for (std::size_t i = 1; i < width; ++i) size = (size << 8) | r.byte();
          if (size >= 0x400000000) bad_encoding();
          const auto data = r.take(size);
          out.push_back({start, start + width + size, width});
          if (hashes) hashes->push_back(clvm::tree_hash_atom(data));
        }
        break;
      }
      case Op::SaveEnd: {
        Triple& t = out[w.index];
        if (hashes)
          (*hashes)[w.index] = clvm::tree_hash_pair((*hashes)[w.index + 1],
                                                    (*hashes)[static_cast<std::size_t>(t.third)]);
        t.end = r.pos;
        break;
      }
      case Op::SaveRightIndex:
        out[w.index].third = out.size();
        break;
    }
  }
  return out;
}

std::uint64_t classic_size(const clvm::Allocator& a, clvm::NodePtr node) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  auto add = [](std::uint64_t x, std::uint64_t y) { return x > kMax - y ? kMax : x + y; };
  auto atom_size = [&](clvm::NodePtr n) -> std::uint64_t {
    const std::size_t len = a.atom_len(n);
    if (len == 0) return 1;
    if (len == 1 && a.atom(n).data()[0] <= 0x7f) return 1;
    const std::uint64_t prefix = len < 0x40        ? 1
                                 : len < 0x2000    ? 2
                                 : len < 0x100000  ? 3
                                 : len < 0x8000000 ? 4
                                                   : 5;
    return prefix + len;
  };
  if (!node.is_pair()) return atom_size(node);
  // By pair index (0 = not measured; a pair is at least 3 bytes). Halves have lower indices.
  std::vector<std::uint64_t> memo(node.index() + 1, 0);
  struct Item {
    clvm::NodePtr node;
    bool expanded;
  };
  std::vector<Item> stack{{node, false}};
  std::vector<std::uint64_t> values;
  while (!stack.empty()) {
    const Item it = stack.back();
    stack.pop_back();
    if (!it.node.is_pair()) {
      values.push_back(atom_size(it.node));
      continue;
    }
    if (it.expanded) {
      const std::uint64_t rest = values.back();
      values.pop_back();
      values.back() = add(add(values.back(), rest), 1);
      memo[it.node.index()] = values.back();
      continue;
    }
    if (const std::uint64_t known = memo[it.node.index()]; known != 0) {
      values.push_back(known);
      continue;
    }
    const clvm::Pair p = a.pair(it.node);
    stack.push_back({it.node, true});
    stack.push_back({p.rest, false});
    stack.push_back({p.first, false});
  }
  return values.back();
}

}  // namespace clvmpy
