// SPDX-License-Identifier: Apache-2.0
// assemble(): text -> tree, as clvm_tools' `opc` (ir/reader.py + binutils.assemble_from_ir), with
// an explicit stack instead of recursion. Items of the innermost open lists wait on a value stack;
// a `)` conses them right to left, so each pair is made once, after its items.
#include <clvm/text.hpp>

#include "text/lexer.hpp"

#include <limits>
#include <vector>

namespace clvm {
namespace {

using text_detail::fail_at;
using text_detail::Lexer;
using text_detail::Token;
using text_detail::TokenKind;

bool is_decimal(std::string_view w) noexcept {
  if (!w.empty() && (w[0] == '+' || w[0] == '-')) w.remove_prefix(1);
  if (w.empty()) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

// The atom of a decimal word (is_decimal(w)): its minimal two's-complement encoding.
NodePtr decimal_atom(Allocator& a, std::string_view w) {
  const bool negative = w[0] == '-';
  if (w[0] == '+' || w[0] == '-') w.remove_prefix(1);
  while (w.size() > 1 && w[0] == '0') w.remove_prefix(1);
  constexpr std::size_t kChunk = 18;  // 10^18 < 2^63
  if (w.size() <= kChunk) {
    std::int64_t v = 0;
    for (char c : w) v = v * 10 + (c - '0');
    if (!negative && v <= static_cast<std::int64_t>(Allocator::kMaxSmallValue))
      return a.new_small_number(static_cast<std::uint32_t>(v));
    return a.new_number(Number(negative ? -v : v));
  }
  // Horner's rule on 18-digit chunks: quadratic, fine for numbers of thousands of digits.
  Number n = 0;
  std::size_t first = w.size() % kChunk == 0 ? kChunk : w.size() % kChunk;
  for (std::size_t i = 0; i < w.size(); i += first, first = kChunk) {
    std::int64_t chunk = 0, scale = 1;
    for (char c : w.substr(i, first)) {
      chunk = chunk * 10 + (c - '0');
      scale *= 10;
    }
    n = n * scale + chunk;
  }
  if (negative) n = -n;
  return a.new_number(n);
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The atom of a `0x` word; an odd digit count reads as if prefixed by 0 (clvm_tools).
NodePtr hex_atom(Allocator& a, std::string_view text, const Token& t) {
  const std::string_view digits = t.text.substr(2);
  std::vector<std::uint8_t> bytes((digits.size() + 1) / 2);
  std::size_t out = digits.size() % 2;  // index of the next nibble, counting a leading 0 if odd
  for (std::size_t i = 0; i < digits.size(); ++i, ++out) {
    const int v = hex_value(digits[i]);
    if (v < 0) fail_at(text, t.offset + 2 + i, "invalid hex digit");
    bytes[out / 2] = static_cast<std::uint8_t>(bytes[out / 2] | (v << (out % 2 == 0 ? 4 : 0)));
  }
  return a.new_atom(bytes);
}

NodePtr word_atom(Allocator& a, std::string_view text, const Token& t, KeywordSet keywords) {
  const std::string_view w = t.text;
  if (is_decimal(w)) return decimal_atom(a, w);
  if (w.size() >= 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) return hex_atom(a, text, t);
  const std::string_view name = w[0] == '#' ? w.substr(1) : w;
  if (auto op = keyword_atom(name, keywords)) return a.new_atom(*op);
  return a.new_atom(w);
}

// An open list: its items start at values[start]; `paren` is the offset of its `(`.
struct Frame {
  enum State : std::uint8_t { Items, AfterDot, AfterTail };
  std::uint32_t start;
  std::uint32_t paren;
  State state;
};

class Parser {
 public:
  Parser(Allocator& a, std::string_view text, KeywordSet keywords)
      : a_(a), text_(text), lexer_(text), keywords_(keywords) {}

  NodePtr run() {
    if (text_.size() > std::numeric_limits<std::uint32_t>::max())
      fail_at(text_, 0, "text longer than 4 GiB");
    for (;;) {
      const Token t = lexer_.next();
      switch (t.kind) {
        case TokenKind::End:
          if (!frames_.empty()) fail_at(text_, frames_.back().paren, "missing ) for this (");
          fail_at(text_, t.offset, "unexpected end of text: expected an expression");
        case TokenKind::Open:
          check_value_allowed(t);
          frames_.push_back({static_cast<std::uint32_t>(values_.size()),
                             static_cast<std::uint32_t>(t.offset), Frame::Items});
          continue;
        case TokenKind::Close:
          if (frames_.empty()) fail_at(text_, t.offset, "unmatched )");
          if (frames_.back().state == Frame::AfterDot)
            fail_at(text_, t.offset, "expected an expression after .");
          if (deliver(close_list())) return finish();
          continue;
        case TokenKind::Dot:
          dot(t);
          continue;
        case TokenKind::String:
          check_value_allowed(t);
          if (deliver(a_.new_atom(t.text))) return finish();
          continue;
        case TokenKind::Word:
          check_value_allowed(t);
          if (deliver(word_atom(a_, text_, t, keywords_))) return finish();
          continue;
      }
    }
  }

 private:
  void check_value_allowed(const Token& t) const {
    if (!frames_.empty() && frames_.back().state == Frame::AfterTail)
      fail_at(text_, t.offset, "expected ) after the expression that follows .");
  }

  void dot(const Token& t) {
    if (frames_.empty()) fail_at(text_, t.offset, "unexpected . outside a list");
    Frame& f = frames_.back();
    if (f.state != Frame::Items) fail_at(text_, t.offset, "unexpected . in a dotted pair");
    if (values_.size() == f.start) fail_at(text_, t.offset, "unexpected . before any item");
    f.state = Frame::AfterDot;
  }

  // Adds `v` to the innermost open list; returns true when `v` is the whole expression.
  bool deliver(NodePtr v) {
    if (frames_.empty()) {
      result_ = v;
      return true;
    }
    values_.push_back(v);
    if (frames_.back().state == Frame::AfterDot) frames_.back().state = Frame::AfterTail;
    return false;
  }

  // Pops the innermost list and returns it, built from its items and tail.
  NodePtr close_list() {
    const Frame f = frames_.back();
    frames_.pop_back();
    std::size_t end = values_.size();
    NodePtr list = NodePtr::NIL;
    if (f.state == Frame::AfterTail) list = values_[--end];
    while (end > f.start) list = a_.new_pair(values_[--end], list);
    values_.resize(f.start);
    return list;
  }

  NodePtr finish() {
    const Token t = lexer_.next();
    if (t.kind != TokenKind::End) fail_at(text_, t.offset, "unexpected text after the expression");
    return result_;
  }

  Allocator& a_;
  std::string_view text_;
  Lexer lexer_;
  KeywordSet keywords_;
  std::vector<Frame> frames_;
  std::vector<NodePtr> values_;
  NodePtr result_;
};

}  // namespace

NodePtr assemble(Allocator& a, std::string_view text, KeywordSet keywords) {
  return Parser(a, text, keywords).run();
}

}  // namespace clvm
