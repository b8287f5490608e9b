// run_program on arbitrary program/environment pairs with a small budget: no crash, the cost never
// exceeds the budget, and a result re-serializes. The first byte picks the flags.
#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/runtime.hpp>
#include <clvm/serde.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static constexpr clvm::Flags kFlagChoices[] = {
      0,
      clvm::MEMPOOL_MODE,
      clvm::NEW_COST_MODEL,
      clvm::LIMITS | clvm::DISABLE_OP,
      clvm::ENABLE_GC,
      clvm::ENABLE_SHA256_TREE | clvm::ENABLE_SECP_OPS | clvm::ENABLE_KECCAK_OPS_OUTSIDE_GUARD,
      clvm::NO_UNKNOWN_OPS | clvm::LIMIT_SOFTFORK,
      clvm::NEW_COST_MODEL | clvm::ENABLE_GC};
  const clvm::Flags flags = kFlagChoices[data[0] % std::size(kFlagChoices)];
  constexpr clvm::Cost kMaxCost = 2'000'000;
  clvm::Allocator a(1 << 26);
  clvm::NodePtr program, env;
  try {
    std::span<const std::uint8_t> in(data + 1, size - 1);
    program = clvm::node_from_bytes(a, in);
    const std::size_t used = clvm::node_to_bytes(a, program).size();
    env = in.size() > used ? clvm::node_from_bytes(a, in.subspan(used)) : a.nil();
  } catch (const clvm::Error&) {
    return 0;
  }
  try {
    const clvm::Reduction r =
        clvm::run_program(a, clvm::ChiaDialect(flags), program, env, kMaxCost);
    FUZZ_CHECK(r.cost <= kMaxCost);
    (void)clvm::node_to_bytes(a, r.node);
  } catch (const clvm::EvalError&) {
  }
  return 0;
}
