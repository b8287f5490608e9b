// SPDX-License-Identifier: Apache-2.0
/// \file Encoders and decoders: what a codec builds nodes with and reads them from. An encoder
/// makes atoms and pairs (the arena makes NodePtrs, TreeHasher makes tree hashes); a decoder
/// tells atoms from pairs. Adapt a new one by specialising encoder_traits / decoder_traits.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/atom.hpp>
#include <clvm/node_ptr.hpp>
#include <clvm/traits/error.hpp>

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>

namespace clvm {

/// Specialise with: `using Node = ...;` `static Node atom(E&, std::span<const std::uint8_t>)` and
/// `static Node pair(E&, Node first, Node rest)`. Both may throw (the arena throws EvalError).
template <class E>
struct encoder_traits;

/// Specialise with: `using Node = ...;` `static std::optional<Atom> atom(const D&, Node)` (nullopt
/// for a pair; the bytes must stay valid while the decoder lives) and
/// `static std::optional<std::pair<Node, Node>> pair(const D&, Node)` (nullopt for an atom).
/// Optionally `static constexpr bool canonical_ints = true;` to decode integers strictly.
template <class D>
struct decoder_traits;

template <class E>
concept ClvmEncoder =
    requires(E& e, std::span<const std::uint8_t> bytes, typename encoder_traits<E>::Node n) {
      { encoder_traits<E>::atom(e, bytes) } -> std::same_as<typename encoder_traits<E>::Node>;
      { encoder_traits<E>::pair(e, n, n) } -> std::same_as<typename encoder_traits<E>::Node>;
    };

template <class D>
concept ClvmDecoder = requires(const D& d, typename decoder_traits<D>::Node n) {
  { decoder_traits<D>::atom(d, n) } -> std::same_as<std::optional<Atom>>;
  {
    decoder_traits<D>::pair(d, n)
  } -> std::same_as<
      std::optional<std::pair<typename decoder_traits<D>::Node, typename decoder_traits<D>::Node>>>;
};

/// The node type an encoder makes.
template <class E>
using encoder_node_t = typename encoder_traits<E>::Node;
/// The node type a decoder reads.
template <class D>
using decoder_node_t = typename decoder_traits<D>::Node;

/// The arena as an encoder: nodes are NodePtrs; failures are the arena's EvalError.
template <>
struct encoder_traits<Allocator> {
  using Node = NodePtr;
  static NodePtr atom(Allocator& a, std::span<const std::uint8_t> bytes) {
    return a.new_atom(bytes);
  }
  static NodePtr pair(Allocator& a, NodePtr first, NodePtr rest) { return a.new_pair(first, rest); }
};

/// The arena as a decoder.
template <>
struct decoder_traits<Allocator> {
  using Node = NodePtr;
  static std::optional<Atom> atom(const Allocator& a, NodePtr n) {
    if (n.is_pair()) return std::nullopt;
    return a.atom(n);
  }
  static std::optional<std::pair<NodePtr, NodePtr>> pair(const Allocator& a, NodePtr n) {
    if (!n.is_pair()) return std::nullopt;
    const Pair p = a.pair(n);
    return std::pair{p.first, p.rest};
  }
};

/// A decoder that reads through `inner` but decodes integers strictly: only the minimal encoding
/// (what to_clvm produces) is accepted, redundant 00 / ff pad bytes are rejected. Make one with
/// canonical(decoder).
template <class D>
struct CanonicalDecoder {
  const D& inner;
};

template <class D>
CanonicalDecoder<D> canonical(const D& decoder) noexcept {
  return {decoder};
}

template <class D>
struct decoder_traits<CanonicalDecoder<D>> {
  using Node = decoder_node_t<D>;
  static constexpr bool canonical_ints = true;
  static std::optional<Atom> atom(const CanonicalDecoder<D>& d, Node n) {
    return decoder_traits<D>::atom(d.inner, n);
  }
  static std::optional<std::pair<Node, Node>> pair(const CanonicalDecoder<D>& d, Node n) {
    return decoder_traits<D>::pair(d.inner, n);
  }
};

/// True when decoder D decodes integers strictly (see CanonicalDecoder).
template <class D>
inline constexpr bool decodes_canonical_ints =
    requires { requires decoder_traits<D>::canonical_ints; };

/// The atom `n`. Throws FromClvmError (ExpectedAtom) if it is a pair.
template <ClvmDecoder D>
Atom expect_atom(const D& d, decoder_node_t<D> n) {
  auto a = decoder_traits<D>::atom(d, n);
  if (!a) throw FromClvmError(FromClvmError::Kind::ExpectedAtom);
  return *a;
}

/// The halves of pair `n`. Throws FromClvmError (ExpectedPair) if it is an atom.
template <ClvmDecoder D>
std::pair<decoder_node_t<D>, decoder_node_t<D>> expect_pair(const D& d, decoder_node_t<D> n) {
  auto p = decoder_traits<D>::pair(d, n);
  if (!p) throw FromClvmError(FromClvmError::Kind::ExpectedPair);
  return *p;
}

/// Requires atom `n` to be empty (nil). Throws FromClvmError: ExpectedAtom for a pair,
/// WrongAtomLength{0, n} for a non-empty atom.
template <ClvmDecoder D>
void expect_nil(const D& d, decoder_node_t<D> n) {
  const Atom a = expect_atom(d, n);
  if (!a.empty()) throw FromClvmError::wrong_atom_length(0, a.size());
}

}  // namespace clvm
