// Embedding the runtime: parse a serialized program, run it with a cost limit, print the result as
// text, and report failures the way an application would.
//   embed                           runs the built-in cases below
//   embed PROGRAM_HEX [ENV_HEX [MAX_COST]]   runs one serialized program
#include <clvm/runtime.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <exception>
#include <string>

namespace {

// Runs `program_hex` on `env_hex` with at most `max_cost` and prints what happened. Returns 0 on
// success, 1 when the program failed, 2 when the input was not a valid serialization.
int run_one(std::string_view program_hex, std::string_view env_hex, clvm::Cost max_cost) {
  const auto program_bytes = clvm::from_hex(program_hex);
  const auto env_bytes = clvm::from_hex(env_hex);
  if (!program_bytes || !env_bytes) {
    fmt::print("  not hex: {}\n", program_bytes ? env_hex : program_hex);
    return 2;
  }
  clvm::Allocator a;  // one arena per run: every node of this run lives (and dies) here
  try {
    const clvm::NodePtr program = clvm::node_from_bytes(a, *program_bytes);
    const clvm::NodePtr env = clvm::node_from_bytes(a, *env_bytes);
    fmt::print("  program {}\n  env     {}\n", clvm::text(a, program), clvm::text(a, env));
    const clvm::ChiaDialect dialect(clvm::MEMPOOL_MODE);
    const clvm::Reduction r = clvm::run_program(a, dialect, program, env, max_cost);
    fmt::print("  result  {}\n  cost    {} (limit {})\n", clvm::text(a, r.node), r.cost, max_cost);
    return 0;
  } catch (const clvm::SerdeError& e) {  // malformed bytes: the input's fault
    fmt::print("  bad serialization: {}\n", e.what());
    return 2;
  } catch (const clvm::EvalError& e) {  // the program failed: clvmr's message and node
    fmt::print("  FAIL: {}", e.what());
    if (auto node = e.node()) fmt::print(" (at {})", clvm::text(a, *node));
    fmt::print("\n");
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) {
    const clvm::Cost max_cost = argc > 3 ? std::stoull(argv[3]) : 11'000'000'000;
    return run_one(argv[1], argc > 2 ? argv[2] : "80", max_cost);
  }
  fmt::print("clvm++ {} (clvmr {} rules)\n", clvm::version(), clvm::clvmr_version());
  // (+ 2 5) adds the environment's first two items: ff10ff02ff0580 is its serialization, and
  // ff64ff1780 that of the environment (100 23).
  fmt::print("1. add the two numbers of the environment\n");
  run_one("ff10ff02ff0580", "ff64ff1780", 11'000'000'000);
  fmt::print("2. the same with a cost limit below what it needs\n");
  run_one("ff10ff02ff0580", "ff64ff1780", 855);
  fmt::print("3. a program that raises: (x (q . \"oops\"))\n");
  run_one("ff08ffff01846f6f707380", "80", 11'000'000'000);
  fmt::print("4. truncated bytes\n");
  run_one("ff10ff02", "80", 11'000'000'000);
  return 0;
}
