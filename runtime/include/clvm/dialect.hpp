// SPDX-License-Identifier: Apache-2.0
/// \file ChiaDialect: the consensus operator set of clvmr 0.19 (src/chia_dialect.rs) selected by
/// dialect flags, and the softfork extensions (operator sets) it knows.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>
#include <clvm/flags.hpp>
#include <clvm/node_ptr.hpp>

#include <cstdint>

namespace clvm {

/// The operators available in addition to the default set (clvmr's OperatorSet): chosen by the
/// extension argument of `softfork`.
enum class OperatorSet : std::uint8_t {
  Default,      ///< outside any softfork guard
  Bls,          ///< extension 0 (BLS; now in the default set, so it adds nothing)
  Keccak,       ///< extension 1: keccak256 (opcode 62)
  PreHardFork,  ///< extensions 0 and 1 under NEW_COST_MODEL: the specified cost is not enforced
  Unknown,      ///< any other extension
};

/// The Chia dialect: keywords q (1), a (2), softfork (36) and the operator table gated by flags.
/// Cheap to copy; holds only the flags.
class ChiaDialect {
 public:
  static constexpr std::uint8_t kQuoteKw = 1;
  static constexpr std::uint8_t kApplyKw = 2;
  static constexpr std::uint8_t kSoftforkKw = 36;

  /// A dialect with clvmr's flag bits `flags` (clvm/flags.hpp).
  constexpr explicit ChiaDialect(Flags flags) noexcept : flags_(flags) {}

  constexpr Flags flags() const noexcept { return flags_; }

  /// True unless NO_UNKNOWN_OPS: consensus mode, where unknown operators cost by formula and
  /// return nil, and bad softfork arguments make the softfork return nil.
  constexpr bool allow_unknown_ops() const noexcept { return (flags_ & NO_UNKNOWN_OPS) == 0; }

  /// The operator set of softfork extension `ext`: 0 -> Bls, 1 -> Keccak (both PreHardFork under
  /// NEW_COST_MODEL), anything else -> Unknown.
  constexpr OperatorSet softfork_extension(std::uint32_t ext) const noexcept {
    if (ext > 1) return OperatorSet::Unknown;
    if ((flags_ & NEW_COST_MODEL) != 0) return OperatorSet::PreHardFork;
    return ext == 0 ? OperatorSet::Bls : OperatorSet::Keccak;
  }

  /// Applies operator `op` (an atom) to the evaluated argument list `args` with budget `max_cost`
  /// (0 is not special here: the budget left), inside a guard of operator set `extension`.
  /// Returns the operator's cost and result. Unknown operators (non-canonical or unassigned
  /// opcodes, and opcodes gated off by the flags) cost by clvmr's formula and return nil, or throw
  /// EvalError(Unimplemented) under NO_UNKNOWN_OPS. Throws EvalError with clvmr's message and the
  /// offending node on any failure. Requires: `op` is an atom of `a`.
  Reduction op(Allocator& a, NodePtr op, NodePtr args, Cost max_cost,
               OperatorSet extension = OperatorSet::Default) const;

  /// Whether op() would run a defined operator for atom `op` (rather than the unknown-operator
  /// rule) inside a guard of operator set `extension`: q, a and softfork, and the table's
  /// operators these flags enable. Requires: `op` is an atom of `a`.
  bool is_known_operator(const Allocator& a, NodePtr op,
                         OperatorSet extension = OperatorSet::Default) const;

 private:
  Flags flags_;
};

}  // namespace clvm
