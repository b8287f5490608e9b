// SPDX-License-Identifier: Apache-2.0
// The readers' two paths: with room for the whole input they skip the arena's per-node limit
// checks; near a limit they fall back to the checked creators. Both must build the same arena
// (same tables, same counters, ghosts included) and fail with the same error at the same node.
//
// An arena is forced onto the checked path by leaving it exactly the headroom the parse needs
// (ghost atoms / ghost pairs / a heap limit), which is less than the whole-input bound the fast
// path asks for; one less than that must then hit the limit.
#include <clvm/detail/arena_internals.hpp>
#include <clvm/serde.hpp>

#include "serde_test_util.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace clvm;
using Bytes = std::vector<std::uint8_t>;
using Reader = NodePtr (*)(Allocator&, std::span<const std::uint8_t>);

// How much of each counter a parse used.
struct Use {
  std::size_t atoms = 0, pairs = 0, heap = 0;
};

Use use_since(const Allocator& a, const Checkpoint& cp) {
  return {a.atom_count() - (cp.atoms + cp.ghost_atoms),
          a.pair_count() - (cp.pairs + cp.ghost_pairs),
          a.heap_size() - 1 - (cp.heap + cp.ghost_heap)};
}

// What a parse left: its root or error kind, and the arena's use.
struct Outcome {
  std::optional<NodePtr> root;
  std::optional<ErrorKind> error;
  Use use;
};

Outcome parse(Reader read, Allocator& a, const Bytes& in) {
  const Checkpoint cp = a.checkpoint();
  Outcome o;
  o.error = test::kind_of([&] { o.root = read(a, in); });
  o.use = use_since(a, cp);
  return o;
}

// The stored tables are equal (both arenas start with empty tables).
void expect_same_tables(const Allocator& x, const Allocator& y) {
  ASSERT_EQ(x.stored_atoms(), y.stored_atoms());
  ASSERT_EQ(x.stored_pairs(), y.stored_pairs());
  ASSERT_TRUE(std::ranges::equal(x.heap_bytes(), y.heap_bytes()));
  for (std::uint32_t i = 0; i < x.stored_atoms(); ++i)
    ASSERT_EQ(x.atom_extent(i), y.atom_extent(i)) << "atom " << i;
  for (std::uint32_t i = 0; i < x.stored_pairs(); ++i) {
    const NodePtr p(ObjectType::Pair, i);
    ASSERT_EQ(x.pair(p), y.pair(p)) << "pair " << i;
  }
}

void expect_same(const Outcome& fast, const Outcome& checked) {
  EXPECT_EQ(fast.error, checked.error);
  EXPECT_EQ(fast.root.has_value(), checked.root.has_value());
  if (fast.root && checked.root) {
    EXPECT_EQ(fast.root->raw(), checked.root->raw());
  }
  EXPECT_EQ(fast.use.atoms, checked.use.atoms);
  EXPECT_EQ(fast.use.pairs, checked.use.pairs);
  EXPECT_EQ(fast.use.heap, checked.use.heap);
}

// An arena with exactly `room` (minus `short_by` on one counter, selected by `which`) left.
// which: 0 none, 1 atoms, 2 pairs, 3 heap.
Allocator arena_with_room(Use room, int which = 0) {
  if (which == 3) --room.heap;
  Allocator a(room.heap + 1);  // heap_size() starts at 1 (clvmr's `one()`)
  if (which == 1) --room.atoms;
  if (which == 2) --room.pairs;
  detail::arena_internals(a).add_ghost_atoms(Allocator::kMaxAtoms - a.atom_count() - room.atoms);
  detail::arena_internals(a).add_ghost_pairs(Allocator::kMaxPairs - a.pair_count() - room.pairs);
  return a;
}

struct ReaderCase {
  const char* name;
  Reader read;
  // The whole-input bound the reader asks can_add_nodes for.
  std::function<bool(const Allocator&, std::size_t)> fast;
};

const ReaderCase kReaders[] = {
    {"classic", node_from_bytes,
     [](const Allocator& a, std::size_t n) {
       return detail::arena_internals(a).can_add_nodes(n, n / 2, n);
     }},
    {"strict", node_from_bytes_strict,
     [](const Allocator& a, std::size_t n) {
       return detail::arena_internals(a).can_add_nodes(n, n / 2, n);
     }},
    {"backrefs", node_from_bytes_backrefs,
     [](const Allocator& a, std::size_t n) {
       return detail::arena_internals(a).can_add_nodes(n, 2 * n, n);
     }},
};

// Parses `in` on a fresh arena (fast path) and on one with exactly the room that parse used
// (checked path when that is below the bound) and compares. Returns true if the fallback ran.
bool compare_paths(const ReaderCase& r, const Bytes& in) {
  Allocator fresh;
  EXPECT_TRUE(r.fast(fresh, in.size()));
  const Outcome fast = parse(r.read, fresh, in);
  Allocator tight = arena_with_room(fast.use);
  const bool fallback = !r.fast(tight, in.size());
  const Outcome checked = parse(r.read, tight, in);
  expect_same(fast, checked);
  expect_same_tables(fresh, tight);
  return fallback;
}

// One counter short of what a successful parse needs: the checked path hits that limit.
void expect_limit_errors(const ReaderCase& r, const Bytes& in) {
  Allocator fresh;
  const Outcome fast = parse(r.read, fresh, in);
  ASSERT_FALSE(fast.error) << r.name;
  const std::pair<int, ErrorKind> shorts[] = {
      {1, ErrorKind::TooManyAtoms}, {2, ErrorKind::TooManyPairs}, {3, ErrorKind::OutOfMemory}};
  for (const auto& [which, kind] : shorts) {
    const std::size_t used = which == 1   ? fast.use.atoms
                             : which == 2 ? fast.use.pairs
                                          : fast.use.heap;
    if (used == 0) continue;
    Allocator a = arena_with_room(fast.use, which);
    ASSERT_FALSE(r.fast(a, in.size()));
    const Outcome o = parse(r.read, a, in);
    EXPECT_EQ(o.error, kind) << r.name << " short of counter " << which;
  }
}

TEST(SerdeUncheckedPath, GeneratorsBuildTheSameArenaOnBothPaths) {
  for (const char* file : {"block_af9c3d98.bin", "0.generator", "1.generator", "2.generator",
                           "3.generator", "4.generator"}) {
    SCOPED_TRACE(file);
    const Bytes in = serde_test::generator(file);
    EXPECT_TRUE(compare_paths(kReaders[2], in));
    expect_limit_errors(kReaders[2], in);
    if (std::string(file) == "block_af9c3d98.bin" || std::string(file) == "2.generator") {
      EXPECT_TRUE(compare_paths(kReaders[0], in));
      expect_limit_errors(kReaders[0], in);
    }
  }
}

// A random valid classic serialization (preorder), with bare bytes, nil, prefixed atoms (some of
// them canonical small integers, stored inline) and conses; `fe` path references if `backrefs`.
Bytes random_serialization(std::mt19937& rng, std::size_t max_conses, bool backrefs) {
  Bytes out;
  std::size_t need = 1, conses = 0;
  auto pick = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
  while (need > 0) {
    if (conses < max_conses && pick(5) < 2) {
      out.push_back(0xff);
      ++conses;
      ++need;
      continue;
    }
    --need;
    switch (pick(backrefs ? 7 : 6)) {
      case 0:
        out.push_back(static_cast<std::uint8_t>(pick(0x80)));  // bare byte, 00 and 01 included
        break;
      case 1:
        out.push_back(0x80);
        break;
      case 2: {  // a canonical small integer, prefixed: 82 01 00 .. 84 03 ff ff ff
        const unsigned len = 2 + pick(3);
        out.push_back(static_cast<std::uint8_t>(0x80 | len));
        out.push_back(static_cast<std::uint8_t>(len == 4 ? 1 + pick(3) : 1 + pick(0x7f)));
        for (unsigned i = 1; i < len; ++i) out.push_back(static_cast<std::uint8_t>(pick(256)));
        break;
      }
      case 3:
      case 4: {
        const unsigned len = pick(5) == 0 ? 64 + pick(200) : 1 + pick(40);
        if (len < 0x40) {
          out.push_back(static_cast<std::uint8_t>(0x80 | len));
        } else {
          out.push_back(static_cast<std::uint8_t>(0xc0 | (len >> 8)));
          out.push_back(static_cast<std::uint8_t>(len));
        }
        for (unsigned i = 0; i < len; ++i) out.push_back(static_cast<std::uint8_t>(pick(256)));
        break;
      }
      case 5:
        out.push_back(0x81);  // an over-long single byte
        out.push_back(static_cast<std::uint8_t>(pick(256)));
        break;
      case 6:
        out.push_back(0xfe);
        out.push_back(static_cast<std::uint8_t>(1 + pick(0x7f)));
        break;
    }
  }
  return out;
}

TEST(SerdeUncheckedPath, RandomInputsBuildTheSameArenaOnBothPaths) {
  std::mt19937 rng(20261121);
  std::size_t fallbacks = 0, runs = 0;
  for (int round = 0; round < 400; ++round) {
    const bool backrefs = round % 2 == 1;
    Bytes in = random_serialization(rng, 1 + rng() % 300, backrefs);
    if (round % 5 == 4) in.resize(rng() % in.size());                    // truncated
    if (round % 7 == 6) in.push_back(static_cast<std::uint8_t>(rng()));  // trailing byte
    for (const ReaderCase& r : kReaders) {
      if (backrefs && r.read != node_from_bytes_backrefs) continue;
      SCOPED_TRACE(std::string(r.name) + " " + serde_test::to_hex(in));
      fallbacks += compare_paths(r, in) ? 1 : 0;
      ++runs;
    }
  }
  // Nearly every input uses less than the whole-input bound, so the comparison is real.
  EXPECT_GT(fallbacks, runs * 9 / 10);
}

TEST(SerdeUncheckedPath, RandomValidInputsHitEachLimitOnTheCheckedPath) {
  std::mt19937 rng(7);
  for (int round = 0; round < 60; ++round) {
    const bool backrefs = round % 2 == 1;
    const Bytes in = random_serialization(rng, 1 + rng() % 100, backrefs);
    for (const ReaderCase& r : kReaders) {
      if (backrefs && r.read != node_from_bytes_backrefs) continue;
      Allocator probe;
      if (parse(r.read, probe, in).error) continue;  // an invalid back-reference
      SCOPED_TRACE(std::string(r.name) + " " + serde_test::to_hex(in));
      expect_limit_errors(r, in);
    }
  }
}

// node_from_bytes_backrefs' fast path runs the classic loop until its first `fe` token and then
// continues in the back-reference parser from that loop's stack: the hand-over must keep every
// node, counter and error, wherever it happens (first token, deep in a stack that outgrew its
// inline buffer, under open pairs of both kinds) and an `fe` inside atom bytes must not trigger it.
TEST(SerdeUncheckedPath, BackrefsHandOverFromTheClassicLoop) {
  const ReaderCase& br = kReaders[2];
  // `rests` pairs whose first half (a 5-byte atom) is done, then `depth` pairs whose first half is
  // open, then `tail` (the innermost first half), then nils for the open pairs' rests if `close`.
  auto deep = [](std::size_t rests, std::size_t depth, const Bytes& tail, bool close = true) {
    Bytes in;
    for (std::size_t i = 0; i < rests; ++i) in.insert(in.end(), {0xff, 0x85, 1, 2, 3, 4, 5});
    in.insert(in.end(), depth, 0xff);
    in.insert(in.end(), tail.begin(), tail.end());
    if (close) in.insert(in.end(), depth, 0x80);
    return in;
  };
  // A path of 200 rests (25 bytes of ones after the terminating 01): past the bottom of 200.
  Bytes rests200{0xfe, 0x9a, 0x01};
  rests200.insert(rests200.end(), 25, 0xff);
  struct Case {
    const char* name;
    Bytes in;
    std::optional<ErrorKind> error;
  };
  const Case cases[] = {
      {"fe first", serde_test::hex("fe01"), std::nullopt},
      {"fe first, path into nil", serde_test::hex("fe02"), ErrorKind::BackreferenceError},
      {"fe first, truncated path", serde_test::hex("fe"), ErrorKind::BadEncoding},
      {"fe first, truncated prefixed path", serde_test::hex("fe82ff"), ErrorKind::BadEncoding},
      {"the stack itself under 300 rests", deep(300, 0, serde_test::hex("fe01")), std::nullopt},
      {"200 rests down a stack of 200", deep(200, 0, rests200), std::nullopt},
      {"the stack under 500 open firsts", deep(3, 500, serde_test::hex("fe01")), std::nullopt},
      {"a first under 500 open firsts", deep(3, 500, serde_test::hex("fe05")), std::nullopt},
      {"to the bottom's nil", deep(2, 40, serde_test::hex("fe8400000007")), std::nullopt},
      {"past the bottom", deep(2, 40, serde_test::hex("fe8400ffffff")),
       ErrorKind::BackreferenceError},
      {"into an atom after the hand-over", deep(2, 0, serde_test::hex("fe0b")),
       ErrorKind::BackreferenceError},
      {"into an atom under open firsts", deep(2, 300, serde_test::hex("fe0b")),
       ErrorKind::BackreferenceError},
      {"fe inside atom bytes", serde_test::hex("ff83fefefeff84fe01fe01fe01"), std::nullopt},
      {"fe inside atom bytes, then truncated", serde_test::hex("ff83fefefeff84fe01fe01"),
       ErrorKind::BadEncoding},
      {"truncated after the hand-over", deep(3, 10, serde_test::hex("fe01ff"), false),
       ErrorKind::BadEncoding},
      {"a second back reference", deep(3, 10, serde_test::hex("fffe01fe03")), std::nullopt},
      {"pairs closed before the hand-over", serde_test::hex("ffff01ff0280fe02"), std::nullopt},
      {"the stack after closed pairs", serde_test::hex("ffff01ff0280ffff03ff0480fe01"),
       std::nullopt},
      {"under open firsts after closed pairs", deep(2, 70, serde_test::hex("ffff01ff0280fe05")),
       std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.name) + " " + serde_test::to_hex(c.in));
    Allocator probe;
    const Outcome o = parse(br.read, probe, c.in);
    EXPECT_EQ(o.error, c.error);
    EXPECT_TRUE(compare_paths(br, c.in)) << "the checked path did not run";
    if (!c.error) expect_limit_errors(br, c.in);
  }
}

TEST(SerdeUncheckedPath, BoundaryOfTheFastPath) {
  // A 5-byte input may make 5 atoms, 2 pairs (classic) and 5 heap bytes: with exactly that room
  // the fast path runs. "(2 0)" uses 2 atoms, 2 heap bytes and 2 pairs (the pair bound is
  // reached), so one atom or heap byte less still parses (on the checked path) and one pair
  // less fails there.
  const Bytes in = serde_test::hex("ff02ff0080");
  const ReaderCase& classic = kReaders[0];
  Allocator exact = arena_with_room({5, 2, 5});
  EXPECT_TRUE(classic.fast(exact, in.size()));
  const Outcome on_fast = parse(classic.read, exact, in);
  ASSERT_FALSE(on_fast.error);
  EXPECT_EQ(on_fast.use.pairs, 2u);
  for (int which = 1; which <= 3; ++which) {
    Allocator a = arena_with_room({5, 2, 5}, which);
    EXPECT_FALSE(classic.fast(a, in.size()));
    const Outcome o = parse(classic.read, a, in);
    if (which == 2) {
      EXPECT_EQ(o.error, ErrorKind::TooManyPairs);
    } else {
      expect_same(on_fast, o);
      expect_same_tables(exact, a);
    }
  }
}

}  // namespace
