// SPDX-License-Identifier: Apache-2.0
// node_to_bytes_backrefs on the shared corpus: the sizes clvmr 0.19's writer gives (0.generator's
// measured natively, the rest by its model), byte-identical to the model where the model is fast
// enough, decodes to the same tree, deterministic, honours the byte limit; plus crafted and
// generator-shaped trees checked byte for byte against the clvmr model.
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "reference_compressor.hpp"
#include "serde_test_util.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <string>

namespace {

using namespace clvm;

struct Input {
  const char* path;  // under tests/data; *.hex / *.envhex files hold hex text
  std::size_t size;  // clvmr's output size (0.generator measured natively; others its model's)
};

const Input kInputs[] = {
    {"generators/0.generator", 253078},
    {"generators/1.generator", 242450},
    {"generators/2.generator", 1426},
    {"generators/3.generator", 11051},
    {"generators/4.generator", 1002},
    {"generators/block_af9c3d98.bin", 89839},
    {"bench/programs/block-2000.hex", 316216},
    {"bench/programs/compressed-2000.hex", 284148},
    {"bench/programs/compressed-2000.envhex", 850},
    {"bench/programs/concat.hex", 194},
    {"bench/programs/count-even.hex", 99},
    {"bench/programs/factorial.hex", 96},
    {"bench/programs/hash-string.hex", 11},
    {"bench/programs/hash-tree.hex", 104},
    {"bench/programs/large-block.hex", 334},
    {"bench/programs/loop_add.hex", 89},
    {"bench/programs/loop_ior.hex", 83},
    {"bench/programs/loop_not.hex", 94},
    {"bench/programs/loop_sub.hex", 89},
    {"bench/programs/loop_xor.hex", 91},
    {"bench/programs/matrix-multiply.hex", 588},
    {"bench/programs/point-pow.hex", 106},
    {"bench/programs/pubkey-tree.hex", 112},
    {"bench/programs/shift-left.hex", 111},
    {"bench/programs/substr-tree.hex", 146},
    {"bench/programs/substr.hex", 118},
    {"bench/programs/sum-tree.hex", 104},
    {"bench/env/block-2000.env.hex", 1},
    {"bench/env/compressed-2000.env.hex", 850},
    {"bench/env/concat.env.hex", 16},
    {"bench/env/count-even.env.hex", 15004},
    {"bench/env/factorial.env.hex", 5},
    {"bench/env/hash-string.env.hex", 1565},
    {"bench/env/hash-tree.env.hex", 55},
    {"bench/env/large-block.env.hex", 87038},
    {"bench/env/loop_add.env.hex", 6},
    {"bench/env/loop_ior.env.hex", 6},
    {"bench/env/loop_not.env.hex", 6},
    {"bench/env/loop_sub.env.hex", 6},
    {"bench/env/loop_xor.env.hex", 6},
    {"bench/env/matrix-multiply.env.hex", 162},
    {"bench/env/point-pow.env.hex", 55},
    {"bench/env/pubkey-tree.env.hex", 37},
    {"bench/env/shift-left.env.hex", 15},
    {"bench/env/substr-tree.env.hex", 62005},
    {"bench/env/substr.env.hex", 62005},
    {"bench/env/sum-tree.env.hex", 64},
};

std::vector<std::uint8_t> load(const std::string& path) {
  std::ifstream f(std::string(CLVMPP_TEST_DATA_DIR) + "/" + path, std::ios::binary);
  if (!f) throw std::runtime_error("missing test data: " + path);
  std::vector<std::uint8_t> raw{std::istreambuf_iterator<char>(f),
                                std::istreambuf_iterator<char>()};
  if (path.find("hex") == std::string::npos) return raw;
  std::string text(raw.begin(), raw.end());
  std::erase_if(text, [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
  return serde_test::hex(text);
}

Bytes32 hash_of(const Allocator& a, NodePtr n) {
  TreeCache cache;
  return tree_hash_cached(a, n, cache);
}

class BackrefsWriterCorpus : public ::testing::TestWithParam<Input> {};

TEST_P(BackrefsWriterCorpus, ClvmrSizeAndDecodesToTheSameTree) {
  const Input& in = GetParam();
  Allocator a;
  const NodePtr root = node_from_bytes_backrefs(a, load(in.path));
  const auto out = node_to_bytes_backrefs(a, root);
  EXPECT_EQ(out.size(), in.size);
  // The model re-serializes every subtree it visits: quadratic, so only on the small inputs.
  if (node_to_bytes(a, root).size() <= 20000) {
    EXPECT_EQ(out, serde_test::reference_backrefs(a, root));
  }
  EXPECT_EQ(serialized_length_from_bytes(out), out.size());
  Allocator b;
  EXPECT_EQ(hash_of(b, node_from_bytes_backrefs(b, out)), hash_of(a, root));
  EXPECT_EQ(node_to_bytes_backrefs(a, root), out);  // deterministic
}

TEST_P(BackrefsWriterCorpus, LimitIsExact) {
  const Input& in = GetParam();
  Allocator a;
  const NodePtr root = node_from_bytes_backrefs(a, load(in.path));
  const auto out = node_to_bytes_backrefs(a, root);
  EXPECT_EQ(node_to_bytes_backrefs_limit(a, root, out.size()), out);
  serde_test::expect_error<EvalError>(
      [&] { node_to_bytes_backrefs_limit(a, root, out.size() - 1); }, ErrorKind::OutOfMemory);
}

INSTANTIATE_TEST_SUITE_P(All, BackrefsWriterCorpus, ::testing::ValuesIn(kInputs),
                         [](const auto& info) {
                           std::string n = info.param.path;
                           n = n.substr(n.rfind('/') + 1);
                           for (char& c : n)
                             if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
                           return n;
                         });

// The same atom at growing distances: near copies are referenced, far ones (whose path would be
// longer than the atom) are written again, and a copy inside a referenced subtree is found too.
TEST(BackrefsWriter, RepeatsAtGrowingDistancesMatchTheClvmrModel) {
  Allocator a;
  const NodePtr key = a.new_atom(std::vector<std::uint8_t>(32, 0xab));
  const NodePtr small = a.new_atom(std::vector<std::uint8_t>{1, 2, 3});
  NodePtr list = Allocator::nil();
  for (int i = 0; i < 600; ++i) {
    const NodePtr n = a.new_atom(std::vector<std::uint8_t>{static_cast<std::uint8_t>(i >> 8),
                                                           static_cast<std::uint8_t>(i), 7, 9});
    NodePtr item = a.new_pair(n, a.new_pair(small, Allocator::nil()));
    if (i % 97 == 0) item = a.new_pair(key, item);
    if (i % 13 == 0) item = a.new_pair(a.new_pair(key, small), item);
    list = a.new_pair(item, list);
  }
  const auto ours = node_to_bytes_backrefs(a, list);
  EXPECT_EQ(ours, serde_test::reference_backrefs(a, list));
  Allocator b;
  EXPECT_EQ(hash_of(b, node_from_bytes_backrefs(b, ours)), hash_of(a, list));
}

// A subtree referenced as a whole, then a piece of it that was never written on its own.
TEST(BackrefsWriter, FindsPiecesOfReferencedSubtrees) {
  Allocator a;
  const NodePtr piece = a.new_pair(a.new_atom(std::vector<std::uint8_t>(20, 0x11)),
                                   a.new_atom(std::vector<std::uint8_t>(20, 0x22)));
  const NodePtr whole = a.new_pair(piece, a.new_atom(std::vector<std::uint8_t>(20, 0x33)));
  const NodePtr tree =
      a.new_pair(whole, a.new_pair(a.new_pair(Allocator::one(), whole), a.new_pair(piece, whole)));
  const auto ours = node_to_bytes_backrefs(a, tree);
  EXPECT_EQ(ours, serde_test::reference_backrefs(a, tree));
  EXPECT_LT(ours.size(), node_to_bytes(a, whole).size() * 2);
  Allocator b;
  EXPECT_EQ(hash_of(b, node_from_bytes_backrefs(b, ours)), hash_of(a, tree));
}

// Generator-shaped trees (long lists of items that share subtrees, left-nested chains, trees with
// and without nil) make deep stacks and many equal-length paths: clvmr's choice among those
// depends on the order its parent lists were built in, which the writer must reproduce.
class GeneratorShaped {
 public:
  GeneratorShaped(Allocator& a, std::uint64_t seed) : a_(a), state_(seed) {}

  NodePtr tree() {
    no_nil_ = next(4) == 0;
    pool_.clear();
    std::vector<NodePtr> items(5 + next(120));
    for (NodePtr& item : items) {
      if (next(3) == 0) {
        std::vector<NodePtr> inner(1 + next(8));
        for (NodePtr& x : inner) x = node(2);
        item = list(inner);
      } else {
        item = node(0);
      }
    }
    if (next(2) == 0) return list(items);
    NodePtr acc = items[0];  // left-nested: (((i0 . i1) . i2) ...)
    for (std::size_t i = 1; i < items.size(); ++i) acc = a_.new_pair(acc, items[i]);
    return acc;
  }

 private:
  std::uint32_t next(std::uint32_t n) {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>((state_ >> 33) % n);
  }
  NodePtr atom() {
    static const std::vector<std::vector<std::uint8_t>> kAtoms = {
        {}, {1}, {2}, {0x80}, {1, 2, 3}, std::vector<std::uint8_t>(33, 0x5a), {0x7f}, {5, 6}};
    std::vector<std::uint8_t> bytes = kAtoms[next(kAtoms.size())];
    if (no_nil_ && bytes.empty()) bytes = {9};
    return a_.new_atom(bytes);
  }
  NodePtr node(int depth) {
    const std::uint32_t r = next(10);
    if (depth > 6 || r < 3) return atom();
    if (r < 5 && !pool_.empty()) return pool_[next(pool_.size())];
    const NodePtr first = node(depth + 1);
    const NodePtr p = a_.new_pair(first, node(depth + 1));
    pool_.push_back(p);
    return p;
  }
  NodePtr list(const std::vector<NodePtr>& items) {
    NodePtr t = no_nil_ ? a_.new_atom(std::vector<std::uint8_t>{9}) : Allocator::nil();
    for (auto it = items.rbegin(); it != items.rend(); ++it) t = a_.new_pair(*it, t);
    return t;
  }

  Allocator& a_;
  std::uint64_t state_;
  bool no_nil_ = false;
  std::vector<NodePtr> pool_;
};

TEST(BackrefsWriter, GeneratorShapedTreesMatchTheClvmrModelByteForByte) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    Allocator a;
    const NodePtr t = GeneratorShaped(a, seed).tree();
    const auto ours = node_to_bytes_backrefs(a, t);
    ASSERT_EQ(ours, serde_test::reference_backrefs(a, t)) << "seed " << seed;
    Allocator b;
    EXPECT_EQ(hash_of(b, node_from_bytes_backrefs(b, ours)), hash_of(a, t));
  }
}

}  // namespace
