// SPDX-License-Identifier: Apache-2.0
/// \file AllocatorRef: a non-owning, type-erased reference to any RawAllocator ({context, vtable},
/// in the style of Zig's std.mem.Allocator), for runtime boundaries such as the node arena.
#pragma once

#include <clvm/mem/allocator_traits.hpp>
#include <clvm/mem/concepts.hpp>

#include <cstring>
#include <memory>

namespace clvm::mem {

class AllocatorRef {
 public:
  /// Refers to `a`, which must outlive this reference (and every copy of it).
  template <RawAllocator A>
  requires(!std::same_as<A, AllocatorRef>)
  AllocatorRef(
      A& a) noexcept  // NOLINT(google-explicit-constructor): a reference converts implicitly
      : ctx_(std::addressof(a)), vtable_(&vtable_for<A>) {}

  /// See RawAllocator and AllocatorTraits (the referenced allocator's own allocate_zeroed when it
  /// has one). Never throws; null ptr on exhaustion.
  Allocation allocate(Layout l) noexcept { return vtable_->allocate(ctx_, l); }
  Allocation allocate_zeroed(Layout l) noexcept { return vtable_->allocate_zeroed(ctx_, l); }
  void deallocate(void* p, Layout l) noexcept { vtable_->deallocate(ctx_, p, l); }

  /// Grows or shrinks in place when the referenced allocator can (ResizableAllocator); false
  /// otherwise, leaving the block untouched.
  bool resize(void* p, Layout l, std::size_t n) noexcept { return vtable_->resize(ctx_, p, l, n); }

  /// Whether both refer to the same allocator object.
  friend bool operator==(const AllocatorRef& a, const AllocatorRef& b) noexcept {
    return a.ctx_ == b.ctx_;
  }

  /// The referenced object (for identity checks and diagnostics).
  void* context() const noexcept { return ctx_; }

 private:
  struct VTable {
    Allocation (*allocate)(void*, Layout) noexcept;
    Allocation (*allocate_zeroed)(void*, Layout) noexcept;
    void (*deallocate)(void*, void*, Layout) noexcept;
    bool (*resize)(void*, void*, Layout, std::size_t) noexcept;
  };

  template <class A>
  static constexpr VTable vtable_for{
      [](void* c, Layout l) noexcept { return static_cast<A*>(c)->allocate(l); },
      [](void* c, Layout l) noexcept {
        return AllocatorTraits<A>::allocate_zeroed(*static_cast<A*>(c), l);
      },
      [](void* c, void* p, Layout l) noexcept { static_cast<A*>(c)->deallocate(p, l); },
      [](void* c, void* p, Layout l, std::size_t n) noexcept {
        return AllocatorTraits<A>::resize(*static_cast<A*>(c), p, l, n);
      },
  };

  void* ctx_;
  const VTable* vtable_;
};

static_assert(ResizableAllocator<AllocatorRef> && ZeroingAllocator<AllocatorRef>);

}  // namespace clvm::mem
