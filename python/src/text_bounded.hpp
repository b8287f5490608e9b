// SPDX-License-Identifier: Apache-2.0
/// \file The text of a node with a bound on its length, for repr() and disassemble(): a
/// back-reference bomb or a 10,000,000-deep tree must not print (or allocate) without bound.
#pragma once

#include <clvm/allocator.hpp>

#include <cstddef>
#include <string>

namespace clvmpy {

struct BoundedText {
  std::string text;  ///< at most max_chars characters
  bool complete;     ///< false if the text was cut at max_chars
};

/// The first `max_chars` characters of clvm::disassemble(a, node) (the runtime's text format with
/// the Current keyword set), computed without producing the rest: the walk stops as soon as
/// `max_chars` characters exist, and a long atom is written only as far as needed.
/// Requires: `node` belongs to `a`.
BoundedText bounded_text(const clvm::Allocator& a, clvm::NodePtr node, std::size_t max_chars);

}  // namespace clvmpy
