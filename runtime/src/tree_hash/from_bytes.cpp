// SPDX-License-Identifier: Apache-2.0
// tree_hash_from_bytes: the tree hash of a serialization. Classic input is hashed as it streams,
// without building the tree (clvmr's tree_hash_from_stream), its nodes fed in pre-order to a
// TreeHasher that batches independent hashes; input with back-references is parsed
// into a scratch arena and hashed with the cache, so shared subtrees (and bombs) cost one hash
// each.
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "serde/atom_prefix.hpp"
#include "tree_hash/hasher.hpp"

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
  using tree_hash_detail::TreeHasher;
  thread_local TreeHasher hasher;  // keeps its buffers between calls
  hasher.reset();
  Cursor c{bytes.data(), bytes.size()};
  std::vector<std::uint32_t> dests{TreeHasher::kRoot};  // where each coming node's hash goes
  for (;;) {
    while (!dests.empty() && hasher.wants_more()) {
      const std::uint32_t dest = dests.back();
      dests.pop_back();
      const std::uint8_t b = c.next();
      if (b == kConsBox) {
        const std::uint32_t r = hasher.open_pair(dest);
        dests.push_back(TreeHasher::child(r, 1));
        dests.push_back(TreeHasher::child(r, 0));
      } else if (b == kNilByte) {
        hasher.known(tree_hash_detail::small_atom_hash(0), dest);
      } else if (b <= kMaxSingleByte) {
        if (b == 0) {
          hasher.atom(std::span{&b, 1}, dest);
        } else {
          hasher.known(tree_hash_detail::small_atom_hash(b), dest);
        }
      } else if (b == kBackReference) {
        return tree_hash_with_backrefs(bytes);
      } else {
        hasher.atom(c.take(decode_prefix(c, b).len), dest);
      }
    }
    if (!hasher.flush_batch() && dests.empty()) {
      hasher.release_excess();
      return hasher.result();
    }
  }
}

}  // namespace clvm
