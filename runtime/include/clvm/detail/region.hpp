// SPDX-License-Identifier: Apache-2.0
/// \file detail::Region: the growable buffer behind each of the arena's three tables. Its memory
/// comes from a clvm::mem allocator; growth is in place when the allocator can (PageAllocator with
/// a reservation: nothing moves), otherwise allocate-copy-free.
#pragma once

#include <clvm/mem/allocator_ref.hpp>

#include <cstddef>
#include <cstring>
#include <optional>
#include <type_traits>

namespace clvm::detail {

template <class T>
requires std::is_trivially_copyable_v<T>
class Region {
 public:
  Region() noexcept = default;
  Region(const Region&) = delete;
  Region& operator=(const Region&) = delete;
  ~Region() { release(); }

  /// Binds the upstream. Requires: nothing allocated yet, or the same allocator as before (after
  /// the owning arena moved).
  void bind(mem::AllocatorRef up) noexcept { up_ = up; }

  T* data() const noexcept { return data_; }
  std::size_t capacity() const noexcept { return capacity_; }

  /// Uses `n` elements at `data` that the region does not own (an arena image): read in place;
  /// the first growth copies them into upstream memory; never freed here. Requires: empty region.
  void adopt_borrowed(T* data, std::size_t n) noexcept {
    data_ = data;
    capacity_ = n;
    borrowed_ = true;
  }

  /// Makes room for at least `n` elements, keeping the first `used` ones. Returns false when the
  /// upstream is exhausted (the old contents stay valid).
  bool reserve(std::size_t n, std::size_t used, std::size_t initial) noexcept {
    if (n <= capacity_) return true;
    return reallocate(grown_capacity(n, initial), used);
  }

  /// The capacity reserve(n, ..., initial) would grow to: doubling from the current capacity (or
  /// `initial`) until `n` fits. Requires: n > capacity().
  std::size_t grown_capacity(std::size_t n, std::size_t initial) const noexcept {
    std::size_t cap = capacity_ == 0 ? initial : capacity_ * 2;
    while (cap < n) cap *= 2;
    return cap;
  }

  /// Grows to exactly `cap` elements (> capacity()), keeping the first `used`. False as reserve.
  bool grow_to(std::size_t cap, std::size_t used) noexcept { return reallocate(cap, used); }

  /// Gives memory back when `used` is far below the capacity (restoring a checkpoint): once the
  /// capacity exceeds four times max(2 * used, initial) and 1 MiB, shrinks to that size or to
  /// `keep` elements, whichever is larger (the caller's retention: memory kept committed, and
  /// its pages resident, for the next use).
  void shrink_to_fit(std::size_t used, std::size_t initial, std::size_t keep = 0) noexcept {
    if (borrowed_) return;
    std::size_t target = used * 2 < initial ? initial : used * 2;
    if (capacity_ <= target * 4 || capacity_ * sizeof(T) < (std::size_t{1} << 20)) return;
    if (keep > target) target = keep;
    if (target >= capacity_) return;
    if (up_->resize(data_, layout(capacity_), target * sizeof(T))) capacity_ = target;
  }

  void release() noexcept {
    if (data_ != nullptr && !borrowed_) up_->deallocate(data_, layout(capacity_));
    borrowed_ = false;
    data_ = nullptr;
    capacity_ = 0;
  }

  /// Exchanges contents (memory, capacity, borrowed flag). The upstream bindings are not exchanged:
  /// each region keeps its own, so afterwards the caller must bind() each region that holds memory
  /// to the allocator that memory came from. (The arena's move constructor swaps its new, empty
  /// regions with the source's and rebinds the new ones in bind_regions(); the source's are left
  /// empty, so their bindings no longer matter.)
  void swap(Region& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(capacity_, o.capacity_);
    std::swap(borrowed_, o.borrowed_);
  }

 private:
  static mem::Layout layout(std::size_t n) noexcept { return {n * sizeof(T), alignof(T)}; }

  bool reallocate(std::size_t cap, std::size_t used) noexcept {
    if (data_ != nullptr && !borrowed_ && up_->resize(data_, layout(capacity_), cap * sizeof(T))) {
      capacity_ = cap;
      return true;
    }
    mem::Allocation a = up_->allocate(layout(cap));
    if (a.ptr == nullptr) return false;
    if (data_ != nullptr) {
      std::memcpy(a.ptr, data_, used * sizeof(T));
      if (!borrowed_) up_->deallocate(data_, layout(capacity_));
    }
    borrowed_ = false;
    data_ = static_cast<T*>(a.ptr);
    capacity_ = cap;
    return true;
  }

  T* data_ = nullptr;
  std::size_t capacity_ = 0;  // elements
  bool borrowed_ = false;     // data_ is not ours to free or resize
  std::optional<mem::AllocatorRef> up_;
};

}  // namespace clvm::detail
