// SPDX-License-Identifier: Apache-2.0
// TreeHasher (runtime/src/tree_hash/hasher.hpp), the batched walk behind tree_hash and the
// sha256tree operator: its hashes equal a one-message-at-a-time reference over OpenSSL's
// incremental hasher on random and adversarially shaped trees (long lists and deep chains beyond
// the open-record bound, atoms at every padding boundary), on each SHA-256 backend; its visit
// order is DFS pre-order; an exception from a visit hook leaves it reusable.
#include <clvm/tree_hash.hpp>

#include "crypto/sha256.hpp"
#include "tree_hash/hasher.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using namespace clvm;
using crypto::Sha256Backend;

// The tree hash one message at a time: post-order with explicit stacks, OpenSSL's hasher.
Bytes32 reference_hash(const Allocator& a, NodePtr root) {
  std::vector<std::pair<NodePtr, bool>> todo{{root, false}};
  std::vector<Bytes32> hashes;
  while (!todo.empty()) {
    const auto [n, combine] = todo.back();
    todo.pop_back();
    crypto::Sha256 h;
    if (combine) {
      const Bytes32 rest = hashes.back();
      hashes.pop_back();
      h.update(std::uint8_t{2});
      h.update(hashes.back().span());
      h.update(rest.span());
      hashes.back().bytes = h.finish();
    } else if (n.is_pair()) {
      const Pair p = a.pair(n);
      todo.push_back({n, true});
      todo.push_back({p.rest, false});
      todo.push_back({p.first, false});
    } else {
      h.update(std::uint8_t{1});
      h.update(a.atom(n).span());
      hashes.emplace_back().bytes = h.finish();
    }
  }
  return hashes.back();
}

// Atoms at each interesting length: empty, small integers (inline and not), the one- and
// two-block padding boundaries of 01 || bytes, and beyond.
NodePtr random_atom(Allocator& a, std::mt19937& rng) {
  static constexpr std::size_t kLengths[] = {0,  1,  1,  2,  3,  4,   5,   20,  32,  32,  53,
                                             54, 55, 56, 63, 64, 117, 118, 119, 120, 200, 300};
  const std::size_t len = kLengths[rng() % std::size(kLengths)];
  std::vector<std::uint8_t> bytes(len);
  for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
  if (len > 0 && rng() % 2 == 0) bytes[0] &= 0x7F;  // often a canonical small integer
  return a.new_atom(bytes);
}

NodePtr random_tree(Allocator& a, std::mt19937& rng, std::size_t atoms) {
  std::vector<NodePtr> pool;
  for (std::size_t i = 0; i < atoms; ++i) pool.push_back(random_atom(a, rng));
  while (pool.size() > 1) {  // join random neighbours: bushy and stringy shapes mixed
    const std::size_t i = rng() % (pool.size() - 1);
    pool[i] = rng() % 2 ? a.new_pair(pool[i], pool[i + 1]) : a.new_pair(pool[i + 1], pool[i]);
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  return pool[0];
}

class TreeHashBatch : public ::testing::TestWithParam<Sha256Backend> {
 protected:
  void SetUp() override {
    saved_ = crypto::sha256_backend();
    if (!crypto::set_sha256_backend(GetParam())) GTEST_SKIP() << "no SHA-NI on this CPU";
  }
  void TearDown() override { crypto::set_sha256_backend(saved_); }
  Sha256Backend saved_ = Sha256Backend::kPortable;
};

// The pair-message kernel precomputes its second block per value of the message's last byte (the
// rest hash's last byte): every one of the 256 values, in every lane count, against OpenSSL.
TEST_P(TreeHashBatch, PairMessagesForEveryLastByte) {
  std::mt19937 rng(65);
  std::vector<tree_hash_detail::PairMessage> msgs(256);
  std::vector<Bytes32> expected(256);
  for (unsigned v = 0; v < 256; ++v) {
    for (unsigned i = 0; i < 64; ++i) msgs[v].child(0)[i] = static_cast<std::uint8_t>(rng());
    msgs[v].child(1)[31] = static_cast<std::uint8_t>(v);
    expected[v].bytes = crypto::sha256(std::span<const std::uint8_t>(msgs[v].bytes, 65));
    Bytes32 first, rest;
    std::memcpy(first.data(), msgs[v].child(0), 32);
    std::memcpy(rest.data(), msgs[v].child(1), 32);
    ASSERT_EQ(tree_hash_pair(first, rest), expected[v]) << v;
  }
  for (std::size_t lanes = 1; lanes <= 9; ++lanes) {
    for (std::size_t start = 0; start + lanes <= 256; start += lanes) {
      std::vector<const std::uint8_t*> in;
      std::vector<Bytes32> out(lanes);
      std::vector<std::uint8_t*> dst;
      for (std::size_t i = 0; i < lanes; ++i) {
        in.push_back(msgs[start + i].bytes);
        dst.push_back(out[i].data());
      }
      crypto::sha256_padded65_many(in.data(), lanes, dst.data());
      for (std::size_t i = 0; i < lanes; ++i)
        ASSERT_EQ(out[i], expected[start + i]) << lanes << " lanes, message " << start + i;
    }
  }
  // A wrong last byte gives another hash (the table row is the byte's own).
  Bytes32 first, rest;
  std::memcpy(first.data(), msgs[7].child(0), 32);
  std::memcpy(rest.data(), msgs[7].child(1), 32);
  rest[31] = 8;
  EXPECT_NE(tree_hash_pair(first, rest), expected[7]);
}

TEST_P(TreeHashBatch, RandomTreesMatchReference) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 40; ++round) {
    Allocator a;
    const NodePtr root = random_tree(a, rng, 1 + rng() % 600);
    ASSERT_EQ(tree_hash(a, root), reference_hash(a, root)) << "round " << round;
    TreeCache cache;
    ASSERT_EQ(tree_hash_cached(a, root, cache), reference_hash(a, root)) << "round " << round;
  }
}

TEST_P(TreeHashBatch, ListsAndChainsBeyondTheRecordBound) {
  Allocator a;
  std::mt19937 rng(99);
  NodePtr list = Allocator::nil(), left = Allocator::nil(), right = Allocator::nil();
  for (int i = 0; i < 5000; ++i) {
    list = a.new_pair(random_atom(a, rng), list);
    left = a.new_pair(left, Allocator::nil());    // every hash waits on the one below
    right = a.new_pair(Allocator::one(), right);  // only precomputed atoms
  }
  for (NodePtr root : {list, left, right, a.new_pair(list, left), a.new_pair(left, list)})
    ASSERT_EQ(tree_hash(a, root), reference_hash(a, root));
}

TEST_P(TreeHashBatch, SharedSubtreesHashedPerOccurrence) {
  Allocator a;
  std::mt19937 rng(5);
  NodePtr n = random_tree(a, rng, 8);
  for (int i = 0; i < 12; ++i) n = a.new_pair(n, n);  // 4096 occurrences of the first subtree
  EXPECT_EQ(tree_hash(a, n), reference_hash(a, n));
  TreeCache cache;
  EXPECT_EQ(tree_hash_cached(a, n, cache), reference_hash(a, n));
}

// 2^200 occurrences: only the memoised walk can finish, and must park repeat occurrences whose
// first is still being hashed (deferred hashing) rather than walk them again.
TEST_P(TreeHashBatch, CachedBombIsLinear) {
  Allocator a;
  NodePtr n = a.new_atom(std::vector<std::uint8_t>(40, 9));
  crypto::Sha256 h;
  h.update(std::uint8_t{1});
  h.update(a.atom(n).span());
  Bytes32 expected;
  expected.bytes = h.finish();
  for (int i = 0; i < 200; ++i) {
    n = a.new_pair(n, i % 3 == 0 ? n : a.new_pair(n, Allocator::nil()));
    crypto::Sha256 pair;
    pair.update(std::uint8_t{2});
    pair.update(expected.span());
    if (i % 3 == 0) {
      pair.update(expected.span());
    } else {
      crypto::Sha256 inner;
      inner.update(std::uint8_t{2});
      inner.update(expected.span());
      inner.update(tree_hash_atom({}).span());
      pair.update(inner.finish());
    }
    expected.bytes = pair.finish();
  }
  TreeCache cache;
  EXPECT_EQ(tree_hash_cached(a, n, cache), expected);
  EXPECT_LE(cache.size(), 200u);
  EXPECT_EQ(tree_hash_cached(a, n, cache), expected);  // now from the cache
}

INSTANTIATE_TEST_SUITE_P(Backends, TreeHashBatch,
                         ::testing::Values(Sha256Backend::kShaNi, Sha256Backend::kPortable),
                         [](const auto& info) {
                           return info.param == Sha256Backend::kShaNi ? "ShaNi" : "Portable";
                         });

// Hooks see nodes in DFS pre-order: first before rest, or rest before first (sha256tree's order).
TEST(TreeHasher, VisitOrderIsPreOrder) {
  Allocator a;
  std::mt19937 rng(77);
  const NodePtr root = random_tree(a, rng, 300);
  for (bool rest_first : {false, true}) {
    std::vector<std::uint32_t> expected;
    std::vector<NodePtr> todo{root};
    while (!todo.empty()) {
      const NodePtr n = todo.back();
      todo.pop_back();
      expected.push_back(n.raw());
      if (!n.is_pair()) continue;
      const Pair p = a.pair(n);
      todo.push_back(rest_first ? p.first : p.rest);
      todo.push_back(rest_first ? p.rest : p.first);
    }
    std::vector<std::uint32_t> seen;
    auto record = [&](NodePtr n) { seen.push_back(n.raw()); };
    tree_hash_detail::TreeHasher hasher;
    EXPECT_EQ(hasher.run(a, root, rest_first, record, record), reference_hash(a, root));
    EXPECT_EQ(seen, expected) << "rest_first " << rest_first;
  }
}

TEST(TreeHasher, ReusableAfterAHookThrows) {
  Allocator a;
  std::mt19937 rng(3);
  const NodePtr root = random_tree(a, rng, 500);
  tree_hash_detail::TreeHasher hasher;
  int visits = 0;
  auto throw_late = [&](NodePtr) {
    if (++visits == 400) throw std::runtime_error("stop");
  };
  EXPECT_THROW(hasher.run(a, root, true, throw_late, throw_late), std::runtime_error);
  auto none = [](NodePtr) {};
  EXPECT_EQ(hasher.run(a, root, true, none, none), reference_hash(a, root));
  const NodePtr atom = a.new_atom(std::vector<std::uint8_t>(40, 7));
  EXPECT_EQ(hasher.run(a, atom, false, none, none), reference_hash(a, atom));
}

}  // namespace
