// SPDX-License-Identifier: Apache-2.0
// BLS12-381 wrappers: encodings, validation (chia-bls rules), group law, scalars mod r,
// hash-to-curve, pairing identity and augmented aggregate verification, against the blspy
// op-test vectors and algebraic identities.
#include "crypto/bls.hpp"

#include <blst.h>
#include <gtest/gtest.h>

#include <string_view>

#include "op_vectors.hpp"

namespace {

using namespace clvm::crypto::bls;
using clvm::test::ByteVec;
using clvm::test::hex_bytes;
using clvm::test::hex_string;

constexpr const char* kG1Gen =
    "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6"
    "bb";
constexpr const char* kG2Gen =
    "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b"
    "7e"
    "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bd"
    "b8";
constexpr const char* kOrder = "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

std::span<const std::uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

ByteVec inf_bytes(std::size_t n) {
  ByteVec b(n, 0);
  b[0] = 0xc0;
  return b;
}

G1 g1(const std::string& hex) { return G1::from_bytes(hex_bytes(hex)).value(); }
G2 g2(const std::string& hex) { return G2::from_bytes(hex_bytes(hex)).value(); }
Scalar k(std::int64_t v) {
  return scalar_from_int(clvm::test::int_atom_from_decimal(std::to_string(v)));
}

TEST(Bls, GeneratorsAndInfinityEncodings) {
  EXPECT_EQ(hex_string(G1::generator().to_bytes()), kG1Gen);
  EXPECT_EQ(hex_string(G2::generator().to_bytes()), kG2Gen);
  EXPECT_EQ(g1(kG1Gen), G1::generator());
  EXPECT_EQ(g2(kG2Gen), G2::generator());
  EXPECT_EQ(G1().to_bytes()[0], 0xc0);
  EXPECT_TRUE(G1().is_infinity());
  EXPECT_TRUE(G2().is_infinity());
  const auto inf1 = G1().to_bytes();
  const auto inf2 = G2().to_bytes();
  EXPECT_EQ(ByteVec(inf1.begin(), inf1.end()), inf_bytes(48));
  EXPECT_EQ(ByteVec(inf2.begin(), inf2.end()), inf_bytes(96));
  auto i1 = G1::from_bytes(inf_bytes(48));
  ASSERT_TRUE(i1);
  EXPECT_TRUE(i1->is_infinity());
  auto i2 = G2::from_bytes(inf_bytes(96));
  ASSERT_TRUE(i2);
  EXPECT_TRUE(i2->is_infinity());
}

TEST(Bls, G1RejectsNonCanonicalEncodings) {
  // chia-bls's own table of G1 encodings that must fail.
  for (const char* bad : {
           "c00000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "000000001",
           "c08000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "000000000",
           "c80000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "000000000",
           "e00000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "000000000",
           "d00000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "000000000",
           "800000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "000000000",
           "400000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
           "000000000",
           // uncompressed flag clear / x = p / not on the curve (from clvm_rs tests)
           "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00"
           "adb22c6bb",
           "9a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9fefff"
           "fffffaaab",
           "b7f1d3a7319092346345638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00"
           "adb22c6bb",
       }) {
    EXPECT_FALSE(G1::from_bytes(hex_bytes(bad))) << bad;
  }
  // Wrong sizes.
  ByteVec gen = hex_bytes(kG1Gen);
  EXPECT_FALSE(G1::from_bytes(std::span(gen).first(47)));
  gen.push_back(0);
  EXPECT_FALSE(G1::from_bytes(gen));
  EXPECT_FALSE(G1::from_bytes({}));
  // The other sign of the generator's x is its negation, also valid.
  ByteVec neg = hex_bytes(kG1Gen);
  neg[0] ^= 0x20;
  auto n = G1::from_bytes(neg);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, G1(G1::generator()).negate());
}

TEST(Bls, G2RejectsMalformedEncodings) {
  ByteVec gen = hex_bytes(kG2Gen);
  ByteVec b = gen;
  b[0] &= 0x7f;  // compression flag clear
  EXPECT_FALSE(G2::from_bytes(b));
  b = inf_bytes(96);
  b[95] = 1;  // infinity with payload
  EXPECT_FALSE(G2::from_bytes(b));
  b = inf_bytes(96);
  b[0] = 0xe0;  // infinity with the sign bit
  EXPECT_FALSE(G2::from_bytes(b));
  EXPECT_FALSE(G2::from_bytes(std::span(gen).first(95)));
  // from clvm_rs: not a point
  EXPECT_FALSE(
      G2::from_bytes(hex_bytes("b3e02b6052719f624359072893758937457903459920b61ab5da61bbdc7f5049334"
                               "cf11213945d57e5ac7d055d042b7e"
                               "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770ba"
                               "c0326a805bbefd48056c8c121bdb8")));
}

// A point on the curve but outside the order-r subgroup must be rejected: find one by trying
// x = 1, 2, ... with blst directly (the wrapper must not accept what blst calls off-subgroup).
TEST(Bls, RejectsPointsOutsideTheSubgroup) {
  int found = 0;
  for (std::uint8_t x = 1; x < 64 && found < 3; ++x) {
    ByteVec enc(48, 0);
    enc[0] = 0x80;
    enc[47] = x;
    blst_p1_affine a;
    if (blst_p1_uncompress(&a, enc.data()) != BLST_SUCCESS) continue;  // not on the curve
    if (blst_p1_affine_in_g1(&a)) continue;
    EXPECT_FALSE(G1::from_bytes(enc)) << hex_string(enc);
    ++found;
  }
  EXPECT_GT(found, 0);
  found = 0;
  for (std::uint8_t x = 1; x < 64 && found < 3; ++x) {
    ByteVec enc(96, 0);
    enc[0] = 0x80;
    enc[95] = x;
    blst_p2_affine a;
    if (blst_p2_uncompress(&a, enc.data()) != BLST_SUCCESS) continue;
    if (blst_p2_affine_in_g2(&a)) continue;
    EXPECT_FALSE(G2::from_bytes(enc)) << hex_string(enc);
    ++found;
  }
  EXPECT_GT(found, 0);
}

TEST(Bls, ScalarsReduceModR) {
  EXPECT_EQ(hex_string(scalar_from_int({}).to_be()), std::string(64, '0'));
  EXPECT_EQ(hex_string(k(5).to_be()), std::string(63, '0') + "5");
  // −1 → r − 1
  EXPECT_EQ(hex_string(k(-1).to_be()),
            "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000");
  // r → 0, r + 5 → 5, −r → 0, with redundant sign bytes
  ByteVec r = hex_bytes(kOrder);
  EXPECT_EQ(hex_string(scalar_from_int(r).to_be()), std::string(64, '0'));
  ByteVec r5 = r;
  r5.back() += 5;
  EXPECT_EQ(scalar_from_int(r5).le, k(5).le);
  ByteVec padded = r5;
  padded.insert(padded.begin(), {0x00, 0x00, 0x00});
  EXPECT_EQ(scalar_from_int(padded).le, k(5).le);
  ByteVec minus_r = clvm::test::int_atom_from_decimal(
      "-52435875175126190479447740508185965837690552500527637822603658699938581184513");
  EXPECT_EQ(hex_string(scalar_from_int(minus_r).to_be()), std::string(64, '0'));
  ByteVec ff = {0xff, 0xff, 0xff};  // −1 with redundant sign bytes
  EXPECT_EQ(scalar_from_int(ff).le, k(-1).le);
  ByteVec big(100, 0x11);  // longer than 32 bytes: reduced, not truncated
  Scalar b = scalar_from_int(big);
  G1 lhs = G1::generator();
  lhs.multiply(b);
  // 0x1111…(100 bytes) = 0x11…(68 bytes) · 2^256 + 0x11…(32 bytes)
  ByteVec hi(68, 0x11), lo(32, 0x11);
  ByteVec two256(33, 0);
  two256[0] = 0x01;
  G1 rhs = G1::generator();
  rhs.multiply(scalar_from_int(hi)).multiply(scalar_from_int(two256));
  G1 low = G1::generator();
  low.multiply(scalar_from_int(lo));
  rhs += low;
  EXPECT_EQ(lhs, rhs);
}

TEST(Bls, GroupLaw) {
  const G1 g = G1::generator();
  G1 two = g;
  two += g;
  G1 twice = g;
  twice.multiply(k(2));
  EXPECT_EQ(two, twice);
  G1 zero = g;
  zero -= g;
  EXPECT_TRUE(zero.is_infinity());
  G1 neg = g;
  neg.multiply(k(-1));
  EXPECT_EQ(neg, G1(g).negate());
  G1 by_r = g;
  by_r.multiply(scalar_from_int(hex_bytes(kOrder)));
  EXPECT_TRUE(by_r.is_infinity());
  G1 inf;
  inf += g;
  EXPECT_EQ(inf, g);
  G1 neg_inf;
  neg_inf.negate();
  EXPECT_TRUE(neg_inf.is_infinity());

  const G2 h = G2::generator();
  G2 h2 = h;
  h2 += h;
  G2 h2m = h;
  h2m.multiply(k(2));
  EXPECT_EQ(h2, h2m);
  G2 hz = h;
  hz -= h;
  EXPECT_TRUE(hz.is_infinity());
  G2 hn = h;
  hn.multiply(k(-1));
  EXPECT_EQ(hn, G2(h).negate());
}

// blspy-generated vectors for the group operations: args are points and decimal scalars.
TEST(Bls, BlspyGroupVectors) {
  int checked = 0;
  for (const char* file : {"test-blspy-g1.txt", "test-blspy-g2.txt"}) {
    for (const auto& v : clvm::test::read_op_vectors(file)) {
      ASSERT_FALSE(v.fails);
      std::string got;
      if (v.op == "g1_add" || v.op == "g1_subtract") {
        G1 acc = G1::from_bytes(v.args.at(0)).value();
        for (std::size_t i = 1; i < v.args.size(); ++i) {
          G1 p = G1::from_bytes(v.args[i]).value();
          if (v.op == "g1_add")
            acc += p;
          else
            acc -= p;
        }
        got = hex_string(acc.to_bytes());
      } else if (v.op == "g1_multiply") {
        G1 p = G1::from_bytes(v.args.at(0)).value();
        got = hex_string(p.multiply(scalar_from_int(v.args.at(1))).to_bytes());
      } else if (v.op == "g1_negate") {
        got = hex_string(G1::from_bytes(v.args.at(0)).value().negate().to_bytes());
      } else if (v.op == "g2_add" || v.op == "g2_subtract") {
        G2 acc = G2::from_bytes(v.args.at(0)).value();
        for (std::size_t i = 1; i < v.args.size(); ++i) {
          G2 p = G2::from_bytes(v.args[i]).value();
          if (v.op == "g2_add")
            acc += p;
          else
            acc -= p;
        }
        got = hex_string(acc.to_bytes());
      } else if (v.op == "g2_multiply") {
        G2 p = G2::from_bytes(v.args.at(0)).value();
        got = hex_string(p.multiply(scalar_from_int(v.args.at(1))).to_bytes());
      } else if (v.op == "g2_negate") {
        got = hex_string(G2::from_bytes(v.args.at(0)).value().negate().to_bytes());
      } else {
        FAIL() << v.op;
      }
      EXPECT_EQ(got, hex_string(v.result)) << v.file << ":" << v.line;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 236);
}

TEST(Bls, HashToCurveVectors) {
  int checked = 0;
  for (const auto& v : clvm::test::read_op_vectors("test-blspy-hash.txt")) {
    ASSERT_FALSE(v.fails);
    const ByteVec& msg = v.args.at(0);
    if (v.op == "g1_map") {
      std::span<const std::uint8_t> dst =
          v.args.size() > 1 ? std::span<const std::uint8_t>(v.args[1]) : bytes_of(kDstG1);
      EXPECT_EQ(hex_string(G1::hash_to_curve(msg, dst).to_bytes()), hex_string(v.result))
          << v.file << ":" << v.line;
    } else {
      ASSERT_EQ(v.op, "g2_map");
      std::span<const std::uint8_t> dst =
          v.args.size() > 1 ? std::span<const std::uint8_t>(v.args[1]) : bytes_of(kDstG2);
      EXPECT_EQ(hex_string(G2::hash_to_curve(msg, dst).to_bytes()), hex_string(v.result))
          << v.file << ":" << v.line;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 210);
  // Empty message and empty tag are legal inputs, and so is a tag over 255 bytes (RFC 9380 hashes
  // it first): distinct from its 255-byte prefix.
  EXPECT_FALSE(G1::hash_to_curve({}, {}).is_infinity());
  EXPECT_FALSE(G2::hash_to_curve({}, {}).is_infinity());
  const ByteVec long_dst(300, 'D');
  const ByteVec msg = {1, 2, 3};
  EXPECT_FALSE(G1::hash_to_curve(msg, long_dst) ==
               G1::hash_to_curve(msg, std::span(long_dst).first(255)));
  EXPECT_FALSE(G2::hash_to_curve(msg, long_dst).is_infinity());
}

TEST(Bls, PairingIdentity) {
  const G1 g = G1::generator();
  const G2 h = G2::generator();
  EXPECT_TRUE(pairing_identity({}));
  std::vector<std::pair<G1, G2>> pairs = {{g, h}};
  EXPECT_FALSE(pairing_identity(pairs));
  pairs.emplace_back(G1(g).negate(), h);
  EXPECT_TRUE(pairing_identity(pairs));
  // e(2g, h) · e(−g, 2h)^... : e(2g, h) = e(g, 2h)
  G1 g2x = g;
  g2x.multiply(k(2));
  G2 h2x = h;
  h2x.multiply(k(2));
  pairs = {{g2x, h}, {G1(g).negate(), h2x}};
  EXPECT_TRUE(pairing_identity(pairs));

  int checked = 0;
  for (const char* file : {"test-blspy-pairing.txt", "test-bls-zk.txt"}) {
    for (const auto& v : clvm::test::read_op_vectors(file)) {
      std::vector<std::pair<G1, G2>> ps;
      bool decoded = v.args.size() % 2 == 0;
      for (std::size_t i = 0; decoded && i + 1 < v.args.size(); i += 2) {
        auto a = G1::from_bytes(v.args[i]);
        auto b = G2::from_bytes(v.args[i + 1]);
        if (!a || !b)
          decoded = false;
        else
          ps.emplace_back(*a, *b);
      }
      const bool ok = decoded && pairing_identity(ps);
      EXPECT_EQ(ok, !v.fails) << v.file << ":" << v.line;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 31);
}

TEST(Bls, AugmentedVerify) {
  // sk = 12345: pk = sk·g, sig = sk·H(pk ‖ msg).
  const Scalar sk = k(12345);
  G1 pk = G1::generator();
  pk.multiply(sk);
  const auto pk_bytes = pk.to_bytes();
  const std::string_view msg = "hello clvm";
  std::vector<std::uint8_t> aug(pk_bytes.begin(), pk_bytes.end());
  aug.insert(aug.end(), msg.begin(), msg.end());
  G2 sig = G2::hash_to_curve(aug, bytes_of(kDstG2));
  sig.multiply(sk);

  std::vector<PkMessage> items = {{pk, bytes_of(msg)}};
  EXPECT_TRUE(aggregate_verify(sig, items));
  items[0].msg = bytes_of("hello clvM");
  EXPECT_FALSE(aggregate_verify(sig, items));
  items[0] = {G1(pk).negate(), bytes_of(msg)};
  EXPECT_FALSE(aggregate_verify(sig, items));
  // No pairs: only the infinity signature verifies.
  EXPECT_TRUE(aggregate_verify(G2{}, {}));
  EXPECT_FALSE(aggregate_verify(sig, {}));
  // A public key at infinity never verifies (blst rejects it), even with an infinity signature.
  items = {{G1{}, bytes_of(msg)}};
  EXPECT_FALSE(aggregate_verify(G2{}, items));

  int checked = 0;
  for (const auto& v : clvm::test::read_op_vectors("test-blspy-verify.txt")) {
    auto s = G2::from_bytes(v.args.at(0));
    std::vector<PkMessage> its;
    bool decoded = s.has_value() && v.args.size() % 2 == 1;
    for (std::size_t i = 1; decoded && i + 1 < v.args.size(); i += 2) {
      auto p = G1::from_bytes(v.args[i]);
      if (!p)
        decoded = false;
      else
        its.push_back({*p, v.args[i + 1]});
    }
    EXPECT_EQ(decoded && aggregate_verify(*s, its), !v.fails) << v.file << ":" << v.line;
    ++checked;
  }
  EXPECT_EQ(checked, 30);
}

}  // namespace
