// SPDX-License-Identifier: Apache-2.0
// clvmr 0.19's error texts and check order, pinned by answers recorded from native clvmr
// (tests/data/clvmr_messages/README.md): every line of table.txt runs through the library as
// `clvm run --batch` runs it, and must give the same result bytes and cost, or fail with the same
// Error::clvmr_message() and the ErrorKind of clvmr's error variant. CheckOrder repeats the cases
// where the order of checks decides which error wins, one test per operator.
#include <gtest/gtest.h>
#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace clvm {
namespace {

constexpr std::size_t kLimitHeapBytes = 500'000'000;  // the batch protocol's LIMIT_HEAP arena

struct Outcome {
  std::string answer;  // "<result_hex> <cost>" or "FAIL: <clvmr text>"
  std::optional<ErrorKind> kind;
};

std::uint64_t parse_u64(const std::string& s) {
  std::uint64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) throw std::runtime_error("bad number " + s);
  return v;
}

// Runs one `<program_hex> <env_hex> <max_cost> <flags>` line as clvm run --batch does.
Outcome run_line(const std::string& line) {
  std::istringstream in(line);
  std::string prog, env, max_cost, flags;
  in >> prog >> env >> max_cost >> flags;
  const auto p = from_hex(prog), e = from_hex(env);
  if (!p || !e || flags.empty()) throw std::runtime_error("bad case line: " + line);
  const auto f = static_cast<Flags>(parse_u64(flags));
  Allocator a = (f & LIMIT_HEAP) != 0 ? Allocator(kLimitHeapBytes) : Allocator();
  try {
    const NodePtr program = node_from_bytes(a, *p);
    const NodePtr environment = node_from_bytes(a, *e);
    const Reduction r = run_program(a, ChiaDialect(f), program, environment, parse_u64(max_cost));
    return {to_hex(node_to_bytes(a, r.node)) + " " + std::to_string(r.cost), std::nullopt};
  } catch (const Error& err) {
    return {"FAIL: " + err.clvmr_message(), err.kind()};
  }
}

// The ErrorKind of the clvmr EvalErr variant that displays as `text` (clvmr's src/error.rs).
std::optional<ErrorKind> kind_of_clvmr_text(const std::string& text) {
  static const std::map<std::string, ErrorKind> fixed = {
      {"bad encoding", ErrorKind::BadEncoding},
      {"invalid backreference during deserialisation", ErrorKind::BackreferenceError},
      {"Out of Memory", ErrorKind::OutOfMemory},
      {"path into atom", ErrorKind::PathIntoAtom},
      {"too many pairs", ErrorKind::TooManyPairs},
      {"Too Many Atoms", ErrorKind::TooManyAtoms},
      {"cost exceeded or below zero", ErrorKind::CostExceeded},
      {"unknown softfork extension", ErrorKind::UnknownSoftforkExtension},
      {"softfork specified cost mismatch", ErrorKind::SoftforkCostMismatch},
      {"clvm raise", ErrorKind::Raise},
      {"Invalid Nil Terminator in operand list", ErrorKind::InvalidNilTerminator},
      {"Division by zero", ErrorKind::DivisionByZero},
      {"Value Stack Limit Reached", ErrorKind::ValueStackLimitReached},
      {"Environment Stack Limit Reached", ErrorKind::EnvironmentStackLimitReached},
      {"Shift too large", ErrorKind::ShiftTooLarge},
      {"Reserved operator", ErrorKind::Reserved},
      {"invalid operator", ErrorKind::InvalidOperator},
      {"unimplemented operator", ErrorKind::Unimplemented},
      {"bls_pairing_identity failed", ErrorKind::BlsPairingIdentityFailed},
      {"bls_verify failed", ErrorKind::BlsVerifyFailed},
      {"Secp256 Verify Error: failed", ErrorKind::Secp256Failed},
      {"softfork stack depth exceeded", ErrorKind::SoftforkStackDepthExceeded},
      // clvmr's InvalidOpArg with these details is our FirstOfNonCons / RestOfNonCons.
      {"InvalidOperatorArg: first of non-cons", ErrorKind::FirstOfNonCons},
      {"InvalidOperatorArg: rest of non-cons", ErrorKind::RestOfNonCons},
  };
  if (const auto it = fixed.find(text); it != fixed.end()) return it->second;
  if (text.starts_with("InvalidOperatorArg: ")) return ErrorKind::InvalidOpArg;
  if (text.starts_with("InvalidAllocatorArg: ")) return ErrorKind::InvalidAllocArg;
  if (text.starts_with("Internal Error: ")) return ErrorKind::InternalError;
  return std::nullopt;
}

struct TableLine {
  std::string label, line, answer, origin;
  std::size_t number = 0;
};

std::vector<TableLine> read_table() {
  const std::string path = std::string(CLVMPP_TEST_DATA_DIR) + "/clvmr_messages/table.txt";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<TableLine> out;
  std::string text, label;
  for (std::size_t n = 1; std::getline(in, text); ++n) {
    if (text.empty()) continue;
    if (text[0] == '#') {
      label = text.substr(text.size() > 1 ? 2 : 1);
      continue;
    }
    const auto t1 = text.find('\t'), t2 = text.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos)
      throw std::runtime_error("table.txt:" + std::to_string(n) +
                               ": expected 3 tab-separated fields");
    out.push_back(
        {label, text.substr(0, t1), text.substr(t1 + 1, t2 - t1 - 1), text.substr(t2 + 1), n});
  }
  return out;
}

TEST(ClvmrMessages, EveryRecordedLineGivesClvmrsAnswerAndKind) {
  const std::vector<TableLine> table = read_table();
  ASSERT_GE(table.size(), 200u);
  std::size_t failures = 0;
  for (const TableLine& t : table) {
    SCOPED_TRACE("table.txt:" + std::to_string(t.number) + " (" + t.label + ", " + t.origin + ")");
    ASSERT_TRUE(t.origin == "native" || t.origin == "source");
    const Outcome got = run_line(t.line);
    EXPECT_EQ(got.answer, t.answer);
    if (t.answer.starts_with("FAIL: ")) {
      ++failures;
      const auto want = kind_of_clvmr_text(t.answer.substr(6));
      ASSERT_TRUE(want.has_value()) << "not a clvmr 0.19 error text: " << t.answer;
      EXPECT_EQ(got.kind, want);
    } else {
      EXPECT_FALSE(got.kind.has_value());
    }
  }
  EXPECT_GE(failures, 180u);  // the table is about failures; a handful of successes anchor costs
}

// What the table must reach: each of clvmr 0.19's operator and evaluator error texts that a
// program can produce within a fast test (Out of Memory, too many atoms/pairs and the 20,000,000
// stack limits need gigabytes; back-references are a serde path, covered by the serde tests).
TEST(ClvmrMessages, TableReachesEveryText) {
  std::map<std::string, int> seen;
  for (const TableLine& t : read_table()) ++seen[t.answer];
  for (const char* want : {
           "FAIL: bad encoding",
           "FAIL: path into atom",
           "FAIL: cost exceeded or below zero",
           "FAIL: unknown softfork extension",
           "FAIL: softfork specified cost mismatch",
           "FAIL: clvm raise",
           "FAIL: Invalid Nil Terminator in operand list",
           "FAIL: Division by zero",
           "FAIL: Shift too large",
           "FAIL: Reserved operator",
           "FAIL: invalid operator",
           "FAIL: unimplemented operator",
           "FAIL: bls_pairing_identity failed",
           "FAIL: bls_verify failed",
           "FAIL: Secp256 Verify Error: failed",
           "FAIL: softfork stack depth exceeded",
           "FAIL: InvalidOperatorArg: first of non-cons",
           "FAIL: InvalidOperatorArg: rest of non-cons",
           "FAIL: InvalidAllocatorArg: pair found, expected G1 point",
           "FAIL: InvalidOperatorArg: softfork requires u64 arg (with no leading zeros)",
           "FAIL: InvalidOperatorArg: Invalid Indices for Substring",
           "FAIL: InvalidOperatorArg: CoinID Error: Invalid Amount: Amount has leading zeroes",
       })
    EXPECT_GT(seen[want], 0) << want;
}

TEST(ClvmrMessages, EveryKindHasAText) {
  for (int k = 0; k <= static_cast<int>(ErrorKind::Secp256Failed); ++k) {
    const auto kind = static_cast<ErrorKind>(k);
    const Error e(kind);
    EXPECT_FALSE(e.clvmr_message().empty()) << k;
    EXPECT_EQ(std::string(e.what()), std::string(default_message(kind))) << k;
  }
}

TEST(ClvmrMessages, TextGivenAtTheThrowSiteWins) {
  const Error given(ErrorKind::InvalidOpArg, "concat on list", NodePtr::NIL,
                    "InvalidOperatorArg: concat on list");
  EXPECT_EQ(given.clvmr_message(), "InvalidOperatorArg: concat on list");
  // Without one, the kinds with a detail take clvmr's prefix and the message.
  EXPECT_EQ(Error(ErrorKind::InvalidAllocArg, "x").clvmr_message(), "InvalidAllocatorArg: x");
  EXPECT_EQ(Error(ErrorKind::InternalError, "y").clvmr_message(), "Internal Error: y");
  EXPECT_EQ(Error(ErrorKind::CostExceeded, "cost must be > 0").clvmr_message(),
            "cost exceeded or below zero");
  // Copies share the text (and copying cannot throw).
  static_assert(std::is_nothrow_copy_constructible_v<Error>);
  const Error copy = given;
  EXPECT_EQ(copy.clvmr_message(), given.clvmr_message());
}

// what() keeps this library's wording (brun users read it); clvmr_message() has clvmr's.
TEST(ClvmrMessages, WhatKeepsOurWording) {
  const Outcome o = run_line("ff0effff01ff0102ff0180 80 11000000000 0");  // (concat (q 1 2) 1)
  EXPECT_EQ(o.answer, "FAIL: InvalidOperatorArg: concat on list");
  Allocator a;
  const NodePtr prog = node_from_bytes(a, *from_hex("ff09ffff01ff0102ff0180"));  // (= (q 1 2) 1)
  try {
    run_program(a, ChiaDialect(0), prog, NodePtr::NIL, 0);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "= on list");
    EXPECT_EQ(e.clvmr_message(), "InvalidOperatorArg: = used on list");
  }
}

// One line per check-order fix, with native clvmr 0.19's answer: a check that ran in another
// order made the two fail for different reasons (each failed before the fix).
struct OrderCase {
  const char* what;
  const char* line;
  const char* native;
  ErrorKind kind;
};

class CheckOrder : public ::testing::TestWithParam<OrderCase> {};

TEST_P(CheckOrder, AsNativeClvmr) {
  const OrderCase& c = GetParam();
  const Outcome o = run_line(c.line);
  EXPECT_EQ(o.answer, c.native) << c.what;
  EXPECT_EQ(o.kind, c.kind) << c.what;
}

// (op (q . <1000 bytes of 11>) (q 1 2)) with max_cost and flags `tail`.
std::string thousand_bytes_case(const char* op_hex, const char* tail) {
  std::string line = std::string("ff") + op_hex + "ffff01c3e8";
  for (int i = 0; i < 1000; ++i) line += "11";
  return line + "ffff01ff010280 80 " + tail;
}
const std::string kConcatCase = thousand_bytes_case("0e", "5000 0");
const std::string kUnknownMulCase = thousand_bytes_case("8180", "5000 8192");

INSTANTIATE_TEST_SUITE_P(
    Native, CheckOrder,
    ::testing::Values(
        // concat charges each argument (bytes and malloc) before reading the next.
        OrderCase{"concat", kConcatCase.c_str(), "FAIL: cost exceeded or below zero",
                  ErrorKind::CostExceeded},
        // keccak256 and sha256 read an argument before charging it.
        OrderCase{"keccak256", "ff3effff01ff010280 80 200 256",
                  "FAIL: InvalidOperatorArg: keccak256 used on list", ErrorKind::InvalidOpArg},
        OrderCase{"sha256", "ff0bffff01ff010280 80 200 0",
                  "FAIL: InvalidOperatorArg: sha256 used on list", ErrorKind::InvalidOpArg},
        // * reads each argument before checking the cost.
        OrderCase{"*", "ff12ffff01ff0102ffff010580 80 100 0",
                  "FAIL: InvalidOperatorArg: Requires Int Argument: *", ErrorKind::InvalidOpArg},
        OrderCase{"* second argument", "ff12ffff0105ffff01ff010280 80 200 0",
                  "FAIL: InvalidOperatorArg: Requires Int Argument: *", ErrorKind::InvalidOpArg},
        // modpow reads all three arguments before its cost.
        OrderCase{"modpow", "ff3cffff0102ffff0103ffff01ff010280 80 3000 0",
                  "FAIL: InvalidOperatorArg: Requires Int Argument: modpow",
                  ErrorKind::InvalidOpArg},
        // - checks each argument's base cost before reading it, in both cost models.
        OrderCase{"- (new cost model)", "ff11ffff0105ffff01ff010280 80 900 8192",
                  "FAIL: cost exceeded or below zero", ErrorKind::CostExceeded},
        // unknown op, mul-like cost (new model): the first argument's cost is checked at once.
        OrderCase{"unknown op mul-like", kUnknownMulCase.c_str(),
                  "FAIL: cost exceeded or below zero", ErrorKind::CostExceeded},
        // ((X)...) with X a pair is InvalidOpArg in clvmr 0.19 (was InvalidOperator).
        OrderCase{"((X)) kind", "ffffff018080ff0380 80 11000000000 0",
                  "FAIL: InvalidOperatorArg: in ((X)...) syntax X must be lone atom",
                  ErrorKind::InvalidOpArg}));

}  // namespace
}  // namespace clvm
