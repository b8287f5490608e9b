// SPDX-License-Identifier: Apache-2.0
// The classic writer's buffers start in local storage (256 output bytes, 64 pending rests) and
// move to the heap when they fill: results on both sides of each boundary serialize exactly
// (parsed back to the same tree, self-delimiting length equal to the size), and
// node_to_bytes_limit still refuses one byte over its limit there.
#include <clvm/allocator.hpp>
#include <clvm/error.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include <gtest/gtest.h>

#include <cstdint>

namespace clvm {
namespace {

void check_round_trip(Allocator& a, NodePtr n) {
  const Bytes out = node_to_bytes(a, n);
  EXPECT_EQ(serialized_length_from_bytes(out), out.size());
  const NodePtr back = node_from_bytes(a, out);
  EXPECT_EQ(tree_hash(a, back), tree_hash(a, n));
  EXPECT_EQ(node_to_bytes_limit(a, n, out.size()), out);
  EXPECT_THROW(node_to_bytes_limit(a, n, out.size() - 1), EvalError);
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

}  // namespace
}  // namespace clvm
