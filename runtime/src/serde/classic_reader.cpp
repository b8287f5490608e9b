// SPDX-License-Identifier: Apache-2.0
// The classic deserializer (clvmr src/serde/de.rs), lenient and strict (#834) flavours.
//
// Pairs are built iteratively: `open` holds, for each pair being read, whether its first half is
// done. Atoms and pairs are created in exactly clvmr's order, so arena limits fail at the same
// allocation.
#include <clvm/serde.hpp>

#include "serde/atom_prefix.hpp"

#include <vector>

namespace clvm {
namespace {

using namespace serde_detail;

[[noreturn]] void throw_non_canonical(const char* what) {
  throw SerdeError(ErrorKind::NonCanonicalSerialization, what);
}

template <bool Strict>
NodePtr read_atom(Allocator& a, Cursor& c, std::uint8_t first) {
  if (first == kNilByte) return Allocator::nil();
  if (first <= kMaxSingleByte) {
    if (first == 0x01) return Allocator::one();
    if (first == 0x00) return a.new_atom(std::span{c.data + c.pos - 1, 1});
    return a.new_small_number(first);
  }
  if (first == kBackReference) throw_bad_encoding("bad encoding: back-reference in classic input");
  const Prefix p = decode_prefix(c, first);
  const std::span<const std::uint8_t> blob = c.take(p.len);
  if constexpr (Strict) {
    if (!is_shortest_prefix(p))
      throw_non_canonical("non-canonical serialization: over-long prefix");
    if (p.len == 1 && blob[0] <= kMaxSingleByte)
      throw_non_canonical("non-canonical serialization: prefixed byte below 0x80");
  }
  return a.new_atom(blob);
}

template <bool Strict>
NodePtr read_classic(Allocator& a, std::span<const std::uint8_t> bytes) {
  Cursor c{bytes.data(), bytes.size()};
  std::vector<std::uint8_t> open;  // per open pair: 0 = reading first, 1 = reading rest
  std::vector<NodePtr> lefts;      // the finished first halves of the pairs reading their rest
  for (;;) {
    const std::uint8_t b = c.next();
    if (b == kConsBox) {
      open.push_back(0);
      continue;
    }
    NodePtr node = read_atom<Strict>(a, c, b);
    for (;;) {
      if (open.empty()) {
        if constexpr (Strict) {
          if (c.pos != c.size) throw_non_canonical("non-canonical serialization: trailing bytes");
        }
        return node;
      }
      if (open.back() == 0) {
        open.back() = 1;
        lefts.push_back(node);
        break;
      }
      node = a.new_pair(lefts.back(), node);
      lefts.pop_back();
      open.pop_back();
    }
  }
}

}  // namespace

NodePtr node_from_bytes(Allocator& a, std::span<const std::uint8_t> bytes) {
  return read_classic<false>(a, bytes);
}

NodePtr node_from_bytes_strict(Allocator& a, std::span<const std::uint8_t> bytes) {
  return read_classic<true>(a, bytes);
}

}  // namespace clvm
