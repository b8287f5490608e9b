// SPDX-License-Identifier: Apache-2.0
/// \file Test helpers for the evaluator tests: the op-test s-expression syntax (also used to write
/// programs), structural equality, printing and file helpers. All iterative.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clvm::test {

/// The opcode atom of an operator name of the op-test files (`q` -> 01, `secp256k1_verify` ->
/// 13d61f00, `unknown_add` -> 40, ...), or nullopt.
std::optional<Bytes> opcode_for_name(std::string_view name);

/// Parses one s-expression of the op-test syntax: `0` nil, `0x..` raw bytes, `"..."` a string,
/// decimal a canonical integer, a bare word (optionally `#`-prefixed) an opcode atom, `( a b )` a
/// list, `( a . b )` a pair. Throws std::runtime_error on bad syntax.
NodePtr parse_sexp(Allocator& a, std::string_view text);

/// Parses the items of `text` as a list (an op-test line's arguments): it ends at the end of the
/// text or at an unmatched `)` (the rest is ignored). Throws std::runtime_error on bad syntax.
NodePtr parse_arg_list(Allocator& a, std::string_view text);

/// The file's contents; throws std::runtime_error if it cannot be read.
std::string read_file(const std::string& path);

/// The hex text `text` (whitespace ignored) decoded; throws std::runtime_error on bad hex.
Bytes decode_hex(std::string_view text);

/// The text form of `n` in op-test syntax (for failure messages).
std::string to_text(const Allocator& a, NodePtr n);

/// (i (q . 1) (i (q . 1) ... (q . 42) ...) (q . 0)) nested `depth` deep (a deep program that
/// evaluates to 42 at cost 20 + 74 * depth); `innermost`, if given, receives its (q . 42).
NodePtr nested_ifs(Allocator& a, int depth, NodePtr* innermost = nullptr);

}  // namespace clvm::test
