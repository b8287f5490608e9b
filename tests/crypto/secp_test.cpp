// SPDX-License-Identifier: Apache-2.0
// ECDSA verification: the secp op-test vectors, tampering, malformed inputs, high-S and the SEC1
// encodings (compressed, uncompressed, compact; hybrid and identity rejected).
#include "crypto/secp.hpp"

#include <gtest/gtest.h>
#include <openssl/bn.h>

#include <algorithm>
#include <array>

#include "op_vectors.hpp"

namespace {

using clvm::crypto::SecpResult;
using clvm::test::ByteVec;
using clvm::test::hex_bytes;

using VerifyFn = SecpResult (*)(std::span<const std::uint8_t>, std::span<const std::uint8_t>,
                                std::span<const std::uint8_t>) noexcept;

struct Curve {
  const char* name;
  VerifyFn verify;
  const char* order_hex;
  const char* prime_hex;
  bool accepts_high_s;
};

const Curve kK1{"secp256k1", clvm::crypto::secp256k1_verify,
                "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
                "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", false};
const Curve kR1{"secp256r1", clvm::crypto::secp256r1_verify,
                "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
                "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", true};

struct Case {
  ByteVec pk, digest, sig;
};

// The valid vectors of the op-test files for one curve (each verifies to nil).
std::vector<Case> valid_cases(const Curve& c) {
  std::vector<Case> out;
  for (const char* file : {"test-secp256k1.txt", "test-secp256r1.txt", "test-secp-verify.txt"}) {
    for (const auto& v : clvm::test::read_op_vectors(file)) {
      if (v.op != std::string(c.name) + "_verify" || v.fails || v.args.size() != 3) continue;
      out.push_back({v.args[0], v.args[1], v.args[2]});
    }
  }
  return out;
}

// n − s, big-endian 32 bytes.
ByteVec negate_mod(const ByteVec& s, const char* order_hex) {
  ByteVec n = hex_bytes(order_hex), out(32);
  int borrow = 0;
  for (int i = 31; i >= 0; --i) {
    int d = n[static_cast<std::size_t>(i)] - s[static_cast<std::size_t>(i)] - borrow;
    borrow = d < 0;
    out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(d + (borrow ? 256 : 0));
  }
  return out;
}

bool high_s(const ByteVec& s, const char* order_hex) {
  // s > n/2  <=>  n − s < s
  return std::lexicographical_compare(negate_mod(s, order_hex).begin(),
                                      negate_mod(s, order_hex).end(), s.begin(), s.end());
}

class Secp : public ::testing::TestWithParam<const Curve*> {};

TEST_P(Secp, OpTestVectorsBehaveAsTheFilesSay) {
  const Curve& c = *GetParam();
  int valid = 0, invalid = 0;
  for (const char* file : {"test-secp256k1.txt", "test-secp256r1.txt", "test-secp-verify.txt"}) {
    for (const auto& v : clvm::test::read_op_vectors(file)) {
      if (v.op != std::string(c.name) + "_verify" || v.args.size() != 3) continue;
      auto r = c.verify(v.args[0], v.args[1], v.args[2]);
      if (v.fails) {
        EXPECT_NE(r, SecpResult::Valid) << v.file << ":" << v.line;
        ++invalid;
      } else {
        EXPECT_EQ(r, SecpResult::Valid) << v.file << ":" << v.line;
        ++valid;
      }
    }
  }
  EXPECT_GE(valid, 30);
  EXPECT_GE(invalid, 1);
}

TEST_P(Secp, TamperingBreaksVerification) {
  const Curve& c = *GetParam();
  auto cases = valid_cases(c);
  ASSERT_FALSE(cases.empty());
  for (const auto& k : cases) {
    for (std::size_t bit : {0u, 77u, 255u}) {
      Case t = k;
      t.digest[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      EXPECT_EQ(c.verify(t.pk, t.digest, t.sig), SecpResult::Mismatch);
      t = k;
      t.sig[bit / 8 + 16] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      auto r = c.verify(t.pk, t.digest, t.sig);
      EXPECT_TRUE(r == SecpResult::Mismatch || r == SecpResult::InvalidSignature);
    }
  }
}

TEST_P(Secp, HighS) {
  const Curve& c = *GetParam();
  int checked = 0;
  for (const auto& k : valid_cases(c)) {
    ByteVec s(k.sig.begin() + 32, k.sig.end());
    ByteVec flipped = k.sig;
    auto ns = negate_mod(s, c.order_hex);
    std::copy(ns.begin(), ns.end(), flipped.begin() + 32);
    // (r, n − s) is the other valid signature; k256 accepts only the low-S one, p256 both.
    const bool flipped_is_high = high_s(ns, c.order_hex);
    SecpResult expected =
        (c.accepts_high_s || !flipped_is_high) ? SecpResult::Valid : SecpResult::Mismatch;
    EXPECT_EQ(c.verify(k.pk, k.digest, flipped), expected);
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST_P(Secp, MalformedInputsAreRejectedInOrder) {
  const Curve& c = *GetParam();
  const Case k = valid_cases(c).at(0);
  const ByteVec n = hex_bytes(c.order_hex);
  const ByteVec p = hex_bytes(c.prime_hex);

  // pubkey
  EXPECT_EQ(c.verify({}, k.digest, k.sig), SecpResult::InvalidPubkey);
  EXPECT_EQ(c.verify(ByteVec{0x00}, k.digest, k.sig), SecpResult::InvalidPubkey);  // identity
  ByteVec pk = k.pk;
  pk.pop_back();
  EXPECT_EQ(c.verify(pk, k.digest, k.sig), SecpResult::InvalidPubkey);
  pk = k.pk;
  pk.push_back(0);
  EXPECT_EQ(c.verify(pk, k.digest, k.sig), SecpResult::InvalidPubkey);
  for (std::uint8_t tag : {0x00, 0x01, 0x04, 0x06, 0x07, 0xff}) {
    pk = k.pk;
    pk[0] = tag;  // 33-byte bodies with tags that need another length or do not exist
    EXPECT_EQ(c.verify(pk, k.digest, k.sig), SecpResult::InvalidPubkey) << int(tag);
  }
  pk = ByteVec{0x02};
  pk.insert(pk.end(), p.begin(), p.end());  // x = p is out of range
  EXPECT_EQ(c.verify(pk, k.digest, k.sig), SecpResult::InvalidPubkey);
  ByteVec off_curve(65, 0x01);
  off_curve[0] = 0x04;
  EXPECT_EQ(c.verify(off_curve, k.digest, k.sig), SecpResult::InvalidPubkey);

  // digest (checked after the key, before the signature)
  ByteVec d = k.digest;
  d.pop_back();
  EXPECT_EQ(c.verify(k.pk, d, ByteVec{}), SecpResult::InvalidDigest);
  d.resize(33, 0);
  EXPECT_EQ(c.verify(k.pk, d, k.sig), SecpResult::InvalidDigest);
  EXPECT_EQ(c.verify(ByteVec{}, d, k.sig), SecpResult::InvalidPubkey);

  // signature
  ByteVec sig = k.sig;
  sig.pop_back();
  EXPECT_EQ(c.verify(k.pk, k.digest, sig), SecpResult::InvalidSignature);
  sig = k.sig;
  sig.push_back(0);
  EXPECT_EQ(c.verify(k.pk, k.digest, sig), SecpResult::InvalidSignature);
  sig = k.sig;
  std::fill(sig.begin(), sig.begin() + 32, 0);  // r = 0
  EXPECT_EQ(c.verify(k.pk, k.digest, sig), SecpResult::InvalidSignature);
  sig = k.sig;
  std::fill(sig.begin() + 32, sig.end(), 0);  // s = 0
  EXPECT_EQ(c.verify(k.pk, k.digest, sig), SecpResult::InvalidSignature);
  sig = k.sig;
  std::copy(n.begin(), n.end(), sig.begin());  // r = n
  EXPECT_EQ(c.verify(k.pk, k.digest, sig), SecpResult::InvalidSignature);
  sig = k.sig;
  std::copy(n.begin(), n.end(), sig.begin() + 32);  // s = n
  EXPECT_EQ(c.verify(k.pk, k.digest, sig), SecpResult::InvalidSignature);
  std::fill(sig.begin(), sig.end(), 0xff);
  EXPECT_EQ(c.verify(k.pk, k.digest, sig), SecpResult::InvalidSignature);
}

// Converts compressed ↔ uncompressed with OpenSSL's BN (test-side only), to check that every
// accepted encoding of the same key gives the same verdict and that hybrid forms are rejected.
TEST_P(Secp, EncodingsOfTheSameKey) {
  const Curve& c = *GetParam();
  for (const auto& k : valid_cases(c)) {
    ByteVec compressed, uncompressed;
    if (k.pk.size() == 65) {
      uncompressed = k.pk;
      compressed.assign(k.pk.begin(), k.pk.begin() + 33);
      compressed[0] = (k.pk[64] & 1) ? 0x03 : 0x02;
    } else {
      compressed = k.pk;
    }
    EXPECT_EQ(c.verify(compressed, k.digest, k.sig), SecpResult::Valid);
    ByteVec other = compressed;
    other[0] ^= 0x01;  // the negated point: a valid key, wrong for this signature
    EXPECT_EQ(c.verify(other, k.digest, k.sig), SecpResult::Mismatch);
    if (!uncompressed.empty()) {
      EXPECT_EQ(c.verify(uncompressed, k.digest, k.sig), SecpResult::Valid);
      ByteVec hybrid = uncompressed;
      hybrid[0] = (uncompressed[64] & 1) ? 0x07 : 0x06;
      EXPECT_EQ(c.verify(hybrid, k.digest, k.sig), SecpResult::InvalidPubkey);
    }
    // Compact (05 ‖ x): k256 takes the even-y point; p256 the point with y < p − y.
    ByteVec compact = compressed;
    compact[0] = 0x05;
    bool compact_is_this_key;
    if (!c.accepts_high_s) {
      compact_is_this_key = compressed[0] == 0x02;
    } else {
      if (uncompressed.empty()) continue;  // need y to decide
      BIGNUM* y = BN_bin2bn(uncompressed.data() + 33, 32, nullptr);
      ByteVec pb = hex_bytes(c.prime_hex);
      BIGNUM* pr = BN_bin2bn(pb.data(), 32, nullptr);
      BIGNUM* neg = BN_new();
      BN_sub(neg, pr, y);
      compact_is_this_key = BN_cmp(y, neg) < 0;
      BN_free(y);
      BN_free(pr);
      BN_free(neg);
    }
    EXPECT_EQ(c.verify(compact, k.digest, k.sig),
              compact_is_this_key ? SecpResult::Valid : SecpResult::Mismatch);
  }
}

INSTANTIATE_TEST_SUITE_P(Curves, Secp, ::testing::Values(&kK1, &kR1),
                         [](const auto& info) { return std::string(info.param->name); });

}  // namespace
