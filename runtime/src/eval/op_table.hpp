// SPDX-License-Identifier: Apache-2.0
/// \file The operator table of ChiaDialect (clvmr's src/chia_dialect.rs): opcode -> operator
/// function and the flag gate that must be open for the opcode to be known. Shared by the
/// dialect's general dispatch and the evaluator's fast path for inline (SmallAtom) opcodes.
#pragma once

#include "ops/core_ops.hpp"
#include "ops/crypto_ops.hpp"
#include "ops/more_ops.hpp"

#include <array>
#include <cstdint>

namespace clvm::eval {

/// What must hold for an opcode to be known (otherwise it is an unknown operator).
enum class Gate : std::uint8_t {
  None,
  Keccak,      ///< inside softfork extension 1, or ENABLE_KECCAK_OPS_OUTSIDE_GUARD
  Sha256Tree,  ///< ENABLE_SHA256_TREE
  Secp,        ///< ENABLE_SECP_OPS
};

struct OpEntry {
  ops::OpFn fn = nullptr;
  Gate gate = Gate::None;
};

/// Single-byte opcodes below this have table entries (the rest are unknown operators).
inline constexpr std::uint32_t kOpTableSize = 66;

/// Entries by opcode; fn is null for unassigned opcodes (and for q, a, softfork, which the
/// evaluator handles itself).
inline constexpr std::array<OpEntry, kOpTableSize> kOpTable = [] {
  using namespace ops;
  std::array<OpEntry, kOpTableSize> t{};
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
}();

}  // namespace clvm::eval
