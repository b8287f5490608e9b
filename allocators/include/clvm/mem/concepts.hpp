// SPDX-License-Identifier: Apache-2.0
/// \file The allocator concept every clvm::mem allocator models, and its optional refinements.
#pragma once

#include <clvm/mem/layout.hpp>

#include <concepts>
#include <cstddef>

namespace clvm::mem {

/// The result of an allocation: `ptr` is null when the allocator is exhausted; otherwise `size` is
/// what was actually granted (>= the requested size) and `ptr` is aligned as requested.
struct Allocation {
  void* ptr = nullptr;
  std::size_t size = 0;

  explicit constexpr operator bool() const noexcept { return ptr != nullptr; }
};

/// The uniform interface.
///   allocate(Layout) -> Allocation          never throws; null ptr on exhaustion. A zero-size
///   request
///                                           returns a non-null, aligned pointer (size may be 0).
///   allocate_zeroed(Layout) -> Allocation   as allocate, the granted bytes zeroed.
///   deallocate(ptr, Layout)                 requires: ptr came from this allocator with this
///   Layout
///                                           (size as requested) and was not freed yet.
template <class A>
concept Allocator = requires(A& a, Layout layout, void* p) {
  { a.allocate(layout) }
  noexcept->std::same_as<Allocation>;
  { a.allocate_zeroed(layout) }
  noexcept->std::same_as<Allocation>;
  { a.deallocate(p, layout) }
  noexcept;
};

/// resize(ptr, old, new_size) -> bool: grows or shrinks in place; false leaves the block untouched.
template <class A>
concept ResizableAllocator = Allocator<A> && requires(A& a, void* p, Layout l, std::size_t n) {
  { a.resize(p, l, n) }
  noexcept->std::same_as<bool>;
};

/// reallocate(ptr, old, new_size) -> Allocation: may move (contents preserved up to the smaller
/// size); null on exhaustion, in which case the old block is still valid.
template <class A>
concept ReallocatingAllocator = Allocator<A> && requires(A& a, void* p, Layout l, std::size_t n) {
  { a.reallocate(p, l, n) }
  noexcept->std::same_as<Allocation>;
};

/// owns(ptr) -> bool: whether ptr points into memory this allocator handed out.
template <class A>
concept OwningAllocator = Allocator<A> && requires(const A& a, const void* p) {
  { a.owns(p) }
  noexcept->std::same_as<bool>;
};

/// reset(): frees everything at once.
template <class A>
concept ResettableAllocator = Allocator<A> && requires(A& a) {
  a.reset();
};

/// mark() -> Marker, rewind(Marker): frees everything allocated since the marker (LIFO).
template <class A>
concept MarkingAllocator = Allocator<A> && requires(A& a) {
  typename A::Marker;
  { a.mark() }
  noexcept->std::same_as<typename A::Marker>;
  a.rewind(a.mark());
};

}  // namespace clvm::mem
