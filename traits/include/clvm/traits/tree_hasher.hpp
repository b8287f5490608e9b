// SPDX-License-Identifier: Apache-2.0
/// \file TreeHash and TreeHasher: the tree hash of a typed value computed without building nodes.
/// Tree hash (clvm-utils): atom = sha256(01 ‖ bytes), pair = sha256(02 ‖ H(first) ‖ H(rest)), from
/// the runtime's tree_hash_atom / tree_hash_pair.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>
#include <clvm/traits/codec.hpp>
#include <clvm/tree_hash.hpp>

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <span>
#include <string>

namespace clvm {

/// A tree hash: distinct from Bytes32 so that a known hash (which TreeHasher passes through) is
/// never confused with a 32-byte atom value.
struct TreeHash {
  Bytes32 value;

  std::string to_hex() const { return clvm::to_hex(value.span()); }
  friend constexpr bool operator==(const TreeHash&, const TreeHash&) noexcept = default;
  friend constexpr auto operator<=>(const TreeHash&, const TreeHash&) noexcept = default;
};

/// The tree hash of arena node `n` (the runtime's tree_hash, typed).
inline TreeHash tree_hash_of_node(const Allocator& a, NodePtr n) { return {tree_hash(a, n)}; }

/// An encoder whose nodes are tree hashes: `clvm::to_clvm(hasher, value)` (or tree_hash_of(value))
/// equals the tree hash of `clvm::to_clvm(allocator, value)`, with no allocation of nodes.
struct TreeHasher {};

template <>
struct encoder_traits<TreeHasher> {
  using Node = TreeHash;
  static TreeHash atom(TreeHasher&, std::span<const std::uint8_t> bytes) noexcept {
    return {tree_hash_atom(bytes)};
  }
  static TreeHash pair(TreeHasher&, const TreeHash& first, const TreeHash& rest) noexcept {
    return {tree_hash_pair(first.value, rest.value)};
  }
};

/// A TreeHash passes through TreeHasher unchanged: typed values can mix known sub-hashes (e.g. a
/// curried puzzle's hash) with concrete fields. Not encodable into an arena.
template <>
struct codec<TreeHash> {
  template <ClvmEncoder E>
  requires std::same_as<encoder_node_t<E>, TreeHash>
  static TreeHash encode(E&, const TreeHash& h) {
    return h;
  }
};

/// The tree hash of typed value `v`.
template <ToClvm<TreeHasher> T>
TreeHash tree_hash_of(const T& v) {
  TreeHasher h;
  return clvm::encode(h, v);
}

}  // namespace clvm

/// Formats as lower-case hex.
template <>
struct fmt::formatter<clvm::TreeHash> : fmt::formatter<clvm::Bytes32> {
  template <class Ctx>
  auto format(const clvm::TreeHash& h, Ctx& ctx) const {
    return fmt::formatter<clvm::Bytes32>::format(h.value, ctx);
  }
};
