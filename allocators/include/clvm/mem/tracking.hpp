// SPDX-License-Identifier: Apache-2.0
/// \file TrackingAllocator<A>: forwards to an upstream allocator and counts what goes through it —
/// only what goes through it (memory taken from the upstream directly, or from plain malloc, does
/// not show). Byte counts use the requested Layout sizes.
#pragma once

#include <clvm/mem/allocator_traits.hpp>
#include <clvm/mem/concepts.hpp>

#include <algorithm>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace clvm::mem {

/// `A` is held by value (TrackingAllocator<GlobalAllocator>) or by reference
/// (TrackingAllocator<BumpAllocator&>, the referenced allocator outliving this one).
template <UpstreamAllocator A>
class TrackingAllocator {
 public:
  using upstream_type = std::remove_reference_t<A>;

  /// Default-constructs the upstream (value upstreams only).
  TrackingAllocator() noexcept(std::is_nothrow_default_constructible_v<A>)
  requires std::default_initializable<A>
  = default;

  /// Holds `upstream`: moved in for a value upstream, referenced for `A&`.
  explicit TrackingAllocator(A upstream) noexcept(std::is_nothrow_move_constructible_v<A>)
      : upstream_(std::forward<A>(upstream)) {}

  /// Forwards to the upstream; counts a success. allocate_zeroed keeps the upstream's own zeroing
  /// (calloc, fresh pages) when it has one.
  Allocation allocate(Layout l) noexcept { return count(upstream_.allocate(l), l); }
  Allocation allocate_zeroed(Layout l) noexcept {
    return count(AllocatorTraits<upstream_type>::allocate_zeroed(upstream_, l), l);
  }

  /// Forwards to the upstream and uncounts. Requires: as the upstream's deallocate.
  void deallocate(void* p, Layout l) noexcept {
    if (p == nullptr) return;
    upstream_.deallocate(p, l);
    bytes_in_use_ -= l.size;
    --live_;
  }

  /// Forwarded when the upstream can resize; bytes_in_use() follows the new size on success.
  bool resize(void* p, Layout l, std::size_t new_size) noexcept
  requires ResizableAllocator<upstream_type>
  {
    if (!upstream_.resize(p, l, new_size)) return false;
    adjust(l.size, new_size);
    return true;
  }

  /// Forwarded when the upstream can reallocate; a moved block counts as one more allocation.
  Allocation reallocate(void* p, Layout l, std::size_t new_size) noexcept
  requires ReallocatingAllocator<upstream_type>
  {
    Allocation a = upstream_.reallocate(p, l, new_size);
    if (a.ptr == nullptr) return a;
    if (p == nullptr) {
      ++live_;
      ++total_;
    } else if (a.ptr != p) {
      ++total_;
    }
    adjust(p == nullptr ? 0 : l.size, new_size);
    return a;
  }

  /// Forwarded when the upstream can tell.
  bool owns(const void* p) const noexcept
  requires OwningAllocator<upstream_type>
  {
    return upstream_.owns(p);
  }

  /// Bytes currently allocated through this allocator (sum of requested sizes).
  std::size_t bytes_in_use() const noexcept { return bytes_in_use_; }
  /// The highest bytes_in_use() so far.
  std::size_t peak_bytes() const noexcept { return peak_; }
  /// Allocations made through this allocator and not yet freed.
  std::size_t live_allocations() const noexcept { return live_; }
  /// Successful allocations ever made through this allocator.
  std::size_t total_allocations() const noexcept { return total_; }

  /// The wrapped allocator.
  upstream_type& upstream() noexcept { return upstream_; }
  const upstream_type& upstream() const noexcept { return upstream_; }

 private:
  Allocation count(Allocation a, Layout l) noexcept {
    if (a.ptr != nullptr) {
      ++live_;
      ++total_;
      adjust(0, l.size);
    }
    return a;
  }
  void adjust(std::size_t old_size, std::size_t new_size) noexcept {
    bytes_in_use_ = bytes_in_use_ - old_size + new_size;
    peak_ = std::max(peak_, bytes_in_use_);
  }

  [[no_unique_address]] A upstream_;
  std::size_t bytes_in_use_ = 0;
  std::size_t peak_ = 0;
  std::size_t live_ = 0;
  std::size_t total_ = 0;
};

}  // namespace clvm::mem
