// SPDX-License-Identifier: Apache-2.0
/// \file FreeListAllocator: variable-size blocks from one fixed buffer. First fit over segregated
/// free lists — one list per block size up to 1 KiB, then one per power of two: a few blocks of the
/// request's own class, then the first fitting block of the next non-empty larger class (found
/// through a bitmap), then the rest of its own class — so an allocation fails only when no free
/// block can hold it. Blocks larger than needed are split, and a freed block is coalesced with its
/// free neighbours at once (boundary tags), so freeing everything always leaves one block of the
/// whole capacity.
///
/// Block format: an 8-byte header (size | flags) before the payload; a free block also holds its
/// list links in the payload and its size in its last 8 bytes (the footer). Block sizes are
/// multiples of 16 and at least min_block_size (32), so a request of n bytes at alignment <= 16
/// costs max(round_up(n + header_size, 16), min_block_size) bytes. Larger alignments may split off
/// a leading free fragment.
#pragma once

#include <clvm/mem/concepts.hpp>
#include <clvm/mem/detail/align.hpp>

#include <cstddef>
#include <cstdint>

namespace clvm::mem {

class FreeListAllocator {
 public:
  /// Bytes of header before every payload.
  static constexpr std::size_t header_size = 8;
  /// The smallest block (header, two list links, footer); smaller remainders are not split off.
  static constexpr std::size_t min_block_size = 32;
  /// Block sizes are multiples of this, and payloads are aligned to it.
  static constexpr std::size_t granularity = 16;

  /// A heap of capacity() = `capacity` rounded down to granularity bytes (0 if that is below
  /// min_block_size or the C heap refuses), initially one free block.
  explicit FreeListAllocator(std::size_t capacity) noexcept;

  FreeListAllocator(FreeListAllocator&& other) noexcept;
  FreeListAllocator& operator=(FreeListAllocator&& other) noexcept;
  FreeListAllocator(const FreeListAllocator&) = delete;
  FreeListAllocator& operator=(const FreeListAllocator&) = delete;
  ~FreeListAllocator();

  /// Returns {p, block size - header_size} (>= l.size) aligned to l.align, or null when no free
  /// block fits. Requires: l.align is a power of two (asserts).
  Allocation allocate(Layout l) noexcept;

  /// Frees the block and merges it with free neighbours. Requires: p is null or a live allocation
  /// of this allocator (a foreign pointer asserts; a double free of a block not yet merged or
  /// reused is reported as misuse and ignored).
  void deallocate(void* p, Layout l) noexcept;

  /// Shrinks in place (splitting off the tail when it is at least min_block_size), or grows in
  /// place into a free next block. Requires: p is a live allocation of this allocator with layout
  /// `l`.
  bool resize(void* p, Layout l, std::size_t new_size) noexcept;

  /// Frees everything: one free block of the whole capacity.
  void reset() noexcept;

  /// Whether `p` points into the heap.
  bool owns(const void* p) const noexcept { return detail::in_range(p, heap_, heap_ + capacity_); }

  /// Bytes in allocated blocks, headers and padding included.
  std::size_t total_allocated() const noexcept { return allocated_; }
  /// Bytes in free blocks: capacity() - total_allocated().
  std::size_t remaining() const noexcept { return capacity_ - allocated_; }
  /// The largest request (alignment <= granularity) that would succeed now; 0 if none would.
  std::size_t largest_free_block() const noexcept;
  /// Bytes of the heap (all blocks).
  std::size_t capacity() const noexcept { return capacity_; }
  /// Number of free blocks (1 after reset(); fragmentation shows as more).
  std::size_t num_free_blocks() const noexcept;

 private:
  static constexpr std::size_t num_classes = 128;
  std::byte* find_fit(std::size_t need, std::size_t align, std::size_t& pad) noexcept;
  std::byte* take(std::byte* block, std::size_t pad, std::size_t need) noexcept;
  void link(std::byte* block) noexcept;
  void unlink(std::byte* block) noexcept;
  void make_free(std::byte* block, std::size_t size) noexcept;
  void release() noexcept;

  std::byte* buffer_ = nullptr;  // heap_ - header_size: room for the first header
  std::byte* heap_ = nullptr;    // first block's payload boundary (block headers sit 8 below)
  std::size_t capacity_ = 0;
  std::size_t allocated_ = 0;
  std::uint64_t nonempty_[2] = {};  // bit c: class c has free blocks
  std::byte* heads_[num_classes] = {};
};

static_assert(ResizableAllocator<FreeListAllocator> && OwningAllocator<FreeListAllocator> &&
              ResettableAllocator<FreeListAllocator>);

}  // namespace clvm::mem
