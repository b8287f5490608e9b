// SPDX-License-Identifier: Apache-2.0
// The aligned heap buffers that the fixed-capacity allocators own.
#include <clvm/mem/detail/align.hpp>

#include <new>

namespace clvm::mem::detail {

void* allocate_buffer(std::size_t size, std::size_t align) noexcept {
  return ::operator new(size == 0 ? 1 : size, std::align_val_t{align}, std::nothrow);
}

void free_buffer(void* p, std::size_t align) noexcept {
  if (p != nullptr) ::operator delete(p, std::align_val_t{align});
}

}  // namespace clvm::mem::detail
