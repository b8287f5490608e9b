// SPDX-License-Identifier: Apache-2.0
// / divmod % modpow: floor semantics, costs in both models, the LIMITS and DISABLE_OP rules, and
// which error wins when several apply.
#include <gtest/gtest.h>

#include <clvm/flags.hpp>

#include <string>

#include "op_call.hpp"
#include "ops/more_ops.hpp"

namespace clvm::test {
namespace {

using namespace clvm::ops;

std::string bytes_arg(std::size_t n) { return "0x" + std::string(2 * n, '1'); }

TEST(Div, FloorsAndCosts) {
  EXPECT_OP_OK(call_op(op_div, "10 3"), "0x03", 988 + 4 * 2 + 10);
  EXPECT_OP_OK(call_op(op_div, "10 3", NEW_COST_MODEL), "0x03", 1110);  // clvmr's vector
  EXPECT_OP_OK(call_op(op_div, "-7 2"), "0xfc", 988 + 8 + 10);
  EXPECT_OP_OK(call_op(op_div, "7 -2"), "0xfc", 988 + 8 + 10);
  EXPECT_OP_OK(call_op(op_div, "-7 -2"), "0x03", 988 + 8 + 10);
  EXPECT_OP_OK(call_op(op_div, "0 5"), "()", 988 + 4);
  // New model: 1000 + 50(L0 + L1) + L0·L1/10 with 20- and 10-byte operands.
  const Outcome o = call_op(op_div, bytes_arg(20) + " " + bytes_arg(10), NEW_COST_MODEL);
  EXPECT_TRUE(o.ok);
  EXPECT_EQ(o.cost, 1000 + 50 * 30 + 200 / 10 + 10 * 11);  // quotient 0x0100..01 (11 bytes)
}

// The int64 fast path: the one overflowing quotient and mixed small/big operands.
TEST(Div, SixtyFourBitBoundaries) {
  EXPECT_OP_OK(call_op(op_div, "0x8000000000000000 -1"), "0x008000000000000000", 988 + 4 * 9 + 90);
  EXPECT_OP_OK(call_op(op_mod, "0x8000000000000000 -1"), "()", 988 + 4 * 9);
  EXPECT_OP_OK(call_op(op_divmod, "0x8000000000000000 -1"), "(0x008000000000000000 . ())",
               1116 + 6 * 9 + 90);
  EXPECT_OP_OK(call_op(op_div, "-1 0x010000000000000000"), "0xff", 988 + 4 * 10 + 10);
  EXPECT_OP_OK(call_op(op_mod, "-1 0x010000000000000000"), "0x00ffffffffffffffff",
               988 + 4 * 10 + 90);
  EXPECT_OP_OK(call_op(op_div, "0x010000000000000000 2"), "0x008000000000000000",
               988 + 4 * 10 + 90);
}

TEST(Div, Errors) {
  EXPECT_OP_ERR(call_op(op_div, "1 0"), DivisionByZero);
  EXPECT_OP_ERR(call_op(op_div, "1 0", 0, 500), CostExceeded);  // the cost is checked first
  EXPECT_OP_ERR(call_op(op_div, "1"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_div, "1 2 3"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_div, "( 1 ) 2"), InvalidOpArg);
}

TEST(Div, LimitsAndDisableOp) {
  EXPECT_TRUE(call_op(op_div, bytes_arg(256) + " 3", LIMITS).ok);
  EXPECT_OP_ERR(call_op(op_div, bytes_arg(257) + " 3", LIMITS), InvalidOpArg);
  EXPECT_TRUE(call_op(op_div, "3 " + bytes_arg(1024), LIMITS).ok);
  EXPECT_OP_ERR(call_op(op_div, "3 " + bytes_arg(1025), LIMITS), InvalidOpArg);
  // The caps come before the zero check.
  EXPECT_OP_ERR(call_op(op_div, bytes_arg(257) + " 0", LIMITS), InvalidOpArg);
  EXPECT_TRUE(call_op(op_div, bytes_arg(2048) + " 3", DISABLE_OP).ok);
  EXPECT_OP_ERR(call_op(op_div, bytes_arg(2049) + " 3", DISABLE_OP), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_mod, bytes_arg(2049) + " 3", DISABLE_OP), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_divmod, bytes_arg(2049) + " 3", DISABLE_OP), InvalidOpArg);
  // NEW_COST_MODEL turns both off.
  EXPECT_TRUE(call_op(op_div, bytes_arg(2049) + " 3", DISABLE_OP | LIMITS | NEW_COST_MODEL).ok);
  EXPECT_TRUE(call_op(op_divmod, bytes_arg(300) + " 3", LIMITS | NEW_COST_MODEL).ok);
}

TEST(Divmod, PairOfFloorQuotientAndRemainder) {
  EXPECT_OP_OK(call_op(op_divmod, "-7 2"), "(0xfc . 0x01)", 1116 + 6 * 2 + 10 + 10);
  EXPECT_OP_OK(call_op(op_divmod, "7 -2"), "(0xfc . 0xff)", 1116 + 12 + 20);
  EXPECT_OP_OK(call_op(op_divmod, "6 3"), "(0x02 . ())", 1116 + 12 + 10);
  EXPECT_OP_OK(call_op(op_divmod, "-7 2", NEW_COST_MODEL), "(0xfc . 0x01)", 1000 + 100 + 20);
  EXPECT_OP_ERR(call_op(op_divmod, "7 0"), DivisionByZero);
}

TEST(Mod, TakesTheDivisorsSign) {
  EXPECT_OP_OK(call_op(op_mod, "-7 2"), "0x01", 988 + 8 + 10);
  EXPECT_OP_OK(call_op(op_mod, "7 -2"), "0xff", 988 + 8 + 10);
  EXPECT_OP_OK(call_op(op_mod, "6 3"), "()", 988 + 8);
  EXPECT_OP_OK(call_op(op_mod, "-7 2", NEW_COST_MODEL), "0x01", 1000 + 100 + 10);
  EXPECT_OP_ERR(call_op(op_mod, "7 0"), DivisionByZero);
}

TEST(Modpow, ResultAndCost) {
  // 17000 + 38·1 + 3·1² + 21·2² (1000 is 03 e8) + malloc.
  EXPECT_OP_OK(call_op(op_modpow, "2 10 1000"), "0x18", 17000 + 38 + 3 + 84 + 10);
  // New model: 17000 + 8·1·(2² + 4000) + 1·2 + malloc.
  EXPECT_OP_OK(call_op(op_modpow, "2 10 1000", NEW_COST_MODEL), "0x18",
               17000 + 8 * (4 + 4000) + 2 + 10);
  EXPECT_OP_OK(call_op(op_modpow, "-3 3 -5"), "0xfe", 17000 + 38 + 3 + 21 + 10);  // -27 mod -5
  EXPECT_OP_OK(call_op(op_modpow, "-3 3 5"), "0x03", 17000 + 38 + 3 + 21 + 10);
  EXPECT_OP_OK(call_op(op_modpow, "5 0 1"), "()", 17000 + 38 + 0 + 21);
  EXPECT_OP_OK(call_op(op_modpow, "5 0 7"), "0x01", 17000 + 38 + 21 + 10);
}

TEST(Modpow, Errors) {
  EXPECT_OP_ERR(call_op(op_modpow, "2 -1 5"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_modpow, "2 1 0"), DivisionByZero);
  EXPECT_OP_ERR(call_op(op_modpow, "2 1"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_modpow, "2 1 ( 5 )"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_modpow, "2 1 0", 0, 17000), CostExceeded);  // cost before zero check
  EXPECT_OP_ERR(call_op(op_modpow, "2 3 5", DISABLE_OP), Unimplemented);
  EXPECT_TRUE(call_op(op_modpow, "2 3 5", DISABLE_OP | NEW_COST_MODEL).ok);
  EXPECT_OP_ERR(call_op(op_modpow, bytes_arg(257) + " 3 5", LIMITS), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_modpow, "3 " + bytes_arg(257) + " 5", LIMITS), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_modpow, "3 5 " + bytes_arg(257), LIMITS), InvalidOpArg);
  EXPECT_TRUE(call_op(op_modpow, bytes_arg(257) + " 3 5", LIMITS | NEW_COST_MODEL).ok);
  // A huge exponent is refused on cost, not computed (the new-model product saturates).
  EXPECT_OP_ERR(
      call_op(op_modpow, "3 " + bytes_arg(100000) + " " + bytes_arg(100000), NEW_COST_MODEL),
      CostExceeded);
}

}  // namespace
}  // namespace clvm::test
