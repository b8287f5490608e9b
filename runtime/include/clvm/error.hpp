// SPDX-License-Identifier: Apache-2.0
/// \file The runtime's exception hierarchy. Every failure on untrusted input is a clvm::Error with
/// an ErrorKind (one per clvmr error kind), a message (what(): this library's wording, stable for
/// brun users), clvmr 0.19's display text for the same error (clvmr_message()) and, where clvmr has
/// one, the offending node.
#pragma once

#include <clvm/node_ptr.hpp>

#include <fmt/format.h>

#include <memory>
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
  // crypto operators whose check failed (clvmr's own kinds, no node detail in the text)
  BlsPairingIdentityFailed,
  BlsVerifyFailed,
  Secp256Failed,
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
    case ErrorKind::BlsPairingIdentityFailed:
      return "bls_pairing_identity failed";
    case ErrorKind::BlsVerifyFailed:
      return "bls_verify failed";
    case ErrorKind::Secp256Failed:
      return "secp256 verify failed";
    case ErrorKind::Timeout:
      return "timeout: the wall-clock deadline passed (not a consensus error)";
    case ErrorKind::Cancelled:
      return "cancelled (not a consensus error)";
    case ErrorKind::MemoryCeiling:
      return "memory ceiling reached (not a consensus error)";
  }
  return "unknown error";
}

/// clvmr 0.19's display text (its EvalErr's) for the kinds whose text does not depend on where the
/// error is raised: "cost exceeded or below zero", "Division by zero", "InvalidOperatorArg: first
/// of non-cons", ... Empty for InvalidOpArg, InvalidAllocArg and InternalError (clvmr formats a
/// detail into those: the throw site supplies the whole text) and for kinds clvmr does not have
/// (SyntaxError, InvalidImage). Every serialization failure of clvmr's readers is "bad encoding",
/// except a back-reference path into an atom.
constexpr std::string_view clvmr_fixed_message(ErrorKind k) noexcept {
  switch (k) {
    case ErrorKind::OutOfMemory:
      return "Out of Memory";
    case ErrorKind::TooManyAtoms:
      return "Too Many Atoms";
    case ErrorKind::TooManyPairs:
      return "too many pairs";
    case ErrorKind::BadEncoding:
    case ErrorKind::NonCanonicalSerialization:
      return "bad encoding";
    case ErrorKind::BackreferenceError:
      return "invalid backreference during deserialisation";
    case ErrorKind::CostExceeded:
      return "cost exceeded or below zero";
    case ErrorKind::Raise:
      return "clvm raise";
    case ErrorKind::PathIntoAtom:
      return "path into atom";
    case ErrorKind::FirstOfNonCons:
      return "InvalidOperatorArg: first of non-cons";
    case ErrorKind::RestOfNonCons:
      return "InvalidOperatorArg: rest of non-cons";
    case ErrorKind::InvalidNilTerminator:
      return "Invalid Nil Terminator in operand list";
    case ErrorKind::Unimplemented:
      return "unimplemented operator";
    case ErrorKind::Reserved:
      return "Reserved operator";
    case ErrorKind::InvalidOperator:
      return "invalid operator";
    case ErrorKind::DivisionByZero:
      return "Division by zero";
    case ErrorKind::ShiftTooLarge:
      return "Shift too large";
    case ErrorKind::ValueStackLimitReached:
      return "Value Stack Limit Reached";
    case ErrorKind::EnvironmentStackLimitReached:
      return "Environment Stack Limit Reached";
    case ErrorKind::UnknownSoftforkExtension:
      return "unknown softfork extension";
    case ErrorKind::SoftforkCostMismatch:
      return "softfork specified cost mismatch";
    case ErrorKind::SoftforkStackDepthExceeded:
      return "softfork stack depth exceeded";
    case ErrorKind::BlsPairingIdentityFailed:
      return "bls_pairing_identity failed";
    case ErrorKind::BlsVerifyFailed:
      return "bls_verify failed";
    case ErrorKind::Secp256Failed:
      return "Secp256 Verify Error: failed";
    case ErrorKind::InvalidOpArg:
    case ErrorKind::InvalidAllocArg:
    case ErrorKind::InternalError:
    case ErrorKind::SyntaxError:
    case ErrorKind::InvalidImage:
    // not consensus errors: clvmr has no such verdict; clvmr_message() gives what() unchanged
    case ErrorKind::Timeout:
    case ErrorKind::Cancelled:
    case ErrorKind::MemoryCeiling:
      return {};
  }
  return {};
}

/// clvmr 0.19's prefix for the kinds whose text has a detail: "InvalidOperatorArg: ",
/// "InvalidAllocatorArg: ", "Internal Error: "; empty for every other kind.
constexpr std::string_view clvmr_detail_prefix(ErrorKind k) noexcept {
  switch (k) {
    case ErrorKind::InvalidOpArg:
      return "InvalidOperatorArg: ";
    case ErrorKind::InvalidAllocArg:
      return "InvalidAllocatorArg: ";
    case ErrorKind::InternalError:
      return "Internal Error: ";
    default:
      return {};
  }
}

/// The root of every error the runtime reports. what() is the full message.
class Error : public std::runtime_error {
 public:
  /// what() = `message` if given, else default_message(kind). `clvmr_text`, if given, is clvmr
  /// 0.19's whole display text for this error (what clvmr_message() returns); throw sites give it
  /// where the kind alone does not fix it (see clvmr_fixed_message).
  explicit Error(ErrorKind kind, std::string message = {}, std::optional<NodePtr> node = {},
                 std::string clvmr_text = {})
      : std::runtime_error(message.empty() ? std::string(default_message(kind))
                                           : std::move(message)),
        kind_(kind),
        node_(node),
        clvmr_(clvmr_text.empty() ? nullptr
                                  : std::make_shared<const std::string>(std::move(clvmr_text))) {}

  ErrorKind kind() const noexcept { return kind_; }
  /// The offending node, where the error has one.
  std::optional<NodePtr> node() const noexcept { return node_; }

  /// clvmr 0.19's display text for this error (`format!("{}", err)` of its EvalErr), e.g. "cost
  /// exceeded or below zero", "InvalidOperatorArg: first of non-cons", "Division by zero": the
  /// text given at the throw site, else clvmr_fixed_message(kind()). For an InvalidOpArg,
  /// InvalidAllocArg or InternalError raised without one (the runtime always gives one; only
  /// other code can omit it), clvmr's prefix for the kind followed by what(). For kinds clvmr does
  /// not have (SyntaxError, InvalidImage), what().
  std::string clvmr_message() const {
    if (clvmr_) return *clvmr_;
    if (const std::string_view fixed = clvmr_fixed_message(kind_); !fixed.empty())
      return std::string(fixed);
    return std::string(clvmr_detail_prefix(kind_)) + what();
  }

 private:
  ErrorKind kind_;
  std::optional<NodePtr> node_;
  std::shared_ptr<const std::string> clvmr_;  // shared: copying an exception must not throw
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
