// SPDX-License-Identifier: Apache-2.0
#include "eval_support.hpp"

#include <clvm/number.hpp>

#include "eval/op_table.hpp"

#include <array>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace clvm::test {

namespace {

// The op-test files' synthetic spellings of unknown opcodes (no operator has them).
constexpr std::array<std::pair<std::string_view, std::uint32_t>, 8> kUnknownOpNames{{
    {"unknown", 0x00},
    {"unknown_add", 0x40},
    {"unknown_mul", 0x80},
    {"unknown_concat", 0xc0},
    {"unknown_x2", 0x0100},
    {"unknown_add_x2", 0x0140},
    {"unknown_mul_x2", 0x0180},
    {"unknown_concat_x2", 0x01c0},
}};

// The minimal big-endian bytes of an unknown opcode, keeping the spellings 00, 0100, ...
Bytes opcode_bytes(std::string_view name, std::uint32_t v) {
  if (name == "unknown") return {0x00};
  Bytes out;
  for (int shift = 24; shift >= 0; shift -= 8)
    if (!out.empty() || (v >> shift) != 0) out.push_back(std::uint8_t(v >> shift));
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  // The next token: "(", ")", ".", a quoted string (with its quotes) or a word; "" at the end.
  std::string_view next() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    if (pos_ == s_.size()) return {};
    const std::size_t start = pos_;
    const char c = s_[pos_];
    if (c == '(' || c == ')') return s_.substr(pos_++, 1);
    if (c == '"') {
      const std::size_t end = s_.find('"', pos_ + 1);
      if (end == std::string_view::npos) throw std::runtime_error("unterminated string");
      pos_ = end + 1;
      return s_.substr(start, pos_ - start);
    }
    while (pos_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[pos_])) &&
           s_[pos_] != '(' && s_[pos_] != ')')
      ++pos_;
    return s_.substr(start, pos_ - start);
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

NodePtr atom_for_token(Allocator& a, std::string_view tok) {
  if (tok.front() == '"') return a.new_atom(tok.substr(1, tok.size() - 2));
  if (tok.starts_with("0x") || tok.starts_with("0X")) {
    auto b = from_hex(tok.substr(2));
    if (!b) throw std::runtime_error("bad hex " + std::string(tok));
    return a.new_atom(*b);
  }
  const bool numeric =
      std::isdigit(static_cast<unsigned char>(tok.front())) ||
      (tok.size() > 1 && tok.front() == '-' && std::isdigit(static_cast<unsigned char>(tok[1])));
  if (numeric) return a.new_atom(number_to_bytes(Number(std::string(tok))));
  if (tok.front() == '#') tok.remove_prefix(1);
  auto op = opcode_for_name(tok);
  if (!op) throw std::runtime_error("unknown word " + std::string(tok));
  return a.new_atom(*op);
}

// An open list being read: its items, and the explicit tail after `.` if any.
struct Frame {
  std::vector<NodePtr> items;
  std::optional<NodePtr> tail;
  bool dotted = false;
};

NodePtr close_frame(Allocator& a, const Frame& f) {
  NodePtr n = f.tail.value_or(Allocator::nil());
  for (auto it = f.items.rbegin(); it != f.items.rend(); ++it) n = a.new_pair(*it, n);
  return n;
}

void add_item(Frame& f, NodePtr n) {
  if (f.dotted) {
    if (f.tail) throw std::runtime_error("two items after .");
    f.tail = n;
  } else {
    f.items.push_back(n);
  }
}

// Reads items into an outer frame until the end or an unmatched `)`.
NodePtr parse_items(Allocator& a, std::string_view text) {
  Lexer lex(text);
  std::vector<Frame> stack(1);
  for (std::string_view tok = lex.next(); !tok.empty(); tok = lex.next()) {
    if (tok == "(") {
      stack.emplace_back();
    } else if (tok == ")") {
      if (stack.size() == 1) break;
      const NodePtr n = close_frame(a, stack.back());
      stack.pop_back();
      add_item(stack.back(), n);
    } else if (tok == ".") {
      if (stack.back().items.empty() || stack.back().dotted) throw std::runtime_error("bad .");
      stack.back().dotted = true;
    } else {
      add_item(stack.back(), atom_for_token(a, tok));
    }
  }
  if (stack.size() != 1) throw std::runtime_error("unbalanced (");
  return close_frame(a, stack.front());
}

}  // namespace

std::optional<Bytes> opcode_for_name(std::string_view name) {
  if (const eval::OpInfo* op = eval::find_op_test_name(name)) {
    const auto atom = op->atom();
    return Bytes(atom.begin(), atom.begin() + op->size);
  }
  for (const auto& [spelling, opcode] : kUnknownOpNames)
    if (spelling == name) return opcode_bytes(name, opcode);
  return std::nullopt;
}

NodePtr parse_arg_list(Allocator& a, std::string_view text) { return parse_items(a, text); }

NodePtr parse_sexp(Allocator& a, std::string_view text) {
  const NodePtr list = parse_items(a, text);
  if (!list.is_pair() || a.pair(list).rest != Allocator::nil())
    throw std::runtime_error("expected exactly one expression: " + std::string(text));
  return a.pair(list).first;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Bytes decode_hex(std::string_view text) {
  std::string clean;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) clean.push_back(c);
  auto b = from_hex(clean);
  if (!b) throw std::runtime_error("bad hex");
  return *b;
}

std::string to_text(const Allocator& a, NodePtr n) {
  // Pairs print as (first . rest); `text` entries are literal separators.
  struct Item {
    NodePtr node;
    const char* text;
  };
  std::string out;
  std::vector<Item> todo{{n, nullptr}};
  while (!todo.empty()) {
    const Item it = todo.back();
    todo.pop_back();
    if (it.text != nullptr) {
      out += it.text;
    } else if (it.node.is_pair()) {
      out += "(";
      todo.push_back({{}, ")"});
      todo.push_back({a.pair(it.node).rest, nullptr});
      todo.push_back({{}, " . "});
      todo.push_back({a.pair(it.node).first, nullptr});
    } else {
      out += "0x" + to_hex(a.atom(it.node).span());
    }
  }
  return out;
}

NodePtr nested_ifs(Allocator& a, int depth, NodePtr* innermost) {
  const NodePtr q = Allocator::one();
  const NodePtr i_op = a.new_atom(Bytes{3});
  const NodePtr quoted_one = a.new_pair(q, Allocator::one());
  const NodePtr quoted_nil = a.new_pair(q, Allocator::nil());
  NodePtr prg = a.new_pair(q, a.new_atom(Bytes{42}));
  if (innermost != nullptr) *innermost = prg;
  for (int i = 0; i < depth; ++i) {
    const NodePtr tail = a.new_pair(prg, a.new_pair(quoted_nil, Allocator::nil()));
    prg = a.new_pair(i_op, a.new_pair(quoted_one, tail));
  }
  return prg;
}

}  // namespace clvm::test
