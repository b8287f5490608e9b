// SPDX-License-Identifier: Apache-2.0
// disassemble(): opd's printing rules (expected strings checked against clvm_tools 0.9.5's opd).
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include <string>

#include "tree_io.hpp"

namespace {

using clvm::KeywordSet;

std::string dis(std::string_view hex, KeywordSet k = KeywordSet::Current) {
  clvm::Allocator a;
  return clvm::disassemble(a, text_test::from_hex(a, hex), k);
}

TEST(Disassemble, NilAndLists) {
  EXPECT_EQ(dis("80"), "()");
  EXPECT_EQ(dis("ff8080"), "(())");
  EXPECT_EQ(dis("ff80ff8080"), "(() ())");
  EXPECT_EQ(dis("ff01ff0203"), "(q 2 . 3)");
  EXPECT_EQ(dis("ff0101"), "(q . 1)");
  EXPECT_EQ(dis("ffff0102ff0304"), "((q . 2) 3 . 4)");
  EXPECT_EQ(dis("ff02ffff0101ff0380"), "(a (q . 1) 3)");
}

TEST(Disassemble, KeywordsOnlyInOperatorPosition) {
  EXPECT_EQ(dis("01"), "1");  // a lone atom is never a keyword
  EXPECT_EQ(dis("ff01ff01ff0180"), "(q 1 1)");
  EXPECT_EQ(dis("ff0202"), "(a . 2)");  // nor a dotted tail
  EXPECT_EQ(dis("ffff0202ff0280"), "((a . 2) 2)");
  EXPECT_EQ(dis("ff0fff1cff1fff2380"), "(15 28 31 35)");  // the unnamed slots
  EXPECT_EQ(dis("ff8200018080"), "(0x0001)");             // only the canonical opcode atom
  EXPECT_EQ(dis("ff00ff0080"), "(0x00 0x00)");
}

TEST(Disassemble, NewerKeywordsDependOnTheSet) {
  EXPECT_EQ(dis("ff30ff3080"), "(coinid 48)");
  EXPECT_EQ(dis("ff30ff3080", KeywordSet::Classic), "(48 48)");
  EXPECT_EQ(dis("ff3cff3dff3eff3f80"), "(modpow 61 62 63)");
  EXPECT_EQ(dis("ff3d80"), "(%)");
  EXPECT_EQ(dis("ff1d80"), "(point_add)");  // 29 prints as point_add (g1_add also reads as 29)
  EXPECT_EQ(dis("ff8413d61f00ff8413d61f0080"), "(secp256k1_verify 0x13d61f00)");
  EXPECT_EQ(dis("ff8413d61f0080", KeywordSet::Classic), "(0x13d61f00)");
  EXPECT_EQ(dis("ff841c3a8f0080"), "(secp256r1_verify)");
  EXPECT_EQ(dis("ff4080"), "(64)");  // 64/65 have no name of their own (the name is the 4-byte one)
}

TEST(Disassemble, Integers) {
  EXPECT_EQ(dis("8141"), "65");
  EXPECT_EQ(dis("824142"), "16706");  // 1-2 bytes: a number even when printable
  EXPECT_EQ(dis("81ff"), "-1");
  EXPECT_EQ(dis("8180"), "-128");
  EXPECT_EQ(dis("820080"), "128");
  EXPECT_EQ(dis("82ff7f"), "-129");
  EXPECT_EQ(dis("828000"), "-32768");
  EXPECT_EQ(dis("827fff"), "32767");
  EXPECT_EQ(dis("00"), "0x00");  // not canonical
  EXPECT_EQ(dis("82007f"), "0x007f");
  EXPECT_EQ(dis("82ff80"), "0xff80");
  EXPECT_EQ(dis("83008000"), "0x008000");  // 3+ bytes are never printed as numbers
}

TEST(Disassemble, StringsAndHex) {
  EXPECT_EQ(dis("83616263"), "\"abc\"");
  EXPECT_EQ(dis("83313233"), "\"123\"");
  EXPECT_EQ(dis("8420272920"), "\" ') \"");
  EXPECT_EQ(dis("83615c62"), "\"a\\b\"");
  EXPECT_EQ(dis("83c3a9c3"), "0xc3a9c3");  // non-ASCII
  EXPECT_EQ(dis("830a0b0c"), "0x0a0b0c");  // control characters
  EXPECT_EQ(dis("8400000000"), "0x00000000");
}

}  // namespace
