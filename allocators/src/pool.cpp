// SPDX-License-Identifier: Apache-2.0
// PoolAllocator: construction, the free stack and the debug state.
#include <clvm/mem/pool.hpp>

#include <algorithm>
#include <bit>
#include <limits>
#include <new>
#include <utility>

namespace clvm::mem {

PoolAllocator::PoolAllocator(std::size_t block_size, std::size_t num_blocks,
                             std::size_t align) noexcept
    : align_(std::max(align, alignof(void*))) {
  assert(std::has_single_bit(align) && "PoolAllocator: alignment is not a power of two");
  block_size_ = align_up(std::max(block_size, min_block_size), align_);
  // The blocks, then the stack of free addresses (aligned: block_size_ is a multiple of 8).
  if (!std::has_single_bit(align) || num_blocks == 0 ||
      num_blocks > std::numeric_limits<std::size_t>::max() / (block_size_ + sizeof(void*)))
    return;
  buffer_ = static_cast<std::byte*>(detail::allocate_buffer(
      (block_size_ + sizeof(void*)) * num_blocks, std::max(align_, std::size_t{64})));
  if (buffer_ == nullptr) return;
  free_ = reinterpret_cast<void**>(buffer_ + block_size_ * num_blocks);
  num_blocks_ = num_blocks;
#ifndef NDEBUG
  state_.reset(new (std::nothrow) std::uint8_t[num_blocks]);
#endif
  if (state_ == nullptr) {
    pop_floor_ = free_;
    push_limit_ = free_ + num_blocks;
  } else {
    pop_floor_ = free_ + num_blocks;
    push_limit_ = free_;
  }
  reset();
}

PoolAllocator::PoolAllocator(PoolAllocator&& other) noexcept
    : top_(std::exchange(other.top_, nullptr)),
      pop_floor_(std::exchange(other.pop_floor_, nullptr)),
      push_limit_(std::exchange(other.push_limit_, nullptr)),
      block_size_(other.block_size_),
      align_(other.align_),
      buffer_(std::exchange(other.buffer_, nullptr)),
      free_(std::exchange(other.free_, nullptr)),
      num_blocks_(std::exchange(other.num_blocks_, 0)),
      state_(std::move(other.state_)) {}

PoolAllocator& PoolAllocator::operator=(PoolAllocator&& other) noexcept {
  if (this != &other) {
    release();
    top_ = std::exchange(other.top_, nullptr);
    pop_floor_ = std::exchange(other.pop_floor_, nullptr);
    push_limit_ = std::exchange(other.push_limit_, nullptr);
    block_size_ = other.block_size_;
    align_ = other.align_;
    buffer_ = std::exchange(other.buffer_, nullptr);
    free_ = std::exchange(other.free_, nullptr);
    num_blocks_ = std::exchange(other.num_blocks_, 0);
    state_ = std::move(other.state_);
  }
  return *this;
}

PoolAllocator::~PoolAllocator() { release(); }

void PoolAllocator::release() noexcept {
  detail::free_buffer(buffer_, std::max(align_, std::size_t{64}));
  buffer_ = nullptr;
  free_ = top_ = pop_floor_ = push_limit_ = nullptr;
  num_blocks_ = 0;
  state_.reset();
}

void PoolAllocator::reset() noexcept {
  // The first block on top, so that a fresh pool hands them out front to back.
  for (std::size_t i = 0; i < num_blocks_; ++i)
    free_[i] = buffer_ + (num_blocks_ - 1 - i) * block_size_;
  top_ = free_ + num_blocks_;
  if (state_ != nullptr) std::fill_n(state_.get(), num_blocks_, std::uint8_t{0});
}

Allocation PoolAllocator::allocate_slow(Layout l) noexcept {
  if (l.size > block_size_ || l.align > align_ || top_ == free_) return {};
  void* p = *--top_;
  if (state_ != nullptr) state_[index_of(p)] = 1;
  return {p, block_size_};
}

void PoolAllocator::deallocate_slow(void* p) noexcept {
  if (p == nullptr) return;
  std::uint8_t* s = state_ != nullptr ? &state_[index_of(p)] : nullptr;
  if (top_ == free_ + num_blocks_ || (s != nullptr && *s == 0)) {
    report_misuse({MisuseKind::double_free, p, block_size_, align_});
    return;
  }
  if (s != nullptr) *s = 0;
  *top_++ = p;
}

}  // namespace clvm::mem
