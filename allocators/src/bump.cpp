// SPDX-License-Identifier: Apache-2.0
// BumpAllocator: ownership and the out-of-line paths.
#include <clvm/mem/bump.hpp>

#include <utility>

namespace clvm::mem {

BumpAllocator::BumpAllocator(std::size_t capacity) noexcept : BumpAllocator(nullptr, 0, true) {
  if (capacity == 0) return;
  auto* buffer = static_cast<std::byte*>(detail::allocate_buffer(capacity, buffer_alignment));
  if (buffer == nullptr) return;
  begin_ = buffer;
  region_ = {buffer, buffer + capacity};
}

BumpAllocator::BumpAllocator(BumpAllocator&& other) noexcept
    : begin_(std::exchange(other.begin_, nullptr)),
      region_(std::exchange(other.region_, {})),
      owning_(other.owning_) {}

BumpAllocator& BumpAllocator::operator=(BumpAllocator&& other) noexcept {
  if (this != &other) {
    release();
    begin_ = std::exchange(other.begin_, nullptr);
    region_ = std::exchange(other.region_, {});
    owning_ = other.owning_;
  }
  return *this;
}

BumpAllocator::~BumpAllocator() { release(); }

void BumpAllocator::release() noexcept {
  if (owning_) detail::free_buffer(begin_, buffer_alignment);
  begin_ = nullptr;
  region_ = {};
}

Allocation BumpAllocator::allocate_slow(Layout l) noexcept {
  assert(std::has_single_bit(l.align) && "BumpAllocator: alignment is not a power of two");
  (void)l;
  return {};  // exhausted: the buffer never grows
}

bool BumpAllocator::resize(void* p, Layout l, std::size_t new_size) noexcept {
  if (p == nullptr) return false;
  assert(owns(p) && "BumpAllocator: pointer not from this allocator");
  return region_.resize(p, l.size, new_size);
}

}  // namespace clvm::mem
