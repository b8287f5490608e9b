// SPDX-License-Identifier: Apache-2.0
// The 2026 format: the reference example, varints, the reader's strictness and its limits.
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>
#include <clvm/tree_hash.hpp>

#include "serde/varint.hpp"
#include "serde_test_util.hpp"

#include <gtest/gtest.h>

namespace {

using namespace clvm;
using serde_test::expect_error;
using serde_test::hex;
using serde_test::to_hex;

const std::string kMagic = "fdff32303236";

std::string classic_of_2026(const std::string& body, const Serde2026Limits& limits = {}) {
  Allocator a;
  return to_hex(node_to_bytes(a, node_from_bytes_2026(a, hex(kMagic + body), limits)));
}

TEST(Serde2026, ReferenceExample) {
  Allocator a;
  const NodePtr l = a.new_pair(a.new_atom("A"), Allocator::nil());
  EXPECT_EQ(to_hex(node_to_bytes_2026(a, l)), kMagic + "01014103020001");
  EXPECT_EQ(classic_of_2026("01014103020001"), "ff4180");
}

TEST(Serde2026, Varints) {
  using serde_detail::append_varint;
  struct Case {
    std::int64_t v;
    const char* enc;
  };
  for (const Case& c :
       {Case{0, "00"}, Case{1, "01"}, Case{-1, "7f"}, Case{63, "3f"}, Case{-64, "40"},
        Case{64, "8040"}, Case{8191, "9fff"}, Case{-65, "bfbf"}, Case{-8192, "a000"},
        Case{8192, "c02000"}, Case{(std::int64_t{1} << 55) - 1, "fe7fffffffffffff"},
        Case{-(std::int64_t{1} << 55), "fe80000000000000"}}) {
    std::vector<std::uint8_t> out;
    append_varint(out, c.v);
    EXPECT_EQ(to_hex(out), c.enc) << c.v;
    serde_detail::Cursor cur{out.data(), out.size()};
    EXPECT_EQ(serde_detail::read_varint(cur), c.v);
    EXPECT_EQ(cur.pos, out.size());
  }
}

TEST(Serde2026, ConsOrdersAndPairReferences) {
  // atoms A, B (one group of two 1-byte atoms)
  EXPECT_EQ(classic_of_2026("017f02414203020301"), "ff4142");  // cons: left pushed first
  EXPECT_EQ(classic_of_2026("017f0241420302037f"), "ff4241");  // -1: right pushed first
  EXPECT_EQ(classic_of_2026("017f024142050203017e01"), "ffff4142ff4142");  // pair 0 reused
  EXPECT_EQ(classic_of_2026("000100"), "80");                              // just nil
  EXPECT_EQ(classic_of_2026("0103666f6f0102"), "83666f6f");                // just an atom
}

TEST(Serde2026, StructureSharingIsCompact) {
  Allocator a;
  NodePtr n = a.new_atom("leaf-leaf-leaf");
  for (int i = 0; i < 64; ++i) n = a.new_pair(n, n);  // 2^64 leaves, 65 distinct nodes
  const auto s = node_to_bytes_2026(a, n);
  EXPECT_LT(s.size(), 300u);
  Allocator b;
  TreeCache c1, c2;
  EXPECT_EQ(tree_hash_cached(b, node_from_bytes_2026(b, s), c1), tree_hash_cached(a, n, c2));
}

TEST(Serde2026, RejectsMalformedInput) {
  const auto bad = [](const std::string& in, ErrorKind kind) {
    expect_error<SerdeError>(
        [&] {
          Allocator a;
          node_from_bytes_2026(a, hex(in));
        },
        kind);
  };
  bad("", ErrorKind::BadEncoding);
  bad("fdff323032", ErrorKind::BadEncoding);                     // short magic
  bad("fdff32303237000100", ErrorKind::BadEncoding);             // wrong magic
  bad("ff0100", ErrorKind::BadEncoding);                         // classic input
  bad(kMagic, ErrorKind::BadEncoding);                           // no body
  bad(kMagic + "ff", ErrorKind::BadEncoding);                    // invalid varint prefix
  bad(kMagic + "80", ErrorKind::BadEncoding);                    // truncated varint
  bad(kMagic + "800000", ErrorKind::NonCanonicalSerialization);  // over-long 0
  bad(kMagic + "0001c00000", ErrorKind::NonCanonicalSerialization);
  bad(kMagic + "0000", ErrorKind::BadEncoding);      // no instructions
  bad(kMagic + "000102", ErrorKind::BadEncoding);    // atom index out of range
  bad(kMagic + "00017e", ErrorKind::BadEncoding);    // pair index out of range
  bad(kMagic + "00020000", ErrorKind::BadEncoding);  // two nodes left
  bad(kMagic + "00020001", ErrorKind::BadEncoding);  // cons on a short stack
  bad(kMagic + "0002007f", ErrorKind::BadEncoding);
  bad(kMagic + "00010000", ErrorKind::BadEncoding);            // trailing byte
  bad(kMagic + "010000", ErrorKind::BadEncoding);              // empty atom in the table
  bad(kMagic + "0105410102", ErrorKind::BadEncoding);          // atom runs past the end
  bad(kMagic + "017f7f", ErrorKind::BadEncoding);              // negative count
  bad(kMagic + "7f0100", ErrorKind::BadEncoding);              // negative group count
  bad(kMagic + "00fe7fffffffffffff", ErrorKind::BadEncoding);  // huge instruction count
}

TEST(Serde2026, Limits) {
  Serde2026Limits tight;
  tight.max_atom_len = 2;
  EXPECT_EQ(classic_of_2026("010241420102", tight), "824142");
  expect_error<SerdeError>([&] { classic_of_2026("01034142430102", tight); },
                           ErrorKind::BadEncoding);
  Serde2026Limits tiny_input;
  tiny_input.max_input_bytes = 8;
  expect_error<SerdeError>([&] { classic_of_2026("0101410102", tiny_input); },
                           ErrorKind::BadEncoding);
}

}  // namespace
