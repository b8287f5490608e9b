// SPDX-License-Identifier: Apache-2.0
// secp256k1 via libsecp256k1; secp256r1 via OpenSSL (EC_POINT for decoding, EVP_PKEY for ECDSA).
#include "crypto/secp.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <secp256k1.h>

#include <algorithm>
#include <array>
#include <memory>

namespace clvm::crypto {

namespace {

using Bytes32 = std::array<std::uint8_t, 32>;

// Group orders, big-endian.
constexpr Bytes32 kOrderK1 = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                              0xff, 0xff, 0xff, 0xff, 0xfe, 0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48,
                              0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41};
constexpr Bytes32 kOrderR1 = {0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
                              0xff, 0xff, 0xff, 0xff, 0xff, 0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17,
                              0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51};

// True when the 32 big-endian bytes at `v` are in [1, order − 1].
bool in_scalar_range(std::span<const std::uint8_t> v, const Bytes32& order) noexcept {
  bool nonzero = std::any_of(v.begin(), v.end(), [](std::uint8_t b) { return b != 0; });
  return nonzero && std::lexicographical_compare(v.begin(), v.end(), order.begin(), order.end());
}

// The (r, s) check shared by both curves: 64 bytes, each half in [1, n − 1].
bool signature_well_formed(std::span<const std::uint8_t> sig, const Bytes32& order) noexcept {
  return sig.size() == 64 && in_scalar_range(sig.first(32), order) &&
         in_scalar_range(sig.subspan(32, 32), order);
}

// --- secp256k1 -------------------------------------------------------------------------------

const secp256k1_context* k1_context() noexcept {
  // Created once; libsecp256k1 contexts are safe to share for verification (const use only).
  static const secp256k1_context* const ctx = secp256k1_context_create(SECP256K1_CONTEXT_VERIFY);
  return ctx;
}

}  // namespace

SecpResult secp256k1_verify(std::span<const std::uint8_t> pubkey,
                            std::span<const std::uint8_t> digest,
                            std::span<const std::uint8_t> sig) noexcept {
  const secp256k1_context* ctx = k1_context();
  if (ctx == nullptr) return SecpResult::Mismatch;  // allocation failure: never "valid"

  // libsecp256k1 also accepts the hybrid 06/07 encodings, which k256 does not: filter by tag.
  // The compact 05 form is k256's even-y decompaction, i.e. the same point as 02.
  std::array<std::uint8_t, 65> enc{};
  std::size_t enc_len = 0;
  if (pubkey.size() == 33 && (pubkey[0] == 0x02 || pubkey[0] == 0x03 || pubkey[0] == 0x05)) {
    std::copy(pubkey.begin(), pubkey.end(), enc.begin());
    if (enc[0] == 0x05) enc[0] = 0x02;
    enc_len = 33;
  } else if (pubkey.size() == 65 && pubkey[0] == 0x04) {
    std::copy(pubkey.begin(), pubkey.end(), enc.begin());
    enc_len = 65;
  } else {
    return SecpResult::InvalidPubkey;
  }
  secp256k1_pubkey pk;
  if (secp256k1_ec_pubkey_parse(ctx, &pk, enc.data(), enc_len) != 1) {
    return SecpResult::InvalidPubkey;
  }

  if (digest.size() != 32) return SecpResult::InvalidDigest;

  if (!signature_well_formed(sig, kOrderK1)) return SecpResult::InvalidSignature;
  secp256k1_ecdsa_signature parsed;
  if (secp256k1_ecdsa_signature_parse_compact(ctx, &parsed, sig.data()) != 1) {
    return SecpResult::InvalidSignature;
  }
  // No normalisation: secp256k1_ecdsa_verify rejects high-S, which is exactly k256's rule.
  return secp256k1_ecdsa_verify(ctx, &parsed, digest.data(), &pk) == 1 ? SecpResult::Valid
                                                                       : SecpResult::Mismatch;
}

// --- secp256r1 -------------------------------------------------------------------------------

namespace {

struct BnCtxFree {
  void operator()(BN_CTX* p) const noexcept { BN_CTX_free(p); }
};
struct BnFree {
  void operator()(BIGNUM* p) const noexcept { BN_free(p); }
};
struct PointFree {
  void operator()(EC_POINT* p) const noexcept { EC_POINT_free(p); }
};
struct SigFree {
  void operator()(ECDSA_SIG* p) const noexcept { ECDSA_SIG_free(p); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* p) const noexcept { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* p) const noexcept { EVP_PKEY_CTX_free(p); }
};
struct ParamBldFree {
  void operator()(OSSL_PARAM_BLD* p) const noexcept { OSSL_PARAM_BLD_free(p); }
};
struct ParamFree {
  void operator()(OSSL_PARAM* p) const noexcept { OSSL_PARAM_free(p); }
};

const EC_GROUP* r1_group() noexcept {
  // Created once and only ever used through const functions, which OpenSSL allows concurrently.
  static const EC_GROUP* const group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  return group;
}

// Decodes a p256 public key to its 65-byte uncompressed encoding; false if it is not a valid,
// non-identity point in one of the accepted encodings.
bool r1_decode_pubkey(std::span<const std::uint8_t> pubkey, std::array<std::uint8_t, 65>& out,
                      BN_CTX* bn) noexcept {
  const EC_GROUP* group = r1_group();
  if (group == nullptr) return false;
  const bool compressed =
      pubkey.size() == 33 && (pubkey[0] == 0x02 || pubkey[0] == 0x03 || pubkey[0] == 0x05);
  const bool uncompressed = pubkey.size() == 65 && pubkey[0] == 0x04;
  if (!compressed && !uncompressed) return false;  // also rejects identity and hybrid forms

  std::array<std::uint8_t, 65> enc{};
  std::copy(pubkey.begin(), pubkey.end(), enc.begin());
  const bool compact = enc[0] == 0x05;
  if (compact) enc[0] = 0x02;

  std::unique_ptr<EC_POINT, PointFree> point(EC_POINT_new(group));
  if (!point) return false;
  // oct2point rejects coordinates >= p and points not on the curve.
  if (EC_POINT_oct2point(group, point.get(), enc.data(), pubkey.size(), bn) != 1) return false;
  if (EC_POINT_is_at_infinity(group, point.get()) == 1) return false;

  if (compact) {
    // SEC1 compact form as p256 decodes it: of the two points with this x, the one whose y is
    // numerically smaller than p − y.
    std::unique_ptr<BIGNUM, BnFree> x(BN_new()), y(BN_new()), p(BN_new()), neg_y(BN_new());
    if (!x || !y || !p || !neg_y) return false;
    if (EC_POINT_get_affine_coordinates(group, point.get(), x.get(), y.get(), bn) != 1)
      return false;
    if (EC_GROUP_get_curve(group, p.get(), nullptr, nullptr, bn) != 1) return false;
    if (BN_sub(neg_y.get(), p.get(), y.get()) != 1) return false;
    if (BN_cmp(y.get(), neg_y.get()) > 0) {
      if (EC_POINT_invert(group, point.get(), bn) != 1) return false;
    }
  }
  return EC_POINT_point2oct(group, point.get(), POINT_CONVERSION_UNCOMPRESSED, out.data(),
                            out.size(), bn) == out.size();
}

// ECDSA over P-256 through the EVP interface: DER-encodes (r, s) and verifies the prehash.
bool r1_ecdsa_verify(const std::array<std::uint8_t, 65>& pub, std::span<const std::uint8_t> digest,
                     std::span<const std::uint8_t> sig) noexcept {
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
  if (!bld) return false;
  static const char kGroupName[] = "prime256v1";
  if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, kGroupName, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, pub.data(),
                                       pub.size()) != 1) {
    return false;
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  if (!params) return false;
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> from_ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!from_ctx || EVP_PKEY_fromdata_init(from_ctx.get()) != 1) return false;
  EVP_PKEY* raw_key = nullptr;
  if (EVP_PKEY_fromdata(from_ctx.get(), &raw_key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return false;
  }
  std::unique_ptr<EVP_PKEY, PkeyFree> key(raw_key);

  std::unique_ptr<ECDSA_SIG, SigFree> esig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(sig.data(), 32, nullptr);
  BIGNUM* s = BN_bin2bn(sig.data() + 32, 32, nullptr);
  if (!esig || r == nullptr || s == nullptr || ECDSA_SIG_set0(esig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return false;
  }
  unsigned char* der = nullptr;
  const int der_len = i2d_ECDSA_SIG(esig.get(), &der);
  if (der_len <= 0) return false;
  std::unique_ptr<unsigned char, void (*)(unsigned char*)> der_owner(
      der, [](unsigned char* p) { OPENSSL_free(p); });

  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> vctx(
      EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!vctx || EVP_PKEY_verify_init(vctx.get()) != 1) return false;
  return EVP_PKEY_verify(vctx.get(), der, static_cast<std::size_t>(der_len), digest.data(),
                         digest.size()) == 1;
}

}  // namespace

SecpResult secp256r1_verify(std::span<const std::uint8_t> pubkey,
                            std::span<const std::uint8_t> digest,
                            std::span<const std::uint8_t> sig) noexcept {
  // OpenSSL reports rejections on the thread's error queue; leave it as we found it (empty).
  struct ClearErrors {
    ~ClearErrors() { ERR_clear_error(); }
  } clear_errors;
  std::unique_ptr<BN_CTX, BnCtxFree> bn(BN_CTX_new());
  if (!bn) return SecpResult::Mismatch;
  std::array<std::uint8_t, 65> pub{};
  if (!r1_decode_pubkey(pubkey, pub, bn.get())) return SecpResult::InvalidPubkey;
  if (digest.size() != 32) return SecpResult::InvalidDigest;
  if (!signature_well_formed(sig, kOrderR1)) return SecpResult::InvalidSignature;
  return r1_ecdsa_verify(pub, digest, sig) ? SecpResult::Valid : SecpResult::Mismatch;
}

}  // namespace clvm::crypto
