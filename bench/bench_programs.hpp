// SPDX-License-Identifier: Apache-2.0
// The 20 programs of clvmr's run_program benchmark suite (tests/data/bench), loaded as the suite
// prescribes; shared by run_program_bench and the perf report.
#pragma once

#include <clvm/bytes.hpp>
#include <clvm/cost.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

inline const std::vector<std::string> kPrograms = {
    "factorial",   "count-even",      "hash-tree",       "hash-string", "substr",
    "substr-tree", "large-block",     "matrix-multiply", "sum-tree",    "concat",
    "block-2000",  "compressed-2000", "pubkey-tree",     "point-pow",   "shift-left",
    "loop_add",    "loop_sub",        "loop_ior",        "loop_xor",    "loop_not"};

/// The file at `path` without trailing whitespace. Throws std::runtime_error if unreadable.
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

struct Program {
  std::string name, program_path, env_path;
  clvm::Bytes program, env;
  clvm::Cost max_cost = 0, expected_cost = 0;
  std::string expected_hash;  // hex tree hash of the result
};

/// Program `name` from `dir` (tests/data/bench). Throws if a file is missing or malformed.
inline Program load_program(const std::string& dir, const std::string& name) {
  Program p;
  p.name = name;
  p.program_path = dir + "/programs/" + name + ".hex";
  p.env_path = dir + "/env/" + name + ".env.hex";
  p.program = clvm::from_hex(slurp(p.program_path)).value();
  p.env = clvm::from_hex(slurp(p.env_path)).value();
  p.max_cost = 11'000'000'000 - 12'000 * p.program.size();  // the suite's rule
  p.expected_cost = std::stoull(slurp(dir + "/env/" + name + ".cost"));
  p.expected_hash = slurp(dir + "/env/" + name + ".result.sha256tree");
  return p;
}

}  // namespace bench
