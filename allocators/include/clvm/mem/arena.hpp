// SPDX-License-Identifier: Apache-2.0
/// \file ArenaAllocator<A>: bump allocation over chunks taken from an upstream allocator. Grows by
/// adding chunks (each at least twice the previous), frees only the most recent allocation
/// individually, and returns every chunk to the upstream at destruction or reset(free_all).
#pragma once

#include <clvm/mem/concepts.hpp>
#include <clvm/mem/detail/align.hpp>
#include <clvm/mem/detail/bump_region.hpp>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstddef>
#include <limits>
#include <type_traits>
#include <utility>

namespace clvm::mem {

/// What reset() does with the chunks.
enum class ResetMode {
  retain_capacity,  ///< keep every chunk for reuse: a loop that resets stops calling the upstream
  free_all,         ///< return every chunk to the upstream
};

/// `A` is held by value (ArenaAllocator<GlobalAllocator>) or by reference
/// (ArenaAllocator<PageAllocator&>, the referenced allocator outliving the arena).
template <UpstreamAllocator A>
class ArenaAllocator {
 public:
  using upstream_type = std::remove_reference_t<A>;
  /// Size of the first chunk unless given.
  static constexpr std::size_t default_chunk_size = 4096;
  /// Bytes at the start of every chunk used for the chunk list.
  static constexpr std::size_t chunk_header_size = 16;

  ArenaAllocator() noexcept
  requires std::default_initializable<A>
  = default;

  /// Holds `upstream` (moved in, or referenced for `A&`); the first chunk, allocated on first use,
  /// has `first_chunk` bytes (headers included).
  explicit ArenaAllocator(A upstream, std::size_t first_chunk = default_chunk_size) noexcept
      : upstream_(std::forward<A>(upstream)), next_chunk_(first_chunk), first_chunk_(first_chunk) {}

  ArenaAllocator(ArenaAllocator&& o) noexcept
      : upstream_(std::forward<A>(o.upstream_)),
        first_(std::exchange(o.first_, nullptr)),
        current_(std::exchange(o.current_, nullptr)),
        region_(std::exchange(o.region_, {})),
        next_chunk_(o.next_chunk_),
        first_chunk_(o.first_chunk_),
        allocated_(std::exchange(o.allocated_, 0)),
        capacity_(std::exchange(o.capacity_, 0)),
        num_chunks_(std::exchange(o.num_chunks_, 0)) {}
  ArenaAllocator& operator=(ArenaAllocator&&) = delete;
  ArenaAllocator(const ArenaAllocator&) = delete;

  /// Returns every chunk to the upstream.
  ~ArenaAllocator() { release_chunks(); }

  /// Returns exactly l.size bytes aligned to l.align, adding a chunk when the current one is full;
  /// null when the upstream refuses. Requires: l.align is a power of two (asserts).
  Allocation allocate(Layout l) noexcept {
    assert(std::has_single_bit(l.align) && "ArenaAllocator: alignment is not a power of two");
    if (std::byte* p = region_.allocate(l)) [[likely]] {
      allocated_ += l.size;
      return {p, l.size};
    }
    return allocate_slow(l);
  }

  /// Reclaims the block if it is the most recent allocation; otherwise its memory stays until reset
  /// or destruction. Requires: p is null or came from this arena with layout `l`.
  void deallocate(void* p, Layout l) noexcept {
    if (p == nullptr) return;
    region_.deallocate(p, l.size);
    allocated_ -= l.size;
  }

  /// Shrinking always succeeds; the most recent allocation grows in place while its chunk has
  /// room. Requires: p came from this arena with layout `l`.
  bool resize(void* p, Layout l, std::size_t new_size) noexcept {
    if (!region_.resize(p, l.size, new_size)) return false;
    allocated_ = allocated_ - l.size + new_size;
    return true;
  }

  /// Frees every allocation; keeps the chunks (retain_capacity) or returns them (free_all).
  void reset(ResetMode mode = ResetMode::retain_capacity) noexcept {
    allocated_ = 0;
    if (mode == ResetMode::free_all) {
      release_chunks();
      return;
    }
    enter(first_);
  }

  /// Whether `p` lies in one of the arena's chunks (O(number of chunks)).
  bool owns(const void* p) const noexcept {
    for (Chunk* c = first_; c != nullptr; c = c->next)
      if (detail::in_range(p, c, reinterpret_cast<std::byte*>(c) + c->size)) return true;
    return false;
  }

  /// Bytes handed out and not individually freed since the last reset (requested sizes).
  std::size_t total_allocated() const noexcept { return allocated_; }
  /// Bytes of all chunks held (headers included).
  std::size_t capacity() const noexcept { return capacity_; }
  /// Number of chunks held.
  std::size_t num_chunks() const noexcept { return num_chunks_; }

  upstream_type& upstream() noexcept { return upstream_; }

 private:
  struct Chunk {
    Chunk* next;
    std::size_t size;  // bytes including this header
  };
  static_assert(sizeof(Chunk) <= chunk_header_size);
  static constexpr std::size_t chunk_align = alignof(std::max_align_t);

  void enter(Chunk* c) noexcept {
    current_ = c;
    region_ = c == nullptr ? detail::BumpRegion{}
                           : detail::BumpRegion{reinterpret_cast<std::byte*>(c) + chunk_header_size,
                                                reinterpret_cast<std::byte*>(c) + c->size};
  }

  [[gnu::noinline]] Allocation allocate_slow(Layout l) noexcept {
    if (!detail::is_power_of_two(l.align)) return {};
    constexpr std::size_t max = std::numeric_limits<std::size_t>::max() / 4;
    if (l.size > max || l.align > max) return {};
    // A retained chunk after the current one may fit (after reset(retain_capacity)).
    for (Chunk* c = current_ == nullptr ? nullptr : current_->next; c != nullptr; c = c->next) {
      enter(c);
      const std::size_t pad =
          detail::padding_for(reinterpret_cast<std::uintptr_t>(region_.cur), l.align);
      if (pad + l.size <= region_.remaining()) return allocate(l);
    }
    const std::size_t needed = chunk_header_size + l.size + (l.align > chunk_align ? l.align : 0);
    const std::size_t size = std::max(next_chunk_, needed);
    const Allocation a = upstream_.allocate(Layout{size, chunk_align});
    if (a.ptr == nullptr) return {};
    auto* c = ::new (a.ptr) Chunk{nullptr, size};
    if (first_ == nullptr) {
      first_ = c;
    } else {
      last_chunk()->next = c;
    }
    capacity_ += size;
    ++num_chunks_;
    next_chunk_ = size > max / 2 ? size : size * 2;
    enter(c);
    return allocate(l);
  }

  Chunk* last_chunk() const noexcept {
    Chunk* c = current_ != nullptr ? current_ : first_;
    while (c != nullptr && c->next != nullptr) c = c->next;
    return c;
  }

  void release_chunks() noexcept {
    for (Chunk* c = first_; c != nullptr;) {
      Chunk* next = c->next;
      upstream_.deallocate(c, Layout{c->size, chunk_align});
      c = next;
    }
    first_ = nullptr;
    enter(nullptr);
    capacity_ = 0;
    num_chunks_ = 0;
    next_chunk_ = first_chunk_;
  }

  [[no_unique_address]] A upstream_;
  Chunk* first_ = nullptr;
  Chunk* current_ = nullptr;
  detail::BumpRegion region_;  // the free part of *current_
  std::size_t next_chunk_ = default_chunk_size;
  std::size_t first_chunk_ = default_chunk_size;
  std::size_t allocated_ = 0;
  std::size_t capacity_ = 0;
  std::size_t num_chunks_ = 0;
};

}  // namespace clvm::mem
