// SPDX-License-Identifier: Apache-2.0
/// \file ECDSA verification of a 32-byte prehash over secp256k1 (libsecp256k1) and secp256r1 /
/// P-256 (OpenSSL libcrypto), with the input rules of the RustCrypto k256 / p256 crates that clvmr
/// uses. Internal to the runtime; no third-party type appears here.
///
/// Inputs (any bytes; nothing here can crash or throw on malformed input):
/// - pubkey: SEC1 encoding: 33 bytes `02|03 ‖ x`, 65 bytes `04 ‖ x ‖ y`, or the SEC1 "compact" form
///   33 bytes `05 ‖ x` (k256: the even-y point; p256: the point whose y is the smaller of y, p−y).
///   The identity, hybrid (`06`/`07`) and off-curve or out-of-range coordinates are rejected.
/// - digest: must be exactly 32 bytes; interpreted as a big-endian integer reduced mod n.
/// - sig: 64 bytes `r ‖ s`, big-endian, both in [1, n−1].
/// secp256k1 rejects high-S signatures (s > n/2), as k256 does; secp256r1 accepts them, as p256
/// does.
#pragma once

#include <cstdint>
#include <span>

namespace clvm::crypto {

/// The outcome, in the order the checks run (so a caller can report the first failing input).
enum class SecpResult {
  Valid,
  InvalidPubkey,     ///< the public key does not decode to a non-identity curve point
  InvalidDigest,     ///< the digest is not 32 bytes
  InvalidSignature,  ///< not 64 bytes, or r or s outside [1, n−1]
  Mismatch,          ///< well-formed but the signature does not verify
};

SecpResult secp256k1_verify(std::span<const std::uint8_t> pubkey,
                            std::span<const std::uint8_t> digest,
                            std::span<const std::uint8_t> sig) noexcept;

SecpResult secp256r1_verify(std::span<const std::uint8_t> pubkey,
                            std::span<const std::uint8_t> digest,
                            std::span<const std::uint8_t> sig) noexcept;

}  // namespace clvm::crypto
