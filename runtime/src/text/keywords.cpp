// SPDX-License-Identifier: Apache-2.0
// The operator keywords of the text format, derived from the operator table (eval/op_table.hpp):
// its names marked NameUse::kClassic are clvm 0.9.x's KEYWORDS (opcodes 1-36, as clvm_tools 0.9.5
// uses them), those marked kCurrent the operators clvmr 0.19 added. The JS oracle (clvm_tools
// 0.9.5 on npm) knows only the classic ones, so tests compare with it under KeywordSet::Classic.
#include <clvm/text.hpp>

#include "eval/op_table.hpp"

#include <algorithm>
#include <array>

namespace clvm {
namespace {

using eval::NameUse;

struct Keyword {
  std::string_view name;
  std::array<std::uint8_t, 4> atom;  // big-endian opcode bytes, left-aligned
  std::uint8_t size;                 // bytes used in `atom`
  bool classic;                      // known to clvm_tools 0.9.5
  bool prints;                       // the name disassemble() uses for this atom
};

constexpr bool is_keyword(const eval::OpName& n) {
  return (n.uses & (NameUse::kClassic | NameUse::kCurrent)) != 0;
}

constexpr std::size_t kKeywordCount = [] {
  std::size_t count = 0;
  for (const eval::OpInfo& o : eval::kOperators)
    for (const eval::OpName& n : o.names) count += is_keyword(n) ? 1 : 0;
  return count;
}();

constexpr std::array<Keyword, kKeywordCount> kKeywords = [] {
  std::array<Keyword, kKeywordCount> out{};
  std::size_t i = 0;
  for (const eval::OpInfo& o : eval::kOperators)
    for (const eval::OpName& n : o.names)
      if (is_keyword(n))
        out[i++] = {n.text, o.atom(), o.size, (n.uses & NameUse::kClassic) != 0,
                    (n.uses & NameUse::kPrints) != 0};
  return out;
}();

bool in_set(const Keyword& k, KeywordSet set) {
  return set != KeywordSet::None && (k.classic || set == KeywordSet::Current);
}

// The printing keyword of each 1-byte opcode below 64 (index: the byte), or null: disassemble()
// looks one up for every atom in operator position.
constexpr std::array<const Keyword*, 64> kByOpcode = [] {
  std::array<const Keyword*, 64> t{};
  for (const Keyword& k : kKeywords)
    if (k.prints && k.size == 1) t[k.atom[0]] = &k;
  return t;
}();

}  // namespace

std::optional<std::span<const std::uint8_t>> keyword_atom(std::string_view name,
                                                          KeywordSet keywords) {
  for (const Keyword& k : kKeywords) {
    if (k.name == name && in_set(k, keywords)) return std::span{k.atom.data(), k.size};
  }
  return std::nullopt;
}

std::optional<std::string_view> keyword_name(std::span<const std::uint8_t> atom,
                                             KeywordSet keywords) {
  const Keyword* k = nullptr;
  if (atom.size() == 1 && atom[0] < kByOpcode.size()) {
    k = kByOpcode[atom[0]];
  } else if (atom.size() == 4) {
    for (const Keyword& c : kKeywords)
      if (c.size == 4 && std::ranges::equal(atom, c.atom)) k = &c;
  }
  if (k == nullptr || !in_set(*k, keywords)) return std::nullopt;
  return k->name;
}

}  // namespace clvm
