// `clvm dump` (tools/clvm/arena_dump) on a 10,000,000-deep arena: the dump reads the tables in
// order, never the tree, so depth costs nothing; ranges keep the output small.
#include "arena_dump.hpp"

#include <clvm/runtime.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clvm {
namespace {

constexpr std::size_t kDepth = 10'000'000;

TEST(DeepDump, TenMillionDeepArenaInTextAndJson) {
  Allocator a;
  NodePtr left = a.one(), right = a.nil();
  for (std::size_t i = 0; i < kDepth / 2; ++i) {
    left = a.new_pair(left, a.one());
    right = a.new_pair(a.one(), right);
  }
  const std::vector<ImageRoot> roots = {{"left", left}, {"right", right}};
  tool::DumpOptions o;
  o.atoms = o.heap = false;
  o.pair_range = {kDepth - 2, tool::Range{}.end};
  const std::string text = tool::dump_arena(a, roots, o);
  EXPECT_NE(text.find("pairs  counted 10000000 = 10000000 stored + 0 ghost"), std::string::npos)
      << text;
  EXPECT_NE(text.find("reachable from the roots: 0 atoms, 10000000 pairs"), std::string::npos)
      << text;
  EXPECT_NE(text.find("root right = pair:9999999"), std::string::npos) << text;
  EXPECT_NE(text.find("9999999: small:1 → pair:9999997"), std::string::npos) << text;
  EXPECT_LT(text.size(), 2000u);

  o.json = true;
  const std::string json = tool::dump_arena(a, roots, o);
  EXPECT_NE(json.find("\"stored\":10000000"), std::string::npos) << json.substr(0, 400);
  EXPECT_NE(json.find("\"left\":\"pair:9999998\""), std::string::npos) << json.substr(0, 400);
}

}  // namespace
}  // namespace clvm
