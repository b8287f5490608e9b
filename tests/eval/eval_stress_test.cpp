// SPDX-License-Identifier: Apache-2.0
// The 32 stress programs of clvm_rs (tests/data/programs): each must fail with the expected error
// under mainnet rules (flags 0, max_cost = 11e9 - 12000 * (bytes(program) + bytes(env))).
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include "eval_support.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace clvm::test {
namespace {

struct StressCase {
  std::string name;
  std::string expected_error;
};

std::vector<StressCase> stress_cases() {
  std::vector<StressCase> out;
  std::istringstream in(read_file(std::string(CLVMPP_TEST_DATA_DIR) + "/programs/EXPECTED.txt"));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with('#')) continue;
    const auto space = line.find(' ');
    const auto msg = line.find_first_not_of(' ', space);
    out.push_back({line.substr(0, space), line.substr(msg)});
  }
  return out;
}

class StressPrograms : public ::testing::TestWithParam<StressCase> {};

TEST_P(StressPrograms, FailsAsExpected) {
  const StressCase& c = GetParam();
  const std::string dir = std::string(CLVMPP_TEST_DATA_DIR) + "/programs/";
  const Bytes program = decode_hex(read_file(dir + c.name + ".hex"));
  const Bytes env = decode_hex(read_file(dir + c.name + ".envhex"));
  const Cost max_cost = 11'000'000'000 - (program.size() + env.size()) * 12'000;
  Allocator a;
  const NodePtr p = node_from_bytes(a, program);
  const NodePtr e = node_from_bytes(a, env);
  try {
    const Reduction r = run_program(a, ChiaDialect(0), p, e, max_cost);
    FAIL() << c.name << " succeeded with cost " << r.cost;
  } catch (const EvalError& err) {
    EXPECT_EQ(std::string(err.what()), c.expected_error) << c.name;
  }
}

std::string case_name(const ::testing::TestParamInfo<StressCase>& info) {
  std::string s = info.param.name;
  for (char& ch : s)
    if (ch == '-') ch = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Programs, StressPrograms, ::testing::ValuesIn(stress_cases()), case_name);

TEST(StressProgramsData, AllThirtyTwoAreListed) { EXPECT_EQ(stress_cases().size(), 32u); }

}  // namespace
}  // namespace clvm::test
