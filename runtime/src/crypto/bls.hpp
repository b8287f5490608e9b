// SPDX-License-Identifier: Apache-2.0
/// \file BLS12-381 over blst 0.3.10, with the exact semantics chia-bls (and so clvmr) gives them.
/// Internal to the runtime; no blst type appears here.
///
/// Encodings are the ZCash compressed ones: G1 48 bytes, G2 96 bytes, flag bits in byte 0
/// (0x80 compressed, 0x40 infinity, 0x20 sign of y). Decoding (`from_bytes`) accepts exactly what
/// chia-bls `G1Element::from_bytes` / `G2Element::from_bytes` accept:
/// - G1: infinity only as `c0 00…00`; otherwise byte 0 must have 0x80 set and 0x40 clear, the
///   other 47 bytes must not all be zero, x < p, the point on the curve and in the r-order
///   subgroup.
/// - G2: blst's `blst_p2_uncompress` rules (compressed bit set; infinity only with every other bit
///   zero; both x limbs < p; on the curve), then the subgroup check. Infinity is valid for both.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace clvm::crypto::bls {

inline constexpr std::size_t kG1Size = 48;
inline constexpr std::size_t kG2Size = 96;
using G1Bytes = std::array<std::uint8_t, kG1Size>;
using G2Bytes = std::array<std::uint8_t, kG2Size>;

/// The augmented-scheme hash-to-curve domain separation tags chia uses (43 bytes each).
inline constexpr std::string_view kDstG1 = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_";
inline constexpr std::string_view kDstG2 = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_";

/// An element of the scalar field, canonical (< r), little-endian (blst's byte order).
struct Scalar {
  std::array<std::uint8_t, 32> le{};
  /// Big-endian bytes of the value (32 bytes, zero-padded).
  std::array<std::uint8_t, 32> to_be() const noexcept;
};

/// The integer given as clvm atom bytes (big-endian two's complement, any length, empty = 0)
/// reduced mod r = 0x73eda753…00000001 into [0, r): negative values map to r − (|k| mod r).
Scalar scalar_from_int(std::span<const std::uint8_t> twos_complement_be) noexcept;

class G1 {
 public:
  /// The point at infinity.
  G1() noexcept;
  /// Decodes and validates (see the file comment); nullopt unless `bytes` is a valid 48-byte G1.
  static std::optional<G1> from_bytes(std::span<const std::uint8_t> bytes) noexcept;
  static G1 generator() noexcept;
  /// hash_to_curve (RFC 9380, BLS12381G1_XMD:SHA-256_SSWU_RO_) of `msg` with tag `dst` (any
  /// length; a tag over 255 bytes is first hashed as the RFC specifies).
  static G1 hash_to_curve(std::span<const std::uint8_t> msg,
                          std::span<const std::uint8_t> dst) noexcept;

  G1Bytes to_bytes() const noexcept;
  bool is_infinity() const noexcept;

  G1& operator+=(const G1& rhs) noexcept;
  G1& operator-=(const G1& rhs) noexcept;
  G1& negate() noexcept;
  G1& multiply(const Scalar& k) noexcept;
  friend bool operator==(const G1& a, const G1& b) noexcept;

 private:
  friend struct Raw;
  alignas(8) unsigned char raw_[144];  // a blst_p1 (Jacobian x, y, z)
};

class G2 {
 public:
  G2() noexcept;
  static std::optional<G2> from_bytes(std::span<const std::uint8_t> bytes) noexcept;
  static G2 generator() noexcept;
  static G2 hash_to_curve(std::span<const std::uint8_t> msg,
                          std::span<const std::uint8_t> dst) noexcept;

  G2Bytes to_bytes() const noexcept;
  bool is_infinity() const noexcept;

  G2& operator+=(const G2& rhs) noexcept;
  G2& operator-=(const G2& rhs) noexcept;
  G2& negate() noexcept;
  G2& multiply(const Scalar& k) noexcept;
  friend bool operator==(const G2& a, const G2& b) noexcept;

 private:
  friend struct Raw;
  alignas(8) unsigned char raw_[288];  // a blst_p2
};

/// True when the product of the pairings e(g1_i, g2_i) is the identity of GT; true for no pairs.
bool pairing_identity(std::span<const std::pair<G1, G2>> pairs) noexcept;

/// A public key and its message for aggregate_verify.
struct PkMessage {
  G1 pk;
  std::span<const std::uint8_t> msg;
};

/// Augmented-scheme aggregate verification (chia-bls `aggregate_verify`): the signature must be
/// `sum_i sk_i · H(pk_i ‖ msg_i)` with H = hash_to_curve G2 under kDstG2. With no pairs it is
/// valid only when `sig` is infinity; a public key at infinity makes it invalid.
bool aggregate_verify(const G2& sig, std::span<const PkMessage> items) noexcept;

}  // namespace clvm::crypto::bls
