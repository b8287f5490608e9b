// SPDX-License-Identifier: Apache-2.0
// StackAllocator: ownership, pop and the out-of-line paths.
#include <clvm/mem/stack.hpp>

#include <utility>

namespace clvm::mem {
namespace {
constexpr std::size_t kBufferAlign = 64;
}

StackAllocator::StackAllocator(std::size_t capacity) noexcept : StackAllocator(nullptr, 0, true) {
  if (capacity == 0) return;
  begin_ = static_cast<std::byte*>(detail::allocate_buffer(capacity, kBufferAlign));
  if (begin_ != nullptr) capacity_ = capacity;
}

StackAllocator::StackAllocator(StackAllocator&& other) noexcept
    : begin_(std::exchange(other.begin_, nullptr)),
      capacity_(std::exchange(other.capacity_, 0)),
      top_(std::exchange(other.top_, 0)),
      last_(std::exchange(other.last_, npos)),
      owning_(other.owning_) {}

StackAllocator& StackAllocator::operator=(StackAllocator&& other) noexcept {
  if (this != &other) {
    release();
    begin_ = std::exchange(other.begin_, nullptr);
    capacity_ = std::exchange(other.capacity_, 0);
    top_ = std::exchange(other.top_, 0);
    last_ = std::exchange(other.last_, npos);
    owning_ = other.owning_;
  }
  return *this;
}

StackAllocator::~StackAllocator() { release(); }

void StackAllocator::release() noexcept {
  if (owning_) detail::free_buffer(begin_, kBufferAlign);
  begin_ = nullptr;
  capacity_ = top_ = 0;
  last_ = npos;
}

Allocation StackAllocator::allocate_slow(Layout l) noexcept {
  assert(std::has_single_bit(l.align) && "StackAllocator: alignment is not a power of two");
  (void)l;
  return {};  // exhausted: the buffer never grows
}

void StackAllocator::pop_freed() noexcept {
  while (last_ != npos) {
    const Header h = header_of(last_);
    if ((h.prev_top & freed_bit) == 0) return;
    top_ = h.prev_top & ~freed_bit;
    last_ = h.prev_last;
  }
}

void StackAllocator::deallocate_below_top(void* p) noexcept {
  if (p == nullptr) return;
  assert(owns(p) && "StackAllocator: pointer not from this allocator");
  const auto user = static_cast<std::size_t>(static_cast<std::byte*>(p) - begin_);
  if (user >= top_) return;  // already freed by a rewind or reset
  Header h = header_of(user);
  h.prev_top |= freed_bit;
  std::memcpy(begin_ + user - header_size, &h, header_size);
}

bool StackAllocator::resize(void* p, Layout l, std::size_t new_size) noexcept {
  if (p == nullptr) return false;
  assert(owns(p) && "StackAllocator: pointer not from this allocator");
  const auto user = static_cast<std::size_t>(static_cast<std::byte*>(p) - begin_);
  if (user == last_) {
    if (new_size > capacity_ - user) return false;
    top_ = user + new_size;
    return true;
  }
  return new_size <= l.size;
}

}  // namespace clvm::mem
