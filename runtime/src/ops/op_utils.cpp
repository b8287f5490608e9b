// SPDX-License-Identifier: Apache-2.0
// Argument readers for operators, mirroring clvmr's src/op_utils.rs (error kinds, texts, order).
#include "ops/op_utils.hpp"

#include <fmt/format.h>

#include <array>
#include <memory>

namespace clvm::ops {

void throw_op_arg(NodePtr node, std::string message) {
  std::string clvmr = fmt::format("InvalidOperatorArg: {}", message);
  throw EvalError(ErrorKind::InvalidOpArg, std::move(message), node, std::move(clvmr));
}

void throw_op_arg(NodePtr node, std::string message, std::string_view clvmr_detail) {
  throw EvalError(ErrorKind::InvalidOpArg, std::move(message), node,
                  fmt::format("InvalidOperatorArg: {}", clvmr_detail));
}

void throw_detailed(ErrorKind kind, NodePtr node, std::string message,
                    std::string_view clvmr_detail) {
  throw EvalError(kind, std::move(message), node,
                  fmt::format("{}{}", clvmr_detail_prefix(kind), clvmr_detail));
}

void throw_cost_exceeded() { throw EvalError(ErrorKind::CostExceeded); }

void throw_unreachable() {
  throw EvalError(ErrorKind::InternalError, "runtime error: operator error path did not throw",
                  std::nullopt, "Internal Error: operator error path did not throw");
}

namespace detail {
void throw_arity(NodePtr args, std::string_view name, std::string_view how, std::size_t n,
                 std::string_view clvmr_name) {
  // clvmr's get_args says "argument(s)" whatever N is; get_varargs says "arguments".
  throw_op_arg(args, fmt::format("{} takes {} {} argument{}", name, how, n, n == 1 ? "" : "s"),
               fmt::format("{} takes {} {} {}", clvmr_name.empty() ? name : clvmr_name, how, n,
                           how == "exactly" ? "argument(s)" : "arguments"));
}
}  // namespace detail

NodePtr first(const Allocator& a, NodePtr n) {
  if (!n.is_pair()) throw EvalError(ErrorKind::FirstOfNonCons, {}, n);
  return a.pair(n).first;
}

NodePtr rest(const Allocator& a, NodePtr n) {
  if (!n.is_pair()) throw EvalError(ErrorKind::RestOfNonCons, {}, n);
  return a.pair(n).rest;
}

Atom atom(const Allocator& a, NodePtr n, std::string_view op_name) {
  if (n.is_pair())
    throw_op_arg(n, fmt::format("{} on list", op_name), fmt::format("{} used on list", op_name));
  return a.atom(n);
}

std::size_t atom_len(const Allocator& a, NodePtr n, std::string_view op_name) {
  if (n.is_pair()) throw_op_arg(n, fmt::format("{} requires an atom", op_name));
  return a.atom_len(n);
}

namespace detail {
void throw_int_arg(NodePtr n, std::string_view op_name, std::string_view clvmr_name) {
  throw_op_arg(n, fmt::format("Requires Int Argument: {}", op_name),
               fmt::format("Requires Int Argument: {}", clvmr_name.empty() ? op_name : clvmr_name));
}
}  // namespace detail

IntArg int_atom(const Allocator& a, NodePtr n, std::string_view op_name) {
  if (n.is_pair()) detail::throw_int_arg(n, op_name);
  if (n.object_type() == ObjectType::SmallAtom)
    return {Number(n.index()), Atom::len_for_value(n.index())};
  const Atom bytes = a.atom(n);
  return {number_from_bytes(bytes.span()), bytes.size()};
}

NodePtr new_wide_atom(Allocator& a, const WideInt& w) {
  constexpr std::size_t kInlineBytes = 8 * WideInt::kInlineLimbs;
  const std::size_t len = w.encoded_len();
  if (len <= kInlineBytes) {
    std::array<std::uint8_t, kInlineBytes> buf;
    w.encode(buf.data());
    return a.new_atom(std::span<const std::uint8_t>(buf.data(), len));
  }
  const auto buf = std::make_unique_for_overwrite<std::uint8_t[]>(len);
  w.encode(buf.get());
  return a.new_atom(std::span<const std::uint8_t>(buf.get(), len));
}

NodePtr new_i64(Allocator& a, std::int64_t v) {
  if (v >= 0 && v <= static_cast<std::int64_t>(Allocator::kMaxSmallValue))
    return a.new_small_number(static_cast<std::uint32_t>(v));
  // Minimal length: 8 bytes less the whole bytes after the sign bit that only repeat it.
  const std::size_t len = 8 - static_cast<std::size_t>(__builtin_clrsbll(v)) / 8;
  std::array<std::uint8_t, 8> buf;
  number_detail::store_be64(buf.data(), static_cast<std::uint64_t>(v));
  return a.new_atom(std::span<const std::uint8_t>(buf).subspan(8 - len));
}

namespace {
std::optional<std::uint32_t> u32_from_bytes(std::span<const std::uint8_t> buf, bool sign_extend) {
  if (buf.empty()) return 0;
  if (buf.size() > 4) return std::nullopt;
  std::uint32_t r = (sign_extend && (buf[0] & 0x80) != 0) ? 0xFFFF'FFFFu : 0;
  for (std::uint8_t b : buf) r = (r << 8) | b;
  return r;
}
}  // namespace

std::optional<std::uint32_t> u32_from_u8(std::span<const std::uint8_t> buf) noexcept {
  return u32_from_bytes(buf, false);
}

std::optional<std::int32_t> i32_from_u8(std::span<const std::uint8_t> buf) noexcept {
  const auto u = u32_from_bytes(buf, true);
  if (!u) return std::nullopt;
  return static_cast<std::int32_t>(*u);
}

std::uint64_t u64_from_bytes(std::span<const std::uint8_t> buf) noexcept {
  std::uint64_t r = 0;
  for (std::uint8_t b : buf) r = (r << 8) | b;
  return r;
}

std::int32_t i32_atom(const Allocator& a, NodePtr n, std::string_view op_name) {
  if (n.object_type() == ObjectType::SmallAtom) return static_cast<std::int32_t>(n.index());
  std::optional<std::int32_t> v;
  if (n.is_atom()) v = i32_from_u8(a.atom(n).span());
  if (!v) throw_op_arg(n, fmt::format("{} requires int32 args (with no leading zeros)", op_name));
  return *v;
}

std::uint64_t uint_atom(const Allocator& a, NodePtr n, std::size_t size, std::string_view op_name,
                        Flags flags) {
  if (n.is_pair())
    throw_op_arg(n, fmt::format("{} requires int arg", op_name),
                 fmt::format("Requires Int Argument: {}", op_name));
  const Atom bytes = a.atom(n);
  std::span<const std::uint8_t> buf = bytes.span();
  if (buf.empty()) return 0;
  if ((buf[0] & 0x80) != 0) throw_op_arg(n, fmt::format("{} requires positive int arg", op_name));
  if ((flags & CANONICAL_INTS) != 0) {
    if (buf[0] == 0) {
      if (buf.size() < 2 || (buf[1] & 0x80) == 0)
        throw_op_arg(n,
                     fmt::format("{} requires u{} arg with no leading zeros", op_name, size * 8));
      buf = buf.subspan(1);
    }
  } else {
    while (!buf.empty() && buf[0] == 0) buf = buf.subspan(1);
  }
  if (buf.size() > size)
    throw_op_arg(n, fmt::format("{} requires u{} arg", op_name, size * 8),
                 fmt::format("{} requires u{} arg (with no leading zeros)", op_name, size * 8));
  return u64_from_bytes(buf);
}

Number mod_group_order(const Number& n) {
  static const Number kOrder("0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
  Number r = n % kOrder;  // truncating: the sign of n
  if (r.sign() < 0) r += kOrder;
  return r;
}

}  // namespace clvm::ops
