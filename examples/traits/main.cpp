// clvm::traits: your own structs as CLVM values. Curries the standard puzzle with a public key,
// builds a spend's solution from a struct, runs it, and reads the conditions it returns back into
// C++ types.
//   traits [STANDARD_PUZZLE_HEX_FILE]
#include <clvm/runtime.hpp>
#include <clvm/traits.hpp>

#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

// (51 puzzle_hash amount): CREATE_COIN, a condition that makes a new coin.
struct CreateCoin {
  clvm::Bytes32 puzzle_hash;
  std::uint64_t amount = 0;
};
template <>
struct clvm::meta<CreateCoin> {
  static constexpr auto value =
      as_list(constant(MatchByte<51>{}), &CreateCoin::puzzle_hash, &CreateCoin::amount);
};

// (50 public_key message): AGG_SIG_ME, the spend needs a signature by `public_key` of `message`.
struct AggSigMe {
  clvm::Bytes48 public_key;
  clvm::Bytes message;
};
template <>
struct clvm::meta<AggSigMe> {
  static constexpr auto value =
      as_list(constant(MatchByte<50>{}), &AggSigMe::public_key, &AggSigMe::message);
};

// The standard puzzle's curried argument: the coin owner's public key.
struct StandardArgs {
  clvm::Bytes48 synthetic_key;
};
CLVM_CURRY(StandardArgs, synthetic_key);

// The standard puzzle's solution: (original_public_key delegated_puzzle solution). Without an
// original key, the delegated puzzle runs (and must be signed by the synthetic key).
struct StandardSolution {
  std::optional<clvm::Bytes48> original_public_key;
  clvm::NodePtr delegated_puzzle;
  clvm::NodePtr solution;
};
CLVM_LIST(StandardSolution, original_public_key, delegated_puzzle, solution);

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  clvm::Allocator a;
  std::string hex = read_file(argc > 1 ? argv[1] : STANDARD_PUZZLE_HEX);
  while (!hex.empty() && std::isspace(static_cast<unsigned char>(hex.back()))) hex.pop_back();
  const clvm::NodePtr module = clvm::node_from_bytes(a, clvm::from_hex(hex).value());

  // The owner's key: the BLS12-381 G1 generator (the public key of secret key 1; a demo key).
  const StandardArgs args{*clvm::bytes_from_hex<48>(
      "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb2"
      "2c6bb")};
  using StandardPuzzle = clvm::CurriedProgram<clvm::NodePtr, StandardArgs>;
  const clvm::NodePtr puzzle = clvm::to_clvm(a, StandardPuzzle{module, args});
  fmt::print("standard puzzle hash   {}\n", clvm::tree_hash(a, module));
  fmt::print("curried with key       {}\n", args.synthetic_key);
  fmt::print("coin's puzzle hash     {}\n", clvm::tree_hash(a, puzzle));
  // Uncurrying gives the module and the key back.
  const auto [program, curried] = clvm::from_clvm<StandardPuzzle>(a, puzzle);
  fmt::print("uncurried key matches  {}\n", curried.synthetic_key == args.synthetic_key);

  // Spend it: the delegated puzzle (q . ((51 <same puzzle hash> 1000))) returns one condition.
  const clvm::Bytes32 to = clvm::tree_hash(a, puzzle);
  const clvm::NodePtr delegated =
      clvm::to_clvm(a, clvm::quote(std::vector<CreateCoin>{{to, 1000}}));
  const clvm::NodePtr solution =
      clvm::to_clvm(a, StandardSolution{std::nullopt, delegated, a.nil()});
  // Classic keywords: 51 is data here, not the newer operator g1_negate that has that opcode.
  fmt::print("solution               {}\n",
             clvm::text(a, solution, clvm::kDefaultTextChars, clvm::KeywordSet::Classic));
  const clvm::Reduction r =
      clvm::run_program(a, clvm::ChiaDialect(clvm::MEMPOOL_MODE), puzzle, solution, 11'000'000'000);
  fmt::print("cost                   {}\n", r.cost);

  // The output is a list of conditions; each is one of the types above.
  using Condition = std::variant<CreateCoin, AggSigMe>;
  for (const Condition& c : clvm::from_clvm<std::vector<Condition>>(a, r.node)) {
    if (const auto* create = std::get_if<CreateCoin>(&c))
      fmt::print("CREATE_COIN            {} mojos to {}\n", create->amount, create->puzzle_hash);
    if (const auto* sig = std::get_if<AggSigMe>(&c))
      fmt::print("AGG_SIG_ME             key {}\n                       message {}\n",
                 sig->public_key, clvm::to_hex(sig->message));
  }

  // Decoding checks the shape and names where it went wrong.
  try {
    (void)clvm::from_clvm<CreateCoin>(a, clvm::assemble(a, "(51 0xcafe 1000)"));
  } catch (const clvm::FromClvmError& e) {
    fmt::print("decoding (51 0xcafe 1000) as CreateCoin: {}\n", e.what());
  }
  return 0;
}
