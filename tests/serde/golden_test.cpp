// SPDX-License-Identifier: Apache-2.0
// Golden vectors of the classic and back-reference formats (reference facts §2 and clvmr's own
// unit tests in src/serde/).
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "serde_test_util.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace clvm;
using serde_test::hex;
using serde_test::to_hex;

std::string classic_hex(std::string_view in) {
  Allocator a;
  return to_hex(node_to_bytes(a, node_from_bytes(a, hex(in))));
}

TEST(SerdeGolden, AtomEncodings) {
  Allocator a;
  EXPECT_EQ(to_hex(node_to_bytes(a, a.new_small_number(1))), "01");
  EXPECT_EQ(to_hex(node_to_bytes(a, a.new_small_number(0x80))), "820080");
  EXPECT_EQ(to_hex(node_to_bytes(a, a.new_atom(std::vector<std::uint8_t>{0x80}))), "8180");
  EXPECT_EQ(to_hex(node_to_bytes(a, a.new_atom("foobar"))), "86666f6f626172");
  EXPECT_EQ(to_hex(node_to_bytes(a, Allocator::nil())), "80");
  EXPECT_EQ(to_hex(node_to_bytes(a, a.new_atom(std::vector<std::uint8_t>{0x00}))), "00");
  EXPECT_EQ(to_hex(node_to_bytes(a, a.new_atom(std::vector<std::uint8_t>{0x7f}))), "7f");
}

TEST(SerdeGolden, PrefixWidthBoundaries) {
  Allocator a;
  struct Case {
    std::size_t len;
    std::string prefix;
  };
  for (const Case& c : {Case{63, "bf"}, Case{64, "c040"}, Case{8191, "dfff"}, Case{8192, "e02000"},
                        Case{0xFFFFF, "efffff"}, Case{0x100000, "f0100000"}}) {
    const std::vector<std::uint8_t> blob(c.len, 0x66);
    const auto out = node_to_bytes(a, a.new_atom(blob));
    ASSERT_EQ(out.size(), c.len + c.prefix.size() / 2);
    EXPECT_EQ(to_hex({out.begin(), out.begin() + static_cast<long>(c.prefix.size() / 2)}),
              c.prefix);
    Allocator b;
    EXPECT_EQ(b.atom(node_from_bytes_strict(b, out)).size(), c.len);
  }
}

TEST(SerdeGolden, Lists) {
  Allocator a;
  const NodePtr l = a.new_pair(
      a.new_small_number(1),
      a.new_pair(a.new_small_number(2), a.new_pair(a.new_small_number(3), Allocator::nil())));
  EXPECT_EQ(to_hex(node_to_bytes(a, l)), "ff01ff02ff0380");
  EXPECT_EQ(classic_hex("ff01ff02ff0380"), "ff01ff02ff0380");
  EXPECT_EQ(classic_hex("ffff0102ff0304"), "ffff0102ff0304");
}

TEST(SerdeGolden, LenientReaderCanonicalises) {
  EXPECT_EQ(classic_hex("8105"), "05");
  EXPECT_EQ(classic_hex("c00105"), "05");
  EXPECT_EQ(classic_hex("c000"), "80");
  EXPECT_EQ(classic_hex("fc000000000105"), "05");  // 6-byte prefix
  EXPECT_EQ(classic_hex("0102"), "01");            // trailing bytes ignored
}

TEST(SerdeGolden, BackrefReading) {
  struct Case {
    const char* in;
    const char* classic;
  };
  for (const Case& c : {
           Case{"ffff0102fe02", "ffff0102ff0102"},
           Case{"ff86666f6f626172fe01", "ff86666f6f626172ff86666f6f62617280"},
           Case{"ffffff850102030405fe02fe02fe02",
                "ffffff850102030405850102030405ff850102030405850102030405ffff85010203040585010203"
                "0405ff850102030405850102030405"},
           Case{"ffff01ff02ff03ff0480fe02", "ffff01ff02ff03ff0480ff01ff02ff03ff0480"},
           Case{"fffe0100", "ff8000"},
           Case{"fe01", "80"},
           Case{"ff01fe00", "ff0180"},          // all-zero path: nil
           Case{"ff01fe80", "ff0180"},          // empty path: nil
           Case{"ff01fe0000", "ff0180"},        // path 00 is nil; the trailing 00 is not read
           Case{"ff01ff02fe05", "ff01ff0201"},  // third item down the stack
           Case{"ff01ff02fe07", "ff01ff0280"},  // past the bottom: the terminating nil
           Case{"ff01ff02fe03", "ff01ff02ff0180"},
       }) {
    Allocator a;
    const NodePtr n = node_from_bytes_backrefs(a, hex(c.in));
    EXPECT_EQ(to_hex(node_to_bytes(a, n)), c.classic) << c.in;
  }
}

TEST(SerdeGolden, BackrefTreeHashes) {
  struct Case {
    const char* in;
    const char* hash;
  };
  for (const Case& c : {
           Case{"ff86666f6f626172fe01",
                "9148834131750904c023598bed28db269bdb29012514579e723d63e27829bcba"},
           Case{"ffff01ff02ff03ff0480fe02",
                "028c16eb4fec600e6153d8dde60eb3916d13d0dc446b5cd7936a1248f8963bf8"},
           Case{"fffe0100", "8b7bb45fbbdd29c84edcab98274c6e084f19af64d24c65a475562dbbfee67735"},
           Case{"ffffffffff9b615f766572795f6c6f6e675f72657065617465645f737472696e6701ff0203ffff04"
                "05ff0607ff0809ff0afffe4180",
                "e23c73777f814e8a4e2785487b272b8b22ddaded1f7cfb808b43f1148602882f"},
       }) {
    Allocator a;
    EXPECT_EQ(fmt::format("{}", tree_hash(a, node_from_bytes_backrefs(a, hex(c.in)))), c.hash);
  }
}

TEST(SerdeGolden, BackrefWriting) {
  Allocator a;
  const NodePtr foobar = a.new_atom("foobar");
  const NodePtr l = a.new_pair(foobar, a.new_pair(foobar, Allocator::nil()));
  EXPECT_EQ(to_hex(node_to_bytes_backrefs(a, l)), "ff86666f6f626172fe01");

  const NodePtr leaf = a.new_atom(std::vector<std::uint8_t>{1, 2, 3, 4, 5});
  const NodePtr l1 = a.new_pair(leaf, leaf);
  const NodePtr l2 = a.new_pair(l1, l1);
  const NodePtr l3 = a.new_pair(l2, l2);
  EXPECT_EQ(to_hex(node_to_bytes_backrefs(a, l3)), "ffffff850102030405fe02fe02fe02");

  // (1 . 2) serializes to 3 bytes: below clvmr's 4-byte threshold, never back-referenced.
  const NodePtr p = a.new_pair(a.new_small_number(1), a.new_small_number(2));
  EXPECT_EQ(to_hex(node_to_bytes_backrefs(a, a.new_pair(p, p))), "ffff0102ff0102");

  const NodePtr l4 = a.new_pair(
      a.new_small_number(1),
      a.new_pair(
          a.new_small_number(2),
          a.new_pair(a.new_small_number(3), a.new_pair(a.new_small_number(4), Allocator::nil()))));
  EXPECT_EQ(to_hex(node_to_bytes_backrefs(a, a.new_pair(l4, l4))), "ffff01ff02ff03ff0480fe02");
}

TEST(SerdeGolden, WriterLimits) {
  Allocator a;
  const NodePtr leaf = a.new_atom(std::vector<std::uint8_t>{1, 2, 3, 4, 5});
  const NodePtr l1 = a.new_pair(leaf, leaf);
  const NodePtr l2 = a.new_pair(l1, l1);
  const NodePtr l3 = a.new_pair(l2, l2);
  EXPECT_EQ(node_to_bytes_backrefs_limit(a, l3, 15).size(), 15u);
  serde_test::expect_error<EvalError>([&] { node_to_bytes_backrefs_limit(a, l3, 14); },
                                      ErrorKind::OutOfMemory);
  EXPECT_EQ(node_to_bytes_limit(a, l3, 55).size(), 55u);
  serde_test::expect_error<EvalError>([&] { node_to_bytes_limit(a, l3, 54); },
                                      ErrorKind::OutOfMemory);
}

TEST(SerdeGolden, SerializedLength) {
  EXPECT_EQ(serialized_length_from_bytes(hex("7f000000")), 1u);
  EXPECT_EQ(serialized_length_from_bytes(hex("80000000")), 1u);
  EXPECT_EQ(serialized_length_from_bytes(hex("ff000000")), 3u);
  EXPECT_EQ(serialized_length_from_bytes(hex("ff01ff808000")), 5u);
  EXPECT_EQ(serialized_length_from_bytes(hex("8f000000000000000000000000000000")), 16u);
  EXPECT_EQ(serialized_length_from_bytes(hex("ffff01ff02ff03ff0480fe02ff")), 12u);
  EXPECT_EQ(serialized_length_from_bytes_trusted(hex("ff01fffe108000")), 6u);
  serde_test::expect_error<SerdeError>([] { serialized_length_from_bytes(hex("ff01fffe108000")); },
                                       ErrorKind::BackreferenceError);
}

TEST(SerdeGolden, StreamTreeHash) {
  EXPECT_EQ(fmt::format("{}", tree_hash_from_bytes(hex("80"))),
            "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a");
  EXPECT_EQ(fmt::format("{}", tree_hash_from_bytes(hex("ff01ff02ff03ff04ff0580"))),
            "123190dddde51acfc61f48429a879a7b905d1726a52991f7d63349863d06b1b6");
  EXPECT_EQ(fmt::format("{}", tree_hash_from_bytes(hex("ffff0102ff0304"))),
            "2824018d148bc6aed0847e2c86aaa8a5407b916169f15b12cea31fa932fc4c8d");
  EXPECT_EQ(fmt::format("{}", tree_hash_from_bytes(hex("ffff0102ff0386666f6f626172"))),
            "b28d5b401bd02b65b7ed93de8e916cfc488738323e568bcca7e032c3a97a12e4");
  EXPECT_EQ(tree_hash_from_bytes(hex("00")), tree_hash_atom(std::vector<std::uint8_t>{0}));
  EXPECT_EQ(tree_hash_from_bytes(hex("7f")), tree_hash_atom(std::vector<std::uint8_t>{0x7f}));
}

TEST(SerdeGolden, CanonicalCheck) {
  EXPECT_TRUE(is_canonical_serialization(hex("ff01ff02ff0380")));
  EXPECT_TRUE(is_canonical_serialization(hex("ff86666f6f626172fe01")));
  EXPECT_TRUE(is_canonical_serialization(hex("8105")));  // only prefix widths are checked
  EXPECT_FALSE(is_canonical_serialization(hex("c00105")));
  EXPECT_FALSE(is_canonical_serialization(hex("c000")));
  EXPECT_FALSE(is_canonical_serialization(hex("e0003f")));
  EXPECT_FALSE(is_canonical_serialization(hex("fc000000000105")));
  EXPECT_FALSE(is_canonical_serialization(hex("ff0180ff")));  // trailing byte
  EXPECT_FALSE(is_canonical_serialization(hex("ff01")));      // truncated
  EXPECT_FALSE(is_canonical_serialization(hex("fec001")));    // over-long path atom
  EXPECT_FALSE(is_canonical_serialization(hex("")));
}

}  // namespace

namespace clvm {
namespace {

// Found by SerdeProperty.BackrefRoundTripNeverLarger: a path into the parse stack below a suffix
// that an earlier path had already made real must return that shorter suffix (fe07, which an
// earlier writer of ours emitted). clvmr's writer reaches the same subtree by fe06: after fe01
// pushes B = (A . D) the stack is (B . B), and its search from D = (() ()) meets B first through
// B's `first` link, the one its parent list got first.
TEST(SerdeBackrefs, PathIntoAnAlreadyMaterialisedStackSuffix) {
  const auto classic = *from_hex("ff80ff80ffff8080ffffff8080ff80ff8080ff80ff8080");
  Allocator a;
  const NodePtr tree = node_from_bytes(a, classic);
  EXPECT_EQ(to_hex(node_to_bytes_backrefs(a, tree)), "ff80ff80ffff8080fffe01fe06");
  for (const char* hex : {"ff80ff80ffff8080fffe01fe07", "ff80ff80ffff8080fffe01fe06"}) {
    const auto compressed = *from_hex(hex);
    Allocator b;
    EXPECT_EQ(to_hex(node_to_bytes(b, node_from_bytes_backrefs(b, compressed))), to_hex(classic));
    EXPECT_EQ(serialized_length_from_bytes(compressed), compressed.size());
    EXPECT_EQ(tree_hash_from_bytes(compressed), tree_hash(a, tree));
  }
}

}  // namespace
}  // namespace clvm
