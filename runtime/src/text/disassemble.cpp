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

#include <algorithm>
#include <string>
#include <vector>

namespace clvm {
namespace {

bool printable(std::uint8_t b) noexcept { return b >= 0x20 && b <= 0x7e && b != '"'; }

void append_hex(std::string& out, std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += "0x";
  for (std::uint8_t b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0x0f];
  }
}

void append_atom(std::string& out, const Atom& atom) {
  const std::span<const std::uint8_t> b = atom.span();
  if (b.empty()) {
    out += "()";
  } else if (b.size() > 2) {
    if (std::ranges::all_of(b, printable)) {
      out += '"';
      out += atom.as_string_view();
      out += '"';
    } else {
      append_hex(out, b);
    }
  } else {
    // Canonical iff no redundant leading 00 / ff byte (as int_to_bytes(int_from_bytes(b)) == b).
    const bool canonical = b.size() == 1
                               ? b[0] != 0
                               : !(b[0] == 0x00 && b[1] < 0x80) && !(b[0] == 0xff && b[1] >= 0x80);
    if (!canonical) {
      append_hex(out, b);
      return;
    }
    const int value = b.size() == 1 ? static_cast<std::int8_t>(b[0])
                                    : static_cast<std::int16_t>((b[0] << 8) | b[1]);
    out += std::to_string(value);
  }
}

// What remains to print, innermost last: a node (its first item in operator position if it is a
// list) or the rest of a list after an item.
struct Task {
  enum Kind : std::uint8_t { Node, ListRest };
  NodePtr node;
  Kind kind;
};

}  // namespace

std::string disassemble(const Allocator& a, NodePtr node, KeywordSet keywords) {
  std::string out;
  std::vector<Task> stack{{node, Task::Node}};
  while (!stack.empty()) {
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
          append_atom(out, a.atom(p.first));
        }
      } else {
        if (!t.node.is_nil()) {
          out += " . ";
          append_atom(out, a.atom(t.node));
        }
        out += ')';
      }
      continue;
    }
    if (!t.node.is_pair()) {
      append_atom(out, a.atom(t.node));
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
      append_atom(out, first);
    }
  }
  return out;
}

}  // namespace clvm
