// The node arena: the seed's API, atom representations, views, counters and checkpoints.
#include <clvm/detail/arena_internals.hpp>
#include <clvm/runtime.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clvm {
namespace {

std::vector<std::uint8_t> bytes(std::initializer_list<int> v) {
  std::vector<std::uint8_t> r;
  for (int b : v) r.push_back(static_cast<std::uint8_t>(b));
  return r;
}

TEST(Arena, SeedExample) {
  Allocator a;
  NodePtr p = a.new_atom("Hello, world!");
  Atom v = a.atom(p);
  EXPECT_EQ(v.as_string_view(), "Hello, world!");
  EXPECT_EQ(std::string(v.begin(), v.end()), "Hello, world!");
  EXPECT_EQ(v[0], 'H');
  EXPECT_EQ(v.span().size(), 13u);
  NodePtr q = a.new_pair(p, p);
  SExp s = a.sexp(q);
  ASSERT_TRUE(std::holds_alternative<Pair>(s));
  auto [first, rest] = std::get<Pair>(s);
  EXPECT_EQ(first, p);
  EXPECT_EQ(rest, p);
  EXPECT_TRUE(std::holds_alternative<Atom>(a.sexp(p)));
}

TEST(Arena, NilAndOneAreInlineAndUncounted) {
  Allocator a;
  EXPECT_EQ(a.nil(), NodePtr::NIL);
  EXPECT_EQ(a.nil().raw(), 0x08000000u);
  EXPECT_EQ(a.one().raw(), 0x08000001u);
  EXPECT_EQ(a.atom_len(a.nil()), 0u);
  EXPECT_EQ(a.atom(a.one()).span().size(), 1u);
  EXPECT_EQ(a.atom(a.one())[0], 1);
  // clvmr starts as if nil and 1 had been allocated: 2 ghost atoms, no pairs.
  EXPECT_EQ(a.atom_count(), 2u);
  EXPECT_EQ(a.pair_count(), 0u);
  EXPECT_EQ(a.heap_size(), 1u);  // clvmr's pre-allocated `one()` byte
}

struct SmallCase {
  std::vector<std::uint8_t> bytes;
  std::optional<std::uint32_t> value;
};

TEST(Arena, FitsInSmallAtom) {
  const std::vector<SmallCase> cases = {
      {{}, 0},
      {bytes({0x00}), std::nullopt},  // 00 is not canonical zero
      {bytes({0x01}), 1},
      {bytes({0x7f}), 0x7f},
      {bytes({0x80}), std::nullopt},  // negative
      {bytes({0x00, 0x80}), 0x80},
      {bytes({0x00, 0x7f}), std::nullopt},  // redundant leading zero
      {bytes({0x03, 0xff, 0xff, 0xff}), 0x3ffffff},
      {bytes({0x04, 0x00, 0x00, 0x00}), std::nullopt},  // 2^26 does not fit
      {bytes({0x00, 0x00, 0x80, 0x00}), std::nullopt},
      {bytes({0x01, 0x02, 0x03, 0x04, 0x05}), std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(fits_in_small_atom(c.bytes), c.value) << to_hex(c.bytes);
}

TEST(Arena, SmallAtomsRoundTripTheirBytes) {
  Allocator a;
  for (std::uint32_t v : {0u, 1u, 0x7fu, 0x80u, 0xffu, 0x100u, 0x7fffu, 0x8000u, 0x3ffffffu}) {
    NodePtr n = a.new_small_number(v);
    EXPECT_EQ(n.object_type(), ObjectType::SmallAtom);
    EXPECT_EQ(a.small_number(n), v);
    const std::vector<std::uint8_t> enc = number_to_bytes(Number(v));
    const Atom view = a.atom(n);  // one view: a small atom carries its bytes by value
    EXPECT_EQ(std::vector<std::uint8_t>(view.begin(), view.end()), enc);
    EXPECT_EQ(a.atom_len(n), enc.size());
    // The same bytes through new_atom give the same inline node.
    EXPECT_EQ(a.new_atom(enc), n);
  }
}

TEST(Arena, NonCanonicalBytesStayOnTheHeap) {
  Allocator a;
  NodePtr n = a.new_atom(bytes({0x00, 0x01}));
  EXPECT_EQ(n.object_type(), ObjectType::Bytes);
  EXPECT_EQ(a.small_number(n), std::nullopt);
  EXPECT_EQ(a.number(n), 1);
  EXPECT_TRUE(a.atom_eq(n, n));
  EXPECT_FALSE(a.atom_eq(n, a.one()));
  // Heap atoms that are canonical small numbers compare equal to their inline twins.
  NodePtr big = a.new_atom(bytes({0x00, 0x80}));
  EXPECT_EQ(big.object_type(), ObjectType::SmallAtom);
  NodePtr copy = a.new_concat(3, std::vector<NodePtr>{a.new_atom(bytes({0x00, 0x01})), a.one()});
  EXPECT_EQ(copy.object_type(), ObjectType::Bytes);
  EXPECT_EQ(a.small_number(copy), std::nullopt);  // 00 01 01 is not canonical
}

TEST(Arena, Numbers) {
  Allocator a;
  for (const char* s :
       {"0", "1", "127", "128", "-1", "-128", "-129", "67108863", "67108864",
        "-340282366920938463463374607431768211456", "340282366920938463463374607431768211455"}) {
    Number n(s);
    NodePtr p = a.new_number(n);
    EXPECT_EQ(a.number(p), n) << s;
    const Atom view = a.atom(p);
    EXPECT_EQ(std::vector<std::uint8_t>(view.begin(), view.end()), number_to_bytes(n));
  }
  EXPECT_EQ(a.new_number(Number(67108863)).object_type(), ObjectType::SmallAtom);
  EXPECT_EQ(a.new_number(Number(67108864)).object_type(), ObjectType::Bytes);
  EXPECT_EQ(a.new_number(Number(-1)).object_type(), ObjectType::Bytes);
}

TEST(Arena, PairsAndLists) {
  Allocator a;
  NodePtr list = a.nil();
  for (std::uint32_t i = 5; i > 0; --i) list = a.new_pair(a.new_small_number(i), list);
  std::vector<std::uint32_t> seen;
  auto range = a.list(list);
  auto it = range.begin();
  for (; it != range.end(); ++it) seen.push_back(*a.small_number(*it));
  EXPECT_EQ(seen, (std::vector<std::uint32_t>{1, 2, 3, 4, 5}));
  EXPECT_TRUE(it.node().is_nil());
  EXPECT_EQ(a.next(a.nil()), std::nullopt);
  EXPECT_TRUE(a.next(list).has_value());
  EXPECT_EQ(a.pair_count(), 5u);
}

TEST(Arena, AtomOfPairThrows) {
  Allocator a;
  NodePtr p = a.new_pair(a.nil(), a.nil());
  EXPECT_THROW((void)a.atom(p), EvalError);
  EXPECT_THROW((void)a.atom_len(p), EvalError);
  EXPECT_EQ(a.small_number(p), std::nullopt);
}

TEST(Arena, Substr) {
  Allocator a;
  NodePtr s = a.new_atom("abcdef");
  const std::size_t heap = a.stored_heap_bytes();
  NodePtr sub = a.new_substr(s, 1, 4);
  EXPECT_EQ(a.atom(sub).as_string_view(), "bcd");
  EXPECT_EQ(a.stored_heap_bytes(), heap);  // shares the bytes
  EXPECT_EQ(a.atom(a.new_substr(s, 6, 6)).size(), 0u);
  try {
    (void)a.new_substr(s, 7, 7);
    FAIL();
  } catch (const EvalError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidAllocArg);
    EXPECT_EQ(e.node(), s);
  }
  EXPECT_THROW((void)a.new_substr(s, 0, 7), EvalError);
  EXPECT_THROW((void)a.new_substr(s, 3, 2), EvalError);
  EXPECT_THROW((void)a.new_substr(a.new_pair(s, s), 0, 0), EvalError);
  // A small atom source is re-materialised: 0x8000 is 00 80 00; [1,3) = 80 00 is negative.
  NodePtr small = a.new_small_number(0x8000);
  NodePtr tail = a.new_substr(small, 1, 3);
  EXPECT_EQ(tail.object_type(), ObjectType::Bytes);
  EXPECT_EQ(a.number(tail), -32768);
  EXPECT_EQ(a.new_substr(small, 2, 3).object_type(), ObjectType::Bytes);  // [00] is not canonical
  EXPECT_EQ(a.new_substr(small, 0, 0), a.nil());
  EXPECT_EQ(a.new_substr(a.new_small_number(0x1234), 1, 2), a.new_small_number(0x34));
}

TEST(Arena, Concat) {
  Allocator a;
  std::vector<NodePtr> parts = {a.new_atom("foo"), a.new_atom(""), a.new_atom("bar"), a.one()};
  NodePtr c = a.new_concat(7, parts);
  EXPECT_EQ(a.atom(c).as_string_view(), std::string_view("foobar\x01", 7));
  EXPECT_THROW((void)a.new_concat(6, parts), EvalError);
  EXPECT_THROW((void)a.new_concat(8, parts), EvalError);
  EXPECT_THROW((void)a.new_concat(1, std::vector<NodePtr>{a.new_pair(c, c)}), EvalError);
  // 0 and 1 terms return existing nodes but count as a new atom (clvmr's ghosts).
  const std::size_t atoms = a.atom_count();
  EXPECT_EQ(a.new_concat(0, {}), a.nil());
  EXPECT_EQ(a.new_concat(3, std::vector<NodePtr>{parts[0]}), parts[0]);
  EXPECT_EQ(a.atom_count(), atoms + 2);
  EXPECT_THROW((void)a.new_concat(1, {}), EvalError);
}

TEST(Arena, CheckpointRestoresNodesAndCounts) {
  Allocator a;
  NodePtr keep = a.new_atom("keep");
  const Checkpoint cp = a.checkpoint();
  const std::size_t atoms = a.atom_count(), pairs = a.pair_count(), heap = a.heap_size();
  for (int i = 0; i < 100000; ++i) a.new_pair(a.new_atom("some bytes"), keep);
  EXPECT_GT(a.pair_count(), pairs);
  a.restore_checkpoint(cp);
  EXPECT_EQ(a.atom_count(), atoms);
  EXPECT_EQ(a.pair_count(), pairs);
  EXPECT_EQ(a.heap_size(), heap);
  EXPECT_EQ(a.atom(keep).as_string_view(), "keep");
  // The arena is usable again from the same indices.
  NodePtr p = a.new_pair(keep, keep);
  EXPECT_EQ(p.index(), 0u);
}

TEST(Arena, TransparentCheckpointKeepsCounts) {
  Allocator a;
  const Checkpoint cp = a.checkpoint();
  a.new_pair(a.new_atom("xyzzy"), a.nil());
  const std::size_t atoms = a.atom_count(), pairs = a.pair_count(), heap = a.heap_size();
  detail::arena_internals(a).restore_checkpoint_keep_counts(cp);
  EXPECT_EQ(a.stored_pairs(), 0u);
  EXPECT_EQ(a.stored_atoms(), 0u);
  EXPECT_EQ(a.atom_count(), atoms);
  EXPECT_EQ(a.pair_count(), pairs);
  EXPECT_EQ(a.heap_size(), heap);
}

TEST(Arena, ViewsStayValidAsThePageArenaGrows) {
  Allocator a;
  NodePtr first = a.new_atom("stable");
  const Atom view = a.atom(first);
  const std::uint8_t* where = view.data();
  std::vector<std::uint8_t> big(1 << 20, 0xab);
  for (int i = 0; i < 40; ++i) a.new_atom(big);  // 40 MiB: many growth steps
  EXPECT_EQ(a.atom(first).data(), where);
  EXPECT_EQ(view.as_string_view(), "stable");
}

// The heap's reservation is its limit exactly. With a limit that is not a power-of-two multiple of
// the first capacity, doubling would overshoot the reservation on the last growth and copy the
// whole heap (views dangling, the pages faulted twice); growth stops at the limit instead. The
// pair and atom tables (62,500,000 entries) take the same path.
TEST(Arena, LastGrowthStopsAtTheLimitInsteadOfMoving) {
  constexpr std::size_t kLimit = 300'000;  // initial 64 KiB doubles to 512 KiB: past the limit
  Allocator a(kLimit);
  const NodePtr first = a.new_atom("stable");
  const std::uint8_t* where = a.atom(first).data();
  const std::vector<std::uint8_t> chunk(10'000, 0xcd);
  std::size_t stored = 6;
  while (stored + chunk.size() < kLimit - 1) {
    a.new_atom(chunk);
    stored += chunk.size();
  }
  EXPECT_GT(stored, std::size_t{256} << 10);  // past the last power-of-two capacity below
  EXPECT_EQ(a.atom(first).data(), where);
  EXPECT_EQ(a.atom(first).as_string_view(), "stable");
  EXPECT_LT(a.reserved_bytes(), std::size_t{512} << 10);  // the heap did not double past it
  // One byte over the limit still fails as clvmr does, leaving the arena unchanged.
  const std::vector<std::uint8_t> over(kLimit - 1 - stored + 1, 0xee);
  EXPECT_THROW(a.new_atom(over), EvalError);
  EXPECT_EQ(a.atom(first).data(), where);
}

TEST(Arena, MoveKeepsNodes) {
  Allocator a;
  NodePtr p = a.new_pair(a.new_atom("left"), a.new_atom("right"));
  Allocator b = std::move(a);
  EXPECT_EQ(b.atom(b.pair(p).first).as_string_view(), "left");
  b.new_pair(p, p);  // still growable after the move
  EXPECT_EQ(b.pair_count(), 2u);
}

TEST(Arena, FormatsNodesAtomsAndErrors) {
  Allocator a;
  NodePtr p = a.new_pair(a.nil(), a.nil());
  EXPECT_EQ(fmt::format("{}", p), "pair:0");
  EXPECT_EQ(fmt::format("{}", a.nil()), "small:0");
  EXPECT_EQ(fmt::format("{}", a.new_atom("\xca\xfe")), "bytes:0");
  EXPECT_EQ(fmt::format("{}", a.atom(a.new_atom("\xca\xfe"))), "cafe");
  EXPECT_EQ(fmt::format("{}", EvalError(ErrorKind::Raise, "", p)), "clvm raise (pair:0)");
  EXPECT_EQ(fmt::format("{}", EvalError(ErrorKind::TooManyPairs)), "too many pairs");
}

}  // namespace
}  // namespace clvm

namespace clvm {
namespace {

// The garbage collector's step keeps counts and the surviving node, and frees the rest.
struct GcCase : ::testing::Test {
  Allocator a;
  Checkpoint cp;
  NodePtr old_atom;
  void SetUp() override {
    old_atom = a.new_atom("an atom from before the checkpoint");
    cp = a.checkpoint();
  }
  void garbage() {
    for (int i = 0; i < 200; ++i) a.new_pair(a.new_atom("garbage garbage"), a.nil());
  }
  void expect_counts_unchanged(auto&& step) {
    const std::size_t atoms = a.atom_count(), pairs = a.pair_count(), heap = a.heap_size();
    step();
    EXPECT_EQ(a.atom_count(), atoms);
    EXPECT_EQ(a.pair_count(), pairs);
    EXPECT_EQ(a.heap_size(), heap);
  }
};

TEST_F(GcCase, OldNodesSurviveAsIs) {
  garbage();
  expect_counts_unchanged([&] {
    EXPECT_EQ(detail::arena_internals(a).maybe_restore_with_node(cp, old_atom), old_atom);
  });
  EXPECT_EQ(a.stored_pairs(), 0u);
}

TEST_F(GcCase, SmallNewAtomIsCopiedBack) {
  garbage();
  const NodePtr fresh = a.new_atom("fresh result");
  std::optional<NodePtr> kept;
  expect_counts_unchanged(
      [&] { kept = detail::arena_internals(a).maybe_restore_with_node(cp, fresh); });
  ASSERT_TRUE(kept);
  EXPECT_EQ(a.atom(*kept).as_string_view(), "fresh result");
  EXPECT_EQ(a.stored_atoms(), 2u);  // the old atom and the copy
}

TEST_F(GcCase, SubstrOfOldBytesGetsANewDescriptor) {
  garbage();
  const NodePtr sub = a.new_substr(old_atom, 3, 7);
  std::optional<NodePtr> kept;
  expect_counts_unchanged(
      [&] { kept = detail::arena_internals(a).maybe_restore_with_node(cp, sub); });
  ASSERT_TRUE(kept);
  EXPECT_EQ(a.atom(*kept).as_string_view(), "atom");
  EXPECT_EQ(a.stored_heap_bytes(), cp.heap);  // no copy: the bytes were old
}

// A new atom longer than 48 bytes is moved down to the mark when the rewind frees at least half
// its length in other stored bytes (so the moving a run does is at most twice what it allocates).
TEST_F(GcCase, LongNewAtomIsMovedWhenTheRewindFreesHalfItsLength) {
  for (const std::size_t len : {1200u, 1201u}) {
    Allocator b;
    b.new_atom("older");
    const Checkpoint mark = b.checkpoint();
    b.new_atom(std::string(592, 'g'));  // 592 heap bytes + an 8-byte descriptor: 600 freed
    std::string text(len, 'r');
    text.front() = 'a';
    text.back() = 'z';
    const NodePtr fresh = b.new_atom(text);
    const std::size_t atoms = b.atom_count(), pairs = b.pair_count(), heap = b.heap_size();
    const std::optional<NodePtr> kept =
        detail::arena_internals(b).maybe_restore_with_node(mark, fresh);
    EXPECT_EQ(b.atom_count(), atoms);
    EXPECT_EQ(b.pair_count(), pairs);
    EXPECT_EQ(b.heap_size(), heap);
    if (len == 1200) {
      ASSERT_TRUE(kept);
      EXPECT_EQ(b.atom(*kept).as_string_view(), text);
      EXPECT_EQ(b.stored_heap_bytes(), mark.heap + len);  // moved down over the garbage
      EXPECT_EQ(b.stored_atoms(), 2u);
      const NodePtr next = b.new_atom("next");  // the heap continues right after it
      EXPECT_EQ(b.atom(*kept).as_string_view(), text);
      EXPECT_EQ(b.atom(next).as_string_view(), "next");
    } else {
      EXPECT_EQ(kept, std::nullopt);  // 2 * 600 < 1201: left where it is
      EXPECT_EQ(b.atom(fresh).as_string_view(), text);
      EXPECT_EQ(b.stored_atoms(), 3u);
    }
  }
}

TEST_F(GcCase, NewPairsLargeAtomsAndSmallSavingsAreKept) {
  garbage();
  const NodePtr pair = a.new_pair(old_atom, old_atom);
  EXPECT_EQ(detail::arena_internals(a).maybe_restore_with_node(cp, pair), std::nullopt);
  // An atom more than twice as long as the garbage it would be moved over stays where it is.
  const std::size_t garbage = (a.stored_heap_bytes() - cp.heap) +
                              8 * (a.stored_atoms() - cp.atoms) + 8 * (a.stored_pairs() - cp.pairs);
  EXPECT_EQ(garbage, 200u * (15 + 8 + 8) + 8);
  const NodePtr big = a.new_atom(std::string(2 * garbage + 1, 'x'));
  EXPECT_EQ(detail::arena_internals(a).maybe_restore_with_node(cp, big), std::nullopt);
  EXPECT_EQ(a.atom(big).size(), 2 * garbage + 1);  // nothing was rewound
  Allocator b;
  const Checkpoint small = b.checkpoint();
  b.new_pair(b.nil(), b.nil());
  EXPECT_EQ(detail::arena_internals(b).maybe_restore_with_node(small, b.one()),
            std::nullopt);  // 8 bytes: not worth it
  EXPECT_EQ(b.stored_pairs(), 1u);
}

}  // namespace
}  // namespace clvm
