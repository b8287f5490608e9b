// SPDX-License-Identifier: Apache-2.0
/// \file Argument helpers shared by every operator (clvmr's src/op_utils.rs): arity checks, atom
/// and integer readers with clvmr's error kinds and texts, and the cost helpers (check_cost,
/// malloc cost). Every failure throws EvalError naming the offending node.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>
#include <clvm/error.hpp>
#include <clvm/flags.hpp>
#include <clvm/number.hpp>

#include "number/be_bytes.hpp"
#include "number/wide_int.hpp"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace clvm::ops {

/// The cost charged per byte of an atom an operator allocates for its result.
inline constexpr Cost kMallocCostPerByte = 10;

/// Throws EvalError(InvalidOpArg, `message`, `node`) whose clvmr_message() is
/// "InvalidOperatorArg: `message`": for the sites where clvmr's detail text is the same.
[[noreturn]] void throw_op_arg(NodePtr node, std::string message);
/// Throws EvalError(InvalidOpArg, `message`, `node`) whose clvmr_message() is
/// "InvalidOperatorArg: `clvmr_detail`" (clvmr 0.19's wording where ours differs).
[[noreturn]] void throw_op_arg(NodePtr node, std::string message, std::string_view clvmr_detail);
/// Throws EvalError(`kind`, `message`, `node`) with clvmr_message() = clvmr_detail_prefix(kind) +
/// `clvmr_detail` (for InvalidAllocArg and InternalError).
[[noreturn]] void throw_detailed(ErrorKind kind, NodePtr node, std::string message,
                                 std::string_view clvmr_detail);

/// Throws EvalError(InternalError): for the end of an error path that has always thrown before
/// (reaching it would be a bug here, not a property of the input).
[[noreturn, gnu::cold]] void throw_unreachable();

namespace detail {
/// Throws InvalidOpArg "`name` takes exactly|no more than `n` argument(s)" on `args` (clvmr:
/// "takes exactly N argument(s)" literally, "takes no more than N arguments").
[[noreturn]] void throw_arity(NodePtr args, std::string_view name, std::string_view how,
                              std::size_t n, std::string_view clvmr_name);
}  // namespace detail

/// The items of the list `args`, which must have exactly N items. A non-nil terminator is not
/// checked (the evaluator guarantees nil-terminated argument lists; clvmr ignores it too).
/// Throws InvalidOpArg "`name` takes exactly N argument(s)" otherwise, naming `args`
/// (`clvmr_name`, if given, is the name clvmr's text uses instead, as "mod" for %).
template <std::size_t N>
std::array<NodePtr, N> get_args(const Allocator& a, NodePtr args, std::string_view name,
                                std::string_view clvmr_name = {}) {
  std::array<NodePtr, N> out{};
  std::size_t count = 0;
  NodePtr next = args;
  while (next.is_pair()) {
    if (count == N) detail::throw_arity(args, name, "exactly", N, clvmr_name);
    const Pair p = a.pair(next);
    out[count++] = p.first;
    next = p.rest;
  }
  if (count != N) detail::throw_arity(args, name, "exactly", N, clvmr_name);
  return out;
}

/// Up to N items of the list `args` and how many there were.
template <std::size_t N>
struct VarArgs {
  std::array<NodePtr, N> items{};
  std::size_t count = 0;
};

/// The items of `args` when there are at most N; throws InvalidOpArg "`name` takes no more than N
/// argument(s)" otherwise. Unused slots hold nil.
template <std::size_t N>
VarArgs<N> get_varargs(const Allocator& a, NodePtr args, std::string_view name) {
  VarArgs<N> out;
  NodePtr next = args;
  while (next.is_pair()) {
    if (out.count == N) detail::throw_arity(args, name, "no more than", N, {});
    const Pair p = a.pair(next);
    out.items[out.count++] = p.first;
    next = p.rest;
  }
  return out;
}

/// True for the empty atom (nil and any zero-length atom); false for pairs and other atoms.
inline bool nilp(const Allocator& a, NodePtr n) { return n.is_atom() && a.atom_len(n) == 0; }

/// The first half of pair `n`; throws FirstOfNonCons on an atom.
NodePtr first(const Allocator& a, NodePtr n);
/// The second half of pair `n`; throws RestOfNonCons on an atom.
NodePtr rest(const Allocator& a, NodePtr n);

/// The bytes of atom `n`; throws InvalidOpArg "`op_name` on list" on a pair (clvmr: "`op_name`
/// used on list").
Atom atom(const Allocator& a, NodePtr n, std::string_view op_name);

/// The length of atom `n`; throws InvalidOpArg "`op_name` requires an atom" on a pair.
std::size_t atom_len(const Allocator& a, NodePtr n, std::string_view op_name);

/// An integer argument: its value and its raw byte length (what costs are computed from).
struct IntArg {
  Number value;
  std::size_t len = 0;
};

/// Atom `n` as a two's-complement integer plus its raw length; throws InvalidOpArg
/// "Requires Int Argument: `op_name`" on a pair.
IntArg int_atom(const Allocator& a, NodePtr n, std::string_view op_name);

namespace detail {
/// Throws InvalidOpArg "Requires Int Argument: `op_name`" on `n` (clvmr's text names
/// `clvmr_name` if given).
[[noreturn, gnu::cold]] void throw_int_arg(NodePtr n, std::string_view op_name,
                                           std::string_view clvmr_name = {});

/// The value of big-endian two's complement `b` of at most 8 bytes, sign-extended. Reads only
/// b[0, len): from 4 bytes up as two overlapping 4-byte loads.
inline std::int64_t i64_from_bytes(const std::uint8_t* b, std::size_t len) noexcept {
  if (len == 0) return 0;
  const std::uint64_t u = number_detail::load_be_upto8(b, len);
  const auto unused = static_cast<unsigned>(64 - 8 * len);  // sign-extend from bit 8·len - 1
  return static_cast<std::int64_t>(u << unused) >> unused;
}
}  // namespace detail

/// An integer argument as the fast paths read it: its raw length (what costs are computed from),
/// its value when that length is at most 8 bytes (`small`), else its bytes (on the arena heap,
/// valid while the atom is).
struct IntOperand {
  std::size_t len = 0;
  bool small = false;
  std::int64_t value = 0;
  std::span<const std::uint8_t> bytes;
};

/// Atom `n` as an IntOperand. Throws InvalidOpArg "Requires Int Argument: `op_name`" on a pair
/// (clvmr's text names `clvmr_name` if given).
inline IntOperand int_operand(const Allocator& a, NodePtr n, std::string_view op_name,
                              std::string_view clvmr_name = {}) {
  if (n.object_type() == ObjectType::SmallAtom)
    return {Atom::len_for_value(n.index()), true, static_cast<std::int64_t>(n.index()), {}};
  if (n.is_pair()) [[unlikely]]
    detail::throw_int_arg(n, op_name, clvmr_name);
  const Atom bytes = a.atom(n);
  const std::size_t len = bytes.size();
  if (len > 8) return {len, false, 0, bytes.span()};
  return {len, true, detail::i64_from_bytes(bytes.data(), len), {}};
}

/// Atom `n` as an int64 when its raw length is at most 8 bytes (two's complement, sign-extended),
/// else nullopt; the raw length goes to `len`. Throws as int_atom on a pair. Same value as
/// int_atom, no big-number arithmetic.
inline std::optional<std::int64_t> small_int_atom(const Allocator& a, NodePtr n,
                                                  std::string_view op_name, std::size_t& len,
                                                  std::string_view clvmr_name = {}) {
  const IntOperand v = int_operand(a, n, op_name, clvmr_name);
  len = v.len;
  if (!v.small) return std::nullopt;
  return v.value;
}

/// The integer operators' wide path (number/wide_int.hpp).
using number_detail::WideInt;

/// `w` = the value of `v`.
inline void load_operand(WideInt& w, const IntOperand& v) {
  if (v.small) {
    w.set_i64(v.value);
  } else {
    w.load(v.bytes);
  }
}

/// A new atom holding the minimal encoding of `w`.
NodePtr new_wide_atom(Allocator& a, const WideInt& w);

/// The atom for `v` (as Allocator::new_number(Number(v)), without the big number).
NodePtr new_i64(Allocator& a, std::int64_t v);

/// limbs_for_int of an int64.
constexpr std::size_t limbs_for_i64(std::int64_t v) noexcept {
  const std::uint64_t m =
      v < 0 ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
  return (static_cast<std::size_t>(std::bit_width(m)) + 7) / 8;
}

/// Big-endian unsigned value of `buf` when it has at most 4 bytes (no sign extension), else
/// nullopt. Empty is 0.
std::optional<std::uint32_t> u32_from_u8(std::span<const std::uint8_t> buf) noexcept;
/// As u32_from_u8, sign-extended from the top bit of the first byte.
std::optional<std::int32_t> i32_from_u8(std::span<const std::uint8_t> buf) noexcept;
/// Big-endian unsigned value of `buf`. Requires: at most 8 significant bytes (higher ones are
/// shifted out).
std::uint64_t u64_from_bytes(std::span<const std::uint8_t> buf) noexcept;

/// Atom `n` as a signed 32-bit integer: at most 4 bytes, sign-extended (leading zero bytes allowed
/// within the 4). Throws InvalidOpArg "`op_name` requires int32 args (with no leading zeros)" on a
/// pair or a longer atom.
std::int32_t i32_atom(const Allocator& a, NodePtr n, std::string_view op_name);

/// Atom `n` as an unsigned integer of at most `size` bytes (clvmr's uint_atom<SIZE>, used by
/// softfork). Empty is 0. Throws InvalidOpArg: on a pair ("requires int arg"), a set top bit
/// ("requires positive int arg"), with CANONICAL_INTS in `flags` a redundant leading 00 ("requires
/// uN arg with no leading zeros"), and more than `size` bytes after the leading zeros are dropped
/// ("requires uN arg"). Requires: size <= 8.
std::uint64_t uint_atom(const Allocator& a, NodePtr n, std::size_t size, std::string_view op_name,
                        Flags flags);

/// clvmr's uint_atom<SIZE>: see uint_atom above.
template <std::size_t SIZE>
std::uint64_t uint_atom(const Allocator& a, NodePtr n, std::string_view op_name, Flags flags) {
  static_assert(SIZE >= 1 && SIZE <= 8);
  return uint_atom(a, n, SIZE, op_name, flags);
}

/// Throws EvalError(CostExceeded), out of line (for fast paths that keep their code small).
[[noreturn, gnu::noinline, gnu::cold]] void throw_cost_exceeded();

/// Throws EvalError(CostExceeded) if `cost` > `max_cost`. clvmr's check_cost.
inline void check_cost(Cost cost, Cost max_cost) {
  if (cost > max_cost) [[unlikely]]
    throw EvalError(ErrorKind::CostExceeded);
}

/// {cost + 10 * length of atom `node`, node}. Requires: `node` is an atom.
inline Reduction malloc_cost(const Allocator& a, Cost cost, NodePtr node) {
  return {cost + static_cast<Cost>(a.atom_len(node)) * kMallocCostPerByte, node};
}

/// A new atom holding `bytes`, with `cost` plus its malloc cost (10 per byte of `bytes`).
inline Reduction new_atom_and_cost(Allocator& a, Cost cost, std::span<const std::uint8_t> bytes) {
  const NodePtr n = a.new_atom(bytes);
  return {cost + static_cast<Cost>(bytes.size()) * kMallocCostPerByte, n};
}

/// a + b, or the largest Cost when that overflows (costs past any budget fail check_cost anyway).
inline Cost sat_add(Cost a, Cost b) noexcept {
  Cost r;
  return __builtin_add_overflow(a, b, &r) ? ~Cost{0} : r;
}
/// a · b, saturating as sat_add.
inline Cost sat_mul(Cost a, Cost b) noexcept {
  Cost r;
  return __builtin_mul_overflow(a, b, &r) ? ~Cost{0} : r;
}

/// The number of bytes of |v|'s magnitude: ceil(bits / 8) (clvmr's limbs_for_int; 0 for 0, 1 for
/// -1, 1 for 128).
inline std::size_t limbs_for_int(const Number& v) {
  if (v.sign() == 0) return 0;
  return (boost::multiprecision::msb(boost::multiprecision::abs(v)) + 1 + 7) / 8;
}

/// `n` reduced into [0, r) where r is the BLS12-381 group order (negative values wrap).
Number mod_group_order(const Number& n);

}  // namespace clvm::ops
