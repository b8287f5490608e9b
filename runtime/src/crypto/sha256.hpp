// SPDX-License-Identifier: Apache-2.0
/// \file SHA-256 (FIPS 180-4) over OpenSSL libcrypto: an incremental hasher and one-shot helpers.
/// Internal to the runtime; no OpenSSL type appears here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>

namespace clvm::crypto {

using Digest32 = std::array<std::uint8_t, 32>;

/// Incremental SHA-256. Cheap to construct (no allocation, no library context): the tree hash
/// makes one per node. Not thread-safe per object; distinct objects are independent.
class Sha256 {
 public:
  Sha256() noexcept;
  Sha256(const Sha256&) noexcept = default;
  Sha256& operator=(const Sha256&) noexcept = default;

  void update(std::span<const std::uint8_t> data) noexcept;
  void update(std::uint8_t byte) noexcept { update(std::span<const std::uint8_t>(&byte, 1)); }
  /// Returns the digest of everything updated so far and resets to the empty message.
  Digest32 finish() noexcept;

 private:
  // Storage for OpenSSL's SHA256_CTX (112 bytes, checked in sha256.cpp).
  alignas(8) unsigned char ctx_[112];
};

/// SHA-256 of `data`.
Digest32 sha256(std::span<const std::uint8_t> data) noexcept;
/// SHA-256 of the concatenation of `parts`.
Digest32 sha256(std::initializer_list<std::span<const std::uint8_t>> parts) noexcept;

}  // namespace clvm::crypto
