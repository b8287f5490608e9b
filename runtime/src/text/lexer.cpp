// SPDX-License-Identifier: Apache-2.0
// Tokenizer of the text format. It follows clvm_tools 0.9.5 (ir/reader.py token_stream and its JS
// port, which the oracle runs) so that every text opc accepts splits into the same tokens.
#include "text/lexer.hpp"

#include <clvm/error.hpp>

#include <fmt/format.h>

namespace clvm::text_detail {
namespace {

// The length of the whitespace character at `pos`, or 0. Whitespace is what JavaScript's `\s`
// matches (the oracle's rule): ASCII \t \n \v \f \r and space, and the UTF-8 encodings of U+00A0,
// U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
std::size_t whitespace_len(std::string_view s, std::size_t pos) noexcept {
  const auto at = [&](std::size_t i) -> unsigned {
    return pos + i < s.size() ? static_cast<unsigned char>(s[pos + i]) : 0u;
  };
  const unsigned c = at(0);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c < 0xc2) return 0;
  if (c == 0xc2) return at(1) == 0xa0 ? 2 : 0;
  const unsigned c1 = at(1), c2 = at(2);
  if (c == 0xe1) return c1 == 0x9a && c2 == 0x80 ? 3 : 0;
  if (c == 0xe2 && c1 == 0x80)
    return (c2 >= 0x80 && c2 <= 0x8a) || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf ? 3 : 0;
  if (c == 0xe2) return c1 == 0x81 && c2 == 0x9f ? 3 : 0;
  if (c == 0xe3) return c1 == 0x80 && c2 == 0x80 ? 3 : 0;
  if (c == 0xef) return c1 == 0xbb && c2 == 0xbf ? 3 : 0;
  return 0;
}

}  // namespace

Token Lexer::next() {
  // Whitespace and comments. A `;` counts as a comment only where a token could start.
  for (;;) {
    while (pos_ < text_.size()) {
      const std::size_t n = whitespace_len(text_, pos_);
      if (n == 0) break;
      pos_ += n;
    }
    if (pos_ >= text_.size() || text_[pos_] != ';') break;
    while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
  }
  const std::size_t start = pos_;
  if (start >= text_.size()) return {TokenKind::End, {}, start};

  const char c = text_[start];
  if (c == '(' || c == ')' || c == '.') {
    ++pos_;
    const TokenKind kind = c == '('   ? TokenKind::Open
                           : c == ')' ? TokenKind::Close
                                      : TokenKind::Dot;
    return {kind, text_.substr(start, 1), start};
  }
  if (c == '"' || c == '\'') {
    const std::size_t close = text_.find(c, start + 1);
    if (close == std::string_view::npos) fail_at(text_, start, "unterminated string");
    pos_ = close + 1;
    return {TokenKind::String, text_.substr(start + 1, close - start - 1), start};
  }
  while (pos_ < text_.size() && text_[pos_] != ')' && whitespace_len(text_, pos_) == 0) ++pos_;
  return {TokenKind::Word, text_.substr(start, pos_ - start), start};
}

Position position_of(std::string_view text, std::size_t offset) noexcept {
  Position p{1, 1};
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((b & 0xc0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

void fail_at(std::string_view text, std::size_t offset, std::string message) {
  const Position p = position_of(text, offset);
  throw TextError(std::move(message), p.line, p.column);
}

}  // namespace clvm::text_detail
