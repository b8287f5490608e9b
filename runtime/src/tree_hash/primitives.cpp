// SPDX-License-Identifier: Apache-2.0
// The single-message tree hash primitives: short atoms and pairs as pre-padded messages for
// crypto::sha256_padded (SHA-NI when present), long atoms through the incremental hasher.
#include "tree_hash/hasher.hpp"

#include <clvm/atom.hpp>

#include <array>
#include <cstring>

namespace clvm::tree_hash_detail {

namespace {
constexpr std::size_t kTwoBlockAtom = 118;  // the longest atom whose padded 01 || bytes is 2 blocks
}  // namespace

Bytes32 hash_atom(std::span<const std::uint8_t> bytes) noexcept {
  Bytes32 out;
  if (bytes.size() <= kTwoBlockAtom) {
    alignas(16) std::uint8_t msg[128];
    msg[0] = 1;
    if (!bytes.empty()) std::memcpy(msg + 1, bytes.data(), bytes.size());
    crypto::sha256_padded(msg, crypto::sha256_pad(msg, bytes.size() + 1), out.data());
    return out;
  }
  crypto::Sha256 h;
  h.update(std::uint8_t{1});
  h.update(bytes);
  out.bytes = h.finish();
  return out;
}

Bytes32 hash_pair(const Bytes32& first, const Bytes32& rest) noexcept {
  PairMessage msg;
  std::memcpy(msg.child(0), first.data(), 32);
  std::memcpy(msg.child(1), rest.data(), 32);
  Bytes32 out;
  const std::uint8_t* in = msg.bytes;
  std::uint8_t* dst = out.data();
  crypto::sha256_padded65_many(&in, 1, &dst);
  return out;
}

const Bytes32* small_atom_table() noexcept {
  static const auto table = [] {
    std::array<Bytes32, kPrecomputedSmall> t;
    for (std::uint32_t v = 0; v < kPrecomputedSmall; ++v) t[v] = hash_atom(Atom::small(v).span());
    return t;
  }();
  return table.data();
}

}  // namespace clvm::tree_hash_detail
