// SPDX-License-Identifier: Apache-2.0
// `clvm demo`: runs the bundled standard-transaction example (examples/standard_transaction).
#include "arena_dump.hpp"
#include "commands.hpp"
#include "example_data.hpp"

#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace clvm::tool {
namespace {

// Chia condition opcodes the example can produce, for the listing.
std::string_view condition_name(std::optional<std::uint32_t> op) {
  switch (op.value_or(0)) {
    case 49:
      return "AGG_SIG_UNSAFE";
    case 50:
      return "AGG_SIG_ME";
    case 51:
      return "CREATE_COIN";
    case 52:
      return "RESERVE_FEE";
    case 60:
      return "CREATE_COIN_ANNOUNCEMENT";
    case 61:
      return "ASSERT_COIN_ANNOUNCEMENT";
    case 62:
      return "CREATE_PUZZLE_ANNOUNCEMENT";
    case 63:
      return "ASSERT_PUZZLE_ANNOUNCEMENT";
    default:
      return "condition";
  }
}

}  // namespace

int demo_command(const DemoOptions& o) {
  Allocator a;
  const auto puzzle_bytes = decode_hex(example::kPuzzleHex, "bundled puzzle");
  const auto solution_bytes = decode_hex(example::kSolutionHex, "bundled solution");
  const NodePtr puzzle = node_from_bytes(a, puzzle_bytes);
  const NodePtr solution = node_from_bytes(a, solution_bytes);
  fmt::print(
      "The standard transaction puzzle (p2_delegated_puzzle_or_hidden_puzzle) curried with a\n"
      "public key, spent by a solution whose delegated puzzle creates one coin.\n\n");
  fmt::print("puzzle     {} bytes, tree hash {}\n", puzzle_bytes.size(), tree_hash(a, puzzle));
  fmt::print("solution   {}\n\n", disassemble(a, solution, KeywordSet::Classic));
  Reduction r;
  try {
    r = run_program(a, ChiaDialect(0), puzzle, solution, kDefaultMaxCost);
  } catch (const EvalError& e) {
    fmt::print("FAIL: {}\n", e.what());
    return kExitFail;
  }
  fmt::print("conditions\n");
  for (const NodePtr c : a.list(r.node)) {
    const auto op = a.next(c) ? a.small_number(a.pair(c).first) : std::nullopt;
    fmt::print("  {:<12} {}\n", condition_name(op), disassemble(a, c, KeywordSet::Classic));
  }
  fmt::print("\ncost = {}\n\n", r.cost);
  const std::vector<ImageRoot> roots{
      {"puzzle", puzzle}, {"solution", solution}, {"result", r.node}};
  DumpOptions d;
  if (!o.full) d.atoms = d.heap = d.pairs = false;
  const std::string text = dump_arena(a, roots, d);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return kExitOk;
}

}  // namespace clvm::tool
