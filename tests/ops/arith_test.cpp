// SPDX-License-Identifier: Apache-2.0
// + - * > with hand-computed costs (legacy and NEW_COST_MODEL), raw-length costing, the LIMITS caps
// of * and the error cases.
#include <gtest/gtest.h>

#include <clvm/flags.hpp>

#include <string>

#include "op_call.hpp"
#include "ops/more_ops.hpp"

namespace clvm::test {
namespace {

using namespace clvm::ops;

// An atom of `n` bytes 0x11 in text form.
std::string bytes_arg(std::size_t n) { return "0x" + std::string(2 * n, '1'); }

TEST(Add, LegacyCost) {
  EXPECT_OP_OK(call_op(op_add, "1 2"), "0x03", 99 + 2 * 320 + 3 * 2 + 10);
  EXPECT_OP_OK(call_op(op_add, ""), "()", 99);
  // Raw lengths are charged: 00 01 costs two bytes; the result is minimal.
  EXPECT_OP_OK(call_op(op_add, "0x0001 0x0001"), "0x02", 99 + 640 + 3 * 4 + 10);
  EXPECT_OP_OK(call_op(op_add, "127 1"), "0x0080", 99 + 640 + 3 * 2 + 20);
  EXPECT_OP_OK(call_op(op_add, "-1 1"), "()", 99 + 640 + 6);
}

// The int64 fast path hands over to big numbers on overflow and on long arguments.
TEST(Add, SixtyFourBitBoundaries) {
  EXPECT_OP_OK(call_op(op_add, "0x7fffffffffffffff 1"), "0x008000000000000000",
               99 + 640 + 3 * 9 + 90);
  EXPECT_OP_OK(call_op(op_subtract, "0x8000000000000000 1"), "0xff7fffffffffffffff",
               99 + 640 + 3 * 9 + 90);
  EXPECT_OP_OK(call_op(op_add, "0x010000000000000000 -1 1"), "0x010000000000000000",
               99 + 960 + 3 * 11 + 90);
  EXPECT_OP_OK(call_op(op_add, "0x010000000000000000 0xff0000000000000000"), "()",
               99 + 640 + 3 * 18);
  EXPECT_OP_OK(call_op(op_add, "-129"), "0xff7f", 99 + 320 + 6 + 20);
  EXPECT_OP_OK(call_op(op_add, "0x03ffffff"), "0x03ffffff", 99 + 320 + 12 + 40);
  EXPECT_OP_OK(call_op(op_add, "0x03ffffff 1"), "0x04000000", 99 + 640 + 15 + 40);
  EXPECT_OP_OK(call_op(op_subtract, "0 0x8000000000000000"), "0x008000000000000000",
               99 + 640 + 24 + 90);
}

TEST(Add, NewCostModelUsesAccumulatorLimbs) {
  // 99 + Σ(500 + 4·max(limbs(sum so far), L)): 0x7fff (2 bytes) then 1 (sum so far 2 limbs).
  EXPECT_OP_OK(call_op(op_add, "0x7fff 1", NEW_COST_MODEL), "0x008000",
               99 + (500 + 4 * 2) + (500 + 4 * 2) + 30);
  EXPECT_OP_OK(call_op(op_add, "", NEW_COST_MODEL), "()", 99);
}

TEST(Add, Errors) {
  EXPECT_OP_ERR(call_op(op_add, "1 ( 2 )"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_add, "1 2", 0, 700), CostExceeded);  // 99 + 320 + 3 + 320 > 700
  EXPECT_OP_OK(call_op(op_add, "1 2", 0, 745), "0x03", 755);    // the malloc is not checked here
}

TEST(Subtract, Cost) {
  EXPECT_OP_OK(call_op(op_subtract, "10 3"), "0x07", 99 + 640 + 6 + 10);
  EXPECT_OP_OK(call_op(op_subtract, "5"), "0x05", 99 + 320 + 3 + 10);
  EXPECT_OP_OK(call_op(op_subtract, "1 2 3"), "0xfc", 99 + 960 + 9 + 10);
  EXPECT_OP_OK(call_op(op_subtract, ""), "()", 99);
  EXPECT_OP_ERR(call_op(op_subtract, "( 1 ) 2"), InvalidOpArg);
}

TEST(Multiply, LegacyCost) {
  EXPECT_OP_OK(call_op(op_multiply, "3 4"), "0x0c", 92 + 885 + 6 * 2 + 10);
  EXPECT_OP_OK(call_op(op_multiply, ""), "0x01", 92 + 10);
  EXPECT_OP_OK(call_op(op_multiply, "7"), "0x07", 92 + 10);
  EXPECT_OP_OK(call_op(op_multiply, "-2 3"), "0xfa", 92 + 885 + 12 + 10);
  // Two 16-byte operands: 885 + 6·32 + 256/128.
  const std::string big = bytes_arg(16);
  const Outcome o = call_op(op_multiply, big + " " + big);
  EXPECT_TRUE(o.ok);
  EXPECT_EQ(o.cost, 92 + 885 + 6 * 32 + 2 + 10 * 32);  // 0x1111...^2 has 32 bytes
}

TEST(Multiply, NewCostModel) {
  EXPECT_OP_OK(call_op(op_multiply, "", NEW_COST_MODEL), "0x01", 2000 + 10);
  EXPECT_OP_OK(call_op(op_multiply, "3 4", NEW_COST_MODEL), "0x0c",
               2000 + 6 * 1 + 885 + 6 * 2 + 1 / 16 + 10);
}

TEST(Multiply, LimitsCaps) {
  const std::string big = bytes_arg(257);
  EXPECT_OP_OK(call_op(op_multiply, big + " 1"), "0x" + std::string(514, '1'),
               92 + 885 + 6 * 258 + 257 / 128 + 2570);
  EXPECT_OP_ERR(call_op(op_multiply, big + " 1", LIMITS), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_multiply, "1 " + big, LIMITS), InvalidOpArg);
  EXPECT_TRUE(call_op(op_multiply, big + " 1", LIMITS | NEW_COST_MODEL).ok);
  // Each operand within 256 bytes, but the product passes 1024 limbs.
  const std::string x = bytes_arg(256);
  EXPECT_TRUE(call_op(op_multiply, x + " " + x + " " + x + " " + x, LIMITS).ok);
  EXPECT_OP_ERR(call_op(op_multiply, x + " " + x + " " + x + " " + x + " " + x, LIMITS),
                InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_multiply, "2 ( 3 )"), InvalidOpArg);
}

TEST(Greater, SignedCompare) {
  EXPECT_OP_OK(call_op(op_gr, "2 1"), "0x01", 498 + 2 * 2);
  EXPECT_OP_OK(call_op(op_gr, "-1 0"), "()", 498 + 2 * 1);
  EXPECT_OP_OK(call_op(op_gr, "0x0001 1"), "()", 498 + 2 * 3);  // equal values
  EXPECT_OP_OK(call_op(op_gr, "2 1", NEW_COST_MODEL), "0x01", 1000 + 4 * 2);
  EXPECT_OP_OK(call_op(op_gr, "0x010000000000000000 0x7fffffffffffffff"), "0x01", 498 + 2 * 17);
  EXPECT_OP_OK(call_op(op_gr, "0xff0000000000000000 0x8000000000000000"), "()", 498 + 2 * 17);
  EXPECT_OP_ERR(call_op(op_gr, "1"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_gr, "1 2 3"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_gr, "1 ( 2 )"), InvalidOpArg);
}

}  // namespace
}  // namespace clvm::test
