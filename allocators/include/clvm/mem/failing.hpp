// SPDX-License-Identifier: Apache-2.0
/// \file FailingAllocator<A>: fault injection for tests. Forwards to an upstream allocator until
/// the allocation numbered fail_index (counting from 0), which fails, as does every later one under
/// FailurePolicy::sticky (the Zig FailingAllocator) or only that one under FailurePolicy::once.
/// Counts calls, so a test can loop fail_index over 0, 1, … until the code under test no longer
/// sees a failure, checking at each step that it handled the failure and freed what it took.
#pragma once

#include <clvm/mem/allocator_traits.hpp>
#include <clvm/mem/concepts.hpp>

#include <cstddef>
#include <limits>
#include <type_traits>
#include <utility>

namespace clvm::mem {

enum class FailurePolicy {
  sticky,  ///< the fail_index-th allocation and every later one fail
  once,    ///< only the fail_index-th allocation fails
};

template <UpstreamAllocator A>
class FailingAllocator {
 public:
  using upstream_type = std::remove_reference_t<A>;
  /// A fail_index that is never reached.
  static constexpr std::size_t never = std::numeric_limits<std::size_t>::max();

  FailingAllocator() noexcept
  requires std::default_initializable<A>
  = default;

  /// Holds `upstream` (moved in, or referenced for `A&`) and fails from allocation `fail_index`.
  explicit FailingAllocator(A upstream, std::size_t fail_index = never,
                            FailurePolicy policy = FailurePolicy::sticky) noexcept
      : upstream_(std::forward<A>(upstream)), fail_index_(fail_index), policy_(policy) {}

  /// Null if this call is a planned failure; otherwise forwards. Either way counts the call.
  Allocation allocate(Layout l) noexcept {
    if (should_fail()) return {};
    return count(upstream_.allocate(l), l);
  }
  Allocation allocate_zeroed(Layout l) noexcept {
    if (should_fail()) return {};
    return count(AllocatorTraits<upstream_type>::allocate_zeroed(upstream_, l), l);
  }

  /// Forwards. Requires: as the upstream's deallocate.
  void deallocate(void* p, Layout l) noexcept {
    if (p == nullptr) return;
    upstream_.deallocate(p, l);
    ++deallocations_;
    freed_bytes_ += l.size;
  }

  /// Forwarded when the upstream can resize; a resize is never made to fail.
  bool resize(void* p, Layout l, std::size_t new_size) noexcept
  requires ResizableAllocator<upstream_type>
  {
    return upstream_.resize(p, l, new_size);
  }

  /// Changes the plan: the call numbered `index` (counting all calls so far) fails next.
  void set_fail_index(std::size_t index, FailurePolicy policy = FailurePolicy::sticky) noexcept {
    fail_index_ = index;
    policy_ = policy;
  }

  /// Allocation calls so far (successful or not).
  std::size_t allocation_calls() const noexcept { return calls_; }
  /// Calls that were made to fail.
  std::size_t failures() const noexcept { return failures_; }
  /// Whether any call was made to fail.
  bool has_induced_failure() const noexcept { return failures_ != 0; }
  /// Successful allocations and deallocations.
  std::size_t allocations() const noexcept { return allocations_; }
  std::size_t deallocations() const noexcept { return deallocations_; }
  /// Requested bytes allocated and freed through this allocator.
  std::size_t allocated_bytes() const noexcept { return allocated_bytes_; }
  std::size_t freed_bytes() const noexcept { return freed_bytes_; }

  upstream_type& upstream() noexcept { return upstream_; }

 private:
  bool should_fail() noexcept {
    const std::size_t index = calls_++;
    const bool fail =
        policy_ == FailurePolicy::sticky ? index >= fail_index_ : index == fail_index_;
    if (fail) ++failures_;
    return fail;
  }
  Allocation count(Allocation a, Layout l) noexcept {
    if (a.ptr != nullptr) {
      ++allocations_;
      allocated_bytes_ += l.size;
    }
    return a;
  }

  [[no_unique_address]] A upstream_;
  std::size_t fail_index_ = never;
  FailurePolicy policy_ = FailurePolicy::sticky;
  std::size_t calls_ = 0;
  std::size_t failures_ = 0;
  std::size_t allocations_ = 0;
  std::size_t deallocations_ = 0;
  std::size_t allocated_bytes_ = 0;
  std::size_t freed_bytes_ = 0;
};

}  // namespace clvm::mem
