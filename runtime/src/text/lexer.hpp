// SPDX-License-Identifier: Apache-2.0
/// \file The tokenizer of the text format (clvm_tools' token_stream), and text positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace clvm::text_detail {

enum class TokenKind : std::uint8_t {
  End,     ///< no more tokens
  Open,    ///< `(`
  Close,   ///< `)`
  Dot,     ///< `.` at the start of a token
  String,  ///< a quoted string; `text` excludes the quotes
  Word,    ///< anything else: up to whitespace or `)`
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string_view text;   ///< the word, or a string's contents
  std::size_t offset = 0;  ///< byte offset of the token's first character
};

/// Splits text into tokens as clvm_tools does: whitespace (ASCII and the Unicode spaces
/// JavaScript's
/// `\s` matches) and `;` comments (to `\n` or `\r`) separate tokens; `(`, `)` and `.` are tokens of
/// their own at the start of a token; a quote starts a string that ends at the same quote (no
/// escapes); any other token runs to whitespace or `)`.
class Lexer {
 public:
  explicit Lexer(std::string_view text) noexcept : text_(text) {}

  /// The next token. Throws TextError on an unterminated string (at its opening quote).
  Token next();

  /// The byte offset just past the last token (the end of the text once next() returned End).
  std::size_t offset() const noexcept { return pos_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

/// The 1-based line and column of byte `offset` in `text`: lines end at `\n`; columns count UTF-8
/// code points (bytes that are not continuation bytes).
struct Position {
  std::size_t line, column;
};
Position position_of(std::string_view text, std::size_t offset) noexcept;

/// Throws TextError(message) located at byte `offset` of `text`.
[[noreturn]] void fail_at(std::string_view text, std::size_t offset, std::string message);

}  // namespace clvm::text_detail
