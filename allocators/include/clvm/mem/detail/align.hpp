// SPDX-License-Identifier: Apache-2.0
/// \file Address arithmetic shared by the allocators (internal).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

namespace clvm::mem::detail {

/// Returns the bytes to add to `addr` to reach a multiple of `align`. Requires: `align` is a power
/// of two. Never overflows (the result is below `align`).
constexpr std::size_t padding_for(std::uintptr_t addr, std::size_t align) noexcept {
  return static_cast<std::size_t>((std::uintptr_t{0} - addr) & (align - 1));
}

/// Returns whether `n` is a power of two: std::has_single_bit, but without a call to libgcc's
/// popcount where the target has no popcnt instruction (the x86-64 baseline), for slow paths that
/// are still taken often.
constexpr bool is_power_of_two(std::size_t n) noexcept { return n != 0 && (n & (n - 1)) == 0; }

/// Returns whether `p` is a multiple of `align`. Requires: `align` is a power of two.
inline bool is_aligned(const void* p, std::size_t align) noexcept {
  return (reinterpret_cast<std::uintptr_t>(p) & (align - 1)) == 0;
}

/// Returns whether `p` lies in [begin, end) (compared as addresses, so unrelated pointers are
/// fine).
inline bool in_range(const void* p, const void* begin, const void* end) noexcept {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  return a >= reinterpret_cast<std::uintptr_t>(begin) && a < reinterpret_cast<std::uintptr_t>(end);
}

/// A buffer of `size` bytes aligned to `align` from the global heap, or null; never throws.
/// Requires: `align` is a power of two. Release it with free_buffer(p, align).
void* allocate_buffer(std::size_t size, std::size_t align) noexcept;
void free_buffer(void* p, std::size_t align) noexcept;

}  // namespace clvm::mem::detail
