// SPDX-License-Identifier: Apache-2.0
// is_canonical_serialization: the soft-fork-9 generator encoding rule (clvmr src/serde/tools.rs,
// with the 5/6-byte prefix thresholds of #834).
#include <clvm/serde.hpp>

#include "serde/atom_prefix.hpp"

namespace clvm {
namespace {

using namespace serde_detail;

// Consumes one atom whose first byte is `first`; false if its prefix is not the shortest.
bool canonical_atom(Cursor& c, std::uint8_t first) {
  if (first <= kMaxSingleByte || first == kNilByte) return true;
  const Prefix p = decode_prefix(c, first);
  c.take(p.len);
  return is_shortest_prefix(p);
}

}  // namespace

bool is_canonical_serialization(std::span<const std::uint8_t> bytes) noexcept {
  Cursor c{bytes.data(), bytes.size()};
  try {
    std::uint64_t pending = 1;
    while (pending > 0) {
      --pending;
      std::uint8_t b = c.next();
      if (b == kConsBox) {
        pending += 2;
        continue;
      }
      if (b == kBackReference) b = c.next();
      if (!canonical_atom(c, b)) return false;
    }
  } catch (const SerdeError&) {
    return false;
  }
  return c.pos == c.size;
}

}  // namespace clvm
