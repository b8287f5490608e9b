// SPDX-License-Identifier: Apache-2.0
// ENABLE_GC is transparent: every program (the quick benchmark programs, random programs, softfork
// guards) gives the same cost, result or error, and atom / pair / heap counts with and without it,
// while what is actually stored shrinks on programs that make garbage.
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "eval_support.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace clvm::test {
namespace {

// What a run leaves behind. Everything but the stored_* sizes must not depend on ENABLE_GC.
struct Outcome {
  std::optional<ErrorKind> error;
  std::string message;
  Cost cost = 0;
  std::string result_hash;
  std::size_t atoms = 0, pairs = 0, heap = 0;
  std::size_t stored_atoms = 0, stored_pairs = 0, stored_heap = 0;
};

// Runs the serialized `program` (back-references allowed) in the serialized `env` in a fresh arena.
Outcome run(std::span<const std::uint8_t> program, std::span<const std::uint8_t> env, Flags flags,
            Cost max_cost) {
  Allocator a;
  const NodePtr p = node_from_bytes_backrefs(a, program);
  const NodePtr e = node_from_bytes(a, env);
  Outcome o;
  try {
    const Reduction r = run_program(a, ChiaDialect(flags), p, e, max_cost);
    o.cost = r.cost;
    o.result_hash = fmt::format("{}", tree_hash(a, r.node));
  } catch (const EvalError& err) {
    o.error = err.kind();
    o.message = err.what();
  }
  o.atoms = a.atom_count();
  o.pairs = a.pair_count();
  o.heap = a.heap_size();
  o.stored_atoms = a.stored_atoms();
  o.stored_pairs = a.stored_pairs();
  o.stored_heap = a.stored_heap_bytes();
  return o;
}

struct GcPair {
  Outcome plain, gc;
};

// Runs with `flags` and with `flags | ENABLE_GC`; expects identical observable outcomes and no more
// stored with GC than without.
GcPair expect_transparent(std::span<const std::uint8_t> program, std::span<const std::uint8_t> env,
                          Flags flags, Cost max_cost, const std::string& what) {
  GcPair r{run(program, env, flags & ~ENABLE_GC, max_cost),
           run(program, env, flags | ENABLE_GC, max_cost)};
  EXPECT_EQ(r.plain.error, r.gc.error) << what << ": " << r.plain.message << " / " << r.gc.message;
  EXPECT_EQ(r.plain.message, r.gc.message) << what;
  EXPECT_EQ(r.plain.cost, r.gc.cost) << what;
  EXPECT_EQ(r.plain.result_hash, r.gc.result_hash) << what;
  EXPECT_EQ(r.plain.atoms, r.gc.atoms) << what;
  EXPECT_EQ(r.plain.pairs, r.gc.pairs) << what;
  EXPECT_EQ(r.plain.heap, r.gc.heap) << what;
  EXPECT_LE(r.gc.stored_atoms, r.plain.stored_atoms) << what;
  EXPECT_LE(r.gc.stored_pairs, r.plain.stored_pairs) << what;
  EXPECT_LE(r.gc.stored_heap, r.plain.stored_heap) << what;
  return r;
}

Bytes serialize(const Allocator& a, NodePtr n) { return Bytes(node_to_bytes(a, n)); }

// ---- the quick benchmark programs

const std::vector<std::string> kQuickBenchPrograms = {
    "block-2000",  "compressed-2000", "concat",      "count-even",      "factorial",
    "hash-string", "hash-tree",       "large-block", "matrix-multiply", "pubkey-tree",
    "substr",      "substr-tree",     "sum-tree"};

class GcBenchPrograms : public ::testing::TestWithParam<std::string> {};

TEST_P(GcBenchPrograms, SameCostResultAndCountsWithAndWithoutGc) {
  const std::string& name = GetParam();
  const std::string dir = std::string(CLVMPP_TEST_DATA_DIR) + "/bench/";
  const Bytes program = decode_hex(read_file(dir + "programs/" + name + ".hex"));
  const Bytes env = decode_hex(read_file(dir + "env/" + name + ".env.hex"));
  const Cost max_cost = 11'000'000'000 - 12'000 * program.size();
  const GcPair r = expect_transparent(program, env, 0, max_cost, name);
  EXPECT_FALSE(r.plain.error) << name << ": " << r.plain.message;
}

std::string case_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  for (char& ch : s)
    if (ch == '-') ch = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Quick, GcBenchPrograms, ::testing::ValuesIn(kQuickBenchPrograms),
                         case_name);

TEST(EvalGc, BenchProgramsThatMakeGarbageStoreLess) {
  const std::string dir = std::string(CLVMPP_TEST_DATA_DIR) + "/bench/";
  for (const std::string name : {"concat", "factorial", "matrix-multiply"}) {
    const Bytes program = decode_hex(read_file(dir + "programs/" + name + ".hex"));
    const Bytes env = decode_hex(read_file(dir + "env/" + name + ".env.hex"));
    const GcPair r = expect_transparent(program, env, 0, 11'000'000'000, name);
    EXPECT_LT(r.gc.stored_heap + 8 * (r.gc.stored_atoms + r.gc.stored_pairs),
              r.plain.stored_heap + 8 * (r.plain.stored_atoms + r.plain.stored_pairs))
        << name;
  }
}

// ---- handwritten programs

// A loop of `n` steps, each hashing (concat acc BIG) with a 1000-byte BIG: the concatenations are
// garbage that sha256's collection frees (its 32-byte result is copied back).
constexpr std::string_view kHashLoop =
    "(a (q . (a (i 5 (q a 2 (c 2 (c (- 5 (q . 1)) (c (sha256 (concat 11 23)) (c 23 ()))))) "
    "(q . 11)) 1)) (c (q . (a (i 5 (q a 2 (c 2 (c (- 5 (q . 1)) (c (sha256 (concat 11 23)) "
    "(c 23 ()))))) (q . 11)) 1)) 1))";

Bytes hash_loop_env(Allocator& a, int n) {
  const NodePtr big = a.new_atom(std::string(1000, 'g'));
  NodePtr env = a.new_pair(big, Allocator::nil());
  env = a.new_pair(a.new_atom("seed"), env);
  env = a.new_pair(a.new_small_number(static_cast<std::uint32_t>(n)), env);
  return serialize(a, env);
}

TEST(EvalGc, GarbageOfALoopIsReclaimed) {
  Allocator a;
  const Bytes program = serialize(a, parse_sexp(a, kHashLoop));
  const Bytes env = hash_loop_env(a, 300);
  const GcPair r = expect_transparent(program, env, 0, 0, "hash loop");
  ASSERT_FALSE(r.plain.error) << r.plain.message;
  // Without GC every concatenation (1032 bytes) stays; with it only the hashes' copies do.
  EXPECT_GT(r.plain.stored_heap, 300u * 1032);
  EXPECT_LT(r.gc.stored_heap, 300u * 100);
  EXPECT_LT(r.gc.stored_pairs, r.plain.stored_pairs);
  EXPECT_LT(r.gc.stored_atoms, r.plain.stored_atoms);
}

// A recursion that returns a longer atom at each level — (lsh (shift (- n 1)) 4096), as the
// shift-left benchmark does — leaves the previous level's atom as garbage under the new one: the
// collector moves the new one down, so about two levels' atoms are stored, not all of them.
TEST(EvalGc, GrowingResultsOfARecursionAreMovedDown) {
  constexpr std::string_view kShift =
      "(a (q . (a 2 (c 2 (c 5 (c 11 ()))))) (c (q . (a (i (> 11 (q . 1)) "
      "(q . (lsh (a 2 (c 2 (c 5 (c (- 11 (q . 1)) ())))) (q . 4096))) (q . 5)) 1)) 1))";
  constexpr std::size_t kLevels = 200;
  Allocator a;
  const Bytes program = serialize(a, parse_sexp(a, kShift));
  const NodePtr env =
      a.new_pair(a.new_atom("seed"), a.new_pair(a.new_small_number(kLevels), Allocator::nil()));
  const GcPair r = expect_transparent(program, serialize(a, env), 0, 0, "shift loop");
  ASSERT_FALSE(r.plain.error) << r.plain.message;
  // Level k's atom is 4 + 512 (k - 1) bytes: without GC all of them stay (about 10 MB).
  const std::size_t last = 4 + 512 * (kLevels - 1);
  EXPECT_GT(r.plain.stored_heap, kLevels * last / 2);
  EXPECT_LT(r.gc.stored_heap, 3 * last);
}

TEST(EvalGc, ArgumentGarbageIsCollected) {
  // The checkpoint is taken before the arguments are evaluated, so the 2200-byte concatenation
  // strlen consumes is freed; strlen's result (2200) is an inline atom. A pair result made by the
  // operator itself cannot survive a rewind: nothing is collected then. (The argument lists are
  // given back as soon as their operators have read them, so the rewind frees the concatenation's
  // 1100 stored bytes and its descriptor: over the collector's 1024-byte threshold.)
  for (const bool pair_result : {false, true}) {
    Allocator a;
    const NodePtr program = parse_sexp(
        a, pair_result ? "(c (strlen (concat 2 2)) (concat 2 2))" : "(strlen (concat 2 2))");
    const NodePtr env = a.new_pair(a.new_atom(std::string(1100, 'z')), Allocator::nil());
    const std::size_t heap_before = a.stored_heap_bytes(), atoms_before = a.stored_atoms();
    const std::size_t counted_before = a.heap_size();
    const Reduction r = run_program(a, ChiaDialect(ENABLE_GC), program, env, 0);
    EXPECT_EQ(a.small_number(pair_result ? a.pair(r.node).first : r.node), 2200u);
    if (pair_result) {
      // Only the second concatenation, and of it only the half it appends to the environment's
      // atom (which ends the heap, so the result shares its bytes).
      EXPECT_EQ(a.stored_heap_bytes(), heap_before + 1100);
    } else {
      EXPECT_EQ(a.stored_heap_bytes(), heap_before);
      EXPECT_EQ(a.stored_atoms(), atoms_before);
      EXPECT_EQ(a.heap_size(), counted_before + 2200 + 2);  // still counted: 2200 bytes + "0898"
    }
  }
}

TEST(EvalGc, ErrorsAndCostLimitsAreUnchanged) {
  Allocator a;
  const Bytes program = serialize(a, parse_sexp(a, kHashLoop));
  const Bytes env = hash_loop_env(a, 300);
  const Outcome full = run(program, env, 0, 0);
  ASSERT_FALSE(full.error);
  // Out of budget part-way: the same CostExceeded at the same arena counts.
  for (const Cost max_cost : {full.cost / 3, full.cost - 1}) {
    const GcPair r = expect_transparent(program, env, 0, max_cost, "cut short");
    EXPECT_EQ(r.gc.error, ErrorKind::CostExceeded);
  }
  // A raise deep inside collected frames.
  const Bytes raising =
      serialize(a, parse_sexp(a, "(a (q . (sha256 (concat 2 2 (x (concat 2 2))))) (c (q . 0x" +
                                     std::string(2000, 'a') + ") ()))"));
  const GcPair r = expect_transparent(raising, serialize(a, Allocator::nil()), 0, 0, "raise");
  EXPECT_EQ(r.gc.error, ErrorKind::Raise);
}

TEST(EvalGc, SoftforkGuardsNestWithCollection) {
  // A softfork guard around the hash loop, inside an applied program that makes garbage after it:
  // the guard's restore and the collections must nest.
  Allocator a;
  const NodePtr loop = parse_sexp(a, kHashLoop);
  const NodePtr env = parse_sexp(a, "(30 \"seed\" 0x" + std::string(2000, 'e') + ")");
  const Cost loop_cost = run_program(a, ChiaDialect(0), loop, env, 0).cost;
  const auto quoted = [&](NodePtr x) { return a.new_pair(Allocator::one(), x); };
  for (const bool right_cost : {true, false}) {
    const Cost specified = kGuardCost + loop_cost + (right_cost ? 0 : 1);
    // (softfork (q . specified) (q . 0) (q . loop) (q . env))
    NodePtr guard = a.new_pair(quoted(env), Allocator::nil());
    guard = a.new_pair(quoted(loop), guard);
    guard = a.new_pair(quoted(Allocator::nil()), guard);
    guard = a.new_pair(quoted(a.new_number(Number(specified))), guard);
    guard = a.new_pair(a.new_small_number(36), guard);
    // (a (q . (c GUARD (sha256 (concat 2 2 2)))) (c (q . BIG) ()))
    const NodePtr body = a.new_pair(
        a.new_small_number(4),
        a.new_pair(guard, a.new_pair(parse_sexp(a, "(sha256 (concat 2 2 2))"), Allocator::nil())));
    const NodePtr big = parse_sexp(a, "(c (q . 0x" + std::string(1200, 'f') + ") ())");
    const NodePtr program = a.new_pair(a.new_small_number(2),
                                       a.new_pair(quoted(body), a.new_pair(big, Allocator::nil())));
    const GcPair r =
        expect_transparent(serialize(a, program), serialize(a, Allocator::nil()), 0, 0, "softfork");
    if (right_cost) {
      EXPECT_FALSE(r.gc.error) << r.gc.message;
      EXPECT_LT(r.gc.stored_heap, r.plain.stored_heap);
    } else {
      EXPECT_EQ(r.gc.error, ErrorKind::SoftforkCostMismatch);
    }
  }
}

// ---- random programs

// Builds random programs from a seed, mostly well-typed so that many run to the end: numbers
// (quoted, environment paths, arithmetic and shifts), byte strings (concat, sha256, substr of
// large atoms: garbage), lists (cons, f, r), conditionals and applications of quoted
// subprograms; a few calls get random arguments so errors happen part-way too. Result atoms come
// in every size class the collector treats differently (inline, at most 48 bytes, larger), and
// results are atoms or pairs, old or new.
class RandomProgram {
 public:
  RandomProgram(Allocator& a, std::uint64_t seed) : a_(a), rng_(seed) {}

  // The environment the programs expect: (n1 n2 BIG n3), paths 2, 5, 11 (1000 bytes), 23.
  NodePtr env() {
    return list({quote_free(number_atom()), quote_free(number_atom()), large_atom(),
                 quote_free(number_atom())});
  }

  NodePtr any(int depth) {
    switch (depth <= 0 ? 0 : pick(8)) {
      case 0:
      case 1:
      case 2:
        return num(depth);
      case 3:
      case 4:
        return bytes(depth);
      case 5:
        return lst(depth);
      case 6:
        return call(2, {quote(any(depth - 1)), env_arg(depth)});
      default:
        return wild(depth);
    }
  }

 private:
  unsigned pick(std::size_t n) { return static_cast<unsigned>(rng_() % n); }

  NodePtr num(int depth) {
    if (depth <= 0 || pick(4) == 0) {
      const unsigned r = pick(3);
      if (r == 0) return a_.new_small_number(std::array{2u, 5u, 23u}[pick(3)]);
      return quote(number_atom());
    }
    const int d = depth - 1;
    switch (pick(12)) {
      case 0:
        return call(16, {num(d), num(d), num(d)});
      case 1:
        return call(17, {num(d), num(d)});
      case 2:
        return call(18, {num(d), num(d)});
      case 3:
        return call(19, {num(d), quote(a_.new_small_number(1 + pick(1000)))});
      case 4:
        return call(std::array{22u, 23u}[pick(2)], {num(d), quote(shift())});
      case 5:
        return call(std::array{24u, 25u, 26u}[pick(3)], {num(d), num(d)});
      case 6:
        return call(27, {num(d)});
      case 7:
        return call(13, {bytes(d)});  // strlen: a collected op over a byte string
      case 8:
        return call(3, {num(d), num(d), num(d)});
      case 9:
        return call(5, {call(20, {num(d), quote(a_.new_small_number(1 + pick(50)))})});
      case 10:
        return call(2, {quote(num(d)), env_arg(d)});
      default:
        return call(std::array{9u, 21u, 10u}[pick(3)], {num(d), num(d)});
    }
  }

  NodePtr bytes(int depth) {
    if (depth <= 0 || pick(4) == 0) {
      if (pick(3) == 0) return a_.new_small_number(11);  // the environment's large atom
      return quote(pick(4) == 0 ? large_atom() : random_atom());
    }
    const int d = depth - 1;
    switch (pick(6)) {
      case 0:
        return call(14, {bytes(d), bytes(d), num(d)});
      case 1:
        return call(11, {call(14, {bytes(d), a_.new_small_number(11)})});
      case 2:
        return call(
            12, {call(14, {a_.new_small_number(11), bytes(d)}),
                 quote(a_.new_small_number(pick(40))), quote(a_.new_small_number(40 + pick(30)))});
      case 3:
        return call(12, {bytes(d), quote(a_.new_small_number(pick(2)))});
      case 4:
        return call(2, {quote(bytes(d)), env_arg(d)});
      default:
        return num(d);
    }
  }

  NodePtr lst(int depth) {
    const int d = depth - 1;
    switch (pick(4)) {
      case 0:
        return call(4, {any(d), any(d)});
      case 1:
        return call(6, {call(4, {any(d), lst(d)})});
      case 2:
        return quote(list({random_atom(), random_atom()}));
      default:
        return call(2, {quote(lst(d)), env_arg(d)});
    }
  }

  // An operator with arguments of any type: often an error.
  NodePtr wild(int depth) {
    static constexpr std::uint32_t kOps[] = {3,  4,  5,  6,  7,  9,  10, 11, 12, 13, 14,
                                             16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                                             27, 32, 33, 34, 48, 60, 61, 63, 8,  2,  30};
    std::vector<NodePtr> args(pick(4));
    for (auto& x : args) x = any(depth - 1);
    return call(kOps[pick(std::size(kOps))], args);
  }

  // The environment for an applied subprogram: the same one, or one whose first item is new.
  NodePtr env_arg(int depth) {
    if (pick(2) == 0) return a_.new_small_number(1);
    return call(4, {num(depth - 1), call(6, {a_.new_small_number(1)})});
  }

  NodePtr number_atom() {
    Bytes b(pick(3) == 0 ? pick(3) : 1 + pick(pick(5) == 0 ? 40 : 6));
    for (auto& x : b) x = static_cast<std::uint8_t>(rng_());
    return a_.new_atom(b);
  }

  NodePtr random_atom() {
    Bytes b(std::array{0u, 3u, 30u, 47u, 48u, 49u, 60u, 200u}[pick(8)] + pick(3));
    for (auto& x : b) x = static_cast<std::uint8_t>(rng_());
    return a_.new_atom(b);
  }

  NodePtr large_atom() {
    Bytes b(600 + pick(1000));
    for (auto& x : b) x = static_cast<std::uint8_t>(rng_());
    return a_.new_atom(b);
  }

  NodePtr shift() {
    const int s = static_cast<int>(pick(200)) - 100;
    return a_.new_number(Number(s));
  }

  NodePtr quote(NodePtr x) { return a_.new_pair(Allocator::one(), x); }
  static NodePtr quote_free(NodePtr x) { return x; }

  NodePtr call(std::uint32_t op, const std::vector<NodePtr>& args) {
    std::vector<NodePtr> items{a_.new_small_number(op)};
    items.insert(items.end(), args.begin(), args.end());
    return list(items);
  }
  NodePtr list(const std::vector<NodePtr>& items) {
    NodePtr out = Allocator::nil();
    for (auto it = items.rbegin(); it != items.rend(); ++it) out = a_.new_pair(*it, out);
    return out;
  }

  Allocator& a_;
  std::mt19937_64 rng_;
};

TEST(EvalGc, RandomProgramsAreTransparent) {
  constexpr Flags kFlagSets[] = {0, NEW_COST_MODEL, MEMPOOL_MODE | ENABLE_SHA256_TREE, LIMITS};
  constexpr int kPrograms = 3000;
  int reclaimed = 0, succeeded = 0;
  for (int seed = 0; seed < kPrograms; ++seed) {
    Allocator a;
    RandomProgram gen(a, static_cast<std::uint64_t>(seed));
    const NodePtr program = gen.any(2 + seed % 7);
    const NodePtr env = gen.env();
    const Bytes p = serialize(a, program), e = serialize(a, env);
    const Flags flags = kFlagSets[seed % std::size(kFlagSets)];
    const GcPair r = expect_transparent(p, e, flags, 50'000'000, "seed " + std::to_string(seed));
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "seed " << seed << " program " << to_text(a, program);
      break;
    }
    succeeded += r.gc.error ? 0 : 1;
    reclaimed += r.gc.stored_heap < r.plain.stored_heap ? 1 : 0;
  }
  std::printf("[gc] %d of %d random programs succeeded, %d stored less with GC\n", succeeded,
              kPrograms, reclaimed);
  // The generator must exercise both outcomes and actual collection.
  EXPECT_GT(succeeded, kPrograms / 4);
  EXPECT_LT(succeeded, kPrograms - kPrograms / 20);
  EXPECT_GT(reclaimed, kPrograms / 10);
}

}  // namespace
}  // namespace clvm::test
