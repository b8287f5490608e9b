// SPDX-License-Identifier: Apache-2.0
// Keccak-256 known answers: the classic empty/"abc" values and every keccak256 op-test vector.
#include "crypto/keccak256.hpp"

#include <gtest/gtest.h>

#include <string_view>

#include "op_vectors.hpp"

namespace {

using clvm::crypto::Keccak256;
using clvm::crypto::keccak256;
using clvm::test::hex_string;

std::span<const std::uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

TEST(Keccak256, KnownAnswers) {
  // Keccak padding (Ethereum), not SHA3-256 (whose empty digest is a7ffc6f8...).
  EXPECT_EQ(hex_string(keccak256(bytes_of(""))),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(hex_string(keccak256(bytes_of("abc"))),
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
}

TEST(Keccak256, FinishResets) {
  Keccak256 h;
  h.update(bytes_of("junk"));
  (void)h.finish();
  h.update(bytes_of("a"));
  h.update(bytes_of("bc"));
  EXPECT_EQ(h.finish(), keccak256(bytes_of("abc")));
}

// Every line of the four keccak files: the op hashes the concatenation of its atom arguments.
TEST(Keccak256, OpTestVectors) {
  int checked = 0;
  for (const char* file : {"test-keccak256.txt", "test-keccak256-v2.txt",
                           "test-keccak256-generated.txt", "test-keccak256-generated-v2.txt"}) {
    for (const auto& v : clvm::test::read_op_vectors(file)) {
      ASSERT_EQ(v.op, "keccak256") << v.file << ":" << v.line;
      ASSERT_FALSE(v.fails) << v.file << ":" << v.line;
      Keccak256 h;
      for (const auto& a : v.args) h.update(a);
      ASSERT_EQ(hex_string(h.finish()), hex_string(v.result)) << v.file << ":" << v.line;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 3116);  // every line of the four files
}

}  // namespace
