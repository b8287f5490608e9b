// SPDX-License-Identifier: Apache-2.0
// SHA-256 for tree hashing over OpenSSL's low-level API. A tree hash makes one tiny (33- or
// 65-byte) message per node; the low-level SHA256_CTX lives on the stack and skips EVP's
// per-message dispatch (see runtime/src/crypto/sha256.cpp for the measurements), hence the
// deprecated API.
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include "serde/tree_hash_detail.hpp"

#include <clvm/atom.hpp>

#include <openssl/sha.h>

#include <array>
#include <cstring>

namespace clvm::tree_hash_detail {

Bytes32 hash_atom(std::span<const std::uint8_t> bytes) noexcept {
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  Bytes32 out;
  if (bytes.size() <= 63) {
    std::uint8_t buf[64];
    buf[0] = 1;
    if (!bytes.empty()) std::memcpy(buf + 1, bytes.data(), bytes.size());
    SHA256_Update(&ctx, buf, bytes.size() + 1);
  } else {
    const std::uint8_t tag = 1;
    SHA256_Update(&ctx, &tag, 1);
    SHA256_Update(&ctx, bytes.data(), bytes.size());
  }
  SHA256_Final(out.data(), &ctx);
  return out;
}

Bytes32 hash_pair(const Bytes32& first, const Bytes32& rest) noexcept {
  std::uint8_t buf[65];
  buf[0] = 2;
  std::memcpy(buf + 1, first.data(), 32);
  std::memcpy(buf + 33, rest.data(), 32);
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, buf, sizeof buf);
  Bytes32 out;
  SHA256_Final(out.data(), &ctx);
  return out;
}

const Bytes32& small_atom_hash(std::uint32_t value) noexcept {
  static const auto table = [] {
    std::array<Bytes32, kPrecomputedSmall> t;
    for (std::uint32_t v = 0; v < kPrecomputedSmall; ++v) t[v] = hash_atom(Atom::small(v).span());
    return t;
  }();
  return table[value];
}

}  // namespace clvm::tree_hash_detail
