// SPDX-License-Identifier: Apache-2.0
// ChiaDialect::op and the one operator table (clvmr's src/chia_dialect.rs).
#include <clvm/dialect.hpp>

#include "ops/core_ops.hpp"
#include "ops/crypto_ops.hpp"
#include "ops/more_ops.hpp"
#include "ops/unknown_op.hpp"

#include <array>
#include <cstdint>

namespace clvm {

namespace {

// What must hold for an opcode to be known (otherwise it is an unknown operator).
enum class Gate : std::uint8_t {
  None,
  Keccak,      // inside softfork extension 1, or ENABLE_KECCAK_OPS_OUTSIDE_GUARD
  Sha256Tree,  // ENABLE_SHA256_TREE
  Secp,        // ENABLE_SECP_OPS
};

struct Entry {
  ops::OpFn fn = nullptr;
  Gate gate = Gate::None;
};

constexpr std::uint32_t kSecp256k1Verify = 0x13d61f00;
constexpr std::uint32_t kSecp256r1Verify = 0x1c3a8f00;

constexpr std::array<Entry, 66> make_table() {
  using namespace ops;
  std::array<Entry, 66> t{};
  t[3] = {op_if};
  t[4] = {op_cons};
  t[5] = {op_first};
  t[6] = {op_rest};
  t[7] = {op_listp};
  t[8] = {op_raise};
  t[9] = {op_eq};
  t[10] = {op_gr_bytes};
  t[11] = {op_sha256};
  t[12] = {op_substr};
  t[13] = {op_strlen};
  t[14] = {op_concat};
  t[16] = {op_add};
  t[17] = {op_subtract};
  t[18] = {op_multiply};
  t[19] = {op_div};
  t[20] = {op_divmod};
  t[21] = {op_gr};
  t[22] = {op_ash};
  t[23] = {op_lsh};
  t[24] = {op_logand};
  t[25] = {op_logior};
  t[26] = {op_logxor};
  t[27] = {op_lognot};
  t[29] = {op_point_add};
  t[30] = {op_pubkey_for_exp};
  t[32] = {op_not};
  t[33] = {op_any};
  t[34] = {op_all};
  t[48] = {op_coinid};
  t[49] = {op_bls_g1_subtract};
  t[50] = {op_bls_g1_multiply};
  t[51] = {op_bls_g1_negate};
  t[52] = {op_bls_g2_add};
  t[53] = {op_bls_g2_subtract};
  t[54] = {op_bls_g2_multiply};
  t[55] = {op_bls_g2_negate};
  t[56] = {op_bls_map_to_g1};
  t[57] = {op_bls_map_to_g2};
  t[58] = {op_bls_pairing_identity};
  t[59] = {op_bls_verify};
  t[60] = {op_modpow};
  t[61] = {op_mod};
  t[62] = {op_keccak256, Gate::Keccak};
  t[63] = {op_sha256tree, Gate::Sha256Tree};
  t[64] = {op_secp256k1_verify, Gate::Secp};
  t[65] = {op_secp256r1_verify, Gate::Secp};
  return t;
}

constexpr std::array<Entry, 66> kTable = make_table();

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
    if (code && *code < kTable.size() && gate_open(kTable[*code].gate, flags_, extension))
      fn = kTable[*code].fn;
  }
  if (fn != nullptr) return fn(a, args, max_cost, flags_);
  if (!allow_unknown_ops()) throw EvalError(ErrorKind::Unimplemented, {}, op);
  return ops::op_unknown(a, op, args, max_cost, flags_);
}

}  // namespace clvm
