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

#include <fmt/format.h>

#include <cstddef>
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
  /// No keywords at all: every operator prints as its number (clvm_tools' `brun -n`); in text to
  /// assemble every word is its own bytes.
  None,
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
/// Linear in the size of the printed tree: on a DAG with shared subtrees (back-references, or
/// results of evaluation) that can be exponential in the arena's size; use disassemble_bounded()
/// or text() for anything that did not come from a trusted, small source.
std::string disassemble(const Allocator& a, NodePtr node,
                        KeywordSet keywords = KeywordSet::Current);

/// The number of characters disassemble(a, node, keywords) would return, saturating at
/// UINT64_MAX. Computed over the DAG with one entry per distinct pair (linear in the distinct pairs
/// reachable from `node`, never in the expanded tree), iteratively. Requires: `node` belongs to
/// `a`.
std::uint64_t disassembled_length(const Allocator& a, NodePtr node,
                                  KeywordSet keywords = KeywordSet::Current);

/// The characters printed of a node by default: fmt of text(a, node), the `clvm` tool's FAIL
/// nodes and trace lines.
inline constexpr std::size_t kDefaultTextChars = 1000;

/// disassemble() with at most `max_chars` characters of text: the whole text when it fits,
/// otherwise its first `max_chars` characters followed by the marker `… (N more bytes)`, N being
/// the characters left out (`… (more than N more bytes)` when the length passes 2^64 - 1). Decides
/// by printing at most max_chars + 1 characters (work and memory O(max_chars) however large the
/// tree it stands for); only a cut text is then measured with disassembled_length() (linear in
/// the distinct pairs). Requires: `node` belongs to `a`.
std::string disassemble_bounded(const Allocator& a, NodePtr node,
                                std::size_t max_chars = kDefaultTextChars,
                                KeywordSet keywords = KeywordSet::Current);

/// A node to print with fmt as bounded text: `fmt::print("{}", clvm::text(a, node))` writes
/// disassemble_bounded(a, node, max_chars, keywords). Holds a reference to `a`: use it before the
/// arena changes.
struct BoundedText {
  const Allocator* arena;
  NodePtr node;
  std::size_t max_chars;
  KeywordSet keywords;
};

/// The fmt-formattable bounded text of `node` (see BoundedText). Requires: `node` belongs to `a`.
inline BoundedText text(const Allocator& a, NodePtr node, std::size_t max_chars = kDefaultTextChars,
                        KeywordSet keywords = KeywordSet::Current) {
  return {&a, node, max_chars, keywords};
}

/// The opcode atom of operator keyword `name` (no `#` prefix), or nullopt if `name` is not one.
/// As in clvm's table, "." (its placeholder for unnamed opcodes) gives 35: `#.` reads as 0x23.
std::optional<std::span<const std::uint8_t>> keyword_atom(
    std::string_view name, KeywordSet keywords = KeywordSet::Current);

/// The keyword printed for opcode atom `atom` in operator position, or nullopt if none.
std::optional<std::string_view> keyword_name(std::span<const std::uint8_t> atom,
                                             KeywordSet keywords = KeywordSet::Current);

}  // namespace clvm

template <>
struct fmt::formatter<clvm::BoundedText> : fmt::formatter<fmt::string_view> {
  template <typename FormatContext>
  auto format(const clvm::BoundedText& t, FormatContext& ctx) const {
    const std::string s = clvm::disassemble_bounded(*t.arena, t.node, t.max_chars, t.keywords);
    return fmt::formatter<fmt::string_view>::format(fmt::string_view(s), ctx);
  }
};
