// SPDX-License-Identifier: Apache-2.0
// The crypto operators against every line of the op-test files that exercise them (run as
// tests/data/op-tests/SOURCE.md says: the op called directly with max cost 10^10, result and cost
// both compared, flags per file), plus cost-limit and malformed-argument checks.
#include <gtest/gtest.h>
#include <clvm/allocator.hpp>
#include <clvm/flags.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <sstream>
#include <string_view>

#include "error_kind.hpp"
#include "eval/op_table.hpp"
#include "op_test_file.hpp"
#include "op_vectors.hpp"
#include "ops/crypto_ops.hpp"

namespace {

using namespace clvm;
using clvm::test::ByteVec;

// The operators this runner covers, by their op-test names (functions from the operator table).
// The files' `*_strict` spellings name the same operators without RELAXED_BLS.
constexpr std::array<std::string_view, 20> kCryptoOps{
    "point_add",        "g1_add",
    "pubkey_for_exp",   "coinid",
    "g1_subtract",      "g1_multiply",
    "g1_negate",        "g2_add",
    "g2_subtract",      "g2_multiply",
    "g2_negate",        "g1_map",
    "g2_map",           "bls_pairing_identity",
    "bls_verify",       "keccak256",
    "secp256k1_verify", "secp256k1_verify_64",
    "secp256r1_verify", "secp256r1_verify_65",
};

// The function of op-test operator `name` if this runner covers it, else null.
ops::OpFn crypto_op(std::string_view name) {
  if (name == "g1_negate_strict" || name == "g2_negate_strict") name.remove_suffix(7);
  if (std::ranges::find(kCryptoOps, name) == kCryptoOps.end()) return nullptr;
  return eval::find_op_test_name(name)->fn;
}

// Tokens: "(", ")", "." and atoms (a "quoted string" is one token, spaces included).
std::vector<std::string> tokenize(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.emplace_back(1, c);
      ++i;
    } else if (c == '"') {
      const auto end = s.find('"', i + 1);
      const auto stop = end == std::string::npos ? s.size() : end + 1;
      out.push_back(s.substr(i, stop - i));
      i = stop;
    } else {
      std::size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '(' &&
             s[j] != ')')
        ++j;
      out.push_back(s.substr(i, j - i));
      i = j;
    }
  }
  return out;
}

ByteVec atom_bytes(const std::string& t) {
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"')
    return ByteVec(t.begin() + 1, t.end() - 1);
  if (t.rfind("0x", 0) == 0) return clvm::test::hex_bytes(t);
  if (t == "0") return {};
  return clvm::test::int_atom_from_decimal(t);  // throws on a bare word
}

// Parses items from tokens[i] until the end or an unmatched ")" (consumed when nested). A list
// "( a b . c )" nests; the top level is the argument list.
NodePtr parse_list(Allocator& a, const std::vector<std::string>& toks, std::size_t& i,
                   bool nested) {
  std::vector<NodePtr> items;
  NodePtr tail = Allocator::nil();
  while (i < toks.size()) {
    const std::string& t = toks[i];
    if (t == ")") {
      ++i;
      break;
    }
    if (t == ".") {
      ++i;
      if (toks.at(i) == "(") {
        ++i;
        tail = parse_list(a, toks, i, true);
      } else {
        tail = a.new_atom(atom_bytes(toks.at(i++)));
      }
      continue;
    }
    if (t == "(") {
      ++i;
      items.push_back(parse_list(a, toks, i, true));
      continue;
    }
    items.push_back(a.new_atom(atom_bytes(t)));
    ++i;
  }
  (void)nested;
  NodePtr list = tail;
  for (auto it = items.rbegin(); it != items.rend(); ++it) list = a.new_pair(*it, list);
  return list;
}

struct FileRun {
  int passed = 0, failed = 0, not_ours = 0;
};

FileRun run_file(const std::string& file, Flags flags) {
  FileRun run;
  for (const test::OpTestLine& line : test::read_op_test_file(file)) {
    const auto lhs = tokenize(line.op + " " + line.args);
    const ops::OpFn fn = crypto_op(lhs[0]);
    if (fn == nullptr) {
      ++run.not_ours;
      continue;
    }
    Flags f = flags;
    if (lhs[0] == "g1_negate" || lhs[0] == "g2_negate") f |= RELAXED_BLS;
    const auto expected = tokenize(line.expected);
    const bool expect_fail = line.fails();

    Allocator a;
    std::size_t i = 1;
    const NodePtr args = parse_list(a, lhs, i, false);
    const std::string where = file + ":" + std::to_string(line.number);
    try {
      const Reduction r = fn(a, args, 10'000'000'000ULL, f);
      if (expect_fail) {
        ADD_FAILURE() << where << ": expected FAIL, got cost " << r.cost;
        ++run.failed;
        continue;
      }
      if (!r.node.is_atom()) {
        ADD_FAILURE() << where << ": result is a pair";
        ++run.failed;
        continue;
      }
      const Atom got = a.atom(r.node);
      const ByteVec want = atom_bytes(expected.at(0));
      const std::uint64_t want_cost = std::stoull(line.cost);
      const bool ok = ByteVec(got.begin(), got.end()) == want && r.cost == want_cost;
      EXPECT_TRUE(ok) << where << ": got "
                      << clvm::test::hex_string(ByteVec(got.begin(), got.end())) << " cost "
                      << r.cost << ", want " << clvm::test::hex_string(want) << " cost "
                      << want_cost;
      ok ? ++run.passed : ++run.failed;
    } catch (const EvalError& e) {
      EXPECT_TRUE(expect_fail) << where << ": unexpected error: " << e.what();
      expect_fail ? ++run.passed : ++run.failed;
    }
  }
  return run;
}

struct FileCase {
  const char* file;
  Flags flags;
  int expected_lines;  // lines for our operators
};

class OpTests : public ::testing::TestWithParam<FileCase> {};

TEST_P(OpTests, EveryLinePasses) {
  const auto& c = GetParam();
  const FileRun run = run_file(c.file, c.flags);
  EXPECT_EQ(run.failed, 0);
  EXPECT_EQ(run.passed, c.expected_lines)
      << c.file << " (" << run.not_ours << " lines of other operators)";
  std::printf("  %-32s flags 0x%04x: %d passed, %d failed, %d other operators\n", c.file, c.flags,
              run.passed, run.failed, run.not_ours);
}

INSTANTIATE_TEST_SUITE_P(
    Files, OpTests,
    ::testing::Values(
        FileCase{"test-bls-ops.txt", 0, 146}, FileCase{"test-blspy-g1.txt", 0, 118},
        FileCase{"test-blspy-g1-v2.txt", NEW_COST_MODEL, 118},
        FileCase{"test-blspy-g2.txt", 0, 118},
        FileCase{"test-blspy-g2-v2.txt", NEW_COST_MODEL, 118},
        FileCase{"test-blspy-hash.txt", 0, 210},
        FileCase{"test-blspy-hash-v2.txt", NEW_COST_MODEL, 210},
        FileCase{"test-blspy-pairing.txt", 0, 30},
        FileCase{"test-blspy-pairing-v2.txt", NEW_COST_MODEL, 30},
        FileCase{"test-blspy-verify.txt", 0, 30},
        FileCase{"test-blspy-verify-v2.txt", NEW_COST_MODEL, 30}, FileCase{"test-bls-zk.txt", 0, 1},
        FileCase{"test-bls-zk-v2.txt", NEW_COST_MODEL, 1}, FileCase{"test-keccak256.txt", 0, 8},
        FileCase{"test-keccak256-v2.txt", NEW_COST_MODEL, 8},
        FileCase{"test-keccak256-generated.txt", 0, 1563},
        FileCase{"test-keccak256-generated-v2.txt", NEW_COST_MODEL, 1537},
        FileCase{"test-secp-verify.txt", 0, 32},
        FileCase{"test-secp-verify.txt", NEW_COST_MODEL, 32}, FileCase{"test-secp256k1.txt", 0, 39},
        FileCase{"test-secp256k1.txt", NEW_COST_MODEL, 39}, FileCase{"test-secp256r1.txt", 0, 39},
        FileCase{"test-secp256r1.txt", NEW_COST_MODEL, 39}),
    [](const auto& info) {
      std::string n = info.param.file;
      n = n.substr(5, n.size() - 9);  // strip "test-" and ".txt"
      for (auto& ch : n)
        if (ch == '-') ch = '_';
      return n + ((info.param.flags & NEW_COST_MODEL) != 0 ? "_new_cost" : "");
    });

}  // namespace

// ---- behaviour the op-test files do not pin down
// -------------------------------------------------

namespace {

constexpr const char* kG1Gen =
    "0x97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22"
    "c6bb";
constexpr Cost kBig = 10'000'000'000ULL;

NodePtr list_of(Allocator& a, std::initializer_list<ByteVec> items) {
  std::vector<NodePtr> nodes;
  for (const auto& b : items) nodes.push_back(a.new_atom(b));
  NodePtr l = Allocator::nil();
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) l = a.new_pair(*it, l);
  return l;
}

ByteVec hx(const char* s) { return clvm::test::hex_bytes(s); }

// The kind of the EvalError `fn` throws on `args` (its message into `*message`); nullopt if none.
std::optional<ErrorKind> kind_of(ops::OpFn fn, Allocator& a, NodePtr args, Cost max_cost,
                                 Flags flags, std::string* message = nullptr) {
  const auto e = test::caught<EvalError>([&] { fn(a, args, max_cost, flags); });
  if (!e) return std::nullopt;
  if (message) *message = e->what();
  return e->kind();
}

TEST(CryptoOps, PointAddWithoutArgumentsIsInfinityAndUnchecked) {
  Allocator a;
  const Reduction r = ops::op_point_add(a, Allocator::nil(), 1, 0);  // clvmr does not check here
  EXPECT_EQ(r.cost, 101094u + 480u);
  const Atom got = a.atom(r.node);
  ASSERT_EQ(got.size(), 48u);
  EXPECT_EQ(got[0], 0xc0);
  // g1_subtract checks its base cost first.
  EXPECT_EQ(kind_of(ops::op_bls_g1_subtract, a, Allocator::nil(), 101093, 0),
            ErrorKind::CostExceeded);
}

TEST(CryptoOps, PointArgumentErrors) {
  Allocator a;
  std::string msg;
  EXPECT_EQ(kind_of(ops::op_point_add, a, list_of(a, {hx("0x1234")}), kBig, 0, &msg),
            ErrorKind::InvalidAllocArg);
  EXPECT_EQ(msg, "atom is not G1 size, 48 bytes");
  ByteVec bad = hx(kG1Gen);
  bad[5] ^= 1;
  EXPECT_EQ(kind_of(ops::op_point_add, a, list_of(a, {bad}), kBig, 0, &msg),
            ErrorKind::InvalidAllocArg);
  EXPECT_EQ(msg, "atom is not a G1 point");
  const NodePtr pair_arg =
      a.new_pair(a.new_pair(Allocator::nil(), Allocator::nil()), Allocator::nil());
  EXPECT_EQ(kind_of(ops::op_bls_g2_add, a, pair_arg, kBig, 0, &msg), ErrorKind::InvalidAllocArg);
  EXPECT_EQ(msg, "pair found, expected G2 point");
  // A non-nil terminator ends the argument list (clvmr walks pairs only).
  const NodePtr improper = a.new_pair(a.new_atom(hx(kG1Gen)), a.new_atom(hx("0x05")));
  EXPECT_EQ(ops::op_point_add(a, improper, kBig, 0).cost, 101094u + 1343980u + 480u);
}

TEST(CryptoOps, NegateStrictAndRelaxed) {
  Allocator a;
  ByteVec not_a_point = hx(kG1Gen);
  not_a_point[10] ^= 0x55;
  const NodePtr args = list_of(a, {not_a_point});
  std::string msg;
  EXPECT_EQ(kind_of(ops::op_bls_g1_negate, a, args, kBig, 0, &msg), ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "atom is not a G1 point");
  const Reduction r = ops::op_bls_g1_negate(a, args, kBig, RELAXED_BLS);
  EXPECT_EQ(r.cost, 1396u);
  ByteVec flipped = not_a_point;
  flipped[0] ^= 0x20;
  const Atom got = a.atom(r.node);
  EXPECT_EQ(ByteVec(got.begin(), got.end()), flipped);
  // Relaxed mode still wants 48 bytes, and passes "infinity-looking" atoms through untouched.
  EXPECT_EQ(kind_of(ops::op_bls_g1_negate, a, list_of(a, {hx("0xc000")}), kBig, RELAXED_BLS, &msg),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "atom is not a G1 size, 48 bytes");
  ByteVec junk_inf(96, 0x17);
  junk_inf[0] = 0xd3;
  const NodePtr junk_args = list_of(a, {junk_inf});
  const Reduction same = ops::op_bls_g2_negate(a, junk_args, kBig, RELAXED_BLS);
  EXPECT_EQ(same.node, a.pair(junk_args).first);
  EXPECT_EQ(same.cost, 2164u);
  EXPECT_EQ(kind_of(ops::op_bls_g2_negate, a, junk_args, kBig, 0), ErrorKind::InvalidOpArg);
}

TEST(CryptoOps, MultiplyCostsAndLimits) {
  Allocator a;
  ByteVec scalar(1025, 0x01);
  const NodePtr args = list_of(a, {hx(kG1Gen), scalar});
  EXPECT_EQ(kind_of(ops::op_bls_g1_multiply, a, args, kBig, LIMITS), ErrorKind::InvalidOpArg);
  EXPECT_EQ(ops::op_bls_g1_multiply(a, args, kBig, 0).cost, 705500u + 10u * 1025u + 480u);
  EXPECT_EQ(ops::op_bls_g1_multiply(a, args, kBig, LIMITS | NEW_COST_MODEL).cost,
            1900000u + 24u * 1025u + 480u);
  // The cost of the scalar is checked before the multiplication.
  EXPECT_EQ(kind_of(ops::op_bls_g1_multiply, a, args, 705500 + 10 * 1025 - 1, 0),
            ErrorKind::CostExceeded);
  // pubkey_for_exp 1 is the generator.
  const Reduction g = ops::op_pubkey_for_exp(a, list_of(a, {hx("0x01")}), kBig, 0);
  EXPECT_EQ(g.cost, 1325730u + 38u + 480u);
  const Atom got = a.atom(g.node);
  EXPECT_EQ(ByteVec(got.begin(), got.end()), hx(kG1Gen));
}

TEST(CryptoOps, PairingAndVerifyErrors) {
  Allocator a;
  std::string msg;
  EXPECT_EQ(kind_of(ops::op_bls_verify, a, Allocator::nil(), kBig, 0), ErrorKind::FirstOfNonCons);
  const Reduction empty = ops::op_bls_pairing_identity(a, Allocator::nil(), kBig, 0);
  EXPECT_EQ(empty.cost, 3000000u);
  EXPECT_EQ(ops::op_bls_pairing_identity(a, Allocator::nil(), kBig, NEW_COST_MODEL).cost, 1000000u);
  // A lone G1 without its G2.
  EXPECT_EQ(kind_of(ops::op_bls_pairing_identity, a, list_of(a, {hx(kG1Gen)}), kBig, 0),
            ErrorKind::FirstOfNonCons);
  // e(g1, inf) alone: blst's verdict, reported as clvmr's text on failure.
  ByteVec g2_inf(96, 0);
  g2_inf[0] = 0xc0;
  const NodePtr one_pair = list_of(a, {hx(kG1Gen), hx(kG1Gen)});
  EXPECT_EQ(kind_of(ops::op_bls_pairing_identity, a, one_pair, kBig, 0, &msg),
            ErrorKind::InvalidAllocArg);
  EXPECT_EQ(msg, "atom is not G2 size, 96 bytes");
  // bls_verify with only an infinity signature succeeds; costs are the base.
  EXPECT_EQ(ops::op_bls_verify(a, list_of(a, {g2_inf}), kBig, 0).cost, 3000000u);
  ByteVec g2_gen =
      hx("0x93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d0"
         "55d042b7e"
         "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c"
         "121bdb8");
  // Failed checks are clvmr's own kinds (BLSVerifyFailed, BLSPairingIdentityFailed).
  EXPECT_EQ(kind_of(ops::op_bls_verify, a, list_of(a, {g2_gen}), kBig, 0, &msg),
            ErrorKind::BlsVerifyFailed);
  EXPECT_EQ(msg, "bls_verify failed");
  EXPECT_EQ(
      kind_of(ops::op_bls_pairing_identity, a, list_of(a, {hx(kG1Gen), g2_gen}), kBig, 0, &msg),
      ErrorKind::BlsPairingIdentityFailed);
  EXPECT_EQ(msg, "bls_pairing_identity failed");
  // Cost is checked per pair before the points are read.
  EXPECT_EQ(
      kind_of(ops::op_bls_pairing_identity, a, list_of(a, {hx("0x00"), hx("0x00")}), 4199999, 0),
      ErrorKind::CostExceeded);
}

TEST(CryptoOps, MapArity) {
  Allocator a;
  std::string msg;
  EXPECT_EQ(kind_of(ops::op_bls_map_to_g1, a, Allocator::nil(), kBig, 0, &msg),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "g1_map takes exactly 1 or 2 arguments, got 0");
  EXPECT_EQ(
      kind_of(ops::op_bls_map_to_g2, a, list_of(a, {hx("0x01"), hx("0x02"), hx("0x03")}), kBig, 0),
      ErrorKind::InvalidOpArg);
}

TEST(CryptoOps, KeccakAndCoinIdCosts) {
  Allocator a;
  const NodePtr args = list_of(a, {hx("0x666f6f"), hx("0x626172")});
  EXPECT_EQ(ops::op_keccak256(a, args, kBig, 0).cost, 50u + 2 * 160u + 6 * 2u + 320u);
  EXPECT_EQ(ops::op_keccak256(a, args, kBig, NEW_COST_MODEL).cost,
            2350u + 2 * 100u + 6 * 10u + 320u);
  // The second check includes the first argument's bytes: 50 + 320 + 3·2 = 376.
  EXPECT_EQ(kind_of(ops::op_keccak256, a, args, 375, 0), ErrorKind::CostExceeded);
  EXPECT_EQ(ops::op_keccak256(a, Allocator::nil(), kBig, 0).cost, 50u + 320u);

  const ByteVec h32(32, 0x11);
  EXPECT_EQ(ops::op_coinid(a, list_of(a, {h32, h32, hx("0x01")}), kBig, 0).cost, 800u);
  EXPECT_EQ(ops::op_coinid(a, list_of(a, {h32, h32, hx("0x01")}), kBig, NEW_COST_MODEL).cost,
            2079u);
  std::string msg;
  EXPECT_EQ(kind_of(ops::op_coinid, a, list_of(a, {h32, h32, hx("0x0001")}), kBig, 0, &msg),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "coinid: invalid amount (may not have redundant leading zero)");
  EXPECT_NO_THROW(ops::op_coinid(a, list_of(a, {h32, h32, hx("0x00ffffffffffffffff")}), kBig, 0));
  EXPECT_EQ(kind_of(ops::op_coinid, a, list_of(a, {h32, h32, hx("0x01ffffffffffffffff")}), kBig, 0),
            ErrorKind::InvalidOpArg);
}

TEST(CryptoOps, SecpErrorsAndCost) {
  Allocator a;
  std::string msg;
  // Cost first: even malformed arguments fail with CostExceeded under a small budget.
  EXPECT_EQ(kind_of(ops::op_secp256k1_verify, a, Allocator::nil(), 1299999, 0),
            ErrorKind::CostExceeded);
  EXPECT_EQ(kind_of(ops::op_secp256r1_verify, a, Allocator::nil(), 1849999, 0),
            ErrorKind::CostExceeded);
  EXPECT_EQ(kind_of(ops::op_secp256k1_verify, a, Allocator::nil(), kBig, 0, &msg),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "secp256k1_verify takes exactly 3 arguments");
  // The pubkey is judged before the digest, which is judged before the signature.
  const ByteVec d32(32, 0x22), s64(64, 0x01);
  EXPECT_EQ(kind_of(ops::op_secp256k1_verify, a, list_of(a, {hx("0x02"), hx("0x01"), hx("0x01")}),
                    kBig, 0, &msg),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "secp256k1_verify pubkey is not valid");
  const ByteVec k1_gen = hx("0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
  EXPECT_EQ(kind_of(ops::op_secp256k1_verify, a, list_of(a, {k1_gen, hx("0x01"), hx("0x01")}), kBig,
                    0, &msg),
            ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "secp256k1_verify message digest is not 32 bytes");
  EXPECT_EQ(
      kind_of(ops::op_secp256k1_verify, a, list_of(a, {k1_gen, d32, hx("0x01")}), kBig, 0, &msg),
      ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "secp256k1_verify sig is not valid");
  EXPECT_EQ(kind_of(ops::op_secp256k1_verify, a, list_of(a, {k1_gen, d32, s64}), kBig, 0, &msg),
            ErrorKind::Secp256Failed);  // clvmr's Secp256Failed
  EXPECT_EQ(msg, "secp256k1_verify failed");
  // An invalid pubkey wins over a pair in the digest position (clvmr reads in order).
  const NodePtr mixed =
      a.new_pair(a.new_atom(hx("0x02")), a.new_pair(a.new_pair(Allocator::nil(), Allocator::nil()),
                                                    a.new_pair(a.new_atom(s64), Allocator::nil())));
  EXPECT_EQ(kind_of(ops::op_secp256r1_verify, a, mixed, kBig, 0, &msg), ErrorKind::InvalidOpArg);
  EXPECT_EQ(msg, "secp256r1_verify pubkey is not valid");
}

}  // namespace
