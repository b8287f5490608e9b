// SPDX-License-Identifier: Apache-2.0
// SHA-256 known answers: FIPS 180-4 / NIST CAVP examples, plus incremental-update equivalence.
#include "crypto/sha256.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "op_vectors.hpp"

namespace {

using clvm::crypto::Sha256;
using clvm::crypto::sha256;
using clvm::test::hex_string;

std::span<const std::uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

TEST(Sha256, NistShortMessages) {
  EXPECT_EQ(hex_string(sha256(bytes_of(""))),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex_string(sha256(bytes_of("abc"))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(
      hex_string(sha256(bytes_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(
      hex_string(sha256(bytes_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                                 "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"))),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, NistMillionA) {
  Sha256 h;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(bytes_of(chunk));
  EXPECT_EQ(hex_string(h.finish()),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalEqualsOneShotAtEverySplit) {
  std::vector<std::uint8_t> msg(200);
  for (std::size_t i = 0; i < msg.size(); ++i) msg[i] = static_cast<std::uint8_t>(i * 7 + 3);
  const auto expected = sha256(msg);
  for (std::size_t split = 0; split <= msg.size(); ++split) {
    Sha256 h;
    h.update(std::span(msg).first(split));
    h.update(std::span(msg).subspan(split));
    ASSERT_EQ(h.finish(), expected) << "split " << split;
  }
  std::span<const std::uint8_t> s(msg);
  EXPECT_EQ(sha256({s.first(1), s.subspan(1, 64), s.subspan(65)}), expected);
}

TEST(Sha256, FinishResetsAndByteUpdate) {
  Sha256 h;
  h.update(bytes_of("junk"));
  (void)h.finish();
  h.update(std::uint8_t{'a'});
  h.update(bytes_of("bc"));
  EXPECT_EQ(hex_string(h.finish()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Copies are independent.
  Sha256 a;
  a.update(bytes_of("ab"));
  Sha256 b = a;
  b.update(bytes_of("c"));
  a.update(bytes_of("c"));
  EXPECT_EQ(a.finish(), b.finish());
}

// The sha256 op-test lines whose arguments are atoms: the op hashes their concatenation.
TEST(Sha256, OpTestVectors) {
  int checked = 0;
  for (const char* file : {"test-sha256.txt", "test-sha256-v2.txt"}) {
    for (const auto& v : clvm::test::read_op_vectors(file)) {
      if (v.op != "sha256" || v.fails || !v.result_is_atom) continue;
      Sha256 h;
      for (const auto& a : v.args) h.update(a);
      EXPECT_EQ(hex_string(h.finish()), hex_string(v.result)) << v.file << ":" << v.line;
      ++checked;
    }
  }
  EXPECT_GT(checked, 10);
}

}  // namespace
