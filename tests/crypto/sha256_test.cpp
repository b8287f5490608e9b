// SPDX-License-Identifier: Apache-2.0
// SHA-256 known answers: FIPS 180-4 / NIST CAVP examples, incremental-update equivalence, and the
// pre-padded message path on each backend (SHA-NI and portable) against them and OpenSSL.
#include "crypto/sha256.hpp"

#include <gtest/gtest.h>

#include <algorithm>
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

// ---- Pre-padded messages, on every backend this CPU has -----------------------------------------

namespace padded {

using clvm::crypto::Digest32;
using clvm::crypto::Sha256Backend;

// Selects a backend for one test and restores the previous one.
class BackendTest : public ::testing::TestWithParam<Sha256Backend> {
 protected:
  void SetUp() override {
    saved_ = clvm::crypto::sha256_backend();
    if (!clvm::crypto::set_sha256_backend(GetParam())) GTEST_SKIP() << "no SHA-NI on this CPU";
    ASSERT_EQ(clvm::crypto::sha256_backend(), GetParam());
  }
  void TearDown() override { clvm::crypto::set_sha256_backend(saved_); }
  Sha256Backend saved_ = Sha256Backend::kPortable;
};

std::vector<std::uint8_t> pseudo_random(std::size_t n, std::uint32_t seed) {
  std::vector<std::uint8_t> v(n);
  for (auto& b : v) {
    seed = seed * 1664525u + 1013904223u;
    b = static_cast<std::uint8_t>(seed >> 24);
  }
  return v;
}

// The message followed by its padding, as sha256_padded expects it.
std::vector<std::uint8_t> padded(std::span<const std::uint8_t> msg) {
  std::vector<std::uint8_t> buf(clvm::crypto::sha256_padded_blocks(msg.size()) * 64, 0xEE);
  std::copy(msg.begin(), msg.end(), buf.begin());
  EXPECT_EQ(clvm::crypto::sha256_pad(buf.data(), msg.size()) * 64, buf.size());
  return buf;
}

Digest32 padded_sha256(std::span<const std::uint8_t> msg) {
  const auto buf = padded(msg);
  Digest32 out;
  clvm::crypto::sha256_padded(buf.data(), buf.size() / 64, out.data());
  return out;
}

TEST_P(BackendTest, NistVectors) {
  EXPECT_EQ(hex_string(padded_sha256(bytes_of(""))),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex_string(padded_sha256(bytes_of("abc"))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex_string(padded_sha256(
                bytes_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(hex_string(padded_sha256(
                bytes_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                         "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"))),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_P(BackendTest, PaddingBlockCounts) {
  using clvm::crypto::sha256_padded_blocks;
  EXPECT_EQ(sha256_padded_blocks(0), 1u);
  EXPECT_EQ(sha256_padded_blocks(55), 1u);
  EXPECT_EQ(sha256_padded_blocks(56), 2u);
  EXPECT_EQ(sha256_padded_blocks(119), 2u);
  EXPECT_EQ(sha256_padded_blocks(120), 3u);
  // 02 || 32 || 32: the pair message is 0x80, zeros, then the bit length 520 = 0x0208.
  std::vector<std::uint8_t> buf(128, 0xEE);
  EXPECT_EQ(clvm::crypto::sha256_pad(buf.data(), 65), 2u);
  EXPECT_EQ(buf[64], 0xEE);
  EXPECT_EQ(buf[65], 0x80);
  for (std::size_t i = 66; i < 126; ++i) ASSERT_EQ(buf[i], 0) << i;
  EXPECT_EQ(buf[126], 0x02);
  EXPECT_EQ(buf[127], 0x08);
}

// Every length 0..300, random contents: the padded path equals OpenSSL's incremental hasher.
TEST_P(BackendTest, RandomLengthsMatchIncremental) {
  for (std::size_t len = 0; len <= 300; ++len) {
    const auto msg = pseudo_random(len, static_cast<std::uint32_t>(len) + 7);
    ASSERT_EQ(padded_sha256(msg), sha256(msg)) << "length " << len;
  }
}

// Tree-hash shaped messages: a one-byte prefix (01 atom, 02 pair) before the payload.
TEST_P(BackendTest, PrefixedMessages) {
  for (std::uint8_t prefix : {std::uint8_t{1}, std::uint8_t{2}}) {
    for (std::size_t len : {0, 1, 32, 54, 55, 56, 64, 118, 119, 200}) {
      const auto payload = pseudo_random(len, static_cast<std::uint32_t>(len * 3 + prefix));
      std::vector<std::uint8_t> msg{prefix};
      msg.insert(msg.end(), payload.begin(), payload.end());
      ASSERT_EQ(padded_sha256(msg), sha256({std::span<const std::uint8_t>(&prefix, 1), payload}))
          << int{prefix} << " " << len;
    }
  }
}

// Batches of every size 1..9 (groups of four and each remainder) and 1..3 blocks: each message
// gets its own digest, written only to its own output.
TEST_P(BackendTest, ManyEqualsOneByOne) {
  for (std::size_t blocks = 1; blocks <= 3; ++blocks) {
    const std::size_t len = blocks * 64 - 9;  // the longest message of this many blocks
    for (std::size_t count = 1; count <= 9; ++count) {
      std::vector<std::vector<std::uint8_t>> msgs;
      std::vector<Digest32> expected;
      for (std::size_t i = 0; i < count; ++i) {
        const auto m = pseudo_random(len - i, static_cast<std::uint32_t>(100 * blocks + i));
        msgs.push_back(padded(m));
        expected.push_back(sha256(m));
      }
      std::vector<const std::uint8_t*> in;
      std::vector<Digest32> out(count + 1);
      out.back().fill(0x5A);
      std::vector<std::uint8_t*> outs;
      for (std::size_t i = 0; i < count; ++i) {
        ASSERT_EQ(msgs[i].size(), blocks * 64);
        in.push_back(msgs[i].data());
        outs.push_back(out[i].data());
      }
      clvm::crypto::sha256_padded_many(in.data(), count, blocks, outs.data());
      for (std::size_t i = 0; i < count; ++i)
        ASSERT_EQ(out[i], expected[i]) << blocks << " blocks, " << count << " messages, #" << i;
      Digest32 untouched;
      untouched.fill(0x5A);
      EXPECT_EQ(out.back(), untouched);
    }
  }
}

// Both backends agree on the same random pair messages (when the CPU has both).
TEST(Sha256Backends, AgreeOnPairMessages) {
  const Sha256Backend saved = clvm::crypto::sha256_backend();
  if (!clvm::crypto::set_sha256_backend(Sha256Backend::kShaNi)) GTEST_SKIP() << "no SHA-NI";
  for (std::uint32_t seed = 0; seed < 200; ++seed) {
    auto msg = pseudo_random(65, seed);
    msg[0] = 2;
    const auto buf = padded(msg);
    Digest32 a, b;
    ASSERT_TRUE(clvm::crypto::set_sha256_backend(Sha256Backend::kShaNi));
    clvm::crypto::sha256_padded(buf.data(), 2, a.data());
    ASSERT_TRUE(clvm::crypto::set_sha256_backend(Sha256Backend::kPortable));
    clvm::crypto::sha256_padded(buf.data(), 2, b.data());
    ASSERT_EQ(a, b) << seed;
  }
  clvm::crypto::set_sha256_backend(saved);
}

INSTANTIATE_TEST_SUITE_P(Backends, BackendTest,
                         ::testing::Values(Sha256Backend::kShaNi, Sha256Backend::kPortable),
                         [](const auto& info) {
                           return info.param == Sha256Backend::kShaNi ? "ShaNi" : "Portable";
                         });

}  // namespace padded

}  // namespace
