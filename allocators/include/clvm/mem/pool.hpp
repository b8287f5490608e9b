// SPDX-License-Identifier: Apache-2.0
/// \file PoolAllocator: fixed-size blocks from one buffer, O(1) allocate and deallocate through a
/// stack of the free blocks' addresses kept after the blocks (one pointer per block). The stack
/// rather than an intrusive list (a free block holding the next one's address) because popping an
/// intrusive list is a chain of dependent loads through the blocks, one cache latency per
/// allocation; the stack's loads are independent and sequential (2.96 -> 2.05 ns per alloc+free
/// in batches, 3.90 -> 2.11 ns freed in random order; the stack kept as pointers, 2.03 -> 1.70 ns:
/// docs/allocators.md). Blocks are at least min_block_size bytes and aligned to the pool's
/// alignment. Freeing more blocks than are allocated is reported as misuse and ignored in every
/// build; debug builds (no NDEBUG when the library is compiled) also keep one state byte per block
/// and report any double free.
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
  /// The smallest block (and alignment): pointer-sized.
  static constexpr std::size_t min_block_size = sizeof(void*);

  /// A pool of `num_blocks` blocks of block_size() = `block_size` rounded up to min_block_size and
  /// to `align` (at least alignof(void*)), taking num_blocks * (block_size() + sizeof(void*))
  /// bytes from the global heap. If the heap refuses, the pool has no blocks. Requires: `align` is
  /// a power of two.
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
    if (l.size <= block_size_ && l.align <= align_ && top_ > pop_floor_) [[likely]]
      return {*--top_, block_size_};
    return allocate_slow(l);
  }

  /// Returns the block to the pool. Requires: p is null or a block of this pool that is allocated
  /// (a foreign pointer asserts; a double free is reported as misuse and ignored: always when
  /// every block is already free, otherwise in debug builds).
  void deallocate(void* p, Layout l) noexcept {
    (void)l;
    assert((p == nullptr || owns(p)) && "PoolAllocator: pointer not from this pool");
    assert(l.size <= block_size_ && "PoolAllocator: size larger than a block");
    if (p != nullptr && top_ < push_limit_) [[likely]] {
      *top_++ = p;
      return;
    }
    deallocate_slow(p);
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
  std::size_t num_free_blocks() const noexcept { return static_cast<std::size_t>(top_ - free_); }
  /// Blocks currently handed out.
  std::size_t num_allocated() const noexcept { return num_blocks_ - num_free_blocks(); }
  /// Total blocks.
  std::size_t num_blocks() const noexcept { return num_blocks_; }
  /// Bytes per block (what every allocation grants).
  std::size_t block_size() const noexcept { return block_size_; }
  /// Alignment of every block.
  std::size_t alignment() const noexcept { return align_; }

 private:
  std::size_t index_of(const void* p) const noexcept {
    return static_cast<std::size_t>(static_cast<const std::byte*>(p) - buffer_) / block_size_;
  }
  // What the fast paths leave: requests that do not fit, an empty pool, a null pointer, a free
  // with every block already free (misuse), and every call in debug builds (the state bytes).
  Allocation allocate_slow(Layout l) noexcept;
  void deallocate_slow(void* p) noexcept;
  void release() noexcept;

  // The free stack as pointers rather than a count: the fast paths load one bound each and no
  // base (a count meant loading free_, the count and its floor: 2.03 -> 1.70 ns per alloc+free
  // in batches, docs/allocators.md).
  void** top_ = nullptr;  // one past the next block to hand out; the stack is [free_, top_)
  // The fast paths' bounds: pop while top_ > pop_floor_, push while top_ < push_limit_. free_ and
  // free_ + num_blocks_, or swapped in debug builds so that every call takes the slow path.
  void** pop_floor_ = nullptr;
  void** push_limit_ = nullptr;
  std::size_t block_size_;
  std::size_t align_;
  std::byte* buffer_ = nullptr;
  void** free_ = nullptr;  // the bottom of the free stack (after the blocks)
  std::size_t num_blocks_ = 0;
  std::unique_ptr<std::uint8_t[]> state_;  // debug builds: 1 = allocated, per block
};

static_assert(OwningAllocator<PoolAllocator> && ResettableAllocator<PoolAllocator>);

}  // namespace clvm::mem
