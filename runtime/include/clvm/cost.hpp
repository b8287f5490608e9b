// SPDX-License-Identifier: Apache-2.0
/// \file Cost and Reduction: what evaluation charges and returns.
#pragma once

#include <clvm/node_ptr.hpp>

#include <cstdint>

namespace clvm {

/// A CLVM cost. max_cost 0 means unlimited where an API says so.
using Cost = std::uint64_t;

/// The result of evaluating a program or applying an operator: its cost and its value.
struct Reduction {
  Cost cost = 0;
  NodePtr node;
  friend constexpr bool operator==(const Reduction&, const Reduction&) noexcept = default;
};

}  // namespace clvm
