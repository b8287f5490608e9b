// SPDX-License-Identifier: Apache-2.0
/// \file FromClvmError: why a node does not decode to the requested type, and where.
#pragma once

#include <clvm/error.hpp>

#include <fmt/format.h>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace clvm {

/// Thrown by from_clvm (and every codec's decode) when a node does not have the shape or content
/// the type requires. kind() of the clvm::Error base is ErrorKind::BadEncoding; from_kind() is the
/// clvm-traits variant. path() names the failing node from the decoded root as dot-separated steps
/// `first` / `rest` (`rest.rest.first` is the third item of a list); `rest^N` abbreviates N
/// consecutive `rest` steps when N > 4. what() = "<description> at <path>" (path omitted at root).
class FromClvmError : public Error {
 public:
  enum class Kind { InvalidUtf8, WrongAtomLength, ExpectedAtom, ExpectedPair, Custom };

  /// A failure at the decoded node itself (empty path).
  explicit FromClvmError(Kind kind, std::string detail = {}, std::size_t expected = 0,
                         std::size_t found = 0, std::string path = {})
      : Error(ErrorKind::BadEncoding, render(kind, detail, expected, found, path)),
        from_kind_(kind),
        detail_(std::move(detail)),
        path_(std::move(path)),
        expected_(expected),
        found_(found) {}

  static FromClvmError wrong_atom_length(std::size_t expected, std::size_t found) {
    return FromClvmError(Kind::WrongAtomLength, {}, expected, found);
  }
  static FromClvmError custom(std::string message) {
    return FromClvmError(Kind::Custom, std::move(message));
  }

  Kind from_kind() const noexcept { return from_kind_; }
  /// For WrongAtomLength: the length the type needs and the atom's length (else 0).
  std::size_t expected() const noexcept { return expected_; }
  std::size_t found() const noexcept { return found_; }
  /// For Custom: the message (else empty).
  const std::string& detail() const noexcept { return detail_; }
  /// The failing node relative to the decoded root (empty: the root itself).
  const std::string& path() const noexcept { return path_; }

  /// The same error, seen from a node `step` above the failing one (`step` = the steps from the
  /// outer node to the inner one, e.g. "rest.first").
  template <class Step>
  requires std::invocable<const Step&>
  FromClvmError within(const Step& step) const {
    return within(std::string_view(step()));
  }
  FromClvmError within(std::string_view step) const {
    if (step.empty()) return *this;
    std::string p(step);
    if (!path_.empty()) {
      p += '.';
      p += path_;
    }
    return FromClvmError(from_kind_, detail_, expected_, found_, std::move(p));
  }

 private:
  static std::string render(Kind kind, const std::string& detail, std::size_t expected,
                            std::size_t found, const std::string& path) {
    std::string what;
    switch (kind) {
      case Kind::InvalidUtf8:
        what = "invalid UTF-8";
        break;
      case Kind::WrongAtomLength:
        what = fmt::format("wrong atom length: expected {}, found {}", expected, found);
        break;
      case Kind::ExpectedAtom:
        what = "expected atom";
        break;
      case Kind::ExpectedPair:
        what = "expected pair";
        break;
      case Kind::Custom:
        what = detail;
        break;
    }
    if (!path.empty()) what += fmt::format(" at {}", path);
    return what;
  }

  Kind from_kind_;
  std::string detail_;
  std::string path_;
  std::size_t expected_, found_;
};

/// The steps from a list's head to its item `index`: `first`, `rest.first`, ... (`rest^N.first`
/// past 4 rests).
inline std::string list_item_step(std::size_t index) {
  if (index > 4) return fmt::format("rest^{}.first", index);
  std::string s;
  for (std::size_t i = 0; i < index; ++i) s += "rest.";
  return s + "first";
}

/// The steps from a list's head to the node after its first `count` items (its tail).
inline std::string list_tail_step(std::size_t count) {
  if (count > 4) return fmt::format("rest^{}", count);
  std::string s;
  for (std::size_t i = 0; i < count; ++i) s += i == 0 ? "rest" : ".rest";
  return s;
}

}  // namespace clvm
