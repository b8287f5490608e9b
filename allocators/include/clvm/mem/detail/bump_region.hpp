// SPDX-License-Identifier: Apache-2.0
/// \file BumpRegion (internal): the bump pointer over one contiguous range that BumpAllocator (its
/// one buffer) and ArenaAllocator (its current chunk) both allocate from. Only the inline fast path
/// lives here; what happens when the region is full is the owner's slow path.
#pragma once

#include <clvm/mem/detail/align.hpp>
#include <clvm/mem/layout.hpp>

#include <cstddef>
#include <cstdint>

namespace clvm::mem::detail {

struct BumpRegion {
  std::byte* cur = nullptr;  ///< the next free byte
  std::byte* end = nullptr;  ///< one past the region; cur == end == nullptr for no region

  /// Bytes left in the region.
  std::size_t remaining() const noexcept { return static_cast<std::size_t>(end - cur); }

  /// Returns exactly l.size bytes aligned to l.align from the region and advances past them, or
  /// null when they do not fit (always null when there is no region). Requires: l.align is a power
  /// of two.
  std::byte* allocate(Layout l) noexcept {
    const std::size_t avail = remaining();
    const std::size_t pad = padding_for(reinterpret_cast<std::uintptr_t>(cur), l.align);
    if (l.size <= avail && pad <= avail - l.size) [[likely]] {
      std::byte* p = cur + pad;  // null only when there is no region (cur == nullptr, size 0)
      cur = p + l.size;
      return p;
    }
    return nullptr;
  }

  /// Whether the `size` bytes at `p` are the most recent allocation (they end at cur). Requires:
  /// p is not null.
  bool is_last(const void* p, std::size_t size) const noexcept {
    return static_cast<const std::byte*>(p) + size == cur;
  }

  /// Gives the bytes of the most recent allocation back to the region; any other block is left
  /// until the owner resets. Requires: p is not null and was allocated from this region with
  /// `size`.
  void deallocate(void* p, std::size_t size) noexcept {
    if (is_last(p, size)) cur = static_cast<std::byte*>(p);
  }

  /// Shrinking always succeeds (only the most recent block gives its tail back); the most recent
  /// block grows in place while the region has room; any other growth fails. Requires: p is null
  /// or was allocated from this region with `old_size`.
  bool resize(void* p, std::size_t old_size, std::size_t new_size) noexcept {
    auto* bytes = static_cast<std::byte*>(p);
    if (p != nullptr && is_last(p, old_size) && new_size <= static_cast<std::size_t>(end - bytes)) {
      cur = bytes + new_size;
      return true;
    }
    return new_size <= old_size;
  }
};

}  // namespace clvm::mem::detail
