// SPDX-License-Identifier: Apache-2.0
// Private: the hashing primitives behind the tree hash (runtime/src/tree_hash_sha256.cpp).
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>

#include <cstdint>
#include <span>

namespace clvm::tree_hash_detail {

/// Small atoms (SmallAtom values below this) have precomputed tree hashes.
inline constexpr std::uint32_t kPrecomputedSmall = 1024;

/// sha256(01 || bytes).
Bytes32 hash_atom(std::span<const std::uint8_t> bytes) noexcept;
/// sha256(02 || first || rest), in one 65-byte block update.
Bytes32 hash_pair(const Bytes32& first, const Bytes32& rest) noexcept;
/// The tree hash of the SmallAtom `value`. Requires: value < kPrecomputedSmall.
const Bytes32& small_atom_hash(std::uint32_t value) noexcept;
/// The tree hash of the atom node `n` (table for small values). Requires: n is an atom of `a`.
Bytes32 atom_node_hash(const Allocator& a, NodePtr n);

}  // namespace clvm::tree_hash_detail
