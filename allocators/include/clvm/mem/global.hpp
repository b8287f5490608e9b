// SPDX-License-Identifier: Apache-2.0
/// \file GlobalAllocator: the C heap (malloc/calloc/realloc/free). Alignments up to
/// alignof(std::max_align_t) go straight to malloc; larger ones take the aligned path (aligned
/// operator new, nothrow) — only then, because the aligned path is several times slower.
#pragma once

#include <clvm/mem/concepts.hpp>

#include <bit>
#include <cassert>
#include <cstdlib>
#include <cstring>

namespace clvm::mem {

class GlobalAllocator {
 public:
  /// Alignments up to this are served by plain malloc.
  static constexpr std::size_t natural_alignment = alignof(std::max_align_t);

  /// Returns {p, l.size} with p aligned to l.align, or null when the heap is exhausted. A zero-size
  /// request returns a unique non-null pointer. Requires: l.align is a power of two (asserts; null
  /// in release builds).
  Allocation allocate(Layout l) noexcept {
    assert(std::has_single_bit(l.align) && "GlobalAllocator: alignment is not a power of two");
    if (l.align <= natural_alignment) [[likely]] {
      void* p = std::malloc(l.size == 0 ? 1 : l.size);
      return {p, p != nullptr ? l.size : 0};
    }
    return allocate_overaligned(l);
  }

  /// As allocate(), the bytes zeroed (calloc on the natural path).
  Allocation allocate_zeroed(Layout l) noexcept {
    if (l.align <= natural_alignment) {
      void* p = std::calloc(1, l.size == 0 ? 1 : l.size);
      return {p, p != nullptr ? l.size : 0};
    }
    Allocation a = allocate_overaligned(l);
    if (a.ptr != nullptr) std::memset(a.ptr, 0, a.size);
    return a;
  }

  /// Frees `p`. Requires: p is null or came from this allocator type with layout `l` (the alignment
  /// selects the path, so it must match).
  void deallocate(void* p, Layout l) noexcept {
    if (l.align <= natural_alignment) [[likely]] {
      std::free(p);
    } else {
      deallocate_overaligned(p, l);
    }
  }

  /// Returns a block of `new_size` bytes (aligned to old.align) holding the first
  /// min(old.size, new_size) bytes of `p`; `p` is then invalid. Null on exhaustion, `p` untouched.
  /// A null `p` allocates. Requires: p came from this allocator type with layout `old`.
  Allocation reallocate(void* p, Layout old, std::size_t new_size) noexcept;

  /// Every GlobalAllocator is interchangeable with every other.
  friend constexpr bool operator==(GlobalAllocator, GlobalAllocator) noexcept { return true; }

 private:
  // The aligned path (aligned operator new/delete), out of line: it is the slow path.
  static Allocation allocate_overaligned(Layout l) noexcept;
  static void deallocate_overaligned(void* p, Layout l) noexcept;
};

static_assert(ReallocatingAllocator<GlobalAllocator> && ZeroingAllocator<GlobalAllocator>);

}  // namespace clvm::mem
