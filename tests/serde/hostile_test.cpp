// SPDX-License-Identifier: Apache-2.0
// Malformed and hostile inputs: every reader fails with a clean SerdeError of the right kind.
#include <clvm/serde.hpp>

#include "serde_test_util.hpp"

#include <clvm/tree_hash.hpp>

#include <gtest/gtest.h>

#include <functional>

namespace {

using namespace clvm;
using serde_test::expect_error;
using serde_test::hex;

using Reader = std::function<void(std::span<const std::uint8_t>)>;

// All the readers that take classic framing (with or without back-references).
std::vector<std::pair<const char*, Reader>> readers() {
  return {
      {"classic",
       [](auto b) {
         Allocator a;
         node_from_bytes(a, b);
       }},
      {"strict",
       [](auto b) {
         Allocator a;
         node_from_bytes_strict(a, b);
       }},
      {"backrefs",
       [](auto b) {
         Allocator a;
         node_from_bytes_backrefs(a, b);
       }},
      {"length", [](auto b) { serialized_length_from_bytes(b); }},
      {"length_trusted", [](auto b) { serialized_length_from_bytes_trusted(b); }},
      {"tree_hash", [](auto b) { tree_hash_from_bytes(b); }},
  };
}

TEST(SerdeHostile, TruncatedAndOversizedInputs) {
  for (const char* in : {
           "",                // nothing
           "ff",              // pair without halves
           "ff80",            // pair without rest
           "ffff8080",        // outer pair without rest
           "82",              // atom without bytes
           "8201",            // atom cut short
           "c0",              // prefix cut short
           "c040",            // 64-byte atom, no bytes
           "e0ffff00",        // ~64 KiB announced, 1 byte present
           "f8ffffffff00",    // 5-byte prefix, ~17 GB announced
           "fc0400000000",    // 0x400000000: at clvmr's limit
           "fdffffffffff00",  // 6-byte prefix, far beyond the limit
           "fdff32303236",    // the serde_2026 magic, deliberately invalid here
       }) {
    for (auto& reader : readers()) {
      auto& read =
          reader.second;  // not a structured binding: lambdas cannot capture those in C++20
      expect_error<SerdeError>([&] { read(hex(in)); }, ErrorKind::BadEncoding);
    }
  }
}

TEST(SerdeHostile, InvalidPrefixBytes) {
  // `fe` is a back-reference marker, not an atom, in classic input.
  for (const char* in : {"fe01", "ff01fe01"}) {
    expect_error<SerdeError>(
        [&] {
          Allocator a;
          node_from_bytes(a, hex(in));
        },
        ErrorKind::BadEncoding);
    // tree_hash_from_bytes reads back-references: it agrees with parsing them.
    Allocator b;
    TreeCache cache;
    EXPECT_EQ(tree_hash_from_bytes(hex(in)),
              tree_hash_cached(b, node_from_bytes_backrefs(b, hex(in)), cache));
  }
  // Back-reference paths must themselves be valid atoms.
  for (const char* in : {"fe", "ff01fe", "ff01fefe00", "ff01feff00", "ff01fe82", "ff01fec0"}) {
    expect_error<SerdeError>(
        [&] {
          Allocator a;
          node_from_bytes_backrefs(a, hex(in));
        },
        ErrorKind::BadEncoding);
    expect_error<SerdeError>([&] { serialized_length_from_bytes(hex(in)); },
                             ErrorKind::BadEncoding);
  }
}

TEST(SerdeHostile, BackreferenceErrors) {
  for (const char* in : {
           "fe02",                      // empty stack: first of nil
           "fe03",                      // empty stack: rest of nil
           "ff01fe04",                  // into the atom 1
           "ff01fe06",                  // nil below the stack, then first
           "ff01fe07ff",                // past the bottom, then rest of nil (trailing byte unread)
           "ff83000102ff83040506fe0b",  // clvmr's traverse_path_with_vec error cases
           "ff83000102ff83040506fe0f", "ff83000102ff83040506fe0d", "ff83000102ff83040506fe09",
           "ff83000102ff83040506fe0a", "ff83000102ff83040506fe0e",
           "ff01fe8200ff",  // a leading zero byte, then rests past the bottom of the stack
       }) {
    expect_error<SerdeError>(
        [&] {
          Allocator a;
          node_from_bytes_backrefs(a, hex(in));
        },
        ErrorKind::BackreferenceError);
    expect_error<SerdeError>([&] { serialized_length_from_bytes(hex(in)); },
                             ErrorKind::BackreferenceError);
  }
}

TEST(SerdeHostile, StrictReaderRejectsNonCanonical) {
  for (const char* in : {"8105", "817f", "c00105", "c000", "e0000180", "f000000180", "f80000000180",
                         "fc000000000180", "0102", "ff808080", "8180ff"}) {
    expect_error<SerdeError>(
        [&] {
          Allocator a;
          node_from_bytes_strict(a, hex(in));
        },
        ErrorKind::NonCanonicalSerialization);
  }
  for (const char* in : {"8180", "80", "00", "ff0180", "86666f6f626172"}) {
    Allocator a;
    EXPECT_NO_THROW(node_from_bytes_strict(a, hex(in))) << in;
  }
}

TEST(SerdeHostile, BackrefBombIsBounded) {
  // Each doubling references the previous level: the tree is exponential, the parse linear.
  std::vector<std::uint8_t> in(40, 0xff);
  in.push_back(0x01);
  for (int i = 0; i < 40; ++i) {
    in.push_back(0xfe);
    in.push_back(0x02);
  }
  Allocator a;
  const NodePtr n = node_from_bytes_backrefs(a, in);
  EXPECT_TRUE(n.is_pair());
  EXPECT_EQ(a.stored_pairs(), 40u);
  EXPECT_EQ(serialized_length_from_bytes(in), in.size());
  // Re-serializing it classically is refused by the default limit.
  expect_error<EvalError>([&] { node_to_bytes_limit(a, n, kDefaultSerializeLimit); },
                          ErrorKind::OutOfMemory);
}

TEST(SerdeHostile, ArenaLimitsSurface) {
  Allocator small(10);  // 10-byte heap
  expect_error<EvalError>([&] { node_from_bytes(small, hex("8b0102030405060708090a0b")); },
                          ErrorKind::OutOfMemory);
}

}  // namespace
