// SPDX-License-Identifier: Apache-2.0
/// \file SHA-256 (FIPS 180-4): an incremental hasher over OpenSSL libcrypto, and a fast path for
/// short messages that the caller pads itself (the tree hash: one 33..65-byte message per node),
/// run by SHA-NI when the CPU has it (runtime/src/crypto/sha256_shani.cpp) and by OpenSSL's block
/// function otherwise. Internal to the runtime; no OpenSSL type appears here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

// ---- Pre-padded messages ----------------------------------------------------------------------

/// The number of 64-byte blocks a `len`-byte message occupies once padded.
constexpr std::size_t sha256_padded_blocks(std::size_t len) noexcept { return (len + 8) / 64 + 1; }

/// Pads the `len`-byte message at the start of `buf` in place (0x80, zeros, the 64-bit big-endian
/// bit length) and returns its block count. Requires: `buf` has sha256_padded_blocks(len) * 64
/// bytes.
inline std::size_t sha256_pad(std::uint8_t* buf, std::size_t len) noexcept {
  // (Messages up to 55 bytes take one block, up to 119 two.)
  const std::size_t blocks = sha256_padded_blocks(len);
  const std::size_t end = blocks * 64;
  buf[len] = 0x80;
  std::memset(buf + len + 1, 0, end - 8 - (len + 1));
  const std::uint64_t bits = static_cast<std::uint64_t>(len) * 8;
  for (int i = 0; i < 8; ++i) buf[end - 1 - i] = static_cast<std::uint8_t>(bits >> (8 * i));
  return blocks;
}

/// Writes the SHA-256 of the padded message of `blocks` blocks at `msg` to `out` (32 bytes).
void sha256_padded(const std::uint8_t* msg, std::size_t blocks, std::uint8_t* out) noexcept;

/// Writes the SHA-256 of each of `count` independent padded messages, all of `blocks` blocks, to
/// out[i]. With SHA-NI, up to four messages are interleaved: the round instruction's latency, not
/// its throughput, bounds a single message (measured: 76 ns for one 2-block message, 48 ns each
/// for two, 39 ns each for four). Outputs may alias nothing but themselves being distinct.
void sha256_padded_many(const std::uint8_t* const* msgs, std::size_t count, std::size_t blocks,
                        std::uint8_t* const* out) noexcept;

/// As sha256_padded_many for 65-byte messages padded by sha256_pad(msg, 65) (two blocks; the tree
/// hash's pair messages), faster on SHA-NI: their second block's schedule is precomputed.
void sha256_padded65_many(const std::uint8_t* const* msgs, std::size_t count,
                          std::uint8_t* const* out) noexcept;

/// Which block function runs the pre-padded functions.
enum class Sha256Backend { kShaNi, kPortable };

/// The backend in use: kShaNi when the CPU supports it (checked once) and the environment variable
/// CLVMPP_SHA256_BACKEND is not "portable" (read once, for running test suites on that path), else
/// kPortable (OpenSSL's block function).
Sha256Backend sha256_backend() noexcept;
/// Selects a backend (for tests of the portable path). Returns false, changing nothing, for kShaNi
/// on a CPU without it. Not to be called while another thread hashes.
bool set_sha256_backend(Sha256Backend backend) noexcept;

namespace detail {
/// SHA-NI kernels (sha256_shani.cpp). Require: shani_supported().
bool shani_supported() noexcept;
void shani_padded_many(const std::uint8_t* const* msgs, std::size_t count, std::size_t blocks,
                       std::uint8_t* const* out) noexcept;
void shani_padded65_many(const std::uint8_t* const* msgs, std::size_t count,
                         std::uint8_t* const* out) noexcept;
}  // namespace detail

}  // namespace clvm::crypto
