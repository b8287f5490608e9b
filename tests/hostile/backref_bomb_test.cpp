// Back-reference "bombs": a few bytes that stand for an exponentially large tree. Parsing builds a
// DAG within the arena's limits; hashing and measuring are cached (linear in distinct nodes);
// writing the expanded form out is refused by a size limit instead of exhausting memory.
#include <clvm/detail/arena_internals.hpp>
#include <clvm/runtime.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include <gtest/gtest.h>

namespace clvm {
namespace {

// `levels` doublings of a leaf: ff ff ... 85 0102030405 fe02 fe02 ...; 2^levels leaves.
std::vector<std::uint8_t> doubling_bomb(int levels) {
  std::vector<std::uint8_t> b(static_cast<std::size_t>(levels), 0xff);
  for (std::uint8_t x : {0x85, 0x01, 0x02, 0x03, 0x04, 0x05}) b.push_back(x);
  for (int i = 0; i < levels; ++i) {
    b.push_back(0xfe);
    b.push_back(0x02);
  }
  return b;
}

TEST(BackrefBomb, DocumentedExampleExpands) {
  const auto bytes = doubling_bomb(3);
  ASSERT_EQ(to_hex(bytes), "ffffff850102030405fe02fe02fe02");
  Allocator a;
  const NodePtr n = node_from_bytes_backrefs(a, bytes);
  EXPECT_EQ(node_to_bytes(a, n).size(), 8u * 6 + 7);  // 8 leaves, 7 pairs
}

TEST(BackrefBomb, SixtyLevelsParseHashAndMeasureFast) {
  const auto bytes = doubling_bomb(60);  // 2^60 leaves when expanded
  Allocator a;
  const NodePtr n = node_from_bytes_backrefs(a, bytes);
  EXPECT_LT(a.stored_pairs(), 1000u);
  TreeCache cache;
  const Bytes32 h = tree_hash_cached(a, n, cache);
  EXPECT_EQ(tree_hash_from_bytes(bytes), h);
  EXPECT_EQ(serialized_length_from_bytes(bytes), bytes.size());
  // Writing the classic (expanded) form would need 2^60 * 6 bytes: a limit refuses it cleanly.
  EXPECT_THROW((void)node_to_bytes_limit(a, n, 2'000'000), Error);
  // The compressing writer stays small.
  EXPECT_LE(node_to_bytes_backrefs(a, n).size(), bytes.size());
}

TEST(BackrefBomb, ManyBackrefsHitThePairLimitCleanly) {
  // A list whose items are all back-references: each costs ghost pairs (clvmr's accounting), so
  // on an arena near its pair limit it fails with TooManyPairs instead of growing further.
  std::vector<std::uint8_t> bytes = {0xff, 0x85, 1, 2, 3, 4, 5};
  for (int i = 0; i < 1000; ++i) {
    bytes.push_back(0xff);
    bytes.push_back(0xfe);
    bytes.push_back(0x02);
  }
  bytes.push_back(0x80);
  Allocator a;
  detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs - 2000);
  try {
    (void)node_from_bytes_backrefs(a, bytes);
    FAIL() << "expected TooManyPairs";
  } catch (const EvalError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::TooManyPairs);
  }
}

TEST(BackrefBomb, PathsIntoAtomsAndPastTheStackAreErrors) {
  Allocator a;
  // ("foobar" . <path 4 = into the atom "foobar">)
  EXPECT_THROW((void)node_from_bytes_backrefs(a, *from_hex("ff86666f6f626172fe04")), Error);
  // a path longer than the parse stack
  EXPECT_THROW((void)node_from_bytes_backrefs(a, *from_hex("ff01fe8200ff")), Error);
  EXPECT_THROW((void)serialized_length_from_bytes(*from_hex("ff86666f6f626172fe04")), Error);
  // truncated input
  EXPECT_THROW((void)node_from_bytes_backrefs(a, *from_hex("ffff01")), Error);
  EXPECT_THROW((void)node_from_bytes(a, *from_hex("c0")), Error);
  EXPECT_THROW((void)node_from_bytes(a, *from_hex("8401")), Error);
}

TEST(BackrefBomb, LengthPrefixesBeyondTheDataOrTheLimit) {
  Allocator a;
  // 5-byte prefix claiming 0x3ffffffff bytes, 6-byte prefix past the format's maximum.
  EXPECT_THROW((void)node_from_bytes(a, *from_hex("fbffffffff00")), Error);
  EXPECT_THROW((void)node_from_bytes(a, *from_hex("fc0400000000")), Error);
  EXPECT_THROW((void)serialized_length_from_bytes(*from_hex("fbffffffff")), Error);
  EXPECT_THROW((void)tree_hash_from_bytes(*from_hex("f7ffffff")), Error);
}

}  // namespace
}  // namespace clvm
