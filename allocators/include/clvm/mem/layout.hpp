// SPDX-License-Identifier: Apache-2.0
/// \file Layout: the size and alignment of a memory request.
#pragma once

#include <bit>
#include <cstddef>
#include <limits>
#include <stdexcept>

namespace clvm::mem {

/// Thrown by the checked Layout factories: a non-power-of-two alignment or a size that overflows.
class LayoutError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Rounds `n` up to a multiple of `align`. Requires: `align` is a power of two; the result fits.
constexpr std::size_t align_up(std::size_t n, std::size_t align) noexcept {
  return (n + align - 1) & ~(align - 1);
}

/// The size and alignment of a memory request. Invariant (for every Layout built by the checked
/// factories): `align` is a power of two and `size` does not overflow when padded to `align`.
struct Layout {
  std::size_t size = 0;
  std::size_t align = 1;

  /// Returns {size, align}. Throws LayoutError if `align` is not a power of two or if `size` padded
  /// to `align` would overflow.
  static constexpr Layout from_size_align(std::size_t size, std::size_t align) {
    if (!std::has_single_bit(align)) throw LayoutError("Layout: alignment is not a power of two");
    if (size > std::numeric_limits<std::size_t>::max() - (align - 1))
      throw LayoutError("Layout: size overflows when padded to its alignment");
    return Layout{size, align};
  }

  /// Returns the layout of one T.
  template <class T>
  static constexpr Layout of() noexcept {
    return Layout{sizeof(T), alignof(T)};
  }

  /// Returns the layout of `n` elements laid out like `elem` in an array (each padded to its
  /// alignment). Throws LayoutError on overflow.
  static constexpr Layout array(Layout elem, std::size_t n) {
    const std::size_t stride = elem.pad_to_align().size;
    if (stride != 0 && n > std::numeric_limits<std::size_t>::max() / stride)
      throw LayoutError("Layout: array size overflows");
    return from_size_align(stride * n, elem.align);
  }

  /// Returns the layout of `T[n]`. Throws LayoutError on overflow.
  template <class T>
  static constexpr Layout array(std::size_t n) {
    return array(of<T>(), n);
  }

  /// Returns this layout with its size rounded up to a multiple of its alignment (C struct rules
  /// for the trailing padding).
  constexpr Layout pad_to_align() const noexcept { return Layout{align_up(size, align), align}; }

  /// The result of extend(): the combined layout and the offset at which `next` starts.
  struct Extended;

  /// Appends `next` after this layout following C struct rules: `next` starts at this size rounded
  /// up to `next.align`; the combined alignment is the larger one. No trailing padding is added
  /// (call pad_to_align() on the result for that). Throws LayoutError on overflow.
  constexpr Extended extend(Layout next) const;

  friend constexpr bool operator==(Layout, Layout) noexcept = default;
};

struct Layout::Extended {
  Layout layout;
  std::size_t offset;
};

constexpr Layout::Extended Layout::extend(Layout next) const {
  if (!std::has_single_bit(next.align))
    throw LayoutError("Layout: alignment is not a power of two");
  if (size > std::numeric_limits<std::size_t>::max() - (next.align - 1))
    throw LayoutError("Layout: extend overflows");
  const std::size_t offset = align_up(size, next.align);
  if (next.size > std::numeric_limits<std::size_t>::max() - offset)
    throw LayoutError("Layout: extend overflows");
  const std::size_t new_align = align > next.align ? align : next.align;
  return Extended{from_size_align(offset + next.size, new_align), offset};
}

}  // namespace clvm::mem
