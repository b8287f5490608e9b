// SPDX-License-Identifier: Apache-2.0
/// \file BumpAllocator: linear allocation from one fixed buffer, O(1), freed all at once (reset) or
/// back to a marker (rewind). Owns its buffer (BumpAllocator(capacity)) or borrows one
/// (from_buffer).
#pragma once

#include <clvm/mem/concepts.hpp>
#include <clvm/mem/detail/align.hpp>
#include <clvm/mem/detail/bump_region.hpp>

#include <bit>
#include <cassert>
#include <compare>
#include <cstddef>
#include <span>

namespace clvm::mem {

class BumpAllocator {
 public:
  /// A position in the buffer: everything allocated after mark() is freed by rewind(marker).
  struct Marker {
    std::size_t offset = 0;
    friend constexpr auto operator<=>(Marker, Marker) noexcept = default;
  };

  /// Alignment of an owned buffer's start.
  static constexpr std::size_t buffer_alignment = 64;

  /// Owns a fresh buffer of `capacity` bytes (from the C heap, aligned to buffer_alignment). If the
  /// heap refuses, capacity() is 0 and every allocation fails.
  explicit BumpAllocator(std::size_t capacity) noexcept;

  /// Allocates from `buffer`, which the caller owns and which must outlive the allocator.
  [[nodiscard]] static BumpAllocator from_buffer(std::span<std::byte> buffer) noexcept {
    return BumpAllocator(buffer.data(), buffer.size(), false);
  }

  BumpAllocator(BumpAllocator&& other) noexcept;
  BumpAllocator& operator=(BumpAllocator&& other) noexcept;
  BumpAllocator(const BumpAllocator&) = delete;
  BumpAllocator& operator=(const BumpAllocator&) = delete;
  ~BumpAllocator();

  /// Returns exactly l.size bytes aligned to l.align, or null when the rest of the buffer is too
  /// small. A zero-size request returns an aligned pointer into the buffer. Requires: l.align is a
  /// power of two (asserts).
  Allocation allocate(Layout l) noexcept {
    assert(std::has_single_bit(l.align) && "BumpAllocator: alignment is not a power of two");
    if (std::byte* p = region_.allocate(l)) [[likely]]
      return {p, l.size};
    return allocate_slow(l);
  }

  /// Frees `p` only if it is the most recent allocation (its bytes become available again);
  /// otherwise does nothing until reset()/rewind(). Requires: p is null or came from this allocator
  /// with layout `l` (asserts owns(p)).
  void deallocate(void* p, Layout l) noexcept {
    if (p == nullptr) return;
    assert(owns(p) && "BumpAllocator: pointer not from this allocator");
    region_.deallocate(p, l.size);
  }

  /// Shrinking always succeeds; growing succeeds in place when `p` is the most recent allocation
  /// and the buffer has room. Requires: as for deallocate().
  bool resize(void* p, Layout l, std::size_t new_size) noexcept;

  /// Frees everything: the whole buffer is available again.
  void reset() noexcept { region_.cur = begin_; }

  /// Returns the current position.
  Marker mark() const noexcept { return Marker{total_allocated()}; }

  /// Frees everything allocated since `m` was taken. Requires: m came from mark() on this allocator
  /// and no reset()/rewind() went below it since (rewinding forwards asserts).
  void rewind(Marker m) noexcept {
    assert(m.offset <= total_allocated() && "BumpAllocator: rewind forwards");
    region_.cur = begin_ + m.offset;
  }

  /// Whether `p` points into the buffer.
  bool owns(const void* p) const noexcept { return detail::in_range(p, begin_, region_.end); }

  /// Bytes still free at the end of the buffer.
  std::size_t remaining() const noexcept { return region_.remaining(); }

  /// Bytes consumed since the last reset, alignment padding included; always
  /// total_allocated() + remaining() == capacity().
  std::size_t total_allocated() const noexcept {
    return static_cast<std::size_t>(region_.cur - begin_);
  }

  /// Size of the buffer.
  std::size_t capacity() const noexcept { return static_cast<std::size_t>(region_.end - begin_); }

  /// Whether the allocator frees its buffer on destruction (false for from_buffer()).
  bool owns_buffer() const noexcept { return owning_; }

 private:
  BumpAllocator(std::byte* buffer, std::size_t size, bool owning) noexcept
      : begin_(buffer), region_{buffer, buffer + size}, owning_(owning) {}

  [[gnu::noinline]] Allocation allocate_slow(Layout l) noexcept;
  void release() noexcept;

  std::byte* begin_;
  detail::BumpRegion region_;  // [cur, end) is free; [begin_, cur) handed out
  bool owning_;
};

static_assert(ResizableAllocator<BumpAllocator> && OwningAllocator<BumpAllocator> &&
              ResettableAllocator<BumpAllocator> && MarkingAllocator<BumpAllocator>);

}  // namespace clvm::mem
