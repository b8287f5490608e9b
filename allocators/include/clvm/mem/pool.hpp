// SPDX-License-Identifier: Apache-2.0
/// \file PoolAllocator: fixed-size blocks from one buffer, O(1) allocate and deallocate through an
/// intrusive free list (a free block holds the pointer to the next). Blocks are at least
/// min_block_size bytes and aligned to the pool's alignment. Debug builds (no NDEBUG when the
/// library is compiled) keep one state byte per block and report double frees as misuse.
#pragma once

#include <clvm/mem/concepts.hpp>
#include <clvm/mem/detail/align.hpp>
#include <clvm/mem/misuse.hpp>

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace clvm::mem {

class PoolAllocator {
 public:
  /// The smallest block: a free block stores the free-list link.
  static constexpr std::size_t min_block_size = sizeof(void*);

  /// A pool of `num_blocks` blocks of block_size() = `block_size` rounded up to min_block_size and
  /// to `align` (at least alignof(void*)). If the heap refuses, the pool has no blocks. Requires:
  /// `align` is a power of two.
  PoolAllocator(std::size_t block_size, std::size_t num_blocks,
                std::size_t align = alignof(std::max_align_t)) noexcept;

  PoolAllocator(PoolAllocator&& other) noexcept;
  PoolAllocator& operator=(PoolAllocator&& other) noexcept;
  PoolAllocator(const PoolAllocator&) = delete;
  PoolAllocator& operator=(const PoolAllocator&) = delete;
  ~PoolAllocator();

  /// Returns one whole block ({p, block_size()}), or null when every block is taken or when the
  /// request does not fit a block (l.size > block_size() or l.align > alignment()).
  Allocation allocate(Layout l) noexcept {
    if (l.size <= block_size_ && l.align <= align_ && free_ != nullptr) [[likely]] {
      Node* n = free_;
      free_ = n->next;
      --num_free_;
      if (state_ != nullptr) state_[index_of(n)] = 1;
      return {n, block_size_};
    }
    return {};
  }

  /// Returns the block to the pool. Requires: p is null or a block of this pool that is allocated
  /// (a foreign pointer asserts; a double free is reported as misuse in debug builds and ignored).
  void deallocate(void* p, Layout l) noexcept {
    (void)l;
    if (p == nullptr) return;
    assert(owns(p) && "PoolAllocator: pointer not from this pool");
    assert(l.size <= block_size_ && "PoolAllocator: size larger than a block");
    if (state_ != nullptr) [[unlikely]] {
      if (!check_free(p)) return;
    }
    Node* n = ::new (p) Node{free_};
    free_ = n;
    ++num_free_;
  }

  /// Whether `p` points at a block boundary inside the pool.
  bool owns(const void* p) const noexcept {
    return detail::in_range(p, buffer_, buffer_ + block_size_ * num_blocks_) &&
           (static_cast<std::size_t>(static_cast<const std::byte*>(p) - buffer_) % block_size_) ==
               0;
  }

  /// Frees every block at once.
  void reset() noexcept;

  /// Blocks currently free.
  std::size_t num_free_blocks() const noexcept { return num_free_; }
  /// Blocks currently handed out.
  std::size_t num_allocated() const noexcept { return num_blocks_ - num_free_; }
  /// Total blocks.
  std::size_t num_blocks() const noexcept { return num_blocks_; }
  /// Bytes per block (what every allocation grants).
  std::size_t block_size() const noexcept { return block_size_; }
  /// Alignment of every block.
  std::size_t alignment() const noexcept { return align_; }

 private:
  struct Node {
    Node* next;
  };

  std::size_t index_of(const void* p) const noexcept {
    return static_cast<std::size_t>(static_cast<const std::byte*>(p) - buffer_) / block_size_;
  }
  bool check_free(void* p) noexcept;  // false (after reporting) on a double free
  void release() noexcept;

  std::byte* buffer_ = nullptr;
  Node* free_ = nullptr;
  std::size_t block_size_;
  std::size_t align_;
  std::size_t num_blocks_ = 0;
  std::size_t num_free_ = 0;
  std::unique_ptr<std::uint8_t[]> state_;  // debug builds: 1 = allocated, per block
};

static_assert(OwningAllocator<PoolAllocator> && ResettableAllocator<PoolAllocator>);

}  // namespace clvm::mem
