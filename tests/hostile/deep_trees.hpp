// Deep trees for the hostile tests, built iteratively.
#pragma once

#include <clvm/allocator.hpp>

#include <cstddef>

namespace clvm::hostile {

/// (((... (1 . 1) ...) . 1) . 1): `depth` pairs nested through `first`.
inline NodePtr left_nested(Allocator& a, std::size_t depth) {
  NodePtr n = a.one();
  for (std::size_t i = 0; i < depth; ++i) n = a.new_pair(n, a.one());
  return n;
}

/// (1 1 1 ... 1): `depth` pairs nested through `rest`.
inline NodePtr right_nested(Allocator& a, std::size_t depth) {
  NodePtr n = a.nil();
  for (std::size_t i = 0; i < depth; ++i) n = a.new_pair(a.one(), n);
  return n;
}

}  // namespace clvm::hostile
