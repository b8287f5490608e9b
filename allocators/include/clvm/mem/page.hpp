// SPDX-License-Identifier: Apache-2.0
/// \file PageAllocator ("the large allocator"): page-granular blocks straight from the OS (mmap),
/// alignments of a page and above (e.g. 2 MiB), and reserve-then-commit so a block can grow in
/// place up to its reservation without moving.
#pragma once

#include <clvm/mem/concepts.hpp>

#include <cstddef>
#include <cstdint>

namespace clvm::mem {

/// Whether large mappings ask the kernel for transparent huge pages (madvise(MADV_HUGEPAGE)).
/// Advice only: answers never depend on it, and where THP is off ("never") it does nothing.
/// Huge pages mean 512 times fewer page faults and TLB misses on memory that is touched again and
/// again, but each first touch zeroes 2 MiB at once, which on a VM whose free memory is returned
/// to the host costs more system time than the 4 KiB faults it saves (docs/performance.md,
/// "Huge pages"). Default everywhere: Off.
enum class HugePages : std::uint8_t {
  Off,     ///< no advice: the system's default for the mapping (with THP "madvise": 4 KiB pages)
  Advise,  ///< madvise(MADV_HUGEPAGE) on large mappings
};

class PageAllocator {
 public:
  /// Reservations (span of one block) from this size on get the huge-page advice under
  /// HugePages::Advise; smaller blocks never do (a huge page needs a whole committed 2 MiB range).
  static constexpr std::size_t kHugeAdviceMin = std::size_t{64} << 20;

  /// `reserve` is the address space each allocation reserves (rounded up to pages; at least the
  /// allocation's own size). Only the requested size is committed; resize() commits more, in
  /// place, up to the reservation. Reserving costs address space, not memory. Default 0: each block
  /// reserves exactly what it is given, and resize() can only shrink or grow within its last page.
  /// `huge_pages`: with Advise, every block whose reservation is at least kHugeAdviceMin is
  /// advised as huge-page memory when it is mapped. Throws nothing.
  explicit PageAllocator(std::size_t reserve = 0, HugePages huge_pages = HugePages::Off) noexcept;

  /// The OS page size (4096 on x86-64 Linux).
  static std::size_t page_size() noexcept;

  /// Returns a block of at least `l.size` bytes rounded up to whole pages (Allocation::size),
  /// aligned to max(l.align, page size); zero-filled (fresh pages). A zero-size request gets one
  /// page. Null when the OS refuses, or for an alignment that is not a power of two.
  Allocation allocate(Layout l) noexcept;
  /// As allocate(): fresh pages read as zero already.
  Allocation allocate_zeroed(Layout l) noexcept { return allocate(l); }

  /// Returns the block's pages (and the rest of its reservation) to the OS. Requires: `p` came from
  /// allocate() on this allocator with layout `l`.
  void deallocate(void* p, Layout l) noexcept;

  /// Grows or shrinks the committed part of the block at `p` in place. Growth succeeds while
  /// `new_size` fits the block's reservation; new bytes read as zero. Shrinking releases whole
  /// pages to the OS (keeps the reservation). Requires: `p`/`l` as for deallocate, where `l.size`
  /// is the size of the last successful allocate/resize.
  bool resize(void* p, Layout l, std::size_t new_size) noexcept;

  /// The reservation given at construction (before rounding).
  std::size_t reservation() const noexcept { return reserve_; }

  /// The huge-page choice given at construction.
  HugePages huge_pages() const noexcept { return huge_pages_; }

  /// Committed bytes currently held through this allocator.
  std::size_t committed_bytes() const noexcept { return committed_; }

 private:
  std::size_t reserve_;
  std::size_t committed_ = 0;
  HugePages huge_pages_;
};

static_assert(ResizableAllocator<PageAllocator> && ZeroingAllocator<PageAllocator>);

}  // namespace clvm::mem
