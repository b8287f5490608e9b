// SPDX-License-Identifier: Apache-2.0
/// \file The CLVM text format: assemble() reads text the way clvm_tools' `opc` does, disassemble()
/// prints a tree the way `opd` does. Both are iterative: nesting depth is bounded by memory only.
///
/// Text syntax (clvm_tools 0.9.5): `(a b c)` lists, `(a . b)` pairs, `()` nil, decimal integers
/// (`[+-]?[0-9]+`, any size), `0x` hex (an odd digit count gets a leading 0), "double" and 'single'
/// quoted strings (no escapes), `;` comments to the end of the line, and any other word: an
/// operator keyword (optionally prefixed by `#`) stands for its opcode, anything else for its own
/// bytes. A word ends at whitespace or `)` only, so `a(b` is one word, as in clvm_tools.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/node_ptr.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace clvm {

/// Which operator keywords the text format knows.
enum class KeywordSet : std::uint8_t {
  /// clvm_tools 0.9.5's: opcodes 1-36 (q a i c f r l x = >s sha256 substr strlen concat + - * /
  /// divmod > ash lsh logand logior logxor lognot point_add pubkey_for_exp not any all softfork).
  /// Byte-for-byte what `opc`/`opd` produce; newer names are then plain words (their bytes).
  Classic,
  /// Classic plus the operators added since: coinid 48 ... modpow 60, % 61, keccak256 62,
  /// sha256tree 63, secp256k1_verify 0x13d61f00, secp256r1_verify 0x1c3a8f00; g1_add is accepted
  /// as another name for point_add (29), which still prints as point_add.
  Current,
};

/// Parses exactly one expression from `text` (surrounding whitespace and comments allowed) and
/// builds it in `a`. Returns the root.
/// Throws TextError (with 1-based line and column; columns count UTF-8 code points) on malformed
/// text: an unclosed `(` (reported at that paren), a stray `)`, a misplaced `.`, bad hex digits,
/// an unterminated string, empty text, or text after the expression. Throws EvalError if the
/// arena's limits are hit. Where clvm_tools accepts malformed text with a surprising meaning (a
/// stray `)` or `.` read as a word, text after the first expression ignored) this rejects it.
NodePtr assemble(Allocator& a, std::string_view text, KeywordSet keywords = KeywordSet::Current);

/// Prints `node` as `opd` does: nil as `()`, lists as `(a b . c)`; an atom in operator position
/// (first item of a list) as its keyword when it has one; otherwise an atom of 1-2 bytes in
/// decimal when it is a canonical integer, an atom of 3+ bytes as "text" when every byte is
/// printable ASCII other than `"`, and every other atom as 0x followed by lower-case hex.
/// Requires: `node` belongs to `a`. assemble(disassemble(x)) rebuilds the same tree.
std::string disassemble(const Allocator& a, NodePtr node,
                        KeywordSet keywords = KeywordSet::Current);

/// The opcode atom of operator keyword `name` (no `#` prefix), or nullopt if `name` is not one.
/// As in clvm's table, "." (its placeholder for unnamed opcodes) gives 35: `#.` reads as 0x23.
std::optional<std::span<const std::uint8_t>> keyword_atom(
    std::string_view name, KeywordSet keywords = KeywordSet::Current);

/// The keyword printed for opcode atom `atom` in operator position, or nullopt if none.
std::optional<std::string_view> keyword_name(std::span<const std::uint8_t> atom,
                                             KeywordSet keywords = KeywordSet::Current);

}  // namespace clvm
