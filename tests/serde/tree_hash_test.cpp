// SPDX-License-Identifier: Apache-2.0
// tree_hash and tree_hash_cached.
#include <clvm/tree_hash.hpp>

#include "serde_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using namespace clvm;

TEST(TreeHash, Nil) {
  Allocator a;
  EXPECT_EQ(fmt::format("{}", tree_hash(a, Allocator::nil())),
            "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a");
  EXPECT_EQ(tree_hash(a, Allocator::nil()), tree_hash_atom({}));
}

TEST(TreeHash, SmallAtomsMatchTheirBytes) {
  Allocator a;
  for (std::uint32_t v : {1u, 2u, 23u, 127u, 128u, 255u, 1023u, 1024u, 65535u, 0x3FFFFFFu}) {
    const NodePtr small = a.new_small_number(v);
    const Atom bytes = a.atom(small);
    EXPECT_EQ(tree_hash(a, small), tree_hash_atom(bytes.span())) << v;
    // the same bytes stored on the heap (a substring is never inlined) hash the same
    const std::vector<std::uint8_t> padded = [&] {
      std::vector<std::uint8_t> p{0x55};
      p.insert(p.end(), bytes.begin(), bytes.end());
      return p;
    }();
    const NodePtr heap =
        a.new_substr(a.new_atom(padded), 1, static_cast<std::uint32_t>(padded.size()));
    EXPECT_EQ(tree_hash(a, heap), tree_hash(a, small)) << v;
  }
}

TEST(TreeHash, PairsAndKnownValue) {
  Allocator a;
  // (1 2 3 4 5), clvmr's test_tree_hash_list
  NodePtr l = Allocator::nil();
  for (std::uint32_t v = 5; v >= 1; --v) l = a.new_pair(a.new_small_number(v), l);
  EXPECT_EQ(fmt::format("{}", tree_hash(a, l)),
            "123190dddde51acfc61f48429a879a7b905d1726a52991f7d63349863d06b1b6");
  const Pair p = a.pair(l);
  EXPECT_EQ(tree_hash(a, l), tree_hash_pair(tree_hash(a, p.first), tree_hash(a, p.rest)));
}

TEST(TreeHash, CachedAgreesAndMemoisesSharedPairs) {
  Allocator a;
  NodePtr n = a.new_atom("shared");
  std::vector<NodePtr> levels;
  for (int i = 0; i < 30; ++i) {
    n = a.new_pair(n, a.new_pair(n, a.new_small_number(static_cast<std::uint32_t>(i))));
    levels.push_back(n);
  }
  TreeCache cache;
  const Bytes32 h = tree_hash_cached(a, n, cache);
  EXPECT_GT(cache.size(), 0u);
  EXPECT_LT(cache.size(), 64u);
  // Uncached hashing of this DAG is exponential; compare at a depth where it is cheap.
  TreeCache fresh;
  EXPECT_EQ(tree_hash_cached(a, levels[10], fresh), tree_hash(a, levels[10]));
  // A second call reuses the memo and agrees.
  const std::size_t before = cache.size();
  EXPECT_EQ(tree_hash_cached(a, n, cache), h);
  EXPECT_EQ(cache.size(), before);
  EXPECT_EQ(tree_hash_cached(a, levels[10], cache), tree_hash(a, levels[10]));
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(tree_hash_cached(a, n, cache), h);
}

TEST(TreeHash, CachedOnAtoms) {
  Allocator a;
  TreeCache cache;
  EXPECT_EQ(tree_hash_cached(a, Allocator::nil(), cache), tree_hash(a, Allocator::nil()));
  const NodePtr big = a.new_atom(std::vector<std::uint8_t>(100, 7));
  EXPECT_EQ(tree_hash_cached(a, big, cache), tree_hash(a, big));
}

}  // namespace
