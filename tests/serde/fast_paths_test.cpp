// SPDX-License-Identifier: Apache-2.0
// The readers' and writers' fast paths against their plain definitions: inline atoms written from
// their value, back-reference paths whose runs of `rest` steps cross byte boundaries, and the bulk
// ghost-pair accounting of the back-reference reader.
#include <clvm/serde.hpp>

#include "serde_test_util.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

namespace {

using namespace clvm;
using serde_test::expect_error;
using serde_test::hex;
using serde_test::to_hex;

// The classic encoding of an atom with these bytes, spelled out.
std::vector<std::uint8_t> encode(std::span<const std::uint8_t> b) {
  if (b.empty()) return {0x80};
  if (b.size() == 1 && b[0] < 0x80) return {b[0]};
  std::vector<std::uint8_t> out{static_cast<std::uint8_t>(0x80 | b.size())};  // <= 4 bytes here
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

TEST(SerdeFastPaths, InlineAtomsAreWrittenFromTheirValue) {
  Allocator a;
  for (std::uint32_t v : {0u, 1u, 0x7fu, 0x80u, 0xffu, 0x100u, 0x7fffu, 0x8000u, 0x7fffffu,
                          0x800000u, Allocator::kMaxSmallValue}) {
    const NodePtr n = a.new_small_number(v);
    const Atom bytes = a.atom(n);
    EXPECT_EQ(node_to_bytes(a, n), encode(bytes.span())) << v;
    EXPECT_EQ(node_to_bytes(a, a.new_pair(n, n)).size(), 1 + 2 * encode(bytes.span()).size());
  }
}

TEST(SerdeFastPaths, WriterLimitCountsEveryByte) {
  Allocator a;
  const NodePtr list = node_from_bytes(a, hex("ff8200ffff01ff0280"));
  EXPECT_EQ(node_to_bytes_limit(a, list, 9).size(), 9u);
  expect_error<EvalError>([&] { node_to_bytes_limit(a, list, 8); }, ErrorKind::OutOfMemory);
}

// (1 2 ... 20 . X) where X is `fe` + `path`: the parse stack holds the atoms 1..20 (20 on top).
std::vector<std::uint8_t> twenty_then(std::string_view path_hex) {
  std::string s;
  for (int i = 1; i <= 20; ++i) s += fmt::format("ff{:02x}", i);
  return hex(s + "fe" + std::string(path_hex));
}

// X: the node after the twenty rests.
NodePtr last_rest(const Allocator& a, NodePtr n) {
  for (int i = 0; i < 20; ++i) n = a.pair(n).rest;
  return n;
}

TEST(SerdeFastPaths, BackrefRestRunsAcrossBytes) {
  // rest x10, first, then the terminating bit: 0b1_0_1111111111 = 0x0bff -> the 10th item from
  // the bottom, the atom 10.
  Allocator a;
  EXPECT_EQ(a.small_number(last_rest(a, node_from_bytes_backrefs(a, twenty_then("820bff")))), 10u);
  // rest x19 reaches the bottom item; then first: the atom 1.
  EXPECT_EQ(a.small_number(last_rest(a, node_from_bytes_backrefs(a, twenty_then("8317ffff")))), 1u);
  // rest x19 alone: the stack suffix holding only the bottom item, the list (1).
  const NodePtr suffix = last_rest(a, node_from_bytes_backrefs(a, twenty_then("830fffff")));
  ASSERT_TRUE(suffix.is_pair());
  EXPECT_EQ(a.small_number(a.pair(suffix).first), 1u);
  EXPECT_EQ(a.pair(suffix).rest, Allocator::nil());
  // rest x20 passes the bottom: the terminating nil.
  EXPECT_EQ(last_rest(a, node_from_bytes_backrefs(a, twenty_then("831fffff"))), Allocator::nil());
  // rest x20 then a step into that nil: an error, in both the reader and the length check.
  expect_error<SerdeError>([&] { node_from_bytes_backrefs(a, twenty_then("833fffff")); },
                           ErrorKind::BackreferenceError);
  expect_error<SerdeError>([&] { serialized_length_from_bytes(twenty_then("833fffff")); },
                           ErrorKind::BackreferenceError);
  EXPECT_EQ(serialized_length_from_bytes(twenty_then("820bff")), 44u);
}

// A path atom's bytes `digits_hex` after `zeros` zero bytes, with a one- or two-byte prefix.
std::string spell_path(std::string_view digits_hex, std::size_t zeros, bool two_byte_prefix) {
  const std::size_t len = zeros + digits_hex.size() / 2;
  std::string s =
      two_byte_prefix ? fmt::format("c0{:02x}", len) : fmt::format("{:02x}", 0x80 | len);
  for (std::size_t i = 0; i < zeros; ++i) s += "00";
  return s.append(digits_hex);
}

// The reader takes a path of up to 8 bytes (bare, or after a one-byte prefix) as a number, and
// others byte by byte: every spelling of one path resolves alike, on both sides of 8 bytes, and a
// path cut short at any byte is truncated input, whichever way it is read.
TEST(SerdeFastPaths, BackrefPathSpellingsAgree) {
  struct Want {
    std::string digits;  // the path's significant bytes
    std::string x;       // what the node after the twenty rests serializes to
  };
  // 0x0bff: rest x10, first: the atom 10. 0x0f: rest x3: the stack suffix, top first
  // (17 16 ... 1). Nil.
  std::string seventeen;
  for (int i = 17; i >= 1; --i) seventeen += fmt::format("ff{:02x}", i);
  for (const Want& w : {Want{"0bff", "0a"}, Want{"0f", seventeen + "80"}, Want{"", "80"}}) {
    std::vector<std::string> spellings;
    if (w.digits == "0f") spellings.push_back("0f");  // bare
    for (std::size_t zeros : {0u, 1u, 6u, 7u, 8u, 9u, 20u})
      for (bool two : {false, true}) spellings.push_back(spell_path(w.digits, zeros, two));
    std::size_t short_ones = 0, long_ones = 0;
    for (const std::string& path : spellings) {
      SCOPED_TRACE(path);
      (path.size() / 2 <= 9 && path[0] != 'c' ? short_ones : long_ones) += 1;
      const std::vector<std::uint8_t> in = twenty_then(path);
      Allocator a;
      EXPECT_EQ(node_to_bytes(a, last_rest(a, node_from_bytes_backrefs(a, in))), hex(w.x));
      EXPECT_EQ(serialized_length_from_bytes(in), in.size());
      for (std::size_t n = 41; n < in.size(); ++n) {  // from just after the fe
        expect_error<SerdeError>(
            [&] {
              node_from_bytes_backrefs(a, std::span{in.data(), n});
            },
            ErrorKind::BadEncoding);
        expect_error<SerdeError>(
            [&] {
              serialized_length_from_bytes(std::span{in.data(), n});
            },
            ErrorKind::BadEncoding);
      }
    }
    EXPECT_GE(short_ones, 3u);  // read as a number
    EXPECT_GE(long_ones, 8u);   // read byte by byte
  }
}

TEST(SerdeFastPaths, BulkGhostPairsMatchPerPushCounting) {
  // 20 atom pushes + 20 cons pushes + 1 backref push = 41 ghosts, 20 real pairs; a stack suffix
  // made real (rest x3 -> the list of the bottom 17 items) turns 17 ghosts into pairs.
  Allocator a;
  node_from_bytes_backrefs(a, twenty_then("820bff"));
  EXPECT_EQ(a.pair_count(), 20u + 41u);
  Allocator b;
  node_from_bytes_backrefs(b, twenty_then("0f"));  // 0b1111: rest x3, the stack suffix itself
  EXPECT_EQ(b.pair_count(), 20u + 41u);
  EXPECT_EQ(b.stored_pairs(), 20u + 17u);
  // An error mid-parse leaves the ghosts of what was pushed counted.
  Allocator c;
  expect_error<SerdeError>([&] { node_from_bytes_backrefs(c, twenty_then("833fffff")); },
                           ErrorKind::BackreferenceError);
  EXPECT_EQ(c.pair_count(), 20u);
}

// The classic reader takes runs of cons boxes up to 7 at a time while 8 input bytes remain, and
// one at a time near the end: runs of every length, at every distance from the end, parse as the
// checked path (a heap limit too small for the unchecked bound) parses them, and every proper
// prefix is truncated input.
TEST(SerdeFastPaths, ConsRunsOfEveryLengthNearTheEnd) {
  for (std::size_t d = 0; d <= 40; ++d) {
    // Left-nested ((((01 . 02) . 02) ...) . 02) and right-nested (02 02 ... 02 . 81 ff).
    std::vector<std::uint8_t> left(d, 0xff), right;
    left.push_back(0x01);
    left.insert(left.end(), d, 0x02);
    for (std::size_t i = 0; i < d; ++i) right.insert(right.end(), {0xff, 0x02});
    right.insert(right.end(), {0x81, 0xff});
    for (const auto& in : {left, right}) {
      Allocator fast;
      Allocator checked(in.size() / 2 + 3);
      const NodePtr f = node_from_bytes(fast, in);
      const NodePtr c = node_from_bytes(checked, in);
      EXPECT_EQ(node_to_bytes(fast, f), in) << d;
      EXPECT_EQ(node_to_bytes(checked, c), in) << d;
      EXPECT_EQ(fast.atom_count(), checked.atom_count()) << d;
      EXPECT_EQ(fast.pair_count(), checked.pair_count()) << d;
      EXPECT_EQ(fast.heap_size(), checked.heap_size()) << d;
      EXPECT_EQ(node_to_bytes(fast, node_from_bytes_strict(fast, in)), in) << d;
      for (std::size_t n = 0; n < in.size(); ++n) {
        Allocator t;
        expect_error<SerdeError>(
            [&] {
              node_from_bytes(t, std::span{in.data(), n});
            },
            ErrorKind::BadEncoding);
      }
    }
  }
}

// The back-reference parser also takes runs of cons boxes up to 7 at a time while 8 input bytes
// remain. After a first `fe` (so in that parser, not the classic loop it starts in): runs of every
// length at every distance from the end, with ff and fe bytes inside atoms, parse as the checked
// path parses them (same nodes and counters); every proper prefix is truncated input; and a bad
// path after a run fails alike, with the same ghost pairs counted.
TEST(SerdeFastPaths, BackrefConsRunsOfEveryLengthNearTheEnd) {
  const std::vector<std::uint8_t> head{0xff, 0x05, 0xff, 0xfe, 0x02};  // (5 . (5 . T)): fe 02 = 5
  const std::vector<std::uint8_t> head_classic{0xff, 0x05, 0xff, 0x05};
  for (std::size_t d = 0; d <= 40; ++d) {
    // T left-nested ((((01 . 02) . 02) ...) . 02), or right-nested (ff fe ff ... ff fe ff . ()).
    std::vector<std::uint8_t> left(d, 0xff), right;
    left.push_back(0x01);
    left.insert(left.end(), d, 0x02);
    for (std::size_t i = 0; i < d; ++i) right.insert(right.end(), {0xff, 0x83, 0xff, 0xfe, 0xff});
    right.push_back(0x80);
    for (const auto& t : {left, right}) {
      std::vector<std::uint8_t> in = head, classic = head_classic;
      in.insert(in.end(), t.begin(), t.end());
      classic.insert(classic.end(), t.begin(), t.end());
      Allocator fast;
      Allocator checked(in.size() - 1);  // below the unchecked bound (n heap bytes)
      const NodePtr f = node_from_bytes_backrefs(fast, in);
      const NodePtr c = node_from_bytes_backrefs(checked, in);
      EXPECT_EQ(node_to_bytes(fast, f), classic) << d;
      EXPECT_EQ(node_to_bytes(checked, c), classic) << d;
      EXPECT_EQ(fast.atom_count(), checked.atom_count()) << d;
      EXPECT_EQ(fast.pair_count(), checked.pair_count()) << d;
      EXPECT_EQ(fast.stored_pairs(), checked.stored_pairs()) << d;
      EXPECT_EQ(fast.heap_size(), checked.heap_size()) << d;
      EXPECT_EQ(serialized_length_from_bytes(in), in.size()) << d;
      for (std::size_t n = 0; n < in.size(); ++n) {
        Allocator tf, tc(std::max<std::size_t>(n, 1));  // checked once n > 0
        for (Allocator* a : {&tf, &tc})
          expect_error<SerdeError>(
              [&] {
                node_from_bytes_backrefs(*a, std::span{in.data(), n});
              },
              ErrorKind::BadEncoding);
        expect_error<SerdeError>(
            [&] {
              serialized_length_from_bytes(std::span{in.data(), n});
            },
            ErrorKind::BadEncoding);
        EXPECT_EQ(tf.pair_count(), tc.pair_count()) << d << " " << n;
      }
    }
    // A path into an atom after a run: fe 40 is first x6, and the stack's top is the atom 5.
    std::vector<std::uint8_t> bad = head;
    bad.insert(bad.end(), d, 0xff);
    bad.insert(bad.end(), {0xfe, 0x40});
    bad.insert(bad.end(), d + 1, 0x80);
    Allocator bf, bc(bad.size() - 1);
    for (Allocator* a : {&bf, &bc})
      expect_error<SerdeError>([&] { node_from_bytes_backrefs(*a, bad); },
                               ErrorKind::BackreferenceError);
    EXPECT_EQ(bf.pair_count(), bc.pair_count()) << d;
    EXPECT_EQ(bf.pair_count(), 2u) << d;  // the ghosts of the pushes of 5 and of fe 02
  }
}

// Atoms of 5..64 bytes are copied 64 bytes at a time when 64 input bytes and 64 bytes of heap
// capacity remain (both readers): every length, at every distance from the end of the input, reads
// back as the checked path reads it.
TEST(SerdeFastPaths, PrefixedAtomsOfEveryLengthNearTheEnd) {
  for (std::size_t len = 0; len <= 70; ++len) {
    for (std::size_t tail : {0u, 1u, 2u, 30u, 62u, 63u, 64u, 65u, 100u}) {
      // (atom_len . atom_tail): the second atom sets how far the first one ends from the end.
      std::vector<std::uint8_t> in{0xff};
      for (std::size_t n : {len, tail}) {
        std::vector<std::uint8_t> bytes(n);
        for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<std::uint8_t>(0x91 + i);
        if (n == 0 || (n == 1 && bytes[0] < 0x80)) {
          in.push_back(n == 0 ? 0x80 : bytes[0]);
        } else {
          in.push_back(static_cast<std::uint8_t>(n < 0x40 ? 0x80 | n : 0xc0));
          if (n >= 0x40) in.push_back(static_cast<std::uint8_t>(n));
          in.insert(in.end(), bytes.begin(), bytes.end());
        }
      }
      Allocator fast;
      Allocator checked(in.size() - 1);  // below the unchecked bound, above what is made
      const NodePtr f = node_from_bytes(fast, in);
      const NodePtr c = node_from_bytes(checked, in);
      EXPECT_EQ(node_to_bytes(fast, f), in) << len << " " << tail;
      EXPECT_EQ(node_to_bytes(checked, c), in) << len << " " << tail;
      EXPECT_EQ(fast.atom_count(), checked.atom_count()) << len << " " << tail;
      EXPECT_EQ(fast.stored_atoms(), checked.stored_atoms()) << len << " " << tail;
      EXPECT_EQ(fast.heap_size(), checked.heap_size()) << len << " " << tail;
      EXPECT_EQ(fast.stored_heap_bytes(), checked.stored_heap_bytes()) << len << " " << tail;
      // The back-reference reader (same input: it has no back-reference) takes the same copy.
      Allocator fast_br;
      Allocator checked_br(in.size() - 1);
      EXPECT_EQ(node_to_bytes(fast_br, node_from_bytes_backrefs(fast_br, in)), in) << len;
      EXPECT_EQ(node_to_bytes(checked_br, node_from_bytes_backrefs(checked_br, in)), in) << len;
      EXPECT_EQ(fast_br.atom_count(), checked_br.atom_count()) << len << " " << tail;
      EXPECT_EQ(fast_br.stored_heap_bytes(), checked_br.stored_heap_bytes()) << len << " " << tail;
      EXPECT_EQ(fast_br.heap_size(), checked_br.heap_size()) << len << " " << tail;
    }
  }
}

}  // namespace
