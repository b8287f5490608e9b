// SPDX-License-Identifier: Apache-2.0
// ChiaDialect::op: general dispatch over the operator table (eval/op_table.hpp): one-byte
// opcodes by kOpTable, the four-byte secp codes by wide_op.
#include <clvm/dialect.hpp>

#include "eval/op_table.hpp"
#include "ops/unknown_op.hpp"

#include <array>
#include <cstdint>

namespace clvm {

namespace {

using eval::gate_open;
using eval::kOpTable;

std::uint32_t be32(const Atom& b) noexcept {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
         b[3];
}

}  // namespace

Reduction ChiaDialect::op(Allocator& a, NodePtr op, NodePtr args, Cost max_cost,
                          OperatorSet extension) const {
  const Atom b = a.atom(op);
  ops::OpFn fn = nullptr;
  if (b.size() == 4) {
    fn = eval::wide_op(be32(b));
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
  if (b.size() == 4) return eval::wide_op(be32(b)) != nullptr;
  if (b.size() != 1) return false;
  const auto code = a.small_number(op);
  if (!code) return false;
  if (*code == kQuoteKw || *code == kApplyKw || *code == kSoftforkKw) return true;
  return *code < kOpTable.size() && kOpTable[*code].fn != nullptr &&
         gate_open(kOpTable[*code].gate, flags_, extension);
}

}  // namespace clvm
