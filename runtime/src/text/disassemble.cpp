// SPDX-License-Identifier: Apache-2.0
// disassemble(): tree -> text, as clvm_tools' `opd` (binutils.disassemble_to_ir + ir/writer.py),
// with an explicit stack instead of recursion.
//
// Keyword rule (disassemble_to_ir's allow_keyword): the first item of a list prints as a keyword
// when it is an atom with one; a list's later items, a dotted tail and a lone atom never do.
// Atom rule (type_for_atom): 1-2 bytes -> decimal if canonical, else hex; 3+ bytes -> quoted if all
// printable, else hex. "Printable" is Python clvm_tools 0.9.5's set: ASCII 0x20-0x7e except `"`.
// The JS port behind the oracle also counts `"` and \t \n \v \f \r as printable and prints them
// inside "..." unescaped (so `a"bc` comes out as "a"bc", which reads back as something else); we
// print such atoms in hex, as Python's opd does.
#include <clvm/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace clvm {
namespace {

bool printable(std::uint8_t b) noexcept { return b >= 0x20 && b <= 0x7e && b != '"'; }

constexpr char kHexDigits[] = "0123456789abcdef";

// Canonical iff no redundant leading 00 / ff byte (as int_to_bytes(int_from_bytes(b)) == b).
bool canonical_short(std::span<const std::uint8_t> b) noexcept {
  return b.size() == 1 ? b[0] != 0
                       : !(b[0] == 0x00 && b[1] < 0x80) && !(b[0] == 0xff && b[1] >= 0x80);
}

enum class AtomForm : std::uint8_t { Nil, Quoted, Hex, Decimal };

AtomForm atom_form(std::span<const std::uint8_t> b) noexcept {
  if (b.empty()) return AtomForm::Nil;
  if (b.size() > 2) return std::ranges::all_of(b, printable) ? AtomForm::Quoted : AtomForm::Hex;
  return canonical_short(b) ? AtomForm::Decimal : AtomForm::Hex;
}

std::string decimal_text(std::span<const std::uint8_t> b) {
  const int value = b.size() == 1 ? static_cast<std::int8_t>(b[0])
                                  : static_cast<std::int16_t>((b[0] << 8) | b[1]);
  return std::to_string(value);
}

// The length of an atom's text. Linear in the atom (the printable check).
std::uint64_t atom_text_length(std::span<const std::uint8_t> b) {
  switch (atom_form(b)) {
    case AtomForm::Nil:
      return 2;
    case AtomForm::Quoted:
      return b.size() + 2;
    case AtomForm::Hex:
      return 2 * std::uint64_t{b.size()} + 2;
    case AtomForm::Decimal:
      break;
  }
  return decimal_text(b).size();
}

// Appends the first `room` characters of the atom's text (all of it when it is shorter), so a
// huge atom costs only what is printed of it.
void append_atom(std::string& out, const Atom& atom, std::size_t room = SIZE_MAX) {
  const std::span<const std::uint8_t> b = atom.span();
  if (room == 0) return;
  switch (atom_form(b)) {
    case AtomForm::Nil:
      out += "()";
      return;
    case AtomForm::Quoted: {
      out += '"';
      const std::string_view s = atom.as_string_view();
      if (room - 1 < s.size()) {
        out += s.substr(0, room - 1);
        return;
      }
      out += s;
      out += '"';
      return;
    }
    case AtomForm::Hex: {
      out += "0x";
      const std::size_t bytes = room / 2 < b.size() ? room / 2 : b.size();
      for (std::size_t i = 0; i < bytes; ++i) {
        out += kHexDigits[b[i] >> 4];
        out += kHexDigits[b[i] & 0x0f];
      }
      return;
    }
    case AtomForm::Decimal:
      out += decimal_text(b);
      return;
  }
}

// What remains to print, innermost last: a node (its first item in operator position if it is a
// list) or the rest of a list after an item.
struct Task {
  enum Kind : std::uint8_t { Node, ListRest };
  NodePtr node;
  Kind kind;
};

// Prints `node` into `out` until `out` holds more than `limit` characters. Returns true if the
// whole text was printed. Every step prints at least one character, so the work (and the stack)
// is bounded by `limit` however large the tree it stands for.
bool print_until(std::string& out, const Allocator& a, NodePtr node, KeywordSet keywords,
                 std::size_t limit) {
  std::vector<Task> stack{{node, Task::Node}};
  auto room = [&] { return out.size() > limit ? std::size_t{0} : limit - out.size() + 1; };
  while (!stack.empty()) {
    if (out.size() > limit) return false;
    const Task t = stack.back();
    stack.pop_back();
    if (t.kind == Task::ListRest) {
      if (t.node.is_pair()) {
        const Pair p = a.pair(t.node);
        out += ' ';
        stack.push_back({p.rest, Task::ListRest});
        if (p.first.is_pair()) {
          stack.push_back({p.first, Task::Node});
        } else {
          append_atom(out, a.atom(p.first), room());
        }
      } else {
        if (!t.node.is_nil()) {
          out += " . ";
          append_atom(out, a.atom(t.node), room());
        }
        out += ')';
      }
      continue;
    }
    if (!t.node.is_pair()) {
      append_atom(out, a.atom(t.node), room());
      continue;
    }
    const Pair p = a.pair(t.node);
    out += '(';
    stack.push_back({p.rest, Task::ListRest});
    if (p.first.is_pair()) {
      stack.push_back({p.first, Task::Node});
      continue;
    }
    const Atom first = a.atom(p.first);
    if (auto name = keyword_name(first.span(), keywords)) {
      out += *name;
    } else {
      append_atom(out, first, room());
    }
  }
  return out.size() <= limit;
}

std::uint64_t add_sat(std::uint64_t x, std::uint64_t y) noexcept {
  return x > UINT64_MAX - y ? UINT64_MAX : x + y;
}

}  // namespace

std::string disassemble(const Allocator& a, NodePtr node, KeywordSet keywords) {
  std::string out;
  print_until(out, a, node, keywords, SIZE_MAX - 1);
  return out;
}

std::uint64_t disassembled_length(const Allocator& a, NodePtr node, KeywordSet keywords) {
  // Per distinct pair: its text's length printed as a node (first item in operator position) and
  // printed as the rest of a list (" item ... )"), both saturating. Post-order over the DAG, each
  // pair once.
  struct Lengths {
    std::uint64_t as_node, as_rest;
  };
  std::unordered_map<std::uint32_t, Lengths> memo;
  auto atom_len = [&](NodePtr p) { return atom_text_length(a.atom(p).span()); };
  auto rest_len = [&](NodePtr p) -> std::uint64_t {
    if (p.is_pair()) return memo.at(p.index()).as_rest;
    return p.is_nil() ? 1 : add_sat(4, atom_len(p));  // ")" or " . atom)"
  };
  std::vector<std::pair<NodePtr, bool>> stack{{node, false}};
  while (!stack.empty()) {
    auto& [p, expanded] = stack.back();
    if (!p.is_pair() || memo.contains(p.index())) {
      stack.pop_back();
      continue;
    }
    const Pair pr = a.pair(p);
    if (!expanded) {
      expanded = true;
      for (const NodePtr c : {pr.first, pr.rest})
        if (c.is_pair() && !memo.contains(c.index())) stack.emplace_back(c, false);
      continue;
    }
    const std::uint64_t tail = rest_len(pr.rest);
    std::uint64_t item = 0, head = 0;
    if (pr.first.is_pair()) {
      item = head = memo.at(pr.first.index()).as_node;
    } else {
      item = atom_len(pr.first);
      const auto name = keyword_name(a.atom(pr.first).span(), keywords);
      head = name ? name->size() : item;
    }
    memo.emplace(p.index(),
                 Lengths{add_sat(add_sat(1, head), tail), add_sat(add_sat(1, item), tail)});
    stack.pop_back();
  }
  return node.is_pair() ? memo.at(node.index()).as_node : atom_len(node);
}

std::string disassemble_bounded(const Allocator& a, NodePtr node, std::size_t max_chars,
                                KeywordSet keywords) {
  std::string out;
  if (print_until(out, a, node, keywords, max_chars)) return out;
  out.resize(max_chars);
  const std::uint64_t total = disassembled_length(a, node, keywords);
  if (total == UINT64_MAX)
    return out + fmt::format("… (more than {} more bytes)", UINT64_MAX - max_chars);
  return out + fmt::format("… ({} more bytes)", total - max_chars);
}

}  // namespace clvm
