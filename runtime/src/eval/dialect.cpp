// SPDX-License-Identifier: Apache-2.0
// ChiaDialect::op: general dispatch over the operator table (eval/op_table.hpp).
#include <clvm/dialect.hpp>

#include "eval/op_table.hpp"
#include "ops/unknown_op.hpp"

#include <array>
#include <cstdint>

namespace clvm {

namespace {

using eval::Gate;
using eval::kOpTable;

constexpr std::uint32_t kSecp256k1Verify = 0x13d61f00;
constexpr std::uint32_t kSecp256r1Verify = 0x1c3a8f00;

bool gate_open(Gate g, Flags flags, OperatorSet set) {
  switch (g) {
    case Gate::None:
      return true;
    case Gate::Keccak:
      return set == OperatorSet::Keccak || set == OperatorSet::PreHardFork ||
             (flags & ENABLE_KECCAK_OPS_OUTSIDE_GUARD) != 0;
    case Gate::Sha256Tree:
      return (flags & ENABLE_SHA256_TREE) != 0;
    case Gate::Secp:
      return (flags & ENABLE_SECP_OPS) != 0;
  }
  return false;
}

// The 4-byte secp opcodes, which dispatch even under NO_UNKNOWN_OPS; null for others.
ops::OpFn secp_by_opcode(std::uint32_t opcode) {
  if (opcode == kSecp256k1Verify) return ops::op_secp256k1_verify;
  if (opcode == kSecp256r1Verify) return ops::op_secp256r1_verify;
  return nullptr;
}

}  // namespace

Reduction ChiaDialect::op(Allocator& a, NodePtr op, NodePtr args, Cost max_cost,
                          OperatorSet extension) const {
  const Atom b = a.atom(op);
  ops::OpFn fn = nullptr;
  if (b.size() == 4) {
    const std::uint32_t opcode = (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) |
                                 (std::uint32_t{b[2]} << 8) | b[3];
    fn = secp_by_opcode(opcode);
  } else if (b.size() == 1) {
    // Only canonical single-byte opcodes: 00 and 80..ff are unknown operators.
    const auto code = a.small_number(op);
    if (code && *code < kOpTable.size() && gate_open(kOpTable[*code].gate, flags_, extension))
      fn = kOpTable[*code].fn;
  }
  if (fn != nullptr) return fn(a, args, max_cost, flags_);
  if (!allow_unknown_ops()) throw EvalError(ErrorKind::Unimplemented, {}, op);
  return ops::op_unknown(a, op, args, max_cost, flags_);
}

bool ChiaDialect::is_known_operator(const Allocator& a, NodePtr op, OperatorSet extension) const {
  const Atom b = a.atom(op);
  if (b.size() == 4)
    return secp_by_opcode((std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) |
                          (std::uint32_t{b[2]} << 8) | b[3]) != nullptr;
  if (b.size() != 1) return false;
  const auto code = a.small_number(op);
  if (!code) return false;
  if (*code == kQuoteKw || *code == kApplyKw || *code == kSoftforkKw) return true;
  return *code < kOpTable.size() && kOpTable[*code].fn != nullptr &&
         gate_open(kOpTable[*code].gate, flags_, extension);
}

}  // namespace clvm
