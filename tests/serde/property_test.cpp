// SPDX-License-Identifier: Apache-2.0
// Properties over random trees with plenty of shared and repeated subtrees.
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>
#include <clvm/tree_hash.hpp>

#include "reference_compressor.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace {

using namespace clvm;

// Builds a tree from a byte program: each byte is an instruction (low 2 bits) and an argument.
NodePtr build(Allocator& a, const std::vector<std::uint8_t>& program) {
  static const std::vector<std::vector<std::uint8_t>> pool = {
      {},
      {0x01},
      {0x7f},
      {0x80},
      {0x00},
      {'f', 'o', 'o', 'b', 'a', 'r'},
      std::vector<std::uint8_t>(32, 0xab),
      std::vector<std::uint8_t>(64, 0x11),
  };
  std::vector<NodePtr> stack;
  for (std::uint8_t op : program) {
    const unsigned arg = op >> 2;
    switch (op & 3) {
      case 0:
        stack.push_back(a.new_atom(pool[arg % pool.size()]));
        break;
      case 1:
        if (stack.size() >= 2) {
          const NodePtr r = stack.back();
          stack.pop_back();
          stack.back() = a.new_pair(stack.back(), r);
        }
        break;
      case 2:
        if (!stack.empty()) stack.push_back(stack[stack.size() - 1 - arg % stack.size()]);
        break;
      default:
        stack.push_back(
            a.new_atom(std::vector<std::uint8_t>(arg % 70, static_cast<std::uint8_t>(arg))));
    }
  }
  NodePtr list = Allocator::nil();
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) list = a.new_pair(*it, list);
  return list;
}

std::vector<std::uint8_t> random_program() {
  return *rc::gen::container<std::vector<std::uint8_t>>(*rc::gen::inRange(0, 120),
                                                        rc::gen::arbitrary<std::uint8_t>());
}

RC_GTEST_PROP(SerdeProperty, ClassicRoundTrip, ()) {
  Allocator a;
  const NodePtr t = build(a, random_program());
  const auto bytes = node_to_bytes(a, t);
  Allocator b;
  const NodePtr back = node_from_bytes(b, bytes);
  RC_ASSERT(node_to_bytes(b, back) == bytes);
  RC_ASSERT(tree_hash(b, back) == tree_hash(a, t));
  Allocator c;
  RC_ASSERT(node_to_bytes(c, node_from_bytes_strict(c, bytes)) == bytes);
  RC_ASSERT(is_canonical_serialization(bytes));
  RC_ASSERT(tree_hash_from_bytes(bytes) == tree_hash(a, t));
  auto padded = bytes;
  padded.push_back(0x42);
  RC_ASSERT(serialized_length_from_bytes(padded) == bytes.size());
}

RC_GTEST_PROP(SerdeProperty, BackrefRoundTripNeverLarger, ()) {
  Allocator a;
  const NodePtr t = build(a, random_program());
  const auto classic = node_to_bytes(a, t);
  const auto compressed = node_to_bytes_backrefs(a, t);
  RC_ASSERT(compressed.size() <= classic.size());
  Allocator b;
  const NodePtr back = node_from_bytes_backrefs(b, compressed);
  RC_ASSERT(node_to_bytes(b, back) == classic);
  auto padded = compressed;
  padded.push_back(0xff);
  RC_ASSERT(serialized_length_from_bytes(padded) == compressed.size());
  RC_ASSERT(serialized_length_from_bytes_trusted(padded) == compressed.size());
  RC_ASSERT(is_canonical_serialization(compressed));
}

RC_GTEST_PROP(SerdeProperty, BackrefBytesEqualClvmrModel, ()) {
  Allocator a;
  const NodePtr t = build(a, random_program());
  const auto ours = node_to_bytes_backrefs(a, t);
  // The same greedy decisions and the same path among equally short ones: byte-identical.
  RC_ASSERT(ours == serde_test::reference_backrefs(a, t));
  Allocator b;
  RC_ASSERT(node_to_bytes(b, node_from_bytes_backrefs(b, ours)) == node_to_bytes(a, t));
}

RC_GTEST_PROP(SerdeProperty, Serde2026RoundTrip, ()) {
  Allocator a;
  const NodePtr t = build(a, random_program());
  const auto s = node_to_bytes_2026(a, t);
  Allocator b;
  const NodePtr back = node_from_bytes_2026(b, s);
  RC_ASSERT(node_to_bytes(b, back) == node_to_bytes(a, t));
}

RC_GTEST_PROP(SerdeProperty, CachedTreeHashAgrees, ()) {
  Allocator a;
  const NodePtr t = build(a, random_program());
  TreeCache cache;
  RC_ASSERT(tree_hash_cached(a, t, cache) == tree_hash(a, t));
  RC_ASSERT(tree_hash_cached(a, t, cache) == tree_hash(a, t));
}

RC_GTEST_PROP(SerdeProperty, ReadersNeverCrashOnNoise, (const std::vector<std::uint8_t>& noise)) {
  Allocator a;
  try {
    node_from_bytes_backrefs(a, noise);
  } catch (const Error&) {
  }
  try {
    node_from_bytes(a, noise);
  } catch (const Error&) {
  }
  try {
    serialized_length_from_bytes(noise);
  } catch (const Error&) {
  }
  try {
    tree_hash_from_bytes(noise);
  } catch (const Error&) {
  }
  std::vector<std::uint8_t> with_magic(kSerde2026Magic.begin(), kSerde2026Magic.end());
  with_magic.insert(with_magic.end(), noise.begin(), noise.end());
  try {
    node_from_bytes_2026(a, with_magic);
  } catch (const Error&) {
  }
  (void)is_canonical_serialization(noise);
}

}  // namespace
