// SPDX-License-Identifier: Apache-2.0
/// \file NodePtr: a 32-bit handle to a node of a clvm::Allocator (clvmr's encoding).
#pragma once

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <functional>

namespace clvm {

/// What a NodePtr refers to. The numeric values are the 6-bit tag stored in the handle.
enum class ObjectType : std::uint8_t {
  Pair = 0,       ///< index into the pair table
  Bytes = 1,      ///< index into the atom table (bytes on the heap)
  SmallAtom = 2,  ///< the low 26 bits are the atom's value: a canonical integer in [0, 2^26)
};

/// A handle to a node: the top 6 bits are the ObjectType, the low 26 bits an index or an inline
/// value. Meaningful only together with the Allocator that made it; trivially copyable, 4 bytes.
class NodePtr {
 public:
  static constexpr unsigned kIndexBits = 26;
  static constexpr std::uint32_t kIndexMask = (std::uint32_t{1} << kIndexBits) - 1;

  /// The empty atom (nil), SmallAtom 0.
  static const NodePtr NIL;

  /// nil.
  constexpr NodePtr() noexcept : raw_((std::uint32_t{2} << kIndexBits)) {}

  /// Requires: index <= kIndexMask.
  constexpr NodePtr(ObjectType t, std::uint32_t index) noexcept
      : raw_((static_cast<std::uint32_t>(t) << kIndexBits) | index) {}

  /// Reconstructs a handle from raw(). No validation: only for values raw() produced.
  static constexpr NodePtr from_raw(std::uint32_t raw) noexcept {
    NodePtr p;
    p.raw_ = raw;
    return p;
  }

  constexpr ObjectType object_type() const noexcept {
    return static_cast<ObjectType>(raw_ >> kIndexBits);
  }
  constexpr std::uint32_t index() const noexcept { return raw_ & kIndexMask; }
  constexpr std::uint32_t raw() const noexcept { return raw_; }

  constexpr bool is_pair() const noexcept { return raw_ < (std::uint32_t{1} << kIndexBits); }
  constexpr bool is_atom() const noexcept { return !is_pair(); }
  constexpr bool is_nil() const noexcept { return raw_ == NodePtr().raw_; }

  friend constexpr bool operator==(NodePtr, NodePtr) noexcept = default;
  friend constexpr auto operator<=>(NodePtr, NodePtr) noexcept = default;

 private:
  std::uint32_t raw_;
};

inline constexpr NodePtr NodePtr::NIL{};

static_assert(sizeof(NodePtr) == 4);

}  // namespace clvm

template <>
struct std::hash<clvm::NodePtr> {
  std::size_t operator()(clvm::NodePtr p) const noexcept {
    return std::hash<std::uint32_t>{}(p.raw());
  }
};

/// Formats as `pair:7`, `bytes:12` or `small:300` (kind and index or inline value).
template <>
struct fmt::formatter<clvm::NodePtr> : fmt::formatter<fmt::string_view> {
  template <class Ctx>
  auto format(clvm::NodePtr p, Ctx& ctx) const {
    const char* kind = p.object_type() == clvm::ObjectType::Pair    ? "pair"
                       : p.object_type() == clvm::ObjectType::Bytes ? "bytes"
                                                                    : "small";
    return fmt::format_to(ctx.out(), "{}:{}", kind, p.index());
  }
};
