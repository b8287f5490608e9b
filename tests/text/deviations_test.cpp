// SPDX-License-Identifier: Apache-2.0
// Where clvmpp's text format deliberately differs from clvm_tools 0.9.5. Each case names what the
// oracle (the npm port's opc/opd, docs/oracles.md) answered and, where it differs, what Python
// clvm_tools 0.9.5 does. These inputs are left out of tests/data/text/*.tsv.
#include <clvm/error.hpp>
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include <string>

#include "tree_io.hpp"

namespace {

using clvm::KeywordSet;

void expect_rejected(std::string_view text) {
  clvm::Allocator a;
  EXPECT_THROW(clvm::assemble(a, text, KeywordSet::Classic), clvm::TextError) << text;
}

std::string asm_hex(std::string_view text) {
  clvm::Allocator a;
  return text_test::to_hex(a, clvm::assemble(a, text, KeywordSet::Classic));
}

// opc reads a stray `)` or `.` as a word (0x29, 0x23) and ignores text after the first expression:
// malformed text with a surprising meaning. clvmpp rejects it.
TEST(TextDeviations, MalformedTextThatOpcAccepts) {
  expect_rejected(")");        // opc: 29
  expect_rejected(".");        // opc: 23
  expect_rejected("(a . ))");  // opc: ff0229
  expect_rejected("(. a)");    // opc: ff23ff0280
  expect_rejected("(a . .)");  // opc: ff0223
  expect_rejected("1 2");      // opc: 01
  expect_rejected("(q) )");    // opc: ff0180
  // A word runs to whitespace or `)`, so "a(b" is one word and the last `)` here is extra.
  expect_rejected("(a(b c))");  // opc: ff83612862ff0480
  // The JS port strips a second 0x (Bytes.from drops a leading "0x"): opc 0x0x12 gives 12. Python
  // clvm_tools rejects it (bytes.fromhex), as does clvmpp.
  expect_rejected("0x0x12");
}

// opd's JS port counts `"` and \t \n \v \f \r as printable and prints them unescaped between double
// quotes, which does not read back (`a"bc` prints as "a"bc"). Python clvm_tools 0.9.5 prints those
// atoms in hex; so does clvmpp.
TEST(TextDeviations, AtomsOpdJsPrintsBetweenQuotes) {
  clvm::Allocator a;
  EXPECT_EQ(clvm::disassemble(a, text_test::from_hex(a, "8461226263")), "0x61226263");  // a"bc
  EXPECT_EQ(clvm::disassemble(a, text_test::from_hex(a, "830a0b0c")), "0x0a0b0c");
  EXPECT_EQ(clvm::disassemble(a, text_test::from_hex(a, "8568690a6869")), "0x68690a6869");
  EXPECT_EQ(clvm::disassemble(a, text_test::from_hex(a, "8461096263")), "0x61096263");  // a\tbc
}

// Words: as the JS port (the oracle), only [+-]?[0-9]+ is a number; Python's int() also takes
// `1_000` (1000) and non-ASCII digits. Object.prototype names are words like any other here (the
// JS port fails on `(toString)` with "Invalid value: undefined").
TEST(TextDeviations, Words) {
  EXPECT_EQ(asm_hex("1_000"), "85315f303030");
  EXPECT_EQ(asm_hex("(toString)"), "ff88746f537472696e6780");
  EXPECT_EQ(asm_hex("constructor"), "8b636f6e7374727563746f72");
}

}  // namespace
