// SPDX-License-Identifier: Apache-2.0
/// \file StdAllocator<T, A>: a standard-library Allocator (std::vector, std::map, …) over a
/// clvm::mem allocator held by pointer. Copies compare equal when they use the same allocator
/// object; the allocator propagates on copy/move assignment and swap, so a container never frees
/// memory through an allocator that did not give it.
#pragma once

#include <clvm/mem/concepts.hpp>

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>

namespace clvm::mem {

template <class T, RawAllocator A>
class StdAllocator {
 public:
  using value_type = T;
  using propagate_on_container_copy_assignment = std::true_type;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;
  using is_always_equal = std::false_type;

  template <class U>
  struct rebind {
    using other = StdAllocator<U, A>;
  };

  /// Allocates from `a`, which must outlive every container using this allocator.
  StdAllocator(A& a) noexcept : a_(std::addressof(a)) {}  // NOLINT(google-explicit-constructor)

  template <class U>
  StdAllocator(const StdAllocator<U, A>& other) noexcept  // NOLINT(google-explicit-constructor)
      : a_(other.allocator()) {}

  /// Returns room for `n` objects of T. Throws std::bad_array_new_length when the size overflows
  /// and std::bad_alloc when the allocator is exhausted.
  T* allocate(std::size_t n) {
    if (n > max_size()) throw std::bad_array_new_length();
    const Allocation got = a_->allocate(Layout{n * sizeof(T), alignof(T)});
    if (got.ptr == nullptr) throw std::bad_alloc();
    return static_cast<T*>(got.ptr);
  }

  /// Requires: p came from allocate(n) on an equal allocator.
  void deallocate(T* p, std::size_t n) noexcept {
    a_->deallocate(p, Layout{n * sizeof(T), alignof(T)});
  }

  static constexpr std::size_t max_size() noexcept { return ~std::size_t{0} / 2 / sizeof(T); }

  /// The allocator used.
  A* allocator() const noexcept { return a_; }

  friend bool operator==(const StdAllocator& x, const StdAllocator& y) noexcept {
    return x.a_ == y.a_;
  }

 private:
  A* a_;
};

}  // namespace clvm::mem
