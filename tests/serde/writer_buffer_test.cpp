// SPDX-License-Identifier: Apache-2.0
// The classic writer's buffers start in local storage (256 output bytes, 64 pending rests) and
// move to the heap when they fill: results on both sides of each boundary serialize exactly
// (parsed back to the same tree, self-delimiting length equal to the size), and
// node_to_bytes_limit still refuses one byte over its limit there. serialized_length agrees with
// the writer on every such tree and on shared ones (its walk and its index-order fallback), and
// node_to_bytes_into writes the same bytes into a buffer of exactly their length, refusing any
// other length without writing past the buffer.
#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>
#include <clvm/error.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

namespace clvm {
namespace {

void check_round_trip(Allocator& a, NodePtr n) {
  const Bytes out = node_to_bytes(a, n);
  EXPECT_EQ(serialized_length_from_bytes(out), out.size());
  const NodePtr back = node_from_bytes(a, out);
  EXPECT_EQ(tree_hash(a, back), tree_hash(a, n));
  EXPECT_EQ(node_to_bytes_limit(a, n, out.size()), out);
  EXPECT_THROW(node_to_bytes_limit(a, n, out.size() - 1), EvalError);
  EXPECT_EQ(serialized_length(a, n, out.size()), out.size());
  EXPECT_EQ(serialized_length(a, n, out.size() - 1), out.size());  // limit + 1: one over
  EXPECT_EQ(serialized_length(a, n, UINT64_MAX), out.size());
  // Into a buffer of exactly its length; one byte short or long is refused, and nothing is
  // written past the span (the guard bytes after it stay as they were).
  Bytes buffer(out.size() + 8, 0xee);
  node_to_bytes_into(a, n, std::span(buffer).first(out.size()));
  EXPECT_TRUE(std::equal(out.begin(), out.end(), buffer.begin()));
  EXPECT_EQ(Bytes(buffer.begin() + static_cast<std::ptrdiff_t>(out.size()), buffer.end()),
            Bytes(8, 0xee));
  Bytes shorter(out.size() + 7, 0xee);
  EXPECT_THROW(node_to_bytes_into(a, n, std::span(shorter).first(out.size() - 1)),
               std::invalid_argument);
  EXPECT_EQ(Bytes(shorter.begin() + static_cast<std::ptrdiff_t>(out.size()) - 1, shorter.end()),
            Bytes(8, 0xee));
  EXPECT_THROW(node_to_bytes_into(a, n, std::span(buffer).first(out.size() + 1)),
               std::invalid_argument);
  // And as hex in place, the way the tool writes results.
  std::string hex(2 * out.size(), '?');
  std::copy(out.begin(), out.end(), hex.begin() + static_cast<std::ptrdiff_t>(out.size()));
  hex_in_place(hex.data(), out.size());
  EXPECT_EQ(hex, to_hex(out));
}

TEST(ClassicWriterBuffers, AtomsAroundTheLocalAndFirstHeapSizes) {
  Allocator a;
  for (std::size_t size :
       {1, 2, 100, 250, 251, 252, 253, 254, 255, 256, 257, 300, 4090, 4095, 4096, 4097, 9000}) {
    Bytes b(size);
    for (std::size_t i = 0; i < size; ++i) b[i] = static_cast<std::uint8_t>(i * 7 + 1);
    check_round_trip(a, a.new_atom(b));
  }
}

TEST(ClassicWriterBuffers, ListsAndDeepTreesAroundTheBoundaries) {
  Allocator a;
  for (int length : {1, 63, 64, 65, 85, 86, 127, 128, 129, 1000, 5000}) {
    NodePtr list = Allocator::nil();
    for (int i = 0; i < length; ++i) list = a.new_pair(a.new_atom(Bytes{0x41, 0x42}), list);
    check_round_trip(a, list);
  }
  // Left-nested pairs: each level leaves its rest pending (the rest stack's local 64 and past).
  for (int depth : {63, 64, 65, 66, 128, 129, 3000}) {
    NodePtr n = a.new_atom(Bytes{0x01, 0x02, 0x03});
    for (int i = 0; i < depth; ++i) n = a.new_pair(n, a.new_atom(Bytes{0x09, 0x08}));
    check_round_trip(a, n);
  }
}

// A DAG whose tree is 2^k times a leaf: the walk visits more pairs than the arena holds, so the
// index-order sizing answers; exact while it fits, limit + 1 once it does not (2^60 leaves: an
// answer at once, not a walk of the tree).
TEST(SerializedLength, SharedSubtreesCountOncePerOccurrence) {
  Allocator a;
  a.new_pair(Allocator::nil(), Allocator::nil());  // pairs before the tree's own
  const Bytes leaf(70, 0x5a);                      // 72 serialized bytes (2-byte prefix)
  NodePtr n = a.new_atom(leaf);
  std::uint64_t length = 72;
  for (int k = 1; k <= 12; ++k) {
    n = a.new_pair(n, n);
    length = 1 + 2 * length;
    EXPECT_EQ(serialized_length(a, n, UINT64_MAX), length) << k;
    EXPECT_EQ(serialized_length(a, n, length), length) << k;
    EXPECT_EQ(serialized_length(a, n, length - 1), length) << k;
  }
  EXPECT_EQ(node_to_bytes(a, n).size(), length);
  Bytes into(length);
  node_to_bytes_into(a, n, into);
  EXPECT_EQ(into, node_to_bytes(a, n));
  for (int k = 13; k <= 60; ++k) n = a.new_pair(n, n);
  EXPECT_EQ(serialized_length(a, n, std::uint64_t{1} << 30), (std::uint64_t{1} << 30) + 1);
  EXPECT_EQ(serialized_length(a, n, UINT64_MAX), (std::uint64_t{1} << 62) + 1);  // capped
}

// Atoms alone, at the prefix widths' edges, and inline numbers.
TEST(SerializedLength, Atoms) {
  Allocator a;
  EXPECT_EQ(serialized_length(a, Allocator::nil(), 10), 1u);
  EXPECT_EQ(serialized_length(a, a.new_small_number(0x7f), 10), 1u);
  EXPECT_EQ(serialized_length(a, a.new_small_number(0x80), 10), 3u);
  EXPECT_EQ(serialized_length(a, a.new_small_number(0x123456), 10), 4u);
  for (std::size_t size : {std::size_t{1}, std::size_t{63}, std::size_t{64}, std::size_t{0x1fff},
                           std::size_t{0x2000}, std::size_t{0xfffff}, std::size_t{0x100000}}) {
    const NodePtr atom = a.new_atom(Bytes(size, 0x90));
    const std::uint64_t length = node_to_bytes(a, atom).size();
    EXPECT_EQ(serialized_length(a, atom, UINT64_MAX), length) << size;
    EXPECT_EQ(serialized_length(a, atom, length - 1), length) << size;
  }
}

}  // namespace
}  // namespace clvm
