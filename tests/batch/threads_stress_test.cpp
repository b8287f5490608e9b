// SPDX-License-Identifier: Apache-2.0
// Threads sharing what the README says may be shared: N threads start at once (so every lazily
// initialised global — SHA-256 dispatch, the tree-hash table, secp contexts, BLS, keyword tables —
// is first reached concurrently) and each runs op-test lines of every crypto family, benchmark
// programs, serialization, tree hashing and the text format in its own arena, through dialects
// shared by all threads; every answer must equal the expected one. Then a BatchRunner with four
// workers runs the same programs. Built and run under ThreadSanitizer by `cmake --preset tsan`.
#include <clvm/batch_runner.hpp>
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include "eval_support.hpp"
#include "same_tree.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <latch>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace clvm::test {
namespace {

constexpr unsigned kThreads = 4;
constexpr std::size_t kLinesPerFile = 6;
constexpr Cost kMaxCost = 10'000'000'000;
constexpr Flags kOpenGates = ENABLE_KECCAK_OPS_OUTSIDE_GUARD | ENABLE_SHA256_TREE | ENABLE_SECP_OPS;

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

struct OpLine {
  std::string head, args, expected;  // expected "FAIL" or "<sexp> | <cost>"
  Flags flags;
};

// The first kLinesPerFile lines of each file, one per crypto family and the core operators.
std::vector<OpLine> load_lines() {
  std::vector<OpLine> out;
  const std::pair<const char*, Flags> files[] = {
      {"test-core-ops", 0},      {"test-more-ops", 0},    {"test-sha256", 0},
      {"test-sha256tree", 0},    {"test-keccak256", 0},   {"test-secp256k1", 0},
      {"test-secp256r1", 0},     {"test-bls-ops", 0},     {"test-blspy-g1", 0},
      {"test-blspy-hash", 0},    {"test-modpow", 0},      {"test-more-ops-v2", NEW_COST_MODEL},
      {"test-blspy-pairing", 0}, {"test-secp-verify", 0},
  };
  for (const auto& [name, flags] : files) {
    std::istringstream in(
        read_file(std::string(CLVMPP_TEST_DATA_DIR) + "/op-tests/" + name + ".txt"));
    std::size_t taken = 0;
    for (std::string line; taken < kLinesPerFile && std::getline(in, line);) {
      line = trim(line);
      if (line.empty() || line.starts_with(';')) continue;
      const auto arrow = line.rfind("=>");
      if (arrow == std::string::npos) continue;
      const std::string lhs = trim(std::string_view(line).substr(0, arrow));
      const auto space = lhs.find(' ');
      out.push_back({lhs.substr(0, space), space == std::string::npos ? "" : lhs.substr(space + 1),
                     trim(std::string_view(line).substr(arrow + 2)), flags});
      ++taken;
    }
  }
  return out;
}

// One dialect per flag set, made before the threads start and shared by all of them.
struct Dialects {
  std::map<Flags, ChiaDialect> by_flags;
  const ChiaDialect& get(Flags f) const { return by_flags.at(f); }
};

Dialects make_dialects() {
  Dialects d;
  for (Flags base : {Flags{0}, NEW_COST_MODEL})
    for (Flags extra : {Flags{0}, RELAXED_BLS}) {
      const Flags f = base | extra | kOpenGates;
      d.by_flags.emplace(f, ChiaDialect(f));
    }
  return d;
}

// "" on a pass, else why not.
std::string run_line(Allocator& a, const Dialects& d, const OpLine& l) {
  std::string name = l.head;
  Flags f = l.flags | kOpenGates;
  if (name == "g1_negate" || name == "g2_negate") f |= RELAXED_BLS;
  if (name.ends_with("_strict")) name.resize(name.size() - 7);
  const auto opcode = opcode_for_name(name);
  if (!opcode) return "unknown operator " + name;
  const NodePtr op = a.new_atom(*opcode);
  const NodePtr args = parse_arg_list(a, l.args);
  if (l.expected == "FAIL") {
    try {
      d.get(f).op(a, op, args, kMaxCost, OperatorSet::Default);
      return "expected FAIL";
    } catch (const Error&) {
      return {};
    }
  }
  const auto bar = l.expected.rfind('|');
  const NodePtr expected = parse_sexp(a, trim(std::string_view(l.expected).substr(0, bar)));
  const std::string cost_text = trim(std::string_view(l.expected).substr(bar + 1));
  Cost cost = 0;
  std::from_chars(cost_text.data(), cost_text.data() + cost_text.size(), cost);
  try {
    const Reduction r = d.get(f).op(a, op, args, kMaxCost, OperatorSet::Default);
    if (!same_tree(a, r.node, expected)) return "result " + to_text(a, r.node);
    if (r.cost != cost) return "cost " + std::to_string(r.cost);
  } catch (const Error& e) {
    return std::string("error ") + e.what();
  }
  return {};
}

struct Program {
  std::string name;
  Bytes program, env;
  Cost cost;
  std::string hash;  // tree hash of the result, hex
};

std::vector<Program> load_programs() {
  std::vector<Program> out;
  const std::string dir = std::string(CLVMPP_TEST_DATA_DIR) + "/bench/";
  for (const char* name : {"factorial", "hash-string", "block-2000"}) {
    Program p{name,
              decode_hex(read_file(dir + "programs/" + name + ".hex")),
              decode_hex(read_file(dir + "env/" + name + ".env.hex")),
              0,
              {}};
    const std::string c = trim(read_file(dir + "env/" + name + ".cost"));
    std::from_chars(c.data(), c.data() + c.size(), p.cost);
    p.hash = trim(read_file(dir + "env/" + name + ".result.sha256tree"));
    out.push_back(std::move(p));
  }
  return out;
}

TEST(ThreadsStress, SharedDialectsOwnArenas) {
  const std::vector<OpLine> lines = load_lines();
  const std::vector<Program> programs = load_programs();
  ASSERT_GT(lines.size(), 60u);
  const Dialects dialects = make_dialects();
  const ChiaDialect gc_dialect(ENABLE_GC);  // shared by every thread
  std::latch start(kThreads);
  std::vector<std::vector<std::string>> failures(kThreads);
  std::atomic<std::size_t> checks{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::vector<std::string>& fail = failures[t];
      Allocator a;
      const Checkpoint empty = a.checkpoint();
      start.arrive_and_wait();  // every thread reaches the lazy globals at the same moment
      for (std::size_t k = 0; k < lines.size(); ++k) {
        const OpLine& l = lines[(k + t * lines.size() / kThreads) % lines.size()];
        try {
          if (std::string why = run_line(a, dialects, l); !why.empty())
            fail.push_back(l.head + " " + l.args.substr(0, 80) + ": " + why);
        } catch (const std::exception& e) {
          fail.push_back(l.head + ": threw " + e.what());
        }
        a.restore_checkpoint(empty);
        ++checks;
      }
      for (const Program& p : programs) {
        const NodePtr prg = node_from_bytes_backrefs(a, p.program);
        const NodePtr env = node_from_bytes(a, p.env);
        const Reduction r = run_program(a, gc_dialect, prg, env, 11'000'000'000);
        if (r.cost != p.cost) fail.push_back(p.name + ": cost " + std::to_string(r.cost));
        if (to_hex(tree_hash(a, r.node).span()) != p.hash) fail.push_back(p.name + ": result hash");
        // The writers, the readers and the text format on the same tree.
        const Bytes classic = node_to_bytes(a, prg);
        const Bytes compressed = node_to_bytes_backrefs(a, prg);
        if (tree_hash(a, node_from_bytes_backrefs(a, compressed)) != tree_hash(a, prg))
          fail.push_back(p.name + ": backrefs round trip");
        if (tree_hash_from_bytes(classic) != tree_hash(a, prg))
          fail.push_back(p.name + ": streamed tree hash");
        if (p.program.size() < 5000) {
          const std::string text = disassemble(a, prg);
          if (tree_hash(a, assemble(a, text)) != tree_hash(a, prg))
            fail.push_back(p.name + ": text round trip");
        }
        a.restore_checkpoint(empty);
        ++checks;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (unsigned t = 0; t < kThreads; ++t)
    for (const std::string& f : failures[t]) ADD_FAILURE() << "thread " << t << ": " << f;
  EXPECT_EQ(checks.load(), kThreads * (lines.size() + programs.size()));
  std::printf("[threads] %u threads x %zu op-test lines + %zu programs\n", kThreads, lines.size(),
              programs.size());
}

TEST(ThreadsStress, BatchRunnerWorkersAgree) {
  const std::vector<Program> programs = load_programs();
  BatchOptions o;
  o.threads = kThreads;
  o.window = 8;
  BatchRunner runner(o);
  std::size_t next = 0, answered = 0;
  constexpr std::size_t kRounds = 4;
  runner.run(
      [&]() -> std::optional<BatchCase> {
        if (next == kRounds * programs.size()) return std::nullopt;
        const Program& p = programs[next++ % programs.size()];
        BatchCase c{p.program, p.env, 11'000'000'000, ENABLE_GC, {}, true};
        c.result_limit = SIZE_MAX;
        return c;
      },
      [&](BatchAnswer&& a) {
        const Program& p = programs[answered++ % programs.size()];
        ASSERT_TRUE(a.ok()) << p.name << ": " << a.message;
        EXPECT_EQ(a.cost, p.cost) << p.name;
        EXPECT_EQ(to_hex(tree_hash_from_bytes(a.result).span()), p.hash) << p.name;
      });
  EXPECT_EQ(answered, kRounds * programs.size());
}

}  // namespace
}  // namespace clvm::test
