// SPDX-License-Identifier: Apache-2.0
/// \file FreeListAllocator: variable-size blocks from one fixed buffer. First fit over segregated
/// free lists — one list per block size up to 1 KiB, then one per power of two: a few blocks of the
/// request's own class, then the first fitting block of the next non-empty larger class (found
/// through a bitmap), then the rest of its own class — so an allocation fails only when no free
/// block can hold it. Blocks larger than needed are split, and a freed block is coalesced with its
/// free neighbours (boundary tags), so freeing everything always leaves one block of the whole
/// capacity.
///
/// In front of the lists sits a small cache per block size up to cache_limit (glibc's tcache
/// idea): a freed block of such a size whose two neighbours are in use (so there is nothing to
/// coalesce) is parked there, up to cache_depth per size, and the next request needing exactly that
/// size takes it back in a few instructions, inline. Parked blocks count as free (total_allocated,
/// remaining). A parked block that would have to coalesce — a neighbour is freed, resize() grows
/// into it — leaves the cache and is freed for real first, so the heap, parked blocks taken as
/// free, is always exactly as coalesced as without the cache. The cache is flushed when an
/// allocation finds no fit on the lists (then it retries: a failure means no block can hold it) and
/// when num_free_blocks() or largest_free_block() is asked.
///
/// Block format: an 8-byte header (size | flags) before the payload; a free block also holds its
/// list links in the payload and its size in its last 8 bytes (the footer). Block sizes are
/// multiples of 16 and at least min_block_size (32), so a request of n bytes at alignment <= 16
/// costs max(round_up(n + header_size, 16), min_block_size) bytes. Larger alignments may split off
/// a leading free fragment.
#pragma once

#include <clvm/mem/concepts.hpp>
#include <clvm/mem/detail/align.hpp>

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace clvm::mem {
namespace detail::free_list {
// The flag bits of a block header (its low 4 bits; sizes are multiples of 16).
inline constexpr std::size_t allocated_flag = 1;       // this block is in use
inline constexpr std::size_t prev_allocated_flag = 2;  // the block before it is in use
inline constexpr std::size_t cached_flag = 4;  // parked in the cache (allocated_flag stays set)
inline constexpr std::size_t prev_cached_flag = 8;  // the block before it is parked
inline constexpr std::size_t flag_bits = 15;
}  // namespace detail::free_list

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

  /// Block sizes up to this are cached when freed (see the file comment).
  static constexpr std::size_t cache_limit = 1024;
  /// Blocks parked per cached size at most.
  static constexpr std::size_t cache_depth = 8;

  /// Returns {p, block size - header_size} (>= l.size) aligned to l.align, or null when no free
  /// block fits. Requires: l.align is a power of two (asserts).
  Allocation allocate(Layout l) noexcept {
    // Alignments 1, 2, 4, 8, 16 (bits of 0x10116); anything else goes the checking slow path.
    if (l.size <= cache_limit - header_size && l.align <= granularity &&
        ((std::size_t{0x10116} >> l.align) & 1) != 0) [[likely]] {
      const std::size_t c = cache_class(l.size);
      if (cache_count_[c] != 0) [[likely]] {
        std::byte* block = cache_[c][--cache_count_[c]];
        const std::size_t h = load_word(block);
        store_word(block, h & ~cached_flag);
        const std::size_t size = h & ~flag_bits;
        store_word(block + size, load_word(block + size) & ~prev_cached_flag);
        allocated_ += size;
        return {block + header_size, size - header_size};
      }
    }
    return allocate_slow(l);
  }

  /// Frees the block and merges it with free neighbours (at once, or when the cache is flushed).
  /// Requires: p is null or a live allocation of this allocator (a foreign pointer asserts; a
  /// double free of a block not yet merged or reused is reported as misuse and ignored).
  void deallocate(void* p, Layout l) noexcept {
    if (p == nullptr) return;
    assert(owns(p) && "FreeListAllocator: pointer not from this allocator");
    std::byte* block = static_cast<std::byte*>(p) - header_size;
    const std::size_t h = load_word(block);
    const std::size_t size = h & ~flag_bits;
    // In use, not parked, the block before in use and not parked, small enough:
    if ((h & (allocated_flag | cached_flag | prev_allocated_flag | prev_cached_flag)) ==
            (allocated_flag | prev_allocated_flag) &&
        size <= cache_limit) [[likely]] {
      std::byte* next = block + size;
      const std::size_t hn = load_word(next);
      std::uint8_t& n = cache_count_[size / granularity];
      if ((hn & (allocated_flag | cached_flag)) == allocated_flag && n != cache_depth) [[likely]] {
        cache_[size / granularity][n++] = block;
        store_word(block, h | cached_flag);
        store_word(next - header_size, size);  // the footer: a freed neighbour finds us by it
        store_word(next, hn | prev_cached_flag);
        allocated_ -= size;
        return;
      }
    }
    deallocate_slow(p, l);
  }

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
  /// Flushes the cache first (logically const: what is free does not change).
  std::size_t largest_free_block() const noexcept;
  /// Bytes of the heap (all blocks).
  std::size_t capacity() const noexcept { return capacity_; }
  /// Number of free blocks once coalesced (1 after reset(); fragmentation shows as more). Flushes
  /// the cache first (logically const).
  std::size_t num_free_blocks() const noexcept;

 private:
  static constexpr std::size_t num_classes = 128;
  static constexpr std::size_t allocated_flag = detail::free_list::allocated_flag;
  static constexpr std::size_t prev_allocated_flag = detail::free_list::prev_allocated_flag;
  static constexpr std::size_t cached_flag = detail::free_list::cached_flag;
  static constexpr std::size_t prev_cached_flag = detail::free_list::prev_cached_flag;
  static constexpr std::size_t flag_bits = detail::free_list::flag_bits;
  static constexpr std::size_t num_cached_sizes = cache_limit / granularity + 1;

  static std::size_t load_word(const std::byte* at) noexcept {
    std::size_t v;
    std::memcpy(&v, at, sizeof v);
    return v;
  }
  static void store_word(std::byte* at, std::size_t v) noexcept { std::memcpy(at, &v, sizeof v); }
  // The cache slot of a request of `size` bytes at alignment <= granularity: its block size / 16.
  static constexpr std::size_t cache_class(std::size_t size) noexcept {
    const std::size_t need = align_up(size + header_size, granularity);
    return (need < min_block_size ? min_block_size : need) / granularity;
  }

  [[gnu::noinline]] Allocation allocate_slow(Layout l) noexcept;
  [[gnu::noinline]] void deallocate_slow(void* p, Layout l) noexcept;
  void release_block(std::byte* block, std::size_t h) const noexcept;
  void unpark(std::byte* block) const noexcept;
  void flush_cache() const noexcept;
  std::byte* find_fit(std::size_t need, std::size_t align, std::size_t& pad) const noexcept;
  std::byte* take(std::byte* block, std::size_t pad, std::size_t need) noexcept;
  void link(std::byte* block) const noexcept;
  void unlink(std::byte* block) const noexcept;
  void make_free(std::byte* block, std::size_t size) const noexcept;
  void release() noexcept;

  std::byte* buffer_ = nullptr;  // heap_ - header_size: room for the first header
  std::byte* heap_ = nullptr;    // first block's payload boundary (block headers sit 8 below)
  std::size_t capacity_ = 0;
  std::size_t allocated_ = 0;  // bytes of blocks in use (parked blocks excluded)
  // The free lists are mutable so that the const statistics can flush the cache into them first.
  mutable std::uint64_t nonempty_[2] = {};  // bit c: class c has free blocks
  mutable std::byte* heads_[num_classes] = {};
  mutable std::uint8_t cache_count_[num_cached_sizes] = {};
  mutable std::byte* cache_[num_cached_sizes][cache_depth] = {};
};

static_assert(ResizableAllocator<FreeListAllocator> && OwningAllocator<FreeListAllocator> &&
              ResettableAllocator<FreeListAllocator>);

}  // namespace clvm::mem
