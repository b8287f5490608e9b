// SPDX-License-Identifier: Apache-2.0
// GlobalAllocator's aligned path: alignments above alignof(std::max_align_t).
#include <clvm/mem/global.hpp>

#include <new>

namespace clvm::mem {

Allocation GlobalAllocator::allocate_overaligned(Layout l) noexcept {
  assert(std::has_single_bit(l.align) && "GlobalAllocator: alignment is not a power of two");
  if (!std::has_single_bit(l.align)) return {};
  void* p = ::operator new(l.size == 0 ? 1 : l.size, std::align_val_t{l.align}, std::nothrow);
  return {p, p != nullptr ? l.size : 0};
}

void GlobalAllocator::deallocate_overaligned(void* p, Layout l) noexcept {
  if (p != nullptr) ::operator delete(p, std::align_val_t{l.align});
}

// Out of line also because GCC's -Wuse-after-free flags callers that keep using a block after a
// failed realloc, which is exactly the documented contract.
Allocation GlobalAllocator::reallocate(void* p, Layout old, std::size_t new_size) noexcept {
  if (p == nullptr) return allocate(Layout{new_size, old.align});
  if (old.align <= natural_alignment) {
    void* q = std::realloc(p, new_size == 0 ? 1 : new_size);
    return {q, q != nullptr ? new_size : 0};
  }
  const Allocation a = allocate_overaligned(Layout{new_size, old.align});
  if (a.ptr == nullptr) return a;
  std::memcpy(a.ptr, p, old.size < new_size ? old.size : new_size);
  deallocate_overaligned(p, old);
  return a;
}

}  // namespace clvm::mem
