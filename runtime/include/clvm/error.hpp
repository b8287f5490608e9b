// SPDX-License-Identifier: Apache-2.0
/// \file The runtime's exception hierarchy. Every failure on untrusted input is a clvm::Error with
/// an ErrorKind (one per clvmr error kind), clvmr's message text and, where clvmr has one, the
/// offending node.
#pragma once

#include <clvm/node_ptr.hpp>

#include <fmt/format.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace clvm {

enum class ErrorKind {
  // arena
  OutOfMemory,
  TooManyAtoms,
  TooManyPairs,
  InvalidAllocArg,
  InternalError,
  // serialization
  BadEncoding,
  BackreferenceError,
  NonCanonicalSerialization,
  // text format
  SyntaxError,
  // arena images
  InvalidImage,
  // evaluation
  CostExceeded,
  Raise,
  PathIntoAtom,
  FirstOfNonCons,
  RestOfNonCons,
  InvalidNilTerminator,
  Unimplemented,
  Reserved,
  InvalidOperator,
  InvalidOpArg,
  DivisionByZero,
  ShiftTooLarge,
  ValueStackLimitReached,
  EnvironmentStackLimitReached,
  UnknownSoftforkExtension,
  SoftforkCostMismatch,
  SoftforkStackDepthExceeded,
  // Not consensus errors: a caller's resource policy stopped the work, so the program has no
  // verdict (clvmr would have gone on and produced one). Never compare them with clvmr's answers.
  Timeout,        // the wall-clock deadline of RunOptions passed (checked every kDeadlineCheckCost)
  Cancelled,      // the caller cancelled (RunOptions::cancel, BatchRunner::cancel)
  MemoryCeiling,  // an arena's memory ceiling (below the consensus heap limit) refused to grow
};

/// Whether `k` is a verdict on the program that clvmr 0.19 would reach the same way (true for every
/// kind but Timeout, Cancelled and MemoryCeiling, which depend on the machine and the caller).
constexpr bool is_consensus_error(ErrorKind k) noexcept {
  return k != ErrorKind::Timeout && k != ErrorKind::Cancelled && k != ErrorKind::MemoryCeiling;
}

/// clvmr's message for `k` ("cost exceeded", "too many pairs", ...).
constexpr std::string_view default_message(ErrorKind k) noexcept {
  switch (k) {
    case ErrorKind::OutOfMemory:
      return "out of memory";
    case ErrorKind::TooManyAtoms:
      return "too many atoms";
    case ErrorKind::TooManyPairs:
      return "too many pairs";
    case ErrorKind::InvalidAllocArg:
      return "invalid allocator argument";
    case ErrorKind::InternalError:
      return "internal error";
    case ErrorKind::BadEncoding:
      return "bad encoding";
    case ErrorKind::BackreferenceError:
      return "invalid backreference";
    case ErrorKind::NonCanonicalSerialization:
      return "non-canonical serialization";
    case ErrorKind::SyntaxError:
      return "syntax error";
    case ErrorKind::InvalidImage:
      return "invalid arena image";
    case ErrorKind::CostExceeded:
      return "cost exceeded";
    case ErrorKind::Raise:
      return "clvm raise";
    case ErrorKind::PathIntoAtom:
      return "path into atom";
    case ErrorKind::FirstOfNonCons:
      return "first of non-cons";
    case ErrorKind::RestOfNonCons:
      return "rest of non-cons";
    case ErrorKind::InvalidNilTerminator:
      return "invalid nil terminator";
    case ErrorKind::Unimplemented:
      return "unimplemented operator";
    case ErrorKind::Reserved:
      return "reserved operator";
    case ErrorKind::InvalidOperator:
      return "invalid operator";
    case ErrorKind::InvalidOpArg:
      return "invalid operator argument";
    case ErrorKind::DivisionByZero:
      return "division by zero";
    case ErrorKind::ShiftTooLarge:
      return "shift too large";
    case ErrorKind::ValueStackLimitReached:
      return "value stack limit reached";
    case ErrorKind::EnvironmentStackLimitReached:
      return "environment stack limit reached";
    case ErrorKind::UnknownSoftforkExtension:
      return "unknown softfork extension";
    case ErrorKind::SoftforkCostMismatch:
      return "softfork specified cost mismatch";
    case ErrorKind::SoftforkStackDepthExceeded:
      return "softfork stack depth exceeded";
    case ErrorKind::Timeout:
      return "timeout: the wall-clock deadline passed (not a consensus error)";
    case ErrorKind::Cancelled:
      return "cancelled (not a consensus error)";
    case ErrorKind::MemoryCeiling:
      return "memory ceiling reached (not a consensus error)";
  }
  return "unknown error";
}

/// The root of every error the runtime reports. what() is the full message.
class Error : public std::runtime_error {
 public:
  /// what() = `message` if given, else default_message(kind).
  explicit Error(ErrorKind kind, std::string message = {}, std::optional<NodePtr> node = {})
      : std::runtime_error(message.empty() ? std::string(default_message(kind))
                                           : std::move(message)),
        kind_(kind),
        node_(node) {}

  ErrorKind kind() const noexcept { return kind_; }
  /// The offending node, where the error has one.
  std::optional<NodePtr> node() const noexcept { return node_; }

 private:
  ErrorKind kind_;
  std::optional<NodePtr> node_;
};

/// Raised by the arena (limits, bad arguments) and the evaluator: clvmr's EvalErr.
class EvalError : public Error {
 public:
  using Error::Error;
};

/// Raised by the deserializers on malformed or hostile bytes.
class SerdeError : public Error {
 public:
  explicit SerdeError(ErrorKind kind = ErrorKind::BadEncoding, std::string message = {})
      : Error(kind, std::move(message)) {}
};

/// Raised when an arena image cannot be written, or read back: a missing file, a truncated,
/// corrupted or hostile image (the message says which check failed).
class ImageError : public Error {
 public:
  explicit ImageError(std::string message) : Error(ErrorKind::InvalidImage, std::move(message)) {}
};

/// Raised by assemble(): the message names line and column (both 1-based).
class TextError : public Error {
 public:
  TextError(std::string message, std::size_t line, std::size_t column)
      : Error(ErrorKind::SyntaxError, fmt::format("{}:{}: {}", line, column, message)),
        line_(line),
        column_(column) {}
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }

 private:
  std::size_t line_, column_;
};

}  // namespace clvm

/// Formats as the message, followed by the node when there is one: `clvm raise (pair:3)`.
template <std::derived_from<clvm::Error> E>
struct fmt::formatter<E> : fmt::formatter<fmt::string_view> {
  template <class Ctx>
  auto format(const E& e, Ctx& ctx) const {
    if (auto n = e.node()) return fmt::format_to(ctx.out(), "{} ({})", e.what(), *n);
    return fmt::format_to(ctx.out(), "{}", e.what());
  }
};
