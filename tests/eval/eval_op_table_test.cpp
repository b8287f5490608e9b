// SPDX-License-Identifier: Apache-2.0
// The operator table (runtime/src/eval/op_table.hpp) and what is derived from it: the dispatch
// entries, the GC mask (against clvmr 0.19's gc_candidate list, written out here), the four-byte
// secp codes, the op-test names and the text format's keywords.
#include <clvm/dialect.hpp>
#include <clvm/text.hpp>

#include "eval/op_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace clvm::test {
namespace {

TEST(EvalOpTable, GcMaskIsClvmrsCandidateList) {
  // clvmr's ChiaDialect::gc_candidate: apply, listp, =, >s, sha256, strlen, + - * / divmod > ash
  // lsh logand logior logxor lognot point_add pubkey_for_exp not any all, coinid, g1_subtract
  // g1_multiply g1_negate g1_map, pairing_identity verify modpow % keccak256 sha256tree.
  std::uint64_t want = 0;
  for (unsigned op : {2,  7,  9,  10, 11, 13, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                      27, 29, 30, 32, 33, 34, 48, 49, 50, 51, 56, 58, 59, 60, 61, 62, 63})
    want |= std::uint64_t{1} << op;
  EXPECT_EQ(eval::kGcOpcodes, want);
}

TEST(EvalOpTable, DispatchEntries) {
  EXPECT_EQ(eval::kOpTableSize, 66u);
  EXPECT_EQ(eval::kOpTable[5].fn, &ops::op_first);
  EXPECT_EQ(eval::kOpTable[62].gate, eval::Gate::Keccak);
  EXPECT_EQ(eval::kOpTable[63].gate, eval::Gate::Sha256Tree);
  EXPECT_EQ(eval::kOpTable[64].gate, eval::Gate::Secp);
  EXPECT_EQ(eval::kOpTable[64].fn, &ops::op_secp256k1_verify);
  // q, a, softfork are the evaluator's; 15, 28, 31, 35, 37-47 are unassigned.
  for (std::uint32_t op : {1u, 2u, 15u, 28u, 31u, 35u, 36u, 37u, 47u})
    EXPECT_EQ(eval::kOpTable[op].fn, nullptr) << op;
  EXPECT_EQ(eval::kWideOps.size(), 2u);
  EXPECT_EQ(eval::wide_op(0x13d61f00), &ops::op_secp256k1_verify);
  EXPECT_EQ(eval::wide_op(0x1c3a8f00), &ops::op_secp256r1_verify);
  EXPECT_EQ(eval::wide_op(0x13d61f01), nullptr);
  EXPECT_EQ(eval::wide_op(64), nullptr);
}

TEST(EvalOpTable, GatesOpenAsTheFlagsSay) {
  using eval::Gate, eval::gate_open;
  EXPECT_TRUE(gate_open(Gate::None, 0, OperatorSet::Default));
  EXPECT_FALSE(gate_open(Gate::Keccak, 0, OperatorSet::Default));
  EXPECT_TRUE(gate_open(Gate::Keccak, 0, OperatorSet::Keccak));
  EXPECT_TRUE(gate_open(Gate::Keccak, 0, OperatorSet::PreHardFork));
  EXPECT_FALSE(gate_open(Gate::Keccak, 0, OperatorSet::Bls));
  EXPECT_TRUE(gate_open(Gate::Keccak, ENABLE_KECCAK_OPS_OUTSIDE_GUARD, OperatorSet::Default));
  EXPECT_FALSE(gate_open(Gate::Sha256Tree, ENABLE_SECP_OPS, OperatorSet::Default));
  EXPECT_TRUE(gate_open(Gate::Sha256Tree, ENABLE_SHA256_TREE, OperatorSet::Default));
  EXPECT_FALSE(gate_open(Gate::Secp, ENABLE_SHA256_TREE, OperatorSet::Default));
  EXPECT_TRUE(gate_open(Gate::Secp, ENABLE_SECP_OPS, OperatorSet::Default));
}

TEST(EvalOpTable, OpTestNames) {
  ASSERT_NE(eval::find_op_test_name("g1_add"), nullptr);
  EXPECT_EQ(eval::find_op_test_name("g1_add"), eval::find_op_test_name("point_add"));
  EXPECT_EQ(eval::find_op_test_name("secp256k1_verify_64")->opcode, 64u);
  EXPECT_EQ(eval::find_op_test_name("secp256r1_verify")->opcode, 0x1c3a8f00u);
  EXPECT_EQ(eval::find_op_test_name("secp256r1_verify")->size, 4u);
  EXPECT_EQ(eval::find_op_test_name("q")->opcode, 1u);
  // Not operator names of the op-test files: the text format's placeholder, the files' synthetic
  // spellings (handled by their readers), and nonsense.
  EXPECT_EQ(eval::find_op_test_name("."), nullptr);
  EXPECT_EQ(eval::find_op_test_name("unknown_add"), nullptr);
  EXPECT_EQ(eval::find_op_test_name("g1_negate_strict"), nullptr);
  EXPECT_EQ(eval::find_op_test_name(""), nullptr);
}

// Every keyword of the table reads as its opcode in the sets that know it, and the printing one
// prints back.
TEST(EvalOpTable, KeywordsComeFromTheTable) {
  int keywords = 0;
  for (const eval::OpInfo& o : eval::kOperators) {
    const auto atom = o.atom();
    const std::span<const std::uint8_t> bytes(atom.data(), o.size);
    for (const eval::OpName& n : o.names) {
      if (n.text.empty()) continue;
      const bool classic = (n.uses & eval::NameUse::kClassic) != 0;
      const bool current = classic || (n.uses & eval::NameUse::kCurrent) != 0;
      keywords += current ? 1 : 0;
      const auto read = keyword_atom(n.text, KeywordSet::Current);
      ASSERT_EQ(read.has_value(), current) << n.text;
      if (read) {
        EXPECT_TRUE(std::ranges::equal(*read, bytes)) << n.text;
      }
      EXPECT_EQ(keyword_atom(n.text, KeywordSet::Classic).has_value(), classic) << n.text;
      EXPECT_FALSE(keyword_atom(n.text, KeywordSet::None).has_value()) << n.text;
      if ((n.uses & eval::NameUse::kPrints) != 0) {
        EXPECT_EQ(keyword_name(bytes, KeywordSet::Current), n.text);
      }
    }
  }
  EXPECT_EQ(keywords, 52);  // 33 classic (with "."), 17 newer, 2 secp
  EXPECT_EQ(keyword_name(std::array<std::uint8_t, 1>{29}, KeywordSet::Current), "point_add");
  EXPECT_EQ(keyword_name(std::array<std::uint8_t, 1>{35}, KeywordSet::Current), std::nullopt);
  EXPECT_EQ(keyword_name(std::array<std::uint8_t, 1>{64}, KeywordSet::Current), std::nullopt);
  EXPECT_EQ(keyword_name(std::array<std::uint8_t, 1>{48}, KeywordSet::Classic), std::nullopt);
}

}  // namespace
}  // namespace clvm::test
