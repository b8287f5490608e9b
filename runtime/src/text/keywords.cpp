// SPDX-License-Identifier: Apache-2.0
// The operator keyword table of the text format. The classic rows are clvm 0.9.x's KEYWORDS
// (opcodes 1-36, as clvm_tools 0.9.5 uses them); the rest are the operators clvmr 0.19 added, named
// as in tests/data/op-tests/SOURCE.md. The JS oracle (clvm_tools 0.9.5 on npm) knows only the
// classic rows, so tests compare with it under KeywordSet::Classic.
#include <clvm/text.hpp>

#include <algorithm>
#include <array>

namespace clvm {
namespace {

struct Keyword {
  std::string_view name;
  std::array<std::uint8_t, 4> atom;  // big-endian opcode bytes, left-aligned
  std::uint8_t size;                 // bytes used in `atom`
  bool classic;                      // known to clvm_tools 0.9.5
  bool prints;                       // the name disassemble() uses for this atom
};

constexpr Keyword op(std::string_view name, std::uint8_t code, bool classic, bool prints = true) {
  return {name, {code, 0, 0, 0}, 1, classic, prints};
}

constexpr std::array kKeywords = {
    op("q", 1, true),
    op("a", 2, true),
    op("i", 3, true),
    op("c", 4, true),
    op("f", 5, true),
    op("r", 6, true),
    op("l", 7, true),
    op("x", 8, true),
    op("=", 9, true),
    op(">s", 10, true),
    op("sha256", 11, true),
    op("substr", 12, true),
    op("strlen", 13, true),
    op("concat", 14, true),
    op("+", 16, true),
    op("-", 17, true),
    op("*", 18, true),
    op("/", 19, true),
    op("divmod", 20, true),
    op(">", 21, true),
    op("ash", 22, true),
    op("lsh", 23, true),
    op("logand", 24, true),
    op("logior", 25, true),
    op("logxor", 26, true),
    op("lognot", 27, true),
    op("point_add", 29, true),
    op("pubkey_for_exp", 30, true),
    op("not", 32, true),
    op("any", 33, true),
    op("all", 34, true),
    op("softfork", 36, true),
    // clvm's name-to-atom table maps "." (its placeholder for unnamed opcodes) to the last one,
    // 35; clvm_tools thus reads `#.` as 0x23. Never printed.
    op(".", 35, true, false),
    // Newer operators (KeywordSet::Current only).
    op("g1_add", 29, false, false),
    op("coinid", 48, false),
    op("g1_subtract", 49, false),
    op("g1_multiply", 50, false),
    op("g1_negate", 51, false),
    op("g2_add", 52, false),
    op("g2_subtract", 53, false),
    op("g2_multiply", 54, false),
    op("g2_negate", 55, false),
    op("g1_map", 56, false),
    op("g2_map", 57, false),
    op("bls_pairing_identity", 58, false),
    op("bls_verify", 59, false),
    op("modpow", 60, false),
    op("%", 61, false),
    op("keccak256", 62, false),
    op("sha256tree", 63, false),
    Keyword{"secp256k1_verify", {0x13, 0xd6, 0x1f, 0x00}, 4, false, true},
    Keyword{"secp256r1_verify", {0x1c, 0x3a, 0x8f, 0x00}, 4, false, true},
};

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
