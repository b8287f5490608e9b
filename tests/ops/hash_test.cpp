// SPDX-License-Identifier: Apache-2.0
// sha256 and sha256tree: digests (checked against Python's hashlib), costs in both models, deep
// trees walked without recursion, and the cost check during the walk.
#include <gtest/gtest.h>

#include <clvm/flags.hpp>

#include "op_call.hpp"
#include "ops/more_ops.hpp"

namespace clvm::test {
namespace {

using namespace clvm::ops;

constexpr const char* kAbc = "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* kEmpty = "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr const char* kNilTree =
    "0x4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a";

TEST(Sha256, DigestAndCost) {
  EXPECT_OP_OK(call_op(op_sha256, "\"abc\""), kAbc, 87 + 134 + 2 * 3 + 320);
  EXPECT_OP_OK(call_op(op_sha256, "\"a\" \"bc\""), kAbc, 87 + 2 * 134 + 2 * 3 + 320);
  EXPECT_OP_OK(call_op(op_sha256, ""), kEmpty, 87 + 320);
  EXPECT_OP_OK(call_op(op_sha256, "\"abc\"", NEW_COST_MODEL), kAbc, 1000 + 160 + 6 * 3 + 320);
  EXPECT_OP_ERR(call_op(op_sha256, "\"a\" ( 1 )"), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_sha256, "\"a\" \"b\"", 0, 300), CostExceeded);
}

TEST(Sha256Tree, DigestAndCost) {
  EXPECT_OP_OK(call_op(op_sha256tree, "0"), kNilTree, 270 + 2 + 320);
  EXPECT_OP_OK(call_op(op_sha256tree, "0", NEW_COST_MODEL), kNilTree, 270 + 6 + 320);
  EXPECT_OP_OK(call_op(op_sha256tree, "( 1 . 2 )"),
               "0x48f6eb3dcb192667016ff10dac09fb21b9388f18d91a863a270f4a91477e8528",
               270 + 460 + 4 + 4 + 320);
  EXPECT_OP_OK(call_op(op_sha256tree, "( 0 0 0 )"),
               "0x53b883241fddfd1c01b608bd4b6633e3fefd950e27c194aab24e6eb0a49bebd2",
               270 + 3 * 460 + 4 * 2 + 320);
  EXPECT_OP_OK(call_op(op_sha256tree, "( ( ( 0 . 0 ) . 0 ) . 0 )"),
               "0x6dd85370a0849e431446b80d4e71f00c19125748af5413d475c9959ea93011cc",
               270 + 3 * 460 + 4 * 2 + 320);
  EXPECT_OP_ERR(call_op(op_sha256tree, ""), InvalidOpArg);
  EXPECT_OP_ERR(call_op(op_sha256tree, "1 2"), InvalidOpArg);
}

// A list nested `depth` deep on both sides: no recursion, exact cost.
TEST(Sha256Tree, DeepTreesDoNotRecurse) {
  constexpr int kDepth = 1'000'000;
  for (bool left : {false, true}) {
    Allocator a;
    NodePtr n = Allocator::nil();
    for (int i = 0; i < kDepth; ++i)
      n = left ? a.new_pair(n, Allocator::nil()) : a.new_pair(Allocator::nil(), n);
    const NodePtr args = a.new_pair(n, Allocator::nil());
    const Cost expected = 270 + Cost{460} * kDepth + Cost{2} * (kDepth + 1) + 320;
    EXPECT_EQ(op_sha256tree(a, args, kOpTestMaxCost, 0).cost, expected);
    // Stopped part-way through the walk once the budget is passed.
    try {
      op_sha256tree(a, args, expected / 2, 0);
      ADD_FAILURE() << "no CostExceeded";
    } catch (const EvalError& e) {
      EXPECT_EQ(e.kind(), ErrorKind::CostExceeded);
    }
  }
}

}  // namespace
}  // namespace clvm::test
