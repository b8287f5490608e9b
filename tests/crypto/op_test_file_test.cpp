// SPDX-License-Identifier: Apache-2.0
// The shared op-test file reader (tests/support/op_test_file.hpp): comments only where clvmr's
// runner has them, the split into operator / arguments / expectation / cost, malformed lines.
#include <gtest/gtest.h>

#include <stdexcept>

#include "op_test_file.hpp"

namespace clvm::test {
namespace {

TEST(OpTestFile, SplitsAtTheFirstSpaceArrowAndBar) {
  const OpTestLine t = split_op_test_line("concat \"a;b\" 0x01  =>  \"a;b\\x01\" | 42", 7);
  EXPECT_EQ(t.number, 7);
  EXPECT_EQ(t.op, "concat");
  EXPECT_EQ(t.args, "\"a;b\" 0x01");  // a ';' inside a line is not a comment
  EXPECT_EQ(t.expected, "\"a;b\\x01\"");
  EXPECT_EQ(t.cost, "42");
  EXPECT_FALSE(t.fails());
}

TEST(OpTestFile, FailLinesAndLinesWithoutArguments) {
  const OpTestLine t = split_op_test_line("i ( ) => FAIL", 1);
  EXPECT_EQ(t.op, "i");
  EXPECT_EQ(t.args, "( )");
  EXPECT_TRUE(t.fails());
  EXPECT_EQ(t.cost, "");
  const OpTestLine bare = split_op_test_line("sha256 => 0xe3b0 | 87", 2);
  EXPECT_EQ(bare.op, "sha256");
  EXPECT_EQ(bare.args, "");
  EXPECT_EQ(bare.expected, "0xe3b0");
  EXPECT_FALSE(split_op_test_line("x => FAILED | 1", 3).fails());
}

TEST(OpTestFile, ALineWithoutArrowIsAnError) {
  EXPECT_THROW(split_op_test_line("concat 1 2", 9), std::runtime_error);
}

TEST(OpTestFile, TrimsBlanks) {
  EXPECT_EQ(trim_blanks(" \t a b \r"), "a b");
  EXPECT_EQ(trim_blanks(" \t\r"), "");
}

TEST(OpTestFile, ReadsARealFileSkippingCommentsAndBlankLines) {
  const auto lines = read_op_test_file("test-core-ops.txt");
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front().number, 4);  // lines 1-2 are comments, 3 is empty
  EXPECT_EQ(lines.front().text, "i ( ) => FAIL");
  for (const OpTestLine& l : lines) {
    EXPECT_FALSE(l.text.empty());
    EXPECT_NE(l.text.front(), ';');
  }
  EXPECT_THROW(read_op_test_file("no-such-file.txt"), std::runtime_error);
}

}  // namespace
}  // namespace clvm::test
