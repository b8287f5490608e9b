// SPDX-License-Identifier: Apache-2.0
// assemble(): the token forms of clvm_tools' reader, checked as serialized hex.
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include <string>

#include "tree_io.hpp"

namespace {

using clvm::KeywordSet;

std::string asm_hex(std::string_view text, KeywordSet k = KeywordSet::Current) {
  clvm::Allocator a;
  return text_test::to_hex(a, clvm::assemble(a, text, k));
}

TEST(Assemble, Lists) {
  EXPECT_EQ(asm_hex("()"), "80");
  EXPECT_EQ(asm_hex("(1 2 3)"), "ff01ff02ff0380");
  EXPECT_EQ(asm_hex("(1 . (2 . (3 . ())))"), "ff01ff02ff0380");
  EXPECT_EQ(asm_hex("(1 2 . 3)"), "ff01ff0203");
  EXPECT_EQ(asm_hex("((1 . 2) . (3 . 4))"), "ffff0102ff0304");
  EXPECT_EQ(asm_hex("(((())))"), "ffffff80808080");
}

TEST(Assemble, Integers) {
  EXPECT_EQ(asm_hex("0"), "80");
  EXPECT_EQ(asm_hex("-0"), "80");
  EXPECT_EQ(asm_hex("+5"), "05");
  EXPECT_EQ(asm_hex("007"), "07");
  EXPECT_EQ(asm_hex("127"), "7f");
  EXPECT_EQ(asm_hex("128"), "820080");
  EXPECT_EQ(asm_hex("-1"), "81ff");
  EXPECT_EQ(asm_hex("-128"), "8180");
  EXPECT_EQ(asm_hex("-129"), "82ff7f");
  EXPECT_EQ(asm_hex("67108863"), "8403ffffff");
  EXPECT_EQ(asm_hex("67108864"), "8404000000");
  EXPECT_EQ(asm_hex("18446744073709551616"), "89010000000000000000");
  EXPECT_EQ(asm_hex("-18446744073709551616"), "89ff0000000000000000");
  // 2^128 has 39 digits: the multi-chunk path.
  EXPECT_EQ(asm_hex("340282366920938463463374607431768211456"), "9101" + std::string(32, '0'));
  EXPECT_EQ(asm_hex("-000000000000000000000000000000000000000001"), "81ff");
}

TEST(Assemble, Hex) {
  EXPECT_EQ(asm_hex("0x"), "80");
  EXPECT_EQ(asm_hex("0x0"), "00");
  EXPECT_EQ(asm_hex("0x00"), "00");
  EXPECT_EQ(asm_hex("0x1"), "01");
  EXPECT_EQ(asm_hex("0x0a0"), "8200a0");
  EXPECT_EQ(asm_hex("0XAbCd"), "82abcd");
  EXPECT_EQ(asm_hex("0x0000"), "820000");
}

TEST(Assemble, Strings) {
  EXPECT_EQ(asm_hex("\"\""), "80");
  EXPECT_EQ(asm_hex("''"), "80");
  EXPECT_EQ(asm_hex("\"hello\""), "8568656c6c6f");
  EXPECT_EQ(asm_hex("'say \"hi\"'"), "887361792022686922");
  EXPECT_EQ(asm_hex("\"a;b (c)\""), "87613b6220286329");
  // No escapes: a backslash is a byte like any other.
  EXPECT_EQ(asm_hex("\"a\\\""), "82615c");
  // A quote inside a word does not start a string.
  EXPECT_EQ(asm_hex("(a\"b)"), "ff8361226280");
}

TEST(Assemble, KeywordsAndWords) {
  EXPECT_EQ(asm_hex("(q . q)"), "ff0101");  // keywords are read anywhere, not only first
  EXPECT_EQ(asm_hex("(#q #a)"), "ff01ff0280");
  EXPECT_EQ(asm_hex("#"), "23");  // no keyword: its own bytes
  EXPECT_EQ(asm_hex("foo"), "83666f6f");
  EXPECT_EQ(asm_hex("#foo"), "8423666f6f");
  EXPECT_EQ(asm_hex("#."), "23");  // as opc: clvm maps "." to 35
  EXPECT_EQ(asm_hex("##q"), "83232371");
  EXPECT_EQ(asm_hex("a(b"), "83612862");  // a word ends at whitespace or ) only
  EXPECT_EQ(asm_hex("(a;b)"), "ff83613b6280");
  EXPECT_EQ(asm_hex("softfork"), "24");
  EXPECT_EQ(asm_hex("point_add"), "1d");
  EXPECT_EQ(asm_hex("g1_add"), "1d");
  EXPECT_EQ(asm_hex("coinid"), "30");
  EXPECT_EQ(asm_hex("modpow"), "3c");
  EXPECT_EQ(asm_hex("%"), "3d");
  EXPECT_EQ(asm_hex("keccak256"), "3e");
  EXPECT_EQ(asm_hex("sha256tree"), "3f");
  EXPECT_EQ(asm_hex("secp256k1_verify"), "8413d61f00");
  EXPECT_EQ(asm_hex("secp256r1_verify"), "841c3a8f00");
  EXPECT_EQ(asm_hex("#bls_verify"), "3b");
  EXPECT_EQ(asm_hex("\xff\xfe"), "82fffe");  // bytes that are not UTF-8 are kept as they are
  EXPECT_EQ(asm_hex(std::string_view("a\0b", 3)), "83610062");
  // Classic: the newer names are plain words, as in clvm_tools 0.9.5.
  EXPECT_EQ(asm_hex("coinid", KeywordSet::Classic), "86636f696e6964");
  EXPECT_EQ(asm_hex("g1_add", KeywordSet::Classic), "8667315f616464");
  EXPECT_EQ(asm_hex("%", KeywordSet::Classic), "25");
  EXPECT_EQ(asm_hex("point_add", KeywordSet::Classic), "1d");
}

TEST(Assemble, WhitespaceAndComments) {
  EXPECT_EQ(asm_hex("  ; lead\n (q ; inside\n . 1) ; trail"), "ff0101");
  EXPECT_EQ(asm_hex("(q\r\n.\r\n1)"), "ff0101");
  EXPECT_EQ(asm_hex("(q ;x\r. 1)"), "ff0101");
  EXPECT_EQ(asm_hex("(q;x\r. 1)"), "ff83713b7801");  // `;` inside a word is part of it // \r ends a
                                                     // comment too
  EXPECT_EQ(asm_hex("\xc2\xa0(q\xe3\x80\x80. 1)\xef\xbb\xbf"), "ff0101");  // U+00A0 U+3000 U+FEFF
  EXPECT_EQ(asm_hex("(\"ab\"cd)"), "ff826162ff82636480");  // a string ends its token
  EXPECT_EQ(asm_hex("(q .1)"), "ff0101");                  // `.` is a token at token start
}

TEST(Assemble, KeywordTable) {
  EXPECT_EQ(clvm::keyword_name(std::vector<std::uint8_t>{0x3c}), "modpow");
  EXPECT_EQ(clvm::keyword_name(std::vector<std::uint8_t>{0x3c}, KeywordSet::Classic), std::nullopt);
  EXPECT_EQ(clvm::keyword_name(std::vector<std::uint8_t>{0x1d}), "point_add");
  EXPECT_EQ(clvm::keyword_name(std::vector<std::uint8_t>{0x23}), std::nullopt);  // a "." slot
  EXPECT_EQ(clvm::keyword_name(std::vector<std::uint8_t>{0x40}), std::nullopt);
  EXPECT_EQ(clvm::keyword_name(std::vector<std::uint8_t>{0x00, 0x01}), std::nullopt);
  EXPECT_FALSE(clvm::keyword_atom("ir").has_value());
  ASSERT_TRUE(clvm::keyword_atom(".").has_value());  // clvm's table: "." -> 35
  EXPECT_EQ(clvm::keyword_atom(".")->size(), 1u);
  EXPECT_EQ((*clvm::keyword_atom("."))[0], 0x23);
}

}  // namespace
