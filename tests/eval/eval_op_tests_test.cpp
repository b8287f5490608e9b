// SPDX-License-Identifier: Apache-2.0
// The op-test conformance vectors (tests/data/op-tests, from clvm_rs): every line of every file,
// run as clvm_rs's test_ops.rs runs it (see tests/data/op-tests/SOURCE.md). One test per file.
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/flags.hpp>

#include "eval_support.hpp"
#include "op_test_file.hpp"
#include "ops/unknown_op.hpp"
#include "same_tree.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

namespace clvm::test {
namespace {

constexpr Cost kMaxCost = 10'000'000'000;
// Gated opcodes are called directly in the reference; these flags only open the gates.
constexpr Flags kOpenGates = ENABLE_KECCAK_OPS_OUTSIDE_GUARD | ENABLE_SHA256_TREE | ENABLE_SECP_OPS;

struct OpFile {
  const char* name;
  std::vector<Flags> flag_sets;
};

const std::vector<OpFile>& op_files() {
  static const std::vector<OpFile> files = [] {
    std::vector<OpFile> f;
    for (const char* n : {"test-core-ops", "test-bls-ops", "test-blspy-g1", "test-blspy-g2",
                          "test-blspy-hash", "test-blspy-pairing", "test-blspy-verify",
                          "test-bls-zk", "test-sha256", "test-sha256tree", "test-sha256tree-hash",
                          "test-keccak256", "test-keccak256-generated", "test-unknown-ops"})
      f.push_back({n, {0}});
    for (const char* n : {"test-more-ops", "test-modpow"}) f.push_back({n, {0, MALACHITE}});
    for (const char* n : {"test-more-ops-v2", "test-modpow-v2"})
      f.push_back({n, {NEW_COST_MODEL, NEW_COST_MODEL | MALACHITE}});
    for (const char* n :
         {"test-core-ops-v2", "test-blspy-g1-v2", "test-blspy-g2-v2", "test-blspy-hash-v2",
          "test-blspy-pairing-v2", "test-blspy-verify-v2", "test-bls-zk-v2", "test-sha256-v2",
          "test-sha256tree-v2", "test-sha256tree-hash-v2", "test-keccak256-v2",
          "test-keccak256-generated-v2", "test-unknown-ops-v2"})
      f.push_back({n, {NEW_COST_MODEL}});
    for (const char* n : {"test-secp-verify", "test-secp256k1", "test-secp256r1"})
      f.push_back({n, {0, NEW_COST_MODEL}});
    return f;
  }();
  return files;
}

// Applies the line's operator the way the reference does; throws what the operator throws.
Reduction apply_line(Allocator& a, const std::string& head, NodePtr args, Flags flags) {
  std::string name = head;
  Flags f = flags | kOpenGates;
  if (name == "g1_negate" || name == "g2_negate") f |= RELAXED_BLS;
  if (name.ends_with("_strict")) name.resize(name.size() - 7);
  const auto opcode = opcode_for_name(name);
  if (!opcode) throw std::runtime_error("unknown operator name " + head);
  const NodePtr op = a.new_atom(*opcode);
  if (name.starts_with("unknown")) return ops::op_unknown(a, op, args, kMaxCost, f);
  return ChiaDialect(f).op(a, op, args, kMaxCost, OperatorSet::Default);
}

// Runs one line; returns "" on a pass, else why it failed.
std::string run_line(Allocator& a, const OpTestLine& line, Flags flags) {
  const std::string& head = line.op;
  const NodePtr args = parse_arg_list(a, line.args);

  if (line.fails()) {
    try {
      const Reduction r = apply_line(a, head, args, flags);
      return "expected FAIL, got " + to_text(a, r.node) + " | " + std::to_string(r.cost);
    } catch (const Error&) {
      return {};
    }
  }
  if (line.cost.empty()) return "no | in expectation";
  const NodePtr expected = parse_sexp(a, line.expected);
  const std::string& cost_text = line.cost;
  Cost expected_cost = 0;
  std::from_chars(cost_text.data(), cost_text.data() + cost_text.size(), expected_cost);
  Reduction r;
  try {
    r = apply_line(a, head, args, flags);
  } catch (const Error& e) {
    return std::string("unexpected error: ") + e.what();
  }
  if (!same_tree(a, r.node, expected)) return "result " + to_text(a, r.node);
  if (r.cost != expected_cost) return "cost " + std::to_string(r.cost);
  return {};
}

class OpTests : public ::testing::TestWithParam<OpFile> {};

TEST_P(OpTests, EveryLinePasses) {
  const OpFile& file = GetParam();
  const std::vector<OpTestLine> lines = read_op_test_file(std::string(file.name) + ".txt");

  for (Flags flags : file.flag_sets) {
    Allocator a;
    std::size_t passed = 0, failed = 0;
    for (const OpTestLine& line : lines) {
      const Checkpoint cp = a.checkpoint();
      std::string why;
      try {
        why = run_line(a, line, flags);
      } catch (const std::exception& e) {
        why = std::string("could not run: ") + e.what();  // a skipped line is a failure
      }
      a.restore_checkpoint(cp);
      if (why.empty()) {
        ++passed;
      } else {
        ++failed;
        ADD_FAILURE() << file.name << ".txt:" << line.number << " (flags 0x" << std::hex << flags
                      << std::dec << "): " << why << "\n  " << line.text.substr(0, 300);
      }
    }
    std::printf("[op-tests] %s flags=0x%x: passed %zu failed %zu total %zu\n", file.name,
                static_cast<unsigned>(flags), passed, failed, passed + failed);
    EXPECT_GT(passed + failed, 0u);
  }
}

std::string file_test_name(const ::testing::TestParamInfo<OpFile>& info) {
  std::string s = info.param.name;
  for (char& c : s)
    if (c == '-') c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Files, OpTests, ::testing::ValuesIn(op_files()), file_test_name);

}  // namespace
}  // namespace clvm::test
