// SPDX-License-Identifier: Apache-2.0
// Runs the clvm_rs op-test lines (tests/data/op-tests, format and flags in SOURCE.md there) whose
// operator is one of runtime/src/ops/more_ops.hpp, calling the operator directly. The evaluator's
// conformance runner covers every line through the dialect; this one checks these operators on
// their own and prints per-file counts. Every line of ours must pass (result and cost), and every
// FAIL line must throw a clvm::Error.
#include <gtest/gtest.h>

#include <clvm/flags.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "eval/op_table.hpp"
#include "op_call.hpp"
#include "op_test_file.hpp"

namespace clvm::test {
namespace {

// The operators this runner covers, by their op-test names (functions from the operator table).
constexpr std::array<std::string_view, 20> kOurs{
    "+",   "-",      "*",      "/",      "divmod", ">",          "ash",
    "lsh", "logand", "logior", "logxor", "lognot", "modpow",     "%",
    ">s",  "strlen", "substr", "concat", "sha256", "sha256tree",
};

// The function of op-test operator `name` if this runner covers it, else null.
ops::OpFn our_op(std::string_view name) {
  if (std::ranges::find(kOurs, name) == kOurs.end()) return nullptr;
  return eval::find_op_test_name(name)->fn;
}

struct Counts {
  int ours = 0, passed = 0, others = 0;
};

// Runs every line of ours in `file` with `flags`; records failures with the line number.
Counts run_file(const std::string& file, Flags flags) {
  Counts c;
  for (const OpTestLine& line : read_op_test_file(file)) {
    const ops::OpFn fn = our_op(line.op);
    if (fn == nullptr) {
      ++c.others;
      continue;
    }
    ++c.ours;
    const Outcome got = call_op(fn, line.args, flags);
    const std::string where = file + ":" + std::to_string(line.number) + ": " + line.text;
    if (line.fails()) {
      EXPECT_FALSE(got.ok) << where << "\n  got " << got.value << " | " << got.cost;
      if (!got.ok) ++c.passed;
      continue;
    }
    const Cost cost = std::stoull(line.cost);
    Allocator want_arena;
    const NodePtr want = assemble(want_arena, line.expected);
    const bool ok = got.ok && got.cost == cost && show(want_arena, want) == got.value;
    EXPECT_TRUE(ok) << where << "\n  got " << got.value << " | " << got.cost;
    if (ok) ++c.passed;
  }
  return c;
}

struct FileRun {
  const char* file;
  Flags flags;
};

class OpVectors : public ::testing::TestWithParam<FileRun> {};

TEST_P(OpVectors, EveryLineOfOursPasses) {
  const FileRun run = GetParam();
  const Counts c = run_file(run.file, run.flags);
  std::printf("[ops] %-34s flags %#06x: %4d/%4d of ours pass (%d lines of other operators)\n",
              run.file, run.flags, c.passed, c.ours, c.others);
  EXPECT_EQ(c.passed, c.ours);
}

constexpr Flags kNew = NEW_COST_MODEL;
INSTANTIATE_TEST_SUITE_P(
    Files, OpVectors,
    ::testing::Values(
        FileRun{"test-more-ops.txt", 0}, FileRun{"test-more-ops.txt", MALACHITE},
        FileRun{"test-more-ops-v2.txt", kNew}, FileRun{"test-more-ops-v2.txt", kNew | MALACHITE},
        FileRun{"test-modpow.txt", 0}, FileRun{"test-modpow.txt", MALACHITE},
        FileRun{"test-modpow-v2.txt", kNew}, FileRun{"test-modpow-v2.txt", kNew | MALACHITE},
        FileRun{"test-bls-ops.txt", 0}, FileRun{"test-sha256.txt", 0},
        FileRun{"test-sha256-v2.txt", kNew}, FileRun{"test-sha256tree.txt", 0},
        FileRun{"test-sha256tree-v2.txt", kNew}, FileRun{"test-sha256tree-hash.txt", 0},
        FileRun{"test-sha256tree-hash-v2.txt", kNew}));

}  // namespace
}  // namespace clvm::test
