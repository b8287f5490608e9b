// SPDX-License-Identifier: Apache-2.0
// strlen substr concat: results, costs (substr has no malloc), index checks, and concat's cost
// check before it allocates.
#include <gtest/gtest.h>

#include <clvm/flags.hpp>

#include "op_call.hpp"
#include "ops/more_ops.hpp"

namespace clvm::test {
namespace {

using namespace clvm::ops;

TEST(Strlen, LengthAsNumber) {
  EXPECT_OP_OK(call_op(op_strlen, "\"abc\""), "0x03", 173 + 3 + 10);
  EXPECT_OP_OK(call_op(op_strlen, "0"), "()", 173);
  EXPECT_OP_OK(call_op(op_strlen, "0x" + std::string(256, 'a')), "0x0080", 173 + 128 + 20);
  EXPECT_OP_ERR(call_op(op_strlen, "( 1 )"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_strlen, "1 2"), InvalidOpArg);
}

TEST(Substr, Ranges) {
  EXPECT_OP_OK(call_op(op_substr, "\"abcdef\" 1 3"), "0x6263", 1);
  EXPECT_OP_OK(call_op(op_substr, "\"abcdef\" 4"), "0x6566", 1);
  EXPECT_OP_OK(call_op(op_substr, "\"abc\" 3"), "()", 1);
  EXPECT_OP_OK(call_op(op_substr, "\"abc\" 0x00000001 0x0002"), "0x62", 1);  // padded int32s
  EXPECT_OP_OK(call_op(op_substr, "\"abcdef\" 1 3", NEW_COST_MODEL), "0x6263", 2000);
}

TEST(Substr, Errors) {
  EXPECT_OP_ERR(call_op(op_substr, "\"abc\" 4"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_substr, "\"abc\" -1"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_substr, "\"abc\" 2 1"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_substr, "\"abc\" 0 4"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_substr, "\"abc\" 0x0000000001"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_substr, "\"abc\""), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_substr, "\"abc\" 1 2 3"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_substr, "( 1 ) 0"), InvalidOpArg);
}

TEST(Concat, JoinsAndCharges) {
  EXPECT_OP_OK(call_op(op_concat, "\"ab\" \"cd\""), "0x61626364", 142 + 2 * 135 + 13 * 4);
  EXPECT_OP_OK(call_op(op_concat, ""), "()", 142);
  EXPECT_OP_OK(call_op(op_concat, "0 \"x\" 0"), "0x78", 142 + 3 * 135 + 13);
  EXPECT_OP_ERR(call_op(op_concat, "\"a\" ( 1 )"), InvalidOpArg);
}

TEST(Concat, CostCheckedBeforeAllocating) {
  Allocator a;
  const NodePtr args = args_from_text(a, "0x" + std::string(2000, 'a') + " 0x11");
  const std::size_t heap_before = a.heap_size();
  // 142 + 270 + 13·1001 = 13425 > 13000: refused without allocating the result.
  EXPECT_THROW(op_concat(a, args, 13000, 0), EvalError);
  EXPECT_EQ(a.heap_size(), heap_before);
  EXPECT_EQ(op_concat(a, args, 13425, 0).cost, 13425u);
}

}  // namespace
}  // namespace clvm::test
