// SPDX-License-Identifier: Apache-2.0
/// \file Random CLVM programs and environments for differential testing: operator calls over
/// quoted atoms (edge-case integers, random bytes), environment paths, apply and softfork forms,
/// limited to what clvm_rs 0.7 (the wasm peer) knows: opcodes 1-36 and 48-61.
#pragma once

#include <clvm/allocator.hpp>

#include <cstdint>
#include <random>

namespace clvm::difftest {

/// Makes random programs; deterministic for a given seed.
class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  /// A random program of nesting depth at most `max_depth` (bounded, so recursion is fine).
  NodePtr program(Allocator& a, int max_depth);
  /// A random environment: a small tree of atoms.
  NodePtr environment(Allocator& a, int max_depth);
  /// A random max_cost: usually the block limit, sometimes small enough to fail mid-way.
  std::uint64_t max_cost();
  /// A number in [0, n).
  std::uint32_t below(std::uint32_t n) {
    return std::uniform_int_distribution<std::uint32_t>(0, n - 1)(rng_);
  }

 private:
  NodePtr atom(Allocator& a);
  NodePtr operator_call(Allocator& a, int max_depth);

  std::mt19937_64 rng_;
};

}  // namespace clvm::difftest
