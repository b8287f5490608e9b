// SPDX-License-Identifier: Apache-2.0
// clvm_difftest: runs random programs here and through a peer batch command (protocol of
// ../shared/peers/README.md: one line "<program_hex> <env_hex> <max_cost> <flags>" in,
// "<result_hex> <cost>" or "FAIL: ..." out) and reports every difference in outcome, result bytes
// or cost.
//
//   clvm_difftest --peer "/path/to/oracle batch wasm" [--cases N] [--seed S] [--batch B]
// Flags tested: consensus (ours 0, wasm 0xa0) and NO_UNKNOWN_OPS (ours 0x02, wasm 0xa2).
// Exit status 0 when no difference was found.
#include <clvm/bytes.hpp>
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include "generator.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Case {
  std::string program_hex, env_hex;
  std::uint64_t max_cost = 0;
  clvm::Flags flags = 0;
  std::string ours;  // "<hex> <cost>" or "FAIL"
};

std::string run_ours(const std::vector<std::uint8_t>& prg, const std::vector<std::uint8_t>& env,
                     std::uint64_t max_cost, clvm::Flags flags) {
  clvm::Allocator a;
  try {
    const clvm::NodePtr p = clvm::node_from_bytes(a, prg);
    const clvm::NodePtr e = clvm::node_from_bytes(a, env);
    const clvm::Reduction r = clvm::run_program(a, clvm::ChiaDialect(flags), p, e, max_cost);
    return clvm::to_hex(clvm::node_to_bytes_limit(a, r.node, 100'000'000)) + " " +
           std::to_string(r.cost);
  } catch (const clvm::Error&) {
    return "FAIL";
  }
}

// Runs the peer on all cases; returns its output lines (empty on failure to run).
std::vector<std::string> run_peer(const std::string& cmd, const std::vector<Case>& cases) {
  const std::string in = "/tmp/clvm_difftest_in.txt", out = "/tmp/clvm_difftest_out.txt";
  {
    std::ofstream f(in);
    for (const Case& c : cases)
      f << c.program_hex << ' ' << c.env_hex << ' ' << c.max_cost << ' ' << (0xa0 | c.flags)
        << '\n';
  }
  if (std::system((cmd + " < " + in + " > " + out).c_str()) != 0) return {};
  std::vector<std::string> lines;
  std::ifstream f(out);
  for (std::string l; std::getline(f, l);) lines.push_back(l);
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  std::string peer;
  std::uint64_t cases_total = 10'000, seed = 1;
  std::size_t batch = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--peer")
      peer = argv[i + 1];
    else if (k == "--cases")
      cases_total = std::strtoull(argv[i + 1], nullptr, 10);
    else if (k == "--seed")
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (k == "--batch")
      batch = std::strtoull(argv[i + 1], nullptr, 10);
  }
  if (peer.empty()) {
    std::fprintf(stderr, "usage: clvm_difftest --peer CMD [--cases N] [--seed S] [--batch B]\n");
    return 2;
  }
  clvm::difftest::Generator gen(seed);
  std::uint64_t done = 0, diffs = 0, ok_both = 0;
  while (done < cases_total) {
    std::vector<Case> cases;
    for (std::size_t i = 0; i < batch && done + i < cases_total; ++i) {
      clvm::Allocator a;
      const auto prg = clvm::node_to_bytes(a, gen.program(a, 5));
      const auto env = clvm::node_to_bytes(a, gen.environment(a, 4));
      Case c;
      c.program_hex = clvm::to_hex(prg);
      c.env_hex = clvm::to_hex(env);
      c.max_cost = gen.max_cost();
      c.flags = gen.below(4) == 0 ? clvm::NO_UNKNOWN_OPS : 0;
      c.ours = run_ours(prg, env, c.max_cost, c.flags);
      cases.push_back(std::move(c));
    }
    const auto theirs = run_peer(peer, cases);
    if (theirs.size() != cases.size()) {
      std::fprintf(stderr, "peer returned %zu lines for %zu cases\n", theirs.size(), cases.size());
      return 2;
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const bool peer_fail = theirs[i].starts_with("FAIL");
      const bool same = peer_fail ? cases[i].ours == "FAIL" : cases[i].ours == theirs[i];
      if (!same) {
        ++diffs;
        std::printf("DIFF %s %s %llu %u\n  ours: %s\n  peer: %s\n", cases[i].program_hex.c_str(),
                    cases[i].env_hex.c_str(), static_cast<unsigned long long>(cases[i].max_cost),
                    cases[i].flags, cases[i].ours.c_str(), theirs[i].c_str());
      } else if (!peer_fail) {
        ++ok_both;
      }
    }
    done += cases.size();
    std::fprintf(stderr, "%llu cases, %llu both succeeded, %llu differences\n",
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(ok_both),
                 static_cast<unsigned long long>(diffs));
  }
  std::printf("seed %llu: %llu cases, %llu both succeeded, %llu differences\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(done),
              static_cast<unsigned long long>(ok_both), static_cast<unsigned long long>(diffs));
  return diffs == 0 ? 0 : 1;
}
