// SPDX-License-Identifier: Apache-2.0
// Keccak-256 over Crypto++'s CryptoPP::Keccak_256 (Keccak padding, 32-byte output).
#include "crypto/keccak256.hpp"

#include <crypto++/keccak.h>

#include <memory>
#include <new>

namespace clvm::crypto {

namespace {
constexpr std::size_t kImplSize = 320;
static_assert(sizeof(CryptoPP::Keccak_256) <= kImplSize, "Keccak256::impl_ is too small");
static_assert(alignof(CryptoPP::Keccak_256) <= 16, "Keccak256::impl_ is under-aligned");

CryptoPP::Keccak_256* impl_of(unsigned char* storage) noexcept {
  return std::launder(reinterpret_cast<CryptoPP::Keccak_256*>(storage));
}
}  // namespace

Keccak256::Keccak256() noexcept { ::new (static_cast<void*>(impl_)) CryptoPP::Keccak_256(); }

Keccak256::~Keccak256() { std::destroy_at(impl_of(impl_)); }

void Keccak256::update(std::span<const std::uint8_t> data) noexcept {
  if (!data.empty()) impl_of(impl_)->Update(data.data(), data.size());
}

Digest32 Keccak256::finish() noexcept {
  static_assert(CryptoPP::Keccak_256::DIGESTSIZE == 32);
  Digest32 out;
  impl_of(impl_)->Final(out.data());  // Final also restarts the hash
  return out;
}

Digest32 keccak256(std::span<const std::uint8_t> data) noexcept {
  Keccak256 h;
  h.update(data);
  return h.finish();
}

}  // namespace clvm::crypto
