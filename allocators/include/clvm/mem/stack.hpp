// SPDX-License-Identifier: Apache-2.0
/// \file StackAllocator: LIFO allocation from one fixed buffer. Each allocation is preceded by a
/// header (header_size bytes) holding the previous top, so pop() frees the most recent allocation
/// in O(1); markers free everything above a point. Popping an empty stack returns false.
#pragma once

#include <clvm/mem/concepts.hpp>
#include <clvm/mem/detail/align.hpp>

#include <bit>
#include <cassert>
#include <compare>
#include <cstddef>
#include <cstring>
#include <span>

namespace clvm::mem {

class StackAllocator {
 public:
  /// Bytes of bookkeeping written before every allocation (plus alignment padding).
  static constexpr std::size_t header_size = 2 * sizeof(std::size_t);

  /// A stack position: rewind(marker) frees every allocation made after mark().
  struct Marker {
    std::size_t top = 0;
    std::size_t last = 0;
    friend constexpr bool operator==(Marker, Marker) noexcept = default;
    friend constexpr auto operator<=>(Marker a, Marker b) noexcept { return a.top <=> b.top; }
  };

  /// Owns a fresh buffer of `capacity` bytes (capacity() is 0 if the heap refuses).
  explicit StackAllocator(std::size_t capacity) noexcept;

  /// Allocates from `buffer`, which the caller owns and which must outlive the allocator.
  [[nodiscard]] static StackAllocator from_buffer(std::span<std::byte> buffer) noexcept {
    return StackAllocator(buffer.data(), buffer.size(), false);
  }

  StackAllocator(StackAllocator&& other) noexcept;
  StackAllocator& operator=(StackAllocator&& other) noexcept;
  StackAllocator(const StackAllocator&) = delete;
  StackAllocator& operator=(const StackAllocator&) = delete;
  ~StackAllocator();

  /// Pushes a block of exactly l.size bytes aligned to l.align (costing header_size + padding
  /// more), or returns null when the buffer is too small. Requires: l.align is a power of two.
  Allocation allocate(Layout l) noexcept {
    assert(std::has_single_bit(l.align) && "StackAllocator: alignment is not a power of two");
    const std::size_t avail = capacity_ - top_;
    const auto header_end = reinterpret_cast<std::uintptr_t>(begin_) + top_ + header_size;
    const std::size_t pad = detail::padding_for(header_end, l.align);
    if (avail >= header_size && l.size <= avail - header_size &&
        pad <= avail - header_size - l.size) [[likely]] {
      const std::size_t user = top_ + header_size + pad;
      // Two word stores, not one 16-byte store: pop() reads the words back separately, and a load
      // of half of a wide store may miss store forwarding.
      std::memcpy(begin_ + user - header_size, &top_, sizeof top_);
      std::memcpy(begin_ + user - header_size + sizeof top_, &last_, sizeof last_);
      last_ = user;
      top_ = user + l.size;
      return {begin_ + user, l.size};
    }
    return allocate_slow(l);
  }

  /// Frees the most recent allocation (and any allocations below it already deallocate()d).
  /// Returns false, changing nothing, when the stack is empty.
  [[nodiscard]] bool pop() noexcept {
    if (last_ == npos) return false;
    pop_top();
    return true;
  }

  /// Frees `p`: at once if it is the top (then also the deallocated blocks beneath it); otherwise
  /// it is marked free and reclaimed when the blocks above it go. Requires: p is null or a live
  /// allocation of this allocator (asserts owns(p)).
  void deallocate(void* p, Layout l) noexcept {
    (void)l;
    if (reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(begin_) == last_)
        [[likely]] {
      pop_top();
      return;
    }
    deallocate_below_top(p);
  }

  /// Shrinking always succeeds; growing succeeds in place for the top allocation while the buffer
  /// has room. Requires: p is a live allocation of this allocator with layout `l`.
  bool resize(void* p, Layout l, std::size_t new_size) noexcept;

  /// Frees everything.
  void reset() noexcept {
    top_ = 0;
    last_ = npos;
  }

  /// Returns the current top.
  Marker mark() const noexcept { return Marker{top_, last_}; }

  /// Frees every allocation made since `m`. Requires: m came from mark() on this allocator and the
  /// stack has not gone below it since (rewinding forwards asserts).
  void rewind(Marker m) noexcept {
    assert(m.top <= top_ && "StackAllocator: rewind forwards");
    top_ = m.top;
    last_ = m.last;
  }

  /// Whether `p` points into the buffer.
  bool owns(const void* p) const noexcept {
    return detail::in_range(p, begin_, begin_ + capacity_);
  }

  /// Whether nothing is allocated.
  bool empty() const noexcept { return last_ == npos; }

  /// Bytes free above the top (an allocation needs header_size + padding + its size).
  std::size_t remaining() const noexcept { return capacity_ - top_; }

  /// Bytes in use below the top, headers and padding included; total_allocated() + remaining() ==
  /// capacity().
  std::size_t total_allocated() const noexcept { return top_; }

  /// Size of the buffer.
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  static constexpr std::size_t npos = ~std::size_t{0};
  // Stored (unaligned, via memcpy) just below each allocation. The top bit of prev_top marks a
  // block that was deallocated while not on top.
  struct Header {
    std::size_t prev_top;
    std::size_t prev_last;
  };
  static constexpr std::size_t freed_bit = ~(~std::size_t{0} >> 1);

  StackAllocator(std::byte* buffer, std::size_t size, bool owning) noexcept
      : begin_(buffer), capacity_(size), owning_(owning) {}

  [[gnu::noinline]] Allocation allocate_slow(Layout l) noexcept;
  Header header_of(std::size_t user) const noexcept {
    Header h;
    std::memcpy(&h, begin_ + user - header_size, header_size);
    return h;
  }
  // Removes the top allocation, then any deallocated ones it uncovers. Requires: not empty.
  void pop_top() noexcept {
    const Header h = header_of(last_);
    top_ = h.prev_top & ~freed_bit;
    last_ = h.prev_last;
    if (last_ != npos && (header_of(last_).prev_top & freed_bit) != 0) [[unlikely]]
      pop_freed();
  }
  void pop_freed() noexcept;
  void deallocate_below_top(void* p) noexcept;
  void release() noexcept;

  std::byte* begin_;
  std::size_t capacity_;
  std::size_t top_ = 0;
  std::size_t last_ = npos;  // offset of the top allocation, npos when empty
  bool owning_;
};

static_assert(ResizableAllocator<StackAllocator> && OwningAllocator<StackAllocator> &&
              ResettableAllocator<StackAllocator> && MarkingAllocator<StackAllocator>);

}  // namespace clvm::mem
