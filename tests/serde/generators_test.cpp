// SPDX-License-Identifier: Apache-2.0
// The shared block generators: known tree hashes and round trips through every format.
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>
#include <clvm/tree_hash.hpp>

#include "serde_test_util.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace clvm;

struct Generator {
  const char* file;
  const char* hash;         // full tree hash
  std::size_t object_size;  // serialized_length_from_bytes
  bool classic;             // no back-references
  bool inflatable;          // its classic form fits in an arena
};

// block_af9c3d98, 0 and 2 match the published 3750f0e1…1db1, 9c79f1ba…940a and 05d7944b…91f8;
// the full values were computed here (tree_hash and tree_hash_cached agree).
const Generator kGenerators[] = {
    {"block_af9c3d98.bin", "3750f0e1bde9fcb407135f974aa276a4580e1e76a47e6d8d9bb2911d0fe91db1",
     138436, true, true},
    {"0.generator", "9c79f1ba49d121515526f03e1c846e6a5e431e749d05ca346dd89452fa93940a", 251415,
     false, true},
    {"1.generator", "a6e3bcb6be4680b9c8be8fd9d7f89ce98a155ddab17c7e1833f4252a2866f08b", 239513,
     false, true},
    {"2.generator", "05d7944be7e9b3a131ed2635d8b456c78a172f5500f8341d075b6491f05091f8", 1426, true,
     true},
    {"3.generator", "c24af8d9cf0f92b201b48fbaa00c53653e3f48682d6036538e2df55f4a126924", 11023,
     false, true},
    // A back-reference "ladder": 1,002 bytes that inflate to a 475,510,860-byte classic form.
    {"4.generator", "1d50f97e7c100beccd6c7efbd4bd4d64c75dbcf8c93092e75953a46fa9a1105a", 1002, false,
     false},
};

class SerdeGenerators : public ::testing::TestWithParam<Generator> {};

Bytes32 hash_of(const Allocator& a, NodePtr n) {
  TreeCache cache;
  return tree_hash_cached(a, n, cache);
}

TEST_P(SerdeGenerators, TreeHashAndLength) {
  const Generator& g = GetParam();
  const auto bytes = serde_test::generator(g.file);
  Allocator a;
  const NodePtr root = node_from_bytes_backrefs(a, bytes);
  EXPECT_EQ(fmt::format("{}", hash_of(a, root)), g.hash);
  if (g.inflatable) {
    EXPECT_EQ(fmt::format("{}", tree_hash(a, root)), g.hash);
  }
  EXPECT_EQ(serialized_length_from_bytes(bytes), g.object_size);
  EXPECT_EQ(serialized_length_from_bytes_trusted(bytes), g.object_size);
  EXPECT_EQ(is_canonical_serialization(bytes), g.object_size == bytes.size());
  EXPECT_EQ(fmt::format("{}", tree_hash_from_bytes(bytes)), g.hash);  // with or without backrefs
  if (g.classic) {
    Allocator b;
    EXPECT_EQ(fmt::format("{}", tree_hash(b, node_from_bytes(b, bytes))), g.hash);
  }
}

TEST_P(SerdeGenerators, ClassicRoundTrip) {
  const Generator& g = GetParam();
  Allocator a;
  const NodePtr root = node_from_bytes_backrefs(a, serde_test::generator(g.file));
  if (!g.inflatable) {
    serde_test::expect_error<EvalError>(
        [&] { node_to_bytes_limit(a, root, kDefaultSerializeLimit); }, ErrorKind::OutOfMemory);
    return;
  }
  const auto classic = node_to_bytes(a, root);
  EXPECT_TRUE(is_canonical_serialization(classic));
  EXPECT_EQ(fmt::format("{}", tree_hash_from_bytes(classic)), g.hash);
  Allocator b;
  const NodePtr again = node_from_bytes_strict(b, classic);
  EXPECT_EQ(node_to_bytes(b, again), classic);
}

TEST_P(SerdeGenerators, BackrefRoundTrip) {
  const Generator& g = GetParam();
  const auto bytes = serde_test::generator(g.file);
  Allocator a;
  const NodePtr root = node_from_bytes_backrefs(a, bytes);
  const auto compressed = node_to_bytes_backrefs(a, root);
  EXPECT_EQ(serialized_length_from_bytes(compressed), compressed.size());
  EXPECT_TRUE(is_canonical_serialization(compressed));
  Allocator b;
  EXPECT_EQ(fmt::format("{}", hash_of(b, node_from_bytes_backrefs(b, compressed))), g.hash);
  if (g.inflatable) {
    EXPECT_LE(compressed.size(), node_to_bytes(a, root).size());
  }
}

TEST_P(SerdeGenerators, Serde2026RoundTrip) {
  const Generator& g = GetParam();
  Allocator a;
  const NodePtr root = node_from_bytes_backrefs(a, serde_test::generator(g.file));
  const auto s = node_to_bytes_2026(a, root);
  Allocator b;
  const NodePtr back = node_from_bytes_2026(b, s);
  EXPECT_EQ(fmt::format("{}", hash_of(b, back)), g.hash);
  EXPECT_EQ(node_to_bytes_2026(b, back), s);  // the writer is deterministic on equal trees
}

INSTANTIATE_TEST_SUITE_P(All, SerdeGenerators, ::testing::ValuesIn(kGenerators),
                         [](const auto& info) {
                           std::string n = info.param.file;
                           for (char& c : n)
                             if (c == '.') c = '_';
                           return n;
                         });

// clvmr 0.19's node_to_bytes_backrefs re-compresses 0.generator to 253,078 bytes (bench README).
TEST(SerdeGeneratorSizes, BackrefOutputMatchesClvmr) {
  Allocator a;
  const NodePtr root = node_from_bytes_backrefs(a, serde_test::generator("0.generator"));
  EXPECT_EQ(node_to_bytes_backrefs(a, root).size(), 253'078u);
  EXPECT_EQ(node_to_bytes(a, root).size(), 948'848u);
}

}  // namespace
