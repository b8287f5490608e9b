// SPDX-License-Identifier: Apache-2.0
// ash lsh logand logior logxor lognot: clvmr's shift and bitwise operators. Numbers are two's
// complement of unbounded width (Boost's cpp_int bitwise operators behave so). The shifts work on
// the atom's bytes directly (no big-number conversion).
#include "number/be_bytes.hpp"
#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"
#include "ops/small_int_ops.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>

namespace clvm::ops {
namespace {

using number_detail::load_be64;
using number_detail::store_be64;

constexpr Cost kAshBaseCost = 596;
constexpr Cost kLshBaseCost = 277;
constexpr Cost kShiftCostPerByte = 3;
constexpr std::int32_t kMaxShift = 65535;

constexpr Cost kLognotBaseCost = 331;
constexpr Cost kLognotCostPerByte = 3;

// The shift amount of ash/lsh: an int32 with |s| <= 65535, else ShiftTooLarge.
std::int32_t shift_amount(const Allocator& a, NodePtr n, std::string_view name) {
  const std::int32_t s = i32_atom(a, n, name);
  if (s > kMaxShift || s < -kMaxShift) throw EvalError(ErrorKind::ShiftTooLarge, {}, n);
  return s;
}

// A result's bytes (shifts, lognot): inline up to kInline bytes (the common case), else on the
// heap. Not initialised: the writer fills every byte.
class ByteBuffer {
 public:
  explicit ByteBuffer(std::size_t n) : size_(n) {
    if (n > kInline) heap_ = std::make_unique_for_overwrite<std::uint8_t[]>(n);
  }
  std::uint8_t* data() noexcept { return size_ > kInline ? heap_.get() : inline_.data(); }
  std::size_t size() const noexcept { return size_; }

 private:
  static constexpr std::size_t kInline = 64;
  std::array<std::uint8_t, kInline> inline_;
  std::unique_ptr<std::uint8_t[]> heap_;
  std::size_t size_;
};

// The minimal encoding inside `b`: without redundant leading 00 / ff bytes, empty for 0.
std::span<const std::uint8_t> minimal(std::span<const std::uint8_t> b) noexcept {
  std::size_t i = 0;
  while (i + 1 < b.size() &&
         ((b[i] == 0x00 && (b[i + 1] & 0x80) == 0) || (b[i] == 0xff && (b[i + 1] & 0x80) != 0)))
    ++i;
  b = b.subspan(i);
  if (b.size() == 1 && b[0] == 0) return {};
  return b;
}

// clvmr's limbs_for_int of the number whose minimal encoding is `e`: the byte length of its
// magnitude. For a negative e of n bytes the magnitude has n bytes, except after a leading ff
// (whose next byte's top bit is then clear), where it has n - 1 unless e is ff 00 .. 00 (-256^k).
std::size_t limbs_of_minimal(std::span<const std::uint8_t> e) noexcept {
  if (e.empty()) return 0;
  if ((e[0] & 0x80) == 0) return e.size() - (e[0] == 0 ? 1 : 0);
  if (e[0] != 0xff || e.size() == 1) return e.size();
  const bool power_of_256 =
      std::all_of(e.begin() + 1, e.end(), [](std::uint8_t x) { return x == 0; });
  return power_of_256 ? e.size() : e.size() - 1;
}

// floor(v · 2^s) in big-endian two's complement, minimal. `v` holds the low bytes of the value;
// above them every byte is `fill` (00 or ff: lsh passes 00, reading v unsigned). A left shift
// prepends the fill byte and appends s / 8 zero bytes; a right shift drops the low s / 8 bytes;
// the remaining s % 8 bits move across byte boundaries. Dropping low bits of two's complement
// floors, so negative values round toward -infinity as clvmr's (BigInt's) >> does.
std::span<const std::uint8_t> shift_bytes(std::span<const std::uint8_t> v, std::uint8_t fill,
                                          std::int32_t s, ByteBuffer& buf) {
  const std::size_t n = v.size();
  std::uint8_t* out = buf.data();
  // Shifting an (unsigned) byte left by 8 gives 0 after the narrowing, and right by 8 gives 0, so
  // r = 0 needs no special case (nor does a 64-bit word shifted by 8). Results reach MBs.
  const auto byte = [](unsigned x) { return static_cast<std::uint8_t>(x); };
  if (s >= 0) {
    // out = (fill, v) << r, then s / 8 zero bytes; buf has n + 1 + s / 8 bytes.
    const unsigned r = static_cast<unsigned>(s) % 8;
    if (n == 0) {
      out[0] = byte(fill << r);
    } else {
      out[0] = byte((fill << r) | (v[0] >> (8 - r)));
      // out[i .. i + 8) from v[i - 1 .. i + 8): eight bytes per step, then the tail byte-wise.
      std::size_t i = 1;
      for (; i + 8 <= n; i += 8)
        store_be64(out + i, (load_be64(&v[i - 1]) << r) | (v[i + 7] >> (8 - r)));
      for (; i < n; ++i) out[i] = byte((v[i - 1] << r) | (v[i] >> (8 - r)));
      out[n] = byte(v[n - 1] << r);
    }
    std::fill(out + n + 1, out + buf.size(), std::uint8_t{0});
  } else {
    // out = (fill, v[0 .. m)) >> r: the low s / 8 bytes dropped; buf has m + 1 bytes, m <= n.
    const unsigned r = static_cast<unsigned>(-s) % 8;
    const std::size_t m = buf.size() - 1;
    out[0] = fill;
    if (m > 0) out[1] = byte((v[0] >> r) | (fill << (8 - r)));
    // out[i .. i + 8) from v[i - 2 .. i + 7), eight bytes per step, then the tail byte-wise.
    std::size_t i = 2;
    for (; i + 8 <= m + 1; i += 8)
      store_be64(out + i, (load_be64(&v[i - 2]) << (8 - r)) | (v[i + 6] >> r));
    for (; i <= m; ++i) out[i] = byte((v[i - 1] >> r) | (v[i - 2] << (8 - r)));
  }
  return minimal({out, buf.size()});
}

// {cost, result} of shifting `v` (fill as in shift_bytes) by `s`: base + 3·(input length +
// limbs(result)) + 10·len(result), clvmr's cost.
Reduction shift_result(Allocator& a, Cost base, std::span<const std::uint8_t> v, std::uint8_t fill,
                       std::int32_t s) {
  const std::size_t in_len = v.size();
  std::size_t len = 0;
  if (s >= 0) {
    len = v.size() + 1 + static_cast<std::size_t>(s) / 8;
  } else if (const std::size_t dropped = static_cast<std::size_t>(-s) / 8; dropped < v.size()) {
    len = v.size() - dropped + 1;
  } else {
    len = 1;  // every bit shifted out: 0 or -1, the fill byte alone
    v = {};
  }
  ByteBuffer buf(len);
  const std::span<const std::uint8_t> e = shift_bytes(v, fill, s, buf);
  const Cost cost = base + kShiftCostPerByte * (in_len + limbs_of_minimal(e));
  return malloc_cost(a, cost, a.new_atom(e));
}

using LogOp = WideInt::BitOp;

std::int64_t apply(LogOp op, std::int64_t x, std::int64_t y) noexcept {
  switch (op) {
    case LogOp::And:
      return x & y;
    case LogOp::Or:
      return x | y;
    case LogOp::Xor:
      break;
  }
  return x ^ y;
}

// The rest of logand/logior/logxor once an argument is longer than 8 bytes: `total` op `v`
// (whose byte cost is `bytes`), then the arguments in `rest`. Costs as in bitwise_reduce.
[[gnu::noinline]] Reduction bitwise_wide(Allocator& a, NodePtr rest, Cost cost, Cost byte_cost,
                                         Cost max_cost, Flags flags, LogOp op, std::int64_t total,
                                         const IntOperand& v, Cost bytes, std::string_view name) {
  const bool new_model = (flags & NEW_COST_MODEL) != 0;
  WideInt wide, operand;
  wide.set_i64(total);
  load_operand(operand, v);
  wide.bitwise(op, operand);
  byte_cost += bytes * kLogCostPerByte;
  cost += kLogCostPerArg;
  check_cost(cost + byte_cost, max_cost);
  for (NodePtr arg : a.list(rest)) {
    const IntOperand w = int_operand(a, arg, name);
    const Cost len = w.len;
    const Cost arg_bytes = new_model ? std::max<Cost>(len, wide.magnitude_len()) : len;
    load_operand(operand, w);
    wide.bitwise(op, operand);
    byte_cost += arg_bytes * kLogCostPerByte;
    cost += kLogCostPerArg;
    check_cost(cost + byte_cost, max_cost);
  }
  return malloc_cost(a, cost + byte_cost, new_wide_atom(a, wide));
}

// logand/logior/logxor over the argument list, starting from `start`. Legacy cost per argument
// 264 + 3L (checked after each); new model 264 + 3·max(L, limbs(accumulator before it)). The
// accumulator stays an int64 while every argument has at most 8 bytes (bitwise results of
// sign-extended int64s are exact), then bitwise_wide takes over.
Reduction bitwise_reduce(Allocator& a, NodePtr args, Cost max_cost, Flags flags, LogOp op,
                         std::int64_t start, std::string_view name) {
  const bool new_model = (flags & NEW_COST_MODEL) != 0;
  Cost cost = kLogBaseCost;
  Cost byte_cost = 0;
  std::int64_t total = start;
  NodePtr next = args;
  while (next.is_pair()) {
    const Pair p = a.pair(next);
    next = p.rest;
    const IntOperand v = int_operand(a, p.first, name);
    const Cost len = v.len;
    const Cost bytes = new_model ? std::max<Cost>(len, limbs_for_i64(total)) : len;
    if (!v.small) [[unlikely]]
      return bitwise_wide(a, next, cost, byte_cost, max_cost, flags, op, total, v, bytes, name);
    total = apply(op, total, v.value);
    byte_cost += bytes * kLogCostPerByte;
    cost += kLogCostPerArg;
    check_cost(cost + byte_cost, max_cost);
  }
  return malloc_cost(a, cost + byte_cost, new_i64(a, total));
}

// The minimal encoding of ~v for the two's complement bytes `v` of more than 8 bytes: the
// complement of v's bytes after its redundant leading 00/ff (complementing keeps the rest
// minimal), except that ~(-1) = 0 is empty.
NodePtr lognot_bytes(Allocator& a, std::span<const std::uint8_t> v) {
  std::size_t i = 0;
  while (i + 1 < v.size() &&
         ((v[i] == 0x00 && (v[i + 1] & 0x80) == 0) || (v[i] == 0xff && (v[i + 1] & 0x80) != 0)))
    ++i;
  v = v.subspan(i);
  if (v.size() == 1 && v[0] == 0xff) return a.new_small_number(0);
  ByteBuffer buf(v.size());
  std::uint8_t* out = buf.data();
  for (std::size_t k = 0; k < v.size(); ++k) out[k] = static_cast<std::uint8_t>(~v[k]);
  return a.new_atom(std::span<const std::uint8_t>(out, v.size()));
}

}  // namespace

Reduction op_ash(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [n0, n1] = get_args<2>(a, args, "ash");
  if (n0.is_pair()) throw_op_arg(n0, "Requires Int Argument: ash");
  const Atom v = a.atom(n0);
  const std::int32_t s = shift_amount(a, n1, "ash");
  const std::uint8_t fill = !v.empty() && (v.span()[0] & 0x80) != 0 ? 0xff : 0x00;
  return shift_result(a, kAshBaseCost, v.span(), fill, s);
}

Reduction op_lsh(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [n0, n1] = get_args<2>(a, args, "lsh");
  const Atom v = atom(a, n0, "lsh");
  const std::int32_t s = shift_amount(a, n1, "lsh");
  return shift_result(a, kLshBaseCost, v.span(), 0x00, s);  // the bytes read unsigned
}

Reduction small::general_logic(Allocator& a, NodePtr args, Cost max_cost, Flags flags,
                               std::uint32_t op) {
  switch (op) {
    case kOpLogand:
      return bitwise_reduce(a, args, max_cost, flags, LogOp::And, -1, "logand");
    case kOpLogior:
      return bitwise_reduce(a, args, max_cost, flags, LogOp::Or, 0, "logior");
    case kOpLogxor:
      return bitwise_reduce(a, args, max_cost, flags, LogOp::Xor, 0, "logxor");
    default:
      throw std::invalid_argument("general_logic: not logand, logior or logxor");
  }
}

Reduction op_logand(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  if (const auto r = small::try_binary(a, small::kOpLogand, args, max_cost, flags)) return *r;
  return bitwise_reduce(a, args, max_cost, flags, LogOp::And, -1, "logand");
}

Reduction op_logior(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  if (const auto r = small::try_binary(a, small::kOpLogior, args, max_cost, flags)) return *r;
  return bitwise_reduce(a, args, max_cost, flags, LogOp::Or, 0, "logior");
}

Reduction op_logxor(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  if (const auto r = small::try_binary(a, small::kOpLogxor, args, max_cost, flags)) return *r;
  return bitwise_reduce(a, args, max_cost, flags, LogOp::Xor, 0, "logxor");
}

Reduction op_lognot(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [n] = get_args<1>(a, args, "lognot");
  const IntOperand v = int_operand(a, n, "lognot");
  const Cost cost = kLognotBaseCost + kLognotCostPerByte * v.len;
  const NodePtr r = v.small ? new_i64(a, ~v.value) : lognot_bytes(a, v.bytes);
  return malloc_cost(a, cost, r);
}

}  // namespace clvm::ops
