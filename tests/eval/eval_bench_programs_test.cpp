// SPDX-License-Identifier: Apache-2.0
// The 20 benchmark programs of clvm_rs (tests/data/bench) run to their recorded cost and result
// tree hash (flags ENABLE_GC, max_cost = 11e9 - 12000 * bytes(program)). Built twice: the quick
// programs, and (CLVMPP_EVAL_SLOW_PROGRAMS) the heavy ones, labelled `slow`.
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "eval_support.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <string>
#include <vector>

namespace clvm::test {
namespace {

#ifdef CLVMPP_EVAL_SLOW_PROGRAMS
const std::vector<std::string> kPrograms = {"loop_add", "loop_sub",   "loop_ior", "loop_xor",
                                            "loop_not", "shift-left", "point-pow"};
#else
const std::vector<std::string> kPrograms = {
    "block-2000",  "compressed-2000", "concat",      "count-even",      "factorial",
    "hash-string", "hash-tree",       "large-block", "matrix-multiply", "pubkey-tree",
    "substr",      "substr-tree",     "sum-tree"};
#endif

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

class BenchPrograms : public ::testing::TestWithParam<std::string> {};

TEST_P(BenchPrograms, RunsToRecordedCostAndResult) {
  const std::string& name = GetParam();
  const std::string dir = std::string(CLVMPP_TEST_DATA_DIR) + "/bench/";
  const Bytes program = decode_hex(read_file(dir + "programs/" + name + ".hex"));
  const Bytes env = decode_hex(read_file(dir + "env/" + name + ".env.hex"));
  const std::string cost_text = trimmed(read_file(dir + "env/" + name + ".cost"));
  const std::string hash_text = trimmed(read_file(dir + "env/" + name + ".result.sha256tree"));
  Cost expected_cost = 0;
  std::from_chars(cost_text.data(), cost_text.data() + cost_text.size(), expected_cost);

  Allocator a;
  const NodePtr p = node_from_bytes_backrefs(a, program);
  const NodePtr e = node_from_bytes(a, env);
  const Cost max_cost = 11'000'000'000 - 12'000 * program.size();
  const Reduction r = run_program(a, ChiaDialect(ENABLE_GC), p, e, max_cost);
  EXPECT_EQ(r.cost, expected_cost) << name;
  EXPECT_EQ(fmt::format("{}", tree_hash(a, r.node)), hash_text) << name;
}

std::string case_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  for (char& ch : s)
    if (ch == '-') ch = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Programs, BenchPrograms, ::testing::ValuesIn(kPrograms), case_name);

}  // namespace
}  // namespace clvm::test
