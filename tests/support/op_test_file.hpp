// SPDX-License-Identifier: Apache-2.0
// Test helper: the one reader of the clvm_rs op-test files (tests/data/op-tests; the line format is
// in SOURCE.md there). It reads a file the way clvmr's own runner does: each line trimmed, empty
// lines and comment lines skipped — a comment is a line whose first non-blank character is `;`
// (a `;` anywhere else belongs to the line) — and a test line split at the first space (the
// operator), the first "=>" (arguments | expectation) and the first '|' (result | cost).
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clvm::test {

/// One test line of an op-test file.
struct OpTestLine {
  int number = 0;        ///< 1-based line number in the file
  std::string text;      ///< the whole line, trimmed
  std::string op;        ///< the operator name: the text up to the first space
  std::string args;      ///< between the operator and the first "=>", trimmed ("" for none)
  std::string expected;  ///< after "=>", up to the first '|', trimmed; "FAIL" for a failure line
  std::string cost;      ///< after the '|', trimmed; "" when the line has none

  /// Whether the line expects the operator to fail.
  bool fails() const { return expected == "FAIL"; }
};

/// Returns `s` without leading and trailing spaces, tabs and carriage returns.
inline std::string trim_blanks(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

/// Splits one trimmed, non-comment line numbered `number`. Throws std::runtime_error when it has no
/// "=>" (clvmr's runner stops on such a line too).
inline OpTestLine split_op_test_line(std::string text, int number) {
  OpTestLine t;
  t.number = number;
  const auto arrow = text.find("=>");
  if (arrow == std::string::npos)
    throw std::runtime_error("op-test line " + std::to_string(number) + " has no =>: " + text);
  const std::string lhs = trim_blanks(std::string_view(text).substr(0, arrow));
  const std::string rhs = trim_blanks(std::string_view(text).substr(arrow + 2));
  const auto space = lhs.find(' ');
  t.op = lhs.substr(0, space);
  t.args = space == std::string::npos ? "" : trim_blanks(std::string_view(lhs).substr(space + 1));
  const auto bar = rhs.find('|');
  t.expected = trim_blanks(std::string_view(rhs).substr(0, bar));
  if (bar != std::string::npos) t.cost = trim_blanks(std::string_view(rhs).substr(bar + 1));
  t.text = std::move(text);
  return t;
}

/// Reads every test line of tests/data/op-tests/`file` (a file name such as "test-core-ops.txt").
/// Throws std::runtime_error if the file cannot be read or a test line has no "=>".
inline std::vector<OpTestLine> read_op_test_file(const std::string& file) {
  const std::string path = std::string(CLVMPP_TEST_DATA_DIR) + "/op-tests/" + file;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<OpTestLine> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string text = trim_blanks(line);
    if (text.empty() || text.front() == ';') continue;
    out.push_back(split_op_test_line(std::move(text), number));
  }
  return out;
}

}  // namespace clvm::test
