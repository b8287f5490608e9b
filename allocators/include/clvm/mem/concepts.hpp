// SPDX-License-Identifier: Apache-2.0
/// \file RawAllocator, the concept every clvm::mem allocator models, its optional refinements, and
/// UpstreamAllocator, what the wrapping allocators accept as their upstream. What an allocator may
/// leave out (allocate_zeroed, resize) gets a default from AllocatorTraits
/// (clvm/mem/allocator_traits.hpp).
#pragma once

#include <clvm/mem/layout.hpp>

#include <concepts>
#include <cstddef>
#include <type_traits>

namespace clvm::mem {

/// The result of an allocation: `ptr` is null when the allocator is exhausted; otherwise `size` is
/// what was actually granted (>= the requested size) and `ptr` is aligned as requested.
struct Allocation {
  void* ptr = nullptr;
  std::size_t size = 0;

  explicit constexpr operator bool() const noexcept { return ptr != nullptr; }
};

/// The uniform interface, kept small: an allocator of raw bytes described by a Layout.
///   allocate(Layout) -> Allocation   never throws; null ptr on exhaustion. A zero-size request
///                                    returns a non-null, aligned pointer (size may be 0).
///   deallocate(ptr, Layout)          requires: ptr came from this allocator with this Layout (size
///                                    as requested) and was not freed yet.
/// (Named apart from clvm::Allocator, the node arena, which is built on top of these.)
template <class A>
concept RawAllocator = requires(A& a, Layout layout, void* p) {
  { a.allocate(layout) } noexcept -> std::same_as<Allocation>;
  { a.deallocate(p, layout) } noexcept;
};

/// allocate_zeroed(Layout) -> Allocation: as allocate, the granted bytes zeroed. Optional: an
/// allocator provides it when it can do better than allocate + memset (calloc, fresh pages);
/// AllocatorTraits::allocate_zeroed supplies the default otherwise.
template <class A>
concept ZeroingAllocator = RawAllocator<A> && requires(A& a, Layout layout) {
  { a.allocate_zeroed(layout) } noexcept -> std::same_as<Allocation>;
};

/// resize(ptr, old, new_size) -> bool: grows or shrinks in place; false leaves the block untouched.
template <class A>
concept ResizableAllocator = RawAllocator<A> && requires(A& a, void* p, Layout l, std::size_t n) {
  { a.resize(p, l, n) } noexcept -> std::same_as<bool>;
};

/// reallocate(ptr, old, new_size) -> Allocation: may move (contents preserved up to the smaller
/// size); null on exhaustion, in which case the old block is still valid.
template <class A>
concept ReallocatingAllocator =
    RawAllocator<A> && requires(A& a, void* p, Layout l, std::size_t n) {
      { a.reallocate(p, l, n) } noexcept -> std::same_as<Allocation>;
    };

/// owns(ptr) -> bool: whether ptr points into memory this allocator handed out.
template <class A>
concept OwningAllocator = RawAllocator<A> && requires(const A& a, const void* p) {
  { a.owns(p) } noexcept -> std::same_as<bool>;
};

/// reset(): frees everything at once.
template <class A>
concept ResettableAllocator = RawAllocator<A> && requires(A& a) { a.reset(); };

/// mark() -> Marker, rewind(Marker): frees everything allocated since the marker (LIFO).
template <class A>
concept MarkingAllocator = RawAllocator<A> && requires(A& a) {
  typename A::Marker;
  { a.mark() } noexcept -> std::same_as<typename A::Marker>;
  a.rewind(a.mark());
};

/// The upstream parameter of the wrapping allocators (ArenaAllocator, TrackingAllocator,
/// DebugAllocator, FailingAllocator, PmrResource): an allocator type, held by value
/// (`TrackingAllocator<GlobalAllocator>`), or a non-const lvalue reference to one, held by
/// reference (`ArenaAllocator<PageAllocator&>`; the referenced allocator must outlive the wrapper).
template <class A>
concept UpstreamAllocator =
    RawAllocator<std::remove_cvref_t<A>> && !std::is_rvalue_reference_v<A> &&
    !std::is_const_v<std::remove_reference_t<A>>;

}  // namespace clvm::mem
