// SPDX-License-Identifier: Apache-2.0
// assemble/disassemble against answers recorded from clvm_tools 0.9.5 (opc/opd, the npm port; see
// tests/data/text/README.md), with KeywordSet::Classic, which is what that version knows.
#include <clvm/error.hpp>
#include <clvm/text.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "tree_io.hpp"

namespace {

struct Case {
  int line;
  std::string left, right;  // the two tab-separated columns
};

std::vector<Case> read_cases(const std::string& name) {
  std::ifstream in(std::string(CLVMPP_TEST_DATA_DIR) + "/text/" + name);
  EXPECT_TRUE(in) << "cannot open " << name;
  std::vector<Case> cases;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      ADD_FAILURE() << name << ":" << n << ": no tab";
      continue;
    }
    cases.push_back({n, line.substr(0, tab), line.substr(tab + 1)});
  }
  return cases;
}

TEST(TextOracle, AssembleMatchesOpc) {
  const auto cases = read_cases("opc.tsv");
  ASSERT_GE(cases.size(), 300u);
  int errors = 0;
  for (const Case& c : cases) {
    const std::string text = text_test::unescape(c.left);
    clvm::Allocator a;
    SCOPED_TRACE("opc.tsv:" + std::to_string(c.line) + ": " + c.left);
    if (c.right.starts_with("!error")) {
      ++errors;
      EXPECT_THROW(clvm::assemble(a, text, clvm::KeywordSet::Classic), clvm::TextError);
      continue;
    }
    try {
      const clvm::NodePtr node = clvm::assemble(a, text, clvm::KeywordSet::Classic);
      EXPECT_EQ(text_test::to_hex(a, node), c.right);
    } catch (const clvm::Error& e) {
      ADD_FAILURE() << e.what();
    }
  }
  EXPECT_GE(errors, 10);
}

TEST(TextOracle, DisassembleMatchesOpd) {
  const auto cases = read_cases("opd.tsv");
  ASSERT_GE(cases.size(), 300u);
  for (const Case& c : cases) {
    clvm::Allocator a;
    SCOPED_TRACE("opd.tsv:" + std::to_string(c.line) + ": " + c.left);
    const clvm::NodePtr node = text_test::from_hex(a, c.left);
    EXPECT_EQ(clvm::disassemble(a, node, clvm::KeywordSet::Classic), text_test::unescape(c.right));
  }
}

// opd's text, read back with the same keywords, gives the recorded tree.
TEST(TextOracle, OpdTextReadsBackToTheSameTree) {
  for (const Case& c : read_cases("opd.tsv")) {
    clvm::Allocator a;
    SCOPED_TRACE("opd.tsv:" + std::to_string(c.line) + ": " + c.left);
    const clvm::NodePtr node =
        clvm::assemble(a, text_test::unescape(c.right), clvm::KeywordSet::Classic);
    EXPECT_EQ(text_test::to_hex(a, node), c.left);
  }
}

// The Current keyword set prints newer opcodes by name and reads them back.
TEST(TextOracle, CurrentKeywordsRoundTripTheRecordedTrees) {
  for (const Case& c : read_cases("opd.tsv")) {
    clvm::Allocator a;
    SCOPED_TRACE("opd.tsv:" + std::to_string(c.line) + ": " + c.left);
    const clvm::NodePtr node = text_test::from_hex(a, c.left);
    const std::string text = clvm::disassemble(a, node);
    EXPECT_EQ(text_test::to_hex(a, clvm::assemble(a, text)), c.left) << text;
  }
}

}  // namespace
