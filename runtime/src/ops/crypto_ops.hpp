// SPDX-License-Identifier: Apache-2.0
/// \file The cryptographic operators (clvmr's src/bls_ops.rs, src/secp_ops.rs, src/keccak256_ops.rs
/// and op_point_add / op_pubkey_for_exp of src/more_ops.rs; coinid, a SHA-256, is in more_ops.hpp).
/// Each follows ops::OpFn: it takes the evaluated argument list, the budget left and the dialect
/// flags, returns {cost, result} and throws EvalError. Legacy costs apply unless `flags` has
/// NEW_COST_MODEL; "malloc" is 10 per byte of the result atom (480 for a G1 point, 960 for G2, 320
/// for a hash).
///
/// Points are compressed (G1 48 bytes, G2 96 bytes) and validated as chia-bls does (on the curve,
/// in the subgroup; infinity only as `c0 00…`). Argument decoding errors: a pair → InvalidAllocArg
/// "pair found, expected G1 point"; a wrong length → InvalidAllocArg "atom is not G1 size, 48
/// bytes"; an invalid point → InvalidAllocArg "atom is not a G1 point" (G2 alike with 96). Scalars
/// are two's-complement integers of any length reduced mod the group order r (negatives wrap).
#pragma once

#include "ops/op.hpp"

namespace clvm::ops {

// ---- BLS12-381 (ops/bls.cpp)

/// 29 (point_add / g1_add P...): the G1 sum; no arguments give infinity. Cost 101094 + 1343980 per
/// argument + 480, checked after each argument. A non-nil list terminator ends the list.
Reduction op_point_add(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 30 (pubkey_for_exp K): the G1 generator times K mod r. Cost 1325730 + 38·len(K) + 480.
Reduction op_pubkey_for_exp(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 49 (g1_subtract P Q...): P minus the rest; no arguments give infinity. Cost as point_add, the
/// base also checked before the first argument.
Reduction op_bls_g1_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 50 (g1_multiply P K): P times K mod r. Cost 705500 + 10·len(K) + 480; new model
/// 1900000 + 24·len(K) + 480. LIMITS (legacy only): len(K) ≤ 1024.
Reduction op_bls_g1_multiply(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 51 (g1_negate P): P with the sign bit (0x20 of byte 0) flipped; an atom whose byte 0 is in
/// c0…df (the infinity flag set, sign clear) is returned as is. Strict: P must be a valid point
/// (InvalidOpArg otherwise); with RELAXED_BLS only its length (48) is checked. Cost 916 + 480.
Reduction op_bls_g1_negate(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 52 (g2_add P...): the G2 sum. Cost 80000 + 1950000 per argument + 960.
Reduction op_bls_g2_add(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 53 (g2_subtract P Q...): P minus the rest. Cost as g2_add.
Reduction op_bls_g2_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 54 (g2_multiply P K): P times K mod r. Cost 2100000 + 5·len(K) + 960; new model
/// 3000000 + 23·len(K) + 960. LIMITS (legacy only): len(K) ≤ 1024.
Reduction op_bls_g2_multiply(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 55 (g2_negate P): as g1_negate for G2 (96 bytes). Cost 1204 + 960.
Reduction op_bls_g2_negate(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 56 (g1_map MSG [DST]): hash_to_curve to G1; DST defaults to
/// "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_". Cost 195000 + 4·len(MSG) + 4·len(DST) + 480;
/// new model 700000 + 3·len(MSG) + 2·len(DST) + 480.
Reduction op_bls_map_to_g1(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 57 (g2_map MSG [DST]): hash_to_curve to G2 (default DST "…G2…_AUG_"). Cost 815000 + 4·len(MSG)
/// + 4·len(DST) + 960; new model 2700000 + 3·len(MSG) + 2·len(DST) + 960.
Reduction op_bls_map_to_g2(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 58 (bls_pairing_identity G1 G2 G1 G2 ...): nil if the product of the pairings is the identity,
/// else InvalidOpArg "bls_pairing_identity failed". Cost 3000000 + 1200000 per pair; new model
/// 1000000 + 5000000 per pair; no malloc.
Reduction op_bls_pairing_identity(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 59 (bls_verify SIG PK MSG PK MSG ...): nil if SIG is the augmented-scheme aggregate signature
/// of the (PK, MSG) pairs (with none, SIG must be infinity), else InvalidOpArg "bls_verify failed".
/// Cost 3000000 + Σ(1200000 + 4·len(MSG) + 172); new model 1000000 + Σ(5000000 + 3·len(MSG) + 86).
Reduction op_bls_verify(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

// ---- Keccak-256 (ops/keccak.cpp)

/// 62 (keccak256 ...): Keccak-256 of the atoms concatenated. Cost 50 + Σ(160 + 2L) + 320; new
/// model 2350 + Σ(100 + 10L) + 320. Where it is available (softfork extension 1, or
/// ENABLE_KECCAK_OPS_OUTSIDE_GUARD) is the dispatcher's business.
Reduction op_keccak256(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

// ---- ECDSA (ops/secp.cpp)

/// 64 / 0x13d61f00 (secp256k1_verify PUBKEY DIGEST SIG): nil if SIG (64 bytes r‖s, low-S) signs
/// the 32-byte DIGEST for the SEC1 PUBKEY; otherwise InvalidOpArg "secp256k1_verify …". Cost
/// 1300000 (both models), checked first; no malloc.
Reduction op_secp256k1_verify(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// 65 / 0x1c3a8f00 (secp256r1_verify PUBKEY DIGEST SIG): as secp256k1_verify over P-256 (high-S
/// accepted). Cost 1850000.
Reduction op_secp256r1_verify(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

}  // namespace clvm::ops
