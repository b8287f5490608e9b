// SPDX-License-Identifier: Apache-2.0
// tree_hash_from_bytes: the tree hash of a serialization. Classic input is hashed as it streams,
// without building the tree (clvmr's tree_hash_from_stream); input with back-references is parsed
// into a scratch arena and hashed with the cache, so shared subtrees (and bombs) cost one hash
// each.
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "serde/atom_prefix.hpp"
#include "serde/tree_hash_detail.hpp"

#include <vector>

namespace clvm {

namespace {

Bytes32 tree_hash_with_backrefs(std::span<const std::uint8_t> bytes) {
  Allocator scratch;
  const NodePtr root = node_from_bytes_backrefs(scratch, bytes);
  TreeCache cache;
  return tree_hash_cached(scratch, root, cache);
}

}  // namespace

Bytes32 tree_hash_from_bytes(std::span<const std::uint8_t> bytes) {
  using namespace serde_detail;
  Cursor c{bytes.data(), bytes.size()};
  std::vector<std::uint8_t> open;  // per open pair: 0 = reading first, 1 = reading rest
  std::vector<Bytes32> lefts;
  for (;;) {
    const std::uint8_t b = c.next();
    if (b == kConsBox) {
      open.push_back(0);
      continue;
    }
    Bytes32 h;
    if (b == kNilByte) {
      h = tree_hash_detail::small_atom_hash(0);
    } else if (b <= kMaxSingleByte) {
      h = b == 0 ? tree_hash_detail::hash_atom(std::span{&b, 1})
                 : tree_hash_detail::small_atom_hash(b);
    } else if (b == kBackReference) {
      return tree_hash_with_backrefs(bytes);
    } else {
      h = tree_hash_detail::hash_atom(c.take(decode_prefix(c, b).len));
    }
    for (;;) {
      if (open.empty()) return h;
      if (open.back() == 0) {
        open.back() = 1;
        lefts.push_back(h);
        break;
      }
      h = tree_hash_detail::hash_pair(lefts.back(), h);
      lefts.pop_back();
      open.pop_back();
    }
  }
}

}  // namespace clvm
