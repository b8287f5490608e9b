// SPDX-License-Identifier: Apache-2.0
/// \file The arithmetic, bitwise, string and hash operators (clvmr's src/more_ops.rs and the
/// sha256tree operator). Each follows ops::OpFn: it takes the evaluated argument list, the budget
/// left and the dialect flags, returns {cost, result} and throws EvalError. Integer arguments are
/// two's complement of any length; costs use their raw lengths; results are minimal. Legacy costs
/// apply unless `flags` has NEW_COST_MODEL. LIMITS caps and DISABLE_OP rules apply only without
/// NEW_COST_MODEL. MALACHITE is accepted and changes nothing. (>s lives with the core operators.)
#pragma once

#include "ops/op.hpp"

namespace clvm::ops {

// ---- arithmetic (arith.cpp)

/// The legacy costs of + and - (per argument and per byte of each argument).
inline constexpr Cost kArithBaseCost = 99, kArithCostPerArg = 320, kArithCostPerByte = 3;

/// (+ ...): the sum (0 for no arguments). Cost 99 + Σ(320 + 3L) + malloc; new model
/// 99 + Σ(500 + 4·max(limbs(sum so far), L)) + malloc.
Reduction op_add(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (- A B ...): A minus the rest (0 for no arguments). Cost as `+`.
Reduction op_subtract(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (* ...): the product (1 for no arguments). Cost 92 + Σ over arguments 2..n of
/// (885 + 6(l0 + l1) + l0·l1/128) + malloc, l0 being the product's limbs so far; new model base
/// 2000 + 6·L(first) and divisor 16. LIMITS: operands ≤256 bytes, product ≤1024 limbs.
Reduction op_multiply(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (> A B): 1 if A > B as signed integers, else nil. Cost 498 + 2(L0 + L1); new 1000 + 4(L0 + L1).
Reduction op_gr(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

// ---- division (division.cpp)

/// (/ A B): floor(A / B). Cost 988 + 4(L0 + L1) + malloc; new model 1000 + 50(L0 + L1) +
/// L0·L1/10 + malloc. DivisionByZero when B is 0. LIMITS: A ≤256 bytes, B ≤1024; DISABLE_OP:
/// A ≤2048 bytes.
Reduction op_div(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (divmod A B): (floor(A / B) . A mod B), the remainder having B's sign. Cost 1116 + 6(L0 + L1)
/// + malloc of both; new model as `/` plus malloc of both. Caps as `/`.
Reduction op_divmod(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (% A B): A mod B with the sign of B (floor modulus). Costs and caps as `/`.
Reduction op_mod(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (modpow B E M): B^E mod M with the sign of M. E < 0 is InvalidOpArg, M = 0 DivisionByZero.
/// Cost 17000 + 38·Lb + 3·Le² + 21·Lm² + malloc; new model 17000 + 8·Le·(Lm² + 4000) + Lb·Lm +
/// malloc. LIMITS: each ≤256 bytes. DISABLE_OP without NEW_COST_MODEL: Unimplemented.
Reduction op_modpow(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

// ---- bitwise (bitwise.cpp)

/// The costs of logand, logior and logxor (per argument and per byte of each argument).
inline constexpr Cost kLogBaseCost = 100, kLogCostPerArg = 264, kLogCostPerByte = 3;

/// (ash N S): N shifted left by S bits (right, flooring, for S < 0); |S| ≤ 65535 else
/// ShiftTooLarge; S is an int32 atom. Cost 596 + 3(L + limbs(result)) + malloc.
Reduction op_ash(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (lsh N S): as ash with N read as unsigned. Cost 277 + 3(L + limbs(result)) + malloc.
Reduction op_lsh(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (logand ...): bitwise and (-1 for no arguments). Cost 100 + Σ(264 + 3L) + malloc; new model
/// per byte 3·max(L, limbs(accumulator)).
Reduction op_logand(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (logior ...): bitwise or (0 for no arguments). Cost as logand.
Reduction op_logior(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (logxor ...): bitwise exclusive or (0 for no arguments). Cost as logand.
Reduction op_logxor(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (lognot N): -N - 1. Cost 331 + 3L + malloc.
Reduction op_lognot(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

// ---- strings (strings.cpp)

/// (strlen S): the byte length of atom S. Cost 173 + L + malloc.
Reduction op_strlen(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (substr S I [J]): bytes [I, J) of S (J defaults to its length); 0 ≤ I ≤ J ≤ len, int32 indices.
/// Cost 1 (no malloc: the bytes are shared); new model 2000.
Reduction op_substr(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (concat ...): the atoms joined. Cost 142 + Σ(135 + 3L) + 10 per result byte, checked before
/// allocating.
Reduction op_concat(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

// ---- hashes (hash.cpp)

/// (sha256 ...): SHA-256 of the atoms concatenated. Cost 87 + Σ(134 + 2L) + 320; new model
/// 1000 + Σ(160 + 6L) + 320.
Reduction op_sha256(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (sha256tree X): the tree hash of X (atom: sha256(01‖bytes); pair: sha256(02‖h(first)‖h(rest))),
/// computed with an explicit stack. Cost 270 + 460 per pair + 2(L + 1) per atom (6(L + 1) under
/// NEW_COST_MODEL) + 320, checked at every node. Enabling the opcode is the dispatcher's job.
Reduction op_sha256tree(Allocator& a, NodePtr args, Cost max_cost, Flags flags);
/// (coinid PARENT PUZZLE_HASH AMOUNT): sha256(PARENT ‖ PUZZLE_HASH ‖ AMOUNT); both hashes 32
/// bytes, AMOUNT canonical and non-negative with at most 8 value bytes. Cost 800; new model 2079.
Reduction op_coinid(Allocator& a, NodePtr args, Cost max_cost, Flags flags);

}  // namespace clvm::ops
