// SPDX-License-Identifier: Apache-2.0
/// \file Atom: a read-only view of an atom's bytes, as returned by Allocator::atom().
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace clvm {

/// The bytes of an atom. For a heap atom it views the arena's heap: valid until the arena is
/// restored below it (or, for arenas not on page memory, until the next allocation). A small
/// (inline) atom carries its bytes by value, so the view never dangles.
class Atom {
 public:
  using value_type = std::uint8_t;
  using const_iterator = const std::uint8_t*;
  using iterator = const_iterator;

  constexpr Atom() noexcept = default;
  /// Views `bytes` (not copied).
  constexpr explicit Atom(std::span<const std::uint8_t> bytes) noexcept
      : ptr_(bytes.data()), size_(static_cast<std::uint32_t>(bytes.size())) {}

  /// The minimal big-endian bytes of a small value (0 -> empty; 0x80 -> 00 80).
  static constexpr Atom small(std::uint32_t value) noexcept {
    Atom a;
    a.size_ = len_for_value(value);
    for (int i = 3; i >= 0; --i, value >>= 8)
      a.inline_[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value);
    return a;
  }

  /// The encoded length of a non-negative value (clvmr's len_for_value): 0 -> 0, < 0x80 -> 1,
  /// < 0x8000 -> 2, < 0x800000 -> 3, < 2^31 -> 4, else 5.
  static constexpr std::uint32_t len_for_value(std::uint32_t v) noexcept {
    return v == 0 ? 0 : v < 0x80 ? 1 : v < 0x8000 ? 2 : v < 0x800000 ? 3 : v < 0x80000000u ? 4 : 5;
  }

  constexpr const std::uint8_t* data() const noexcept {
    return ptr_ != nullptr ? ptr_ : inline_.data() + (4 - size_);
  }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const_iterator begin() const noexcept { return data(); }
  constexpr const_iterator end() const noexcept { return data() + size_; }
  constexpr std::uint8_t operator[](std::size_t i) const noexcept { return data()[i]; }
  constexpr std::span<const std::uint8_t> span() const noexcept { return {data(), size_}; }
  /// The bytes as characters (no UTF-8 check).
  std::string_view as_string_view() const noexcept {
    return {reinterpret_cast<const char*>(data()), size_};
  }

  friend constexpr bool operator==(const Atom& a, const Atom& b) noexcept {
    return std::ranges::equal(a.span(), b.span());
  }

 private:
  const std::uint8_t* ptr_ = nullptr;  // null: the bytes are the tail of inline_
  std::uint32_t size_ = 0;
  std::array<std::uint8_t, 4> inline_{};
};

}  // namespace clvm

/// Formats an atom as lower-case hex (no prefix).
template <>
struct fmt::formatter<clvm::Atom> : fmt::formatter<fmt::string_view> {
  template <class Ctx>
  auto format(const clvm::Atom& a, Ctx& ctx) const {
    auto out = ctx.out();
    for (std::uint8_t b : a) out = fmt::format_to(out, "{:02x}", b);
    return out;
  }
};
