// SPDX-License-Identifier: Apache-2.0
// PoolAllocator: construction, the free list and the debug state.
#include <clvm/mem/pool.hpp>

#include <algorithm>
#include <bit>
#include <limits>
#include <new>
#include <utility>

namespace clvm::mem {

PoolAllocator::PoolAllocator(std::size_t block_size, std::size_t num_blocks,
                             std::size_t align) noexcept
    : align_(std::max(align, alignof(Node))) {
  assert(std::has_single_bit(align) && "PoolAllocator: alignment is not a power of two");
  block_size_ = align_up(std::max(block_size, min_block_size), align_);
  if (!std::has_single_bit(align) || num_blocks == 0 ||
      num_blocks > std::numeric_limits<std::size_t>::max() / block_size_)
    return;
  buffer_ = static_cast<std::byte*>(
      detail::allocate_buffer(block_size_ * num_blocks, std::max(align_, std::size_t{64})));
  if (buffer_ == nullptr) return;
  num_blocks_ = num_blocks;
#ifndef NDEBUG
  state_.reset(new (std::nothrow) std::uint8_t[num_blocks]);
#endif
  reset();
}

PoolAllocator::PoolAllocator(PoolAllocator&& other) noexcept
    : buffer_(std::exchange(other.buffer_, nullptr)),
      free_(std::exchange(other.free_, nullptr)),
      block_size_(other.block_size_),
      align_(other.align_),
      num_blocks_(std::exchange(other.num_blocks_, 0)),
      num_free_(std::exchange(other.num_free_, 0)),
      state_(std::move(other.state_)) {}

PoolAllocator& PoolAllocator::operator=(PoolAllocator&& other) noexcept {
  if (this != &other) {
    release();
    buffer_ = std::exchange(other.buffer_, nullptr);
    free_ = std::exchange(other.free_, nullptr);
    block_size_ = other.block_size_;
    align_ = other.align_;
    num_blocks_ = std::exchange(other.num_blocks_, 0);
    num_free_ = std::exchange(other.num_free_, 0);
    state_ = std::move(other.state_);
  }
  return *this;
}

PoolAllocator::~PoolAllocator() { release(); }

void PoolAllocator::release() noexcept {
  detail::free_buffer(buffer_, std::max(align_, std::size_t{64}));
  buffer_ = nullptr;
  free_ = nullptr;
  num_blocks_ = num_free_ = 0;
  state_.reset();
}

void PoolAllocator::reset() noexcept {
  // Link the blocks in address order so that a fresh pool hands them out front to back.
  Node* next = nullptr;
  for (std::size_t i = num_blocks_; i-- > 0;) next = ::new (buffer_ + i * block_size_) Node{next};
  free_ = next;
  num_free_ = num_blocks_;
  if (state_ != nullptr) std::fill_n(state_.get(), num_blocks_, std::uint8_t{0});
}

bool PoolAllocator::check_free(void* p) noexcept {
  std::uint8_t& s = state_[index_of(p)];
  if (s == 0) {
    report_misuse({MisuseKind::double_free, p, block_size_, align_});
    return false;
  }
  s = 0;
  return true;
}

}  // namespace clvm::mem
