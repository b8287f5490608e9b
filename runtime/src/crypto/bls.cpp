// SPDX-License-Identifier: Apache-2.0
// BLS12-381 over blst 0.3.10. The call sequences mirror chia-bls (public_key.rs, signature.rs) so
// that every edge case (infinity in pairings, infinite public keys, ...) is decided by the same
// blst code as in clvmr.
#include "crypto/bls.hpp"

#include <blst.h>
#include <blst_aux.h>

#include <algorithm>
#include <memory>
#include <new>

namespace clvm::crypto::bls {

static_assert(sizeof(blst_p1) == 144 && alignof(blst_p1) <= 8, "G1::raw_ must hold a blst_p1");
static_assert(sizeof(blst_p2) == 288 && alignof(blst_p2) <= 8, "G2::raw_ must hold a blst_p2");
static_assert(sizeof(blst_scalar) == 32, "Scalar must hold a blst_scalar");

// The one place that views the opaque storage as blst objects. The storage holds a blst_p1/p2
// from construction on (placement-new in the constructors; copies copy the bytes of a trivially
// copyable type).
struct Raw {
  static blst_p1* p(G1& g) noexcept { return std::launder(reinterpret_cast<blst_p1*>(g.raw_)); }
  static const blst_p1* p(const G1& g) noexcept {
    return std::launder(reinterpret_cast<const blst_p1*>(g.raw_));
  }
  static blst_p2* p(G2& g) noexcept { return std::launder(reinterpret_cast<blst_p2*>(g.raw_)); }
  static const blst_p2* p(const G2& g) noexcept {
    return std::launder(reinterpret_cast<const blst_p2*>(g.raw_));
  }
};

namespace {

// blst takes (pointer, length); never hand it a null pointer, even for an empty input.
const byte* nonnull(std::span<const std::uint8_t> s) noexcept {
  static const byte kEmpty = 0;
  return s.empty() ? &kEmpty : s.data();
}

blst_scalar to_blst(const Scalar& k) noexcept {
  blst_scalar s;
  std::copy(k.le.begin(), k.le.end(), s.b);
  return s;
}

}  // namespace

// --- scalars -----------------------------------------------------------------------------------

std::array<std::uint8_t, 32> Scalar::to_be() const noexcept {
  std::array<std::uint8_t, 32> be;
  std::reverse_copy(le.begin(), le.end(), be.begin());
  return be;
}

Scalar scalar_from_int(std::span<const std::uint8_t> v) noexcept {
  const bool negative = !v.empty() && (v[0] & 0x80) != 0;
  blst_scalar reduced;
  if (!negative) {
    blst_scalar_from_be_bytes(&reduced, nonnull(v), v.size());
  } else {
    // |k| = two's complement negation of the bytes (invert, add one), then r − (|k| mod r).
    std::vector<std::uint8_t> magnitude(v.begin(), v.end());
    for (auto& b : magnitude) b = static_cast<std::uint8_t>(~b);
    for (auto it = magnitude.rbegin(); it != magnitude.rend(); ++it) {
      if (++*it != 0) break;
    }
    blst_scalar_from_be_bytes(&reduced, magnitude.data(), magnitude.size());
    blst_fr fr;
    blst_fr_from_scalar(&fr, &reduced);
    blst_fr_cneg(&fr, &fr, true);  // −0 stays 0
    blst_scalar_from_fr(&reduced, &fr);
  }
  Scalar out;
  std::copy(std::begin(reduced.b), std::end(reduced.b), out.le.begin());
  return out;
}

// --- G1 ----------------------------------------------------------------------------------------

G1::G1() noexcept { ::new (static_cast<void*>(raw_)) blst_p1{}; }  // all-zero z: infinity

std::optional<G1> G1::from_bytes(std::span<const std::uint8_t> bytes) noexcept {
  if (bytes.size() != kG1Size) return std::nullopt;
  // chia-bls's canonical-encoding rules come before blst sees the bytes.
  const bool rest_zero =
      std::all_of(bytes.begin() + 1, bytes.end(), [](std::uint8_t b) { return b == 0; });
  if ((bytes[0] & 0xc0) == 0xc0) {
    if (bytes[0] != 0xc0 || !rest_zero) return std::nullopt;
    return G1{};
  }
  if ((bytes[0] & 0xc0) != 0x80) return std::nullopt;
  if (rest_zero) return std::nullopt;
  blst_p1_affine affine;
  if (blst_p1_uncompress(&affine, bytes.data()) != BLST_SUCCESS) return std::nullopt;
  G1 out;
  blst_p1_from_affine(Raw::p(out), &affine);
  if (!blst_p1_is_inf(Raw::p(out)) && !blst_p1_in_g1(Raw::p(out))) return std::nullopt;
  return out;
}

G1 G1::generator() noexcept {
  G1 out;
  *Raw::p(out) = *blst_p1_generator();
  return out;
}

G1 G1::hash_to_curve(std::span<const std::uint8_t> msg,
                     std::span<const std::uint8_t> dst) noexcept {
  G1 out;
  blst_hash_to_g1(Raw::p(out), nonnull(msg), msg.size(), nonnull(dst), dst.size(), nullptr, 0);
  return out;
}

G1Bytes G1::to_bytes() const noexcept {
  G1Bytes out;
  blst_p1_compress(out.data(), Raw::p(*this));
  return out;
}

bool G1::is_infinity() const noexcept { return blst_p1_is_inf(Raw::p(*this)); }

G1& G1::operator+=(const G1& rhs) noexcept {
  blst_p1_add_or_double(Raw::p(*this), Raw::p(*this), Raw::p(rhs));
  return *this;
}

G1& G1::operator-=(const G1& rhs) noexcept {
  G1 neg = rhs;
  neg.negate();
  return *this += neg;
}

G1& G1::negate() noexcept {
  blst_p1_cneg(Raw::p(*this), true);
  return *this;
}

G1& G1::multiply(const Scalar& k) noexcept {
  const blst_scalar s = to_blst(k);
  blst_p1_mult(Raw::p(*this), Raw::p(*this), s.b, 256);
  return *this;
}

bool operator==(const G1& a, const G1& b) noexcept {
  return blst_p1_is_equal(Raw::p(a), Raw::p(b));
}

// --- G2 ----------------------------------------------------------------------------------------

G2::G2() noexcept { ::new (static_cast<void*>(raw_)) blst_p2{}; }

std::optional<G2> G2::from_bytes(std::span<const std::uint8_t> bytes) noexcept {
  if (bytes.size() != kG2Size) return std::nullopt;
  blst_p2_affine affine;
  if (blst_p2_uncompress(&affine, bytes.data()) != BLST_SUCCESS) return std::nullopt;
  G2 out;
  blst_p2_from_affine(Raw::p(out), &affine);
  if (!blst_p2_is_inf(Raw::p(out)) && !blst_p2_in_g2(Raw::p(out))) return std::nullopt;
  return out;
}

G2 G2::generator() noexcept {
  G2 out;
  *Raw::p(out) = *blst_p2_generator();
  return out;
}

G2 G2::hash_to_curve(std::span<const std::uint8_t> msg,
                     std::span<const std::uint8_t> dst) noexcept {
  G2 out;
  blst_hash_to_g2(Raw::p(out), nonnull(msg), msg.size(), nonnull(dst), dst.size(), nullptr, 0);
  return out;
}

G2Bytes G2::to_bytes() const noexcept {
  G2Bytes out;
  blst_p2_compress(out.data(), Raw::p(*this));
  return out;
}

bool G2::is_infinity() const noexcept { return blst_p2_is_inf(Raw::p(*this)); }

G2& G2::operator+=(const G2& rhs) noexcept {
  blst_p2_add_or_double(Raw::p(*this), Raw::p(*this), Raw::p(rhs));
  return *this;
}

G2& G2::operator-=(const G2& rhs) noexcept {
  G2 neg = rhs;
  neg.negate();
  return *this += neg;
}

G2& G2::negate() noexcept {
  blst_p2_cneg(Raw::p(*this), true);
  return *this;
}

G2& G2::multiply(const Scalar& k) noexcept {
  const blst_scalar s = to_blst(k);
  blst_p2_mult(Raw::p(*this), Raw::p(*this), s.b, 256);
  return *this;
}

bool operator==(const G2& a, const G2& b) noexcept {
  return blst_p2_is_equal(Raw::p(a), Raw::p(b));
}

// --- pairings ----------------------------------------------------------------------------------

namespace {

// A blst_pairing context in suitably aligned heap storage (its size is only known at run time).
class PairingCtx {
 public:
  explicit PairingCtx(std::string_view dst)
      : storage_((blst_pairing_sizeof() + sizeof(std::uint64_t) - 1) / sizeof(std::uint64_t)) {
    blst_pairing_init(ctx(), true, reinterpret_cast<const byte*>(dst.data()), dst.size());
  }
  blst_pairing* ctx() noexcept { return reinterpret_cast<blst_pairing*>(storage_.data()); }

 private:
  std::vector<std::uint64_t> storage_;
};

}  // namespace

bool pairing_identity(std::span<const std::pair<G1, G2>> pairs) noexcept {
  if (pairs.empty()) return true;
  try {
    PairingCtx pc(kDstG2);  // the tag is unused by raw aggregation; chia passes the G2 one
    for (const auto& [g1, g2] : pairs) {
      blst_p1_affine a1;
      blst_p2_affine a2;
      blst_p1_to_affine(&a1, Raw::p(g1));
      blst_p2_to_affine(&a2, Raw::p(g2));
      blst_pairing_raw_aggregate(pc.ctx(), &a2, &a1);
    }
    blst_pairing_commit(pc.ctx());
    return blst_pairing_finalverify(pc.ctx(), nullptr);
  } catch (const std::bad_alloc&) {
    return false;
  }
}

bool aggregate_verify(const G2& sig, std::span<const PkMessage> items) noexcept {
  if (items.empty()) return sig == G2{};
  try {
    blst_p2_affine sig_affine;
    blst_p2_to_affine(&sig_affine, Raw::p(sig));
    blst_fp12 sig_gt;
    blst_aggregated_in_g2(&sig_gt, &sig_affine);

    PairingCtx pc(kDstG2);
    std::vector<std::uint8_t> aug;
    for (const auto& item : items) {
      blst_p1_affine pk_affine;
      blst_p1_to_affine(&pk_affine, Raw::p(item.pk));
      const G1Bytes pk_bytes = item.pk.to_bytes();
      aug.assign(pk_bytes.begin(), pk_bytes.end());
      aug.insert(aug.end(), item.msg.begin(), item.msg.end());
      if (blst_pairing_aggregate_pk_in_g1(pc.ctx(), &pk_affine, nullptr, aug.data(), aug.size(),
                                          nullptr, 0) != BLST_SUCCESS) {
        return false;
      }
    }
    blst_pairing_commit(pc.ctx());
    return blst_pairing_finalverify(pc.ctx(), &sig_gt);
  } catch (const std::bad_alloc&) {
    return false;
  }
}

}  // namespace clvm::crypto::bls
