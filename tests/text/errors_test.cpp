// SPDX-License-Identifier: Apache-2.0
// assemble() on malformed text: a TextError at the right 1-based line and column, and no tree.
#include <clvm/error.hpp>
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include <string>

#include "error_kind.hpp"

namespace {

struct Expected {
  std::size_t line, column;
  std::string message;  // a substring of what()
};

Expected error_of(std::string_view text) {
  clvm::Allocator a;
  const auto e = clvm::test::caught<clvm::TextError>([&] { clvm::assemble(a, text); });
  if (!e) {
    ADD_FAILURE() << "no error for: " << text;
    return {0, 0, ""};
  }
  EXPECT_EQ(e->kind(), clvm::ErrorKind::SyntaxError);
  return {e->line(), e->column(), e->what()};
}

void expect_error(std::string_view text, std::size_t line, std::size_t column,
                  std::string_view message) {
  SCOPED_TRACE(std::string(text));
  const Expected e = error_of(text);
  EXPECT_EQ(e.line, line);
  EXPECT_EQ(e.column, column);
  EXPECT_NE(e.message.find(message), std::string::npos) << e.message;
  // what() starts with "line:column: ".
  EXPECT_TRUE(e.message.starts_with(std::to_string(line) + ":" + std::to_string(column) + ": "))
      << e.message;
}

TEST(TextErrors, UnbalancedParens) {
  expect_error("(", 1, 1, "missing )");
  expect_error("(q . 1", 1, 1, "missing )");
  expect_error("(a\n  (b c)\n  (d", 3, 3, "missing )");  // the innermost unclosed (
  expect_error("((a) (b)", 1, 1, "missing )");
  expect_error(")", 1, 1, "unmatched )");
  expect_error("(a))", 1, 4, "unexpected text after");
  expect_error("(a)\n  )", 2, 3, "unexpected text after");
}

TEST(TextErrors, BadHex) {
  expect_error("0xzz", 1, 3, "invalid hex digit");
  expect_error("(q . 0x12g4)", 1, 10, "invalid hex digit");
  expect_error("(q\n\t0xab_cd)", 2, 6, "invalid hex digit");
  expect_error("0x0x12", 1, 4, "invalid hex digit");  // opc (JS) would read 0x12 here
  expect_error("0x-1", 1, 3, "invalid hex digit");
}

TEST(TextErrors, UnterminatedStrings) {
  expect_error("\"abc", 1, 1, "unterminated string");
  expect_error("'abc", 1, 1, "unterminated string");
  expect_error("(q . \"abc)", 1, 6, "unterminated string");
  expect_error("(q \"ok\"\n 'no\")", 2, 2, "unterminated string");
}

TEST(TextErrors, MisplacedDots) {
  expect_error("(a . b c)", 1, 8, "expected )");
  expect_error("(a . b . c)", 1, 8, "dotted pair");
  expect_error("(a . )", 1, 6, "expected an expression after .");
  expect_error("( . a)", 1, 3, "before any item");
  expect_error(".", 1, 1, "outside a list");
  expect_error("(a . . b)", 1, 6, "dotted pair");
}

TEST(TextErrors, EmptyAndTrailing) {
  expect_error("", 1, 1, "unexpected end of text");
  expect_error("  \n ; comment only\n", 3, 1, "unexpected end of text");
  expect_error("1 2", 1, 3, "unexpected text after");
  expect_error("(q . 1) (q . 2)", 1, 9, "unexpected text after");
  expect_error("\"ab\"cd", 1, 5, "unexpected text after");
}

TEST(TextErrors, ColumnsCountCodePoints) {
  expect_error("(\"日本\" . 0xg)", 1, 11, "invalid hex digit");
  expect_error("(é\n é é\n  (", 3, 3, "missing )");
}

TEST(TextErrors, ArenaLimitsAreEvalErrors) {
  clvm::Allocator a(1000);  // heap limit
  EXPECT_THROW(clvm::assemble(a, "0x" + std::string(4000, 'a')), clvm::EvalError);
}

}  // namespace
