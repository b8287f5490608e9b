// SPDX-License-Identifier: Apache-2.0
/// \file Curried programs: CurriedProgram<P, A> `(a (q . P) A)` (decoding = uncurrying) and
/// curry_tree_hash, the tree hash of a curried program from the hashes of its parts.
#pragma once

#include <clvm/traits/codec.hpp>
#include <clvm/traits/match_byte.hpp>
#include <clvm/traits/tree_hasher.hpp>
#include <clvm/traits/values.hpp>

#include <cstdint>
#include <initializer_list>
#include <span>
#include <tuple>
#include <utility>

namespace clvm {

/// `(a (q . program) args)` = `(2 (1 . program) args)`. `args` is usually a curry-shaped struct,
/// CurriedArgs<...> or a NodePtr; `program` a NodePtr (or a TreeHash when hashing). Decoding
/// matches that proper 3-list: `CurriedProgram<NodePtr, NodePtr>` uncurries any curried program.
template <class P, class A>
struct CurriedProgram {
  P program;
  A args;
  friend bool operator==(const CurriedProgram&, const CurriedProgram&) = default;
};

template <class P, class A>
struct codec<CurriedProgram<P, A>> {
  template <ClvmEncoder E>
  requires ToClvm<P, E> && ToClvm<A, E>
  static encoder_node_t<E> encode(E& e, const CurriedProgram<P, A>& v) {
    using Tr = encoder_traits<E>;
    auto program = clvm::encode(e, v.program);
    auto quoted = Tr::pair(e, clvm::encode(e, MatchByte<1>{}), program);
    auto args = Tr::pair(e, clvm::encode(e, v.args), Tr::atom(e, {}));
    return Tr::pair(e, clvm::encode(e, MatchByte<2>{}), Tr::pair(e, quoted, args));
  }
  template <ClvmDecoder D>
  requires FromClvm<P, D> && FromClvm<A, D>
  static CurriedProgram<P, A> decode(const D& d, decoder_node_t<D> n) {
    auto l = codec<List<MatchByte<2>, Quote<P>, A>>::decode(d, n);
    return {std::move(std::get<1>(l.items).value), std::move(std::get<2>(l.items))};
  }
};

/// The tree hash of `(a (q . program) (c (q . arg0) (c (q . arg1) ... 1)))` from the hash of the
/// program and of each argument (clvm-utils' curry_tree_hash): what CurriedProgram with
/// CurriedArgs hashes to, without building nodes.
inline TreeHash curry_tree_hash(const TreeHash& program_hash,
                                std::span<const TreeHash> arg_hashes) {
  static constexpr std::uint8_t kQ = 1, kA = 2, kC = 4;
  const Bytes32 nil = tree_hash_atom({});
  const Bytes32 op_q = tree_hash_atom({&kQ, 1});
  const Bytes32 op_a = tree_hash_atom({&kA, 1});
  const Bytes32 op_c = tree_hash_atom({&kC, 1});
  Bytes32 args = op_q;  // the terminator: the atom 1
  for (auto it = arg_hashes.rbegin(); it != arg_hashes.rend(); ++it) {
    const Bytes32 quoted_arg = tree_hash_pair(op_q, it->value);
    args = tree_hash_pair(op_c, tree_hash_pair(quoted_arg, tree_hash_pair(args, nil)));
  }
  const Bytes32 quoted_program = tree_hash_pair(op_q, program_hash.value);
  return {tree_hash_pair(op_a, tree_hash_pair(quoted_program, tree_hash_pair(args, nil)))};
}

/// As above, for a brace list: curry_tree_hash(p, {a, b}).
inline TreeHash curry_tree_hash(const TreeHash& program_hash,
                                std::initializer_list<TreeHash> arg_hashes) {
  return curry_tree_hash(program_hash,
                         std::span<const TreeHash>(arg_hashes.begin(), arg_hashes.size()));
}

}  // namespace clvm
