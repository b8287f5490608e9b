// SPDX-License-Identifier: Apache-2.0
// ash lsh logand logior logxor lognot: clvmr's shift and bitwise operators. Numbers are two's
// complement of unbounded width (Boost's cpp_int bitwise operators behave so). The shifts work on
// the atom's bytes directly (no big-number conversion).
#include "ops/more_ops.hpp"
#include "ops/op_utils.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <span>

namespace clvm::ops {
namespace {

constexpr Cost kAshBaseCost = 596;
constexpr Cost kLshBaseCost = 277;
constexpr Cost kShiftCostPerByte = 3;
constexpr std::int32_t kMaxShift = 65535;

constexpr Cost kLogBaseCost = 100;
constexpr Cost kLogCostPerArg = 264;
constexpr Cost kLogCostPerByte = 3;
constexpr Cost kLognotBaseCost = 331;
constexpr Cost kLognotCostPerByte = 3;

// The shift amount of ash/lsh: an int32 with |s| <= 65535, else ShiftTooLarge.
std::int32_t shift_amount(const Allocator& a, NodePtr n, std::string_view name) {
  const std::int32_t s = i32_atom(a, n, name);
  if (s > kMaxShift || s < -kMaxShift) throw EvalError(ErrorKind::ShiftTooLarge, {}, n);
  return s;
}

// A shift's result bytes: inline up to kInline bytes (the common case), else on the heap. Not
// initialised: shift_bytes writes every byte.
class ShiftBuffer {
 public:
  explicit ShiftBuffer(std::size_t n) : size_(n) {
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
                                          std::int32_t s, ShiftBuffer& buf) {
  const std::size_t n = v.size();
  std::uint8_t* out = buf.data();
  // Shifting an (unsigned) byte left by 8 gives 0 after the narrowing, and right by 8 gives 0, so
  // r = 0 needs no special case. The loops are branch-free (vectorisable): results reach MBs.
  const auto byte = [](unsigned x) { return static_cast<std::uint8_t>(x); };
  if (s >= 0) {
    // out = (fill, v) << r, then s / 8 zero bytes; buf has n + 1 + s / 8 bytes.
    const unsigned r = static_cast<unsigned>(s) % 8;
    if (n == 0) {
      out[0] = byte(fill << r);
    } else {
      out[0] = byte((fill << r) | (v[0] >> (8 - r)));
      for (std::size_t i = 1; i < n; ++i) out[i] = byte((v[i - 1] << r) | (v[i] >> (8 - r)));
      out[n] = byte(v[n - 1] << r);
    }
    std::fill(out + n + 1, out + buf.size(), std::uint8_t{0});
  } else {
    // out = (fill, v[0 .. m)) >> r: the low s / 8 bytes dropped; buf has m + 1 bytes, m <= n.
    const unsigned r = static_cast<unsigned>(-s) % 8;
    const std::size_t m = buf.size() - 1;
    out[0] = fill;
    if (m > 0) out[1] = byte((v[0] >> r) | (fill << (8 - r)));
    for (std::size_t i = 2; i <= m; ++i) out[i] = byte((v[i - 1] >> r) | (v[i - 2] << (8 - r)));
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
  ShiftBuffer buf(len);
  const std::span<const std::uint8_t> e = shift_bytes(v, fill, s, buf);
  const Cost cost = base + kShiftCostPerByte * (in_len + limbs_of_minimal(e));
  return malloc_cost(a, cost, a.new_atom(e));
}

enum class LogOp { And, Or, Xor };

template <class T>
void apply(LogOp op, T& total, const T& v) {
  switch (op) {
    case LogOp::And:
      total &= v;
      break;
    case LogOp::Or:
      total |= v;
      break;
    case LogOp::Xor:
      total ^= v;
      break;
  }
}

// logand/logior/logxor over the argument list, starting from `start`. Legacy cost per argument
// 264 + 3L (checked after each); new model 264 + 3·max(L, limbs(accumulator before it)). The
// accumulator stays an int64 while every argument has at most 8 bytes (bitwise results of
// sign-extended int64s are exact).
Reduction bitwise_reduce(Allocator& a, NodePtr args, Cost max_cost, Flags flags, LogOp op,
                         std::int64_t start, std::string_view name) {
  const bool new_model = (flags & NEW_COST_MODEL) != 0;
  Cost cost = kLogBaseCost;
  Cost byte_cost = 0;
  std::int64_t small_total = start;
  std::optional<Number> big;
  for (NodePtr arg : a.list(args)) {
    std::size_t len = 0;
    const std::optional<std::int64_t> v = small_int_atom(a, arg, name, len);
    Cost bytes = len;
    if (new_model)
      bytes = std::max<Cost>(len, big ? limbs_for_int(*big) : limbs_for_i64(small_total));
    if (!big && v) {
      apply(op, small_total, *v);
    } else {
      if (!big) big = Number(small_total);
      apply(op, *big, v ? Number(*v) : a.number(arg));
    }
    byte_cost += bytes * kLogCostPerByte;
    cost += kLogCostPerArg;
    check_cost(cost + byte_cost, max_cost);
  }
  return malloc_cost(a, cost + byte_cost, big ? a.new_number(*big) : new_i64(a, small_total));
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

Reduction op_logand(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  return bitwise_reduce(a, args, max_cost, flags, LogOp::And, -1, "logand");
}

Reduction op_logior(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  return bitwise_reduce(a, args, max_cost, flags, LogOp::Or, 0, "logior");
}

Reduction op_logxor(Allocator& a, NodePtr args, Cost max_cost, Flags flags) {
  return bitwise_reduce(a, args, max_cost, flags, LogOp::Xor, 0, "logxor");
}

Reduction op_lognot(Allocator& a, NodePtr args, Cost, Flags) {
  const auto [n] = get_args<1>(a, args, "lognot");
  std::size_t len = 0;
  const std::optional<std::int64_t> v = small_int_atom(a, n, "lognot", len);
  const Cost cost = kLognotBaseCost + kLognotCostPerByte * len;
  const NodePtr r = v ? new_i64(a, ~*v) : a.new_number(-a.number(n) - 1);
  return malloc_cost(a, cost, r);
}

}  // namespace clvm::ops
