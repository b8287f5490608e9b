// SPDX-License-Identifier: Apache-2.0
/// \file Dialect flags: clvmr's ClvmFlags bit values (shared with chia_rs).
#pragma once

#include <cstdint>

namespace clvm {

using Flags = std::uint32_t;

/// softfork cost/extension must not have a redundant leading 00.
inline constexpr Flags CANONICAL_INTS = 0x0001;
/// An unknown operator is an error (Unimplemented) instead of costing and returning nil.
inline constexpr Flags NO_UNKNOWN_OPS = 0x0002;
/// Callers limit the heap to 500 MB (the evaluator itself does not read this bit).
inline constexpr Flags LIMIT_HEAP = 0x0004;
/// g1_negate / g2_negate check only the length of their argument.
inline constexpr Flags RELAXED_BLS = 0x0008;
/// softfork nesting is limited to 20 levels.
inline constexpr Flags LIMIT_SOFTFORK = 0x0010;
/// Collect garbage around some operators (memory only: costs and counts unchanged).
inline constexpr Flags ENABLE_GC = 0x0020;
/// Operand size caps of the legacy cost model.
inline constexpr Flags LIMITS = 0x0040;
/// keccak256 (opcode 62) outside a softfork guard.
inline constexpr Flags ENABLE_KECCAK_OPS_OUTSIDE_GUARD = 0x0100;
/// modpow is unimplemented; / divmod % reject dividends over 2048 bytes.
inline constexpr Flags DISABLE_OP = 0x0200;
/// sha256tree (opcode 63).
inline constexpr Flags ENABLE_SHA256_TREE = 0x0400;
/// secp256k1_verify / secp256r1_verify as opcodes 64 / 65.
inline constexpr Flags ENABLE_SECP_OPS = 0x0800;
/// clvmr's alternative bignum backend: accepted, same results.
inline constexpr Flags MALACHITE = 0x1000;
/// The 3.0 hard-fork cost model; turns off the LIMITS and DISABLE_OP caps.
inline constexpr Flags NEW_COST_MODEL = 0x2000;
/// The mempool's stricter rules.
inline constexpr Flags MEMPOOL_MODE =
    NO_UNKNOWN_OPS | LIMIT_HEAP | DISABLE_OP | CANONICAL_INTS | LIMIT_SOFTFORK;
static_assert(MEMPOOL_MODE == 0x0217);

}  // namespace clvm
