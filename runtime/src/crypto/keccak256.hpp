// SPDX-License-Identifier: Apache-2.0
/// \file Keccak-256 (the original Keccak padding 0x01, as Ethereum uses it; not FIPS-202 SHA3-256)
/// over Crypto++. Internal to the runtime; no Crypto++ type appears here.
#pragma once

#include "crypto/sha256.hpp"  // Digest32

#include <cstdint>
#include <span>

namespace clvm::crypto {

/// Incremental Keccak-256. Not copyable (it holds a Crypto++ object in place).
class Keccak256 {
 public:
  Keccak256() noexcept;
  ~Keccak256();
  Keccak256(const Keccak256&) = delete;
  Keccak256& operator=(const Keccak256&) = delete;

  void update(std::span<const std::uint8_t> data) noexcept;
  /// Returns the digest of everything updated so far and resets to the empty message.
  Digest32 finish() noexcept;

 private:
  alignas(16) unsigned char impl_[320];  // a CryptoPP::Keccak_256 (size checked in the .cpp)
};

/// Keccak-256 of `data`.
Digest32 keccak256(std::span<const std::uint8_t> data) noexcept;

}  // namespace clvm::crypto
