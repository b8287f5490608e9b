// SPDX-License-Identifier: Apache-2.0
// SHA-256 over OpenSSL's low-level SHA256_Init/Update/Final, and the dispatch of the pre-padded
// message functions between the SHA-NI kernels (sha256_shani.cpp) and OpenSSL's block function.
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

#include <atomic>
#include <cstdlib>
#include <cstring>
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

namespace {

// The portable block path: OpenSSL's compression function (its own dispatch picks SHA-NI, AVX2,
// SSSE3 or C), driven block by block over the caller's padding.
void portable_padded_many(const std::uint8_t* const* msgs, std::size_t count, std::size_t blocks,
                          std::uint8_t* const* out) noexcept {
  for (std::size_t i = 0; i < count; ++i) {
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    for (std::size_t b = 0; b < blocks; ++b) SHA256_Transform(&ctx, msgs[i] + 64 * b);
    for (int w = 0; w < 8; ++w) {
      const std::uint32_t v = ctx.h[w];
      for (int k = 0; k < 4; ++k) out[i][4 * w + k] = static_cast<std::uint8_t>(v >> (24 - 8 * k));
    }
  }
}

using PaddedMany = void (*)(const std::uint8_t* const*, std::size_t, std::size_t,
                            std::uint8_t* const*) noexcept;

PaddedMany backend_function(Sha256Backend b) noexcept {
  return b == Sha256Backend::kShaNi ? &detail::shani_padded_many : &portable_padded_many;
}

bool has_shani() noexcept {
  static const bool supported = detail::shani_supported();
  return supported;
}

// The default: SHA-NI when supported, unless CLVMPP_SHA256_BACKEND=portable (so that whole test
// suites can run on the portable path).
Sha256Backend default_backend() noexcept {
  const char* env = std::getenv("CLVMPP_SHA256_BACKEND");
  if (env != nullptr && std::strcmp(env, "portable") == 0) return Sha256Backend::kPortable;
  return has_shani() ? Sha256Backend::kShaNi : Sha256Backend::kPortable;
}

void resolve_padded_many(const std::uint8_t* const* msgs, std::size_t count, std::size_t blocks,
                         std::uint8_t* const* out) noexcept;

// Constant-initialised (usable from any static initialiser); the first call picks the backend.
constinit std::atomic<PaddedMany> g_padded_many{&resolve_padded_many};

void resolve_padded_many(const std::uint8_t* const* msgs, std::size_t count, std::size_t blocks,
                         std::uint8_t* const* out) noexcept {
  const PaddedMany f = backend_function(default_backend());
  PaddedMany expected = &resolve_padded_many;
  if (g_padded_many.compare_exchange_strong(expected, f, std::memory_order_relaxed)) expected = f;
  expected(msgs, count, blocks, out);  // a backend set meanwhile wins
}

}  // namespace

void sha256_padded(const std::uint8_t* msg, std::size_t blocks, std::uint8_t* out) noexcept {
  g_padded_many.load(std::memory_order_relaxed)(&msg, 1, blocks, &out);
}

void sha256_padded_many(const std::uint8_t* const* msgs, std::size_t count, std::size_t blocks,
                        std::uint8_t* const* out) noexcept {
  g_padded_many.load(std::memory_order_relaxed)(msgs, count, blocks, out);
}

void sha256_padded65_many(const std::uint8_t* const* msgs, std::size_t count,
                          std::uint8_t* const* out) noexcept {
  const PaddedMany f = g_padded_many.load(std::memory_order_relaxed);
  if (f == &detail::shani_padded_many) return detail::shani_padded65_many(msgs, count, out);
  f(msgs, count, 2, out);  // the portable path, or the first call (which picks the backend)
}

Sha256Backend sha256_backend() noexcept {
  const PaddedMany f = g_padded_many.load(std::memory_order_relaxed);
  if (f == &resolve_padded_many) return default_backend();
  return f == &portable_padded_many ? Sha256Backend::kPortable : Sha256Backend::kShaNi;
}

bool set_sha256_backend(Sha256Backend backend) noexcept {
  if (backend == Sha256Backend::kShaNi && !has_shani()) return false;
  g_padded_many.store(backend_function(backend), std::memory_order_relaxed);
  return true;
}

}  // namespace clvm::crypto
