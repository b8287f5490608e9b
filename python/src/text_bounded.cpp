// SPDX-License-Identifier: Apache-2.0
// bounded_text: the runtime's disassembly rules (opd's), with a stop once the budget is spent.
#include "text_bounded.hpp"

#include <clvm/text.hpp>

#include <algorithm>
#include <vector>

namespace clvmpy {
namespace {

bool printable(std::uint8_t b) noexcept { return b >= 0x20 && b <= 0x7e && b != '"'; }

class Out {
 public:
  explicit Out(std::size_t max) : max_(max) {}
  bool full() const noexcept { return s_.size() >= max_; }
  void put(std::string_view v) { s_.append(v.substr(0, std::min(v.size(), max_ - s_.size()))); }
  void put(char c) {
    if (!full()) s_ += c;
  }
  std::size_t room() const noexcept { return max_ - s_.size(); }
  std::string take() { return std::move(s_); }

 private:
  std::string s_;
  std::size_t max_;
};

void put_hex(Out& out, std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out.put("0x");
  for (std::uint8_t b : bytes) {
    if (out.room() == 0) return;
    out.put(kDigits[b >> 4]);
    out.put(kDigits[b & 0x0f]);
  }
}

// The atom rule of disassemble (text.hpp): 1-2 bytes decimal if canonical, 3+ bytes quoted if all
// printable, else hex.
void put_atom(Out& out, const clvm::Atom& atom) {
  const std::span<const std::uint8_t> b = atom.span();
  if (b.empty()) {
    out.put("()");
  } else if (b.size() > 2) {
    if (std::ranges::all_of(b, printable)) {
      out.put('"');
      out.put(std::string_view(reinterpret_cast<const char*>(b.data()),
                               std::min(b.size(), out.room())));
      out.put('"');
    } else {
      put_hex(out, b);
    }
  } else {
    const bool canonical = b.size() == 1
                               ? b[0] != 0
                               : !(b[0] == 0x00 && b[1] < 0x80) && !(b[0] == 0xff && b[1] >= 0x80);
    if (!canonical) return put_hex(out, b);
    const int value = b.size() == 1 ? static_cast<std::int8_t>(b[0])
                                    : static_cast<std::int16_t>((b[0] << 8) | b[1]);
    out.put(std::to_string(value));
  }
}

}  // namespace

BoundedText bounded_text(const clvm::Allocator& a, clvm::NodePtr node, std::size_t max_chars) {
  // One character past the budget tells a complete text from a cut one.
  Out out(max_chars == SIZE_MAX ? max_chars : max_chars + 1);
  struct Task {
    clvm::NodePtr node;
    bool list_rest;
  };
  std::vector<Task> stack{{node, false}};
  while (!stack.empty() && !out.full()) {
    const Task t = stack.back();
    stack.pop_back();
    if (t.list_rest) {
      if (t.node.is_pair()) {
        const clvm::Pair p = a.pair(t.node);
        out.put(' ');
        stack.push_back({p.rest, true});
        if (p.first.is_pair()) {
          stack.push_back({p.first, false});
        } else {
          put_atom(out, a.atom(p.first));
        }
      } else {
        if (!t.node.is_nil()) {
          out.put(" . ");
          put_atom(out, a.atom(t.node));
        }
        out.put(')');
      }
      continue;
    }
    if (!t.node.is_pair()) {
      put_atom(out, a.atom(t.node));
      continue;
    }
    const clvm::Pair p = a.pair(t.node);
    out.put('(');
    stack.push_back({p.rest, true});
    if (p.first.is_pair()) {
      stack.push_back({p.first, false});
      continue;
    }
    const clvm::Atom first = a.atom(p.first);
    if (auto name = clvm::keyword_name(first.span(), clvm::KeywordSet::Current)) {
      out.put(*name);
    } else {
      put_atom(out, first);
    }
  }
  std::string text = out.take();
  const bool complete = text.size() <= max_chars;
  if (!complete) text.resize(max_chars);
  return {std::move(text), complete};
}

}  // namespace clvmpy
