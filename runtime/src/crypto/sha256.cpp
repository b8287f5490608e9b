// SPDX-License-Identifier: Apache-2.0
// SHA-256 over OpenSSL's low-level SHA256_Init/Update/Final.
//
// Why the low-level API although OpenSSL 3 deprecates it: tree hashing calls SHA-256 once per node
// (millions of times per block) on tiny inputs (1+32+32 bytes for a pair). Measured on the build
// machine (OpenSSL 3.0, SHA-NI, g++ -O2, 2M iterations):
//   input  33 B: low-level 47 ns, EVP with a pre-fetched EVP_MD and a reused EVP_MD_CTX 67 ns,
//                EVP with EVP_sha256() 237 ns, one-shot SHA256() 264 ns
//   input  65 B: low-level 81 ns, EVP fetched+reused 100 ns
//   input 200 B: low-level 163 ns, EVP fetched+reused 180 ns
// EVP's per-message dispatch costs ~20 ns even in its best form and needs a heap-allocated context
// per hasher; the low-level context is a plain struct we can keep inline. Both reach the same
// SHA-NI/AVX2 block function, so there is no speed difference for large inputs.
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include "crypto/sha256.hpp"

#include <openssl/sha.h>

#include <new>

namespace clvm::crypto {

static_assert(sizeof(SHA256_CTX) <= 112, "Sha256::ctx_ is too small for SHA256_CTX");
static_assert(alignof(SHA256_CTX) <= 8, "Sha256::ctx_ is under-aligned for SHA256_CTX");

namespace {
SHA256_CTX* ctx_of(unsigned char* storage) noexcept {
  return std::launder(reinterpret_cast<SHA256_CTX*>(storage));
}
}  // namespace

Sha256::Sha256() noexcept {
  auto* ctx = ::new (static_cast<void*>(ctx_)) SHA256_CTX;
  SHA256_Init(ctx);  // cannot fail for SHA256_CTX
}

void Sha256::update(std::span<const std::uint8_t> data) noexcept {
  if (!data.empty()) SHA256_Update(ctx_of(ctx_), data.data(), data.size());
}

Digest32 Sha256::finish() noexcept {
  Digest32 out;
  SHA256_Final(out.data(), ctx_of(ctx_));
  SHA256_Init(ctx_of(ctx_));
  return out;
}

Digest32 sha256(std::span<const std::uint8_t> data) noexcept {
  Sha256 h;
  h.update(data);
  return h.finish();
}

Digest32 sha256(std::initializer_list<std::span<const std::uint8_t>> parts) noexcept {
  Sha256 h;
  for (auto part : parts) h.update(part);
  return h.finish();
}

}  // namespace clvm::crypto
