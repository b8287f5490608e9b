// SPDX-License-Identifier: Apache-2.0
/// \file AllocatorTraits<A>: the optional operations of a RawAllocator, with one default each. An
/// allocator overrides a default by providing the member (allocate_zeroed: ZeroingAllocator;
/// resize: ResizableAllocator); generic code calls the traits (or the free function
/// allocate_zeroed) and so works with every allocator.
#pragma once

#include <clvm/mem/concepts.hpp>

#include <cstddef>
#include <cstring>

namespace clvm::mem {

template <RawAllocator A>
struct AllocatorTraits {
  /// Returns a.allocate_zeroed(l) when A provides it; otherwise a.allocate(l) with the granted
  /// bytes (Allocation::size of them) zeroed. Never throws; null ptr on exhaustion.
  static Allocation allocate_zeroed(A& a, Layout l) noexcept {
    if constexpr (ZeroingAllocator<A>) {
      return a.allocate_zeroed(l);
    } else {
      const Allocation got = a.allocate(l);
      if (got.ptr != nullptr) std::memset(got.ptr, 0, got.size);
      return got;
    }
  }

  /// Returns a.resize(p, l, new_size) when A provides it; otherwise false (the block stays as it
  /// is).
  static bool resize(A& a, void* p, Layout l, std::size_t new_size) noexcept {
    if constexpr (ResizableAllocator<A>) {
      return a.resize(p, l, new_size);
    } else {
      (void)a, (void)p, (void)l, (void)new_size;
      return false;
    }
  }
};

/// Shorthand for AllocatorTraits<A>::allocate_zeroed(a, l).
template <RawAllocator A>
Allocation allocate_zeroed(A& a, Layout l) noexcept {
  return AllocatorTraits<A>::allocate_zeroed(a, l);
}

}  // namespace clvm::mem
