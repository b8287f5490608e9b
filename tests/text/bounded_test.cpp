// SPDX-License-Identifier: Apache-2.0
// disassemble_bounded(), disassembled_length() and text(): bounded printing decided without
// expanding a DAG.
#include <clvm/serde.hpp>
#include <clvm/text.hpp>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "tree_io.hpp"

namespace {

using clvm::KeywordSet;

// The back-reference ladder: ff x60, "foobar", fe02 x60 -- a tree of 2^60 leaves in 61 pairs.
clvm::NodePtr ladder(clvm::Allocator& a, int rungs) {
  std::vector<std::uint8_t> b(static_cast<std::size_t>(rungs), 0xff);
  for (char c : std::string_view("\x86"
                                 "foobar"))
    b.push_back(static_cast<std::uint8_t>(c));
  for (int i = 0; i < rungs; ++i) {
    b.push_back(0xfe);
    b.push_back(0x02);
  }
  return clvm::node_from_bytes_backrefs(a, b);
}

TEST(Bounded, LengthMatchesTheText) {
  for (const char* hex :
       {"80", "01", "ff8080", "ff01ff0203", "ffff0102ff0304", "ff02ffff0101ff0380",
        "ff0fff1cff1fff2380", "ff8200018080", "83616263", "830a0b0c", "8200ff",
        "ff10ffff0101ffff010280", "ffff8080ffff8080ff8080", "ff3380", "ff33ff3380"}) {
    for (const KeywordSet k : {KeywordSet::Classic, KeywordSet::Current}) {
      clvm::Allocator a;
      const clvm::NodePtr n = text_test::from_hex(a, hex);
      const std::string full = clvm::disassemble(a, n, k);
      EXPECT_EQ(clvm::disassembled_length(a, n, k), full.size()) << hex;
      EXPECT_EQ(clvm::disassemble_bounded(a, n, full.size(), k), full) << hex;
      for (std::size_t cut = 0; cut < full.size(); ++cut)
        EXPECT_EQ(clvm::disassemble_bounded(a, n, cut, k),
                  full.substr(0, cut) + fmt::format("… ({} more bytes)", full.size() - cut))
            << hex << " cut at " << cut;
    }
  }
}

TEST(Bounded, SharedSubtreesCountPerOccurrence) {
  clvm::Allocator a;
  const clvm::NodePtr n = ladder(a, 3);  // 8 leaves
  const std::string full = clvm::disassemble(a, n);
  EXPECT_EQ(full,
            "(((\"foobar\" . \"foobar\") \"foobar\" . \"foobar\") (\"foobar\" . \"foobar\") "
            "\"foobar\" . \"foobar\")");
  EXPECT_EQ(clvm::disassembled_length(a, n), full.size());
}

TEST(Bounded, LadderBombIsCutAtOnce) {
  clvm::Allocator a;
  const clvm::NodePtr n = ladder(a, 60);
  const auto start = std::chrono::steady_clock::now();
  const std::string s = clvm::disassemble_bounded(a, n, 50);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // 2^60 "foobar" leaves: the length is far beyond anything printable, yet measured exactly.
  const std::uint64_t total = clvm::disassembled_length(a, n);
  EXPECT_GT(total, std::uint64_t{1} << 63);
  EXPECT_EQ(s,
            std::string(60 - 10, '(').substr(0, 50) + fmt::format("… ({} more bytes)", total - 50));
  EXPECT_EQ(fmt::format("{}", clvm::text(a, n, 50)), s);
}

TEST(Bounded, LengthSaturates) {
  clvm::Allocator a;
  const clvm::NodePtr n = ladder(a, 63);
  EXPECT_EQ(clvm::disassembled_length(a, n), UINT64_MAX);
  EXPECT_EQ(clvm::disassemble_bounded(a, n, 3),
            fmt::format("(((… (more than {} more bytes)", UINT64_MAX - 3));
}

TEST(Bounded, HugeAtomIsCutWithoutPrintingIt) {
  clvm::Allocator a;
  const std::vector<std::uint8_t> big(10'000'000, 0x00);
  const clvm::NodePtr hex = a.new_atom(big);
  EXPECT_EQ(clvm::disassemble_bounded(a, hex, 6), "0x0000… (19999996 more bytes)");
  const std::vector<std::uint8_t> text(1000, 'a');
  const clvm::NodePtr q = a.new_atom(text);
  EXPECT_EQ(clvm::disassemble_bounded(a, a.new_pair(q, clvm::NodePtr::NIL), 4),
            "(\"aa… (1000 more bytes)");
}

TEST(Bounded, FormatterUsesKeywordsAndDefaultLimit) {
  clvm::Allocator a;
  const clvm::NodePtr n = text_test::from_hex(a, "ff3380");
  EXPECT_EQ(fmt::format("{}", clvm::text(a, n)), "(g1_negate)");
  EXPECT_EQ(fmt::format("{}", clvm::text(a, n, 100, KeywordSet::Classic)), "(51)");
  const std::vector<std::uint8_t> long_text(5000, 'b');
  const std::string s = fmt::format("{}", clvm::text(a, a.new_atom(long_text)));
  EXPECT_EQ(s.size(), clvm::kDefaultTextChars + std::string_view("… (4002 more bytes)").size());
  EXPECT_TRUE(s.ends_with("… (4002 more bytes)"));
}

}  // namespace
