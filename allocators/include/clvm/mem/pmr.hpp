// SPDX-License-Identifier: Apache-2.0
/// \file PmrResource<A>: a std::pmr::memory_resource over any clvm::mem allocator, so that pmr
/// containers run on it. Beware the pmr copy trap: copying a pmr container (copy constructor)
/// gives the copy the *default* resource, not this one — pass the resource explicitly
/// (`std::pmr::vector<int> copy(original, &resource)`) to keep it.
#pragma once

#include <clvm/mem/concepts.hpp>

#include <memory_resource>
#include <new>
#include <type_traits>
#include <utility>

namespace clvm::mem {

/// `A` is held by value (PmrResource<PoolAllocator>) or by reference (PmrResource<BumpAllocator&>).
template <UpstreamAllocator A>
class PmrResource final : public std::pmr::memory_resource {
 public:
  using upstream_type = std::remove_reference_t<A>;

  PmrResource()
  requires std::default_initializable<A>
  = default;
  explicit PmrResource(A upstream) : upstream_(std::forward<A>(upstream)) {}

  upstream_type& upstream() noexcept { return upstream_; }

 private:
  /// Throws std::bad_alloc when the allocator is exhausted.
  void* do_allocate(std::size_t bytes, std::size_t align) override {
    const Allocation a = upstream_.allocate(Layout{bytes, align});
    if (a.ptr == nullptr) throw std::bad_alloc();
    return a.ptr;
  }
  void do_deallocate(void* p, std::size_t bytes, std::size_t align) override {
    upstream_.deallocate(p, Layout{bytes, align});
  }
  /// Resources are equal only when they are the same object (memory from one cannot be freed
  /// through another).
  bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override {
    return this == &other;
  }

  [[no_unique_address]] A upstream_;
};

}  // namespace clvm::mem
