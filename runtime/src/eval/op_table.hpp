// SPDX-License-Identifier: Apache-2.0
/// \file The operator table: every opcode the Chia dialect knows (clvmr's src/chia_dialect.rs),
/// one row each, with all that is known about it: its opcode atom (one byte, or the four bytes
/// of the secp codes), its names (text-format keywords of either keyword set, the one that
/// prints, the op-test files' spellings), its function, the flag gate that must be open for it to
/// be known, and whether clvmr collects garbage around it. Everything else is derived from these
/// rows: the dialect's dispatch (kOpTable, wide_op), the evaluator's GC mask (kGcOpcodes), the
/// text format's keyword list (text/keywords.cpp) and the tests' name lookups (find_op_test_name).
/// A fork or a new operator is one row here.
#pragma once

#include <clvm/dialect.hpp>
#include <clvm/flags.hpp>

#include "ops/core_ops.hpp"
#include "ops/crypto_ops.hpp"
#include "ops/more_ops.hpp"
#include "ops/small_int_ops.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace clvm::eval {

/// What must hold for an opcode to be known (otherwise it is an unknown operator).
enum class Gate : std::uint8_t {
  None,
  Keccak,      ///< inside softfork extension 1, or ENABLE_KECCAK_OPS_OUTSIDE_GUARD
  Sha256Tree,  ///< ENABLE_SHA256_TREE
  Secp,        ///< ENABLE_SECP_OPS
};

/// Whether gate `g` is open under `flags` inside a guard of operator set `set`.
constexpr bool gate_open(Gate g, Flags flags, OperatorSet set) noexcept {
  switch (g) {
    case Gate::None:
      return true;
    case Gate::Keccak:
      return set == OperatorSet::Keccak || set == OperatorSet::PreHardFork ||
             (flags & ENABLE_KECCAK_OPS_OUTSIDE_GUARD) != 0;
    case Gate::Sha256Tree:
      return (flags & ENABLE_SHA256_TREE) != 0;
    case Gate::Secp:
      return (flags & ENABLE_SECP_OPS) != 0;
  }
  return false;
}

/// Where a name of an opcode is known (bits of OpName::uses).
struct NameUse {
  /// A keyword of both keyword sets of the text format (clvm_tools 0.9.5 knows it).
  static constexpr std::uint8_t kClassic = 1;
  /// A keyword of KeywordSet::Current only (the operators clvmr added since).
  static constexpr std::uint8_t kCurrent = 2;
  /// The keyword disassemble() prints for the opcode (at most one per opcode).
  static constexpr std::uint8_t kPrints = 4;
  /// A name the op-test files (tests/data/op-tests) use for the opcode.
  static constexpr std::uint8_t kOpTest = 8;
};

struct OpName {
  std::string_view text;  ///< empty: no name in this slot
  std::uint8_t uses = 0;  ///< NameUse bits
};

/// One opcode of the dialect.
struct OpInfo {
  std::uint32_t opcode = 0;  ///< the opcode atom's big-endian value
  std::uint8_t size = 1;     ///< the opcode atom's length: 1, or 4 for the secp codes
  /// Null for q, a and softfork (the evaluator's own) and for the "." placeholder.
  ops::OpFn fn = nullptr;
  Gate gate = Gate::None;
  /// clvmr's ChiaDialect::gc_candidate: ENABLE_GC collects around this (inline) opcode.
  bool gc = false;
  std::array<OpName, 2> names{};

  /// The opcode atom's bytes in [0, size).
  constexpr std::array<std::uint8_t, 4> atom() const noexcept {
    std::array<std::uint8_t, 4> b{};
    for (std::size_t i = 0; i < size; ++i)
      b[i] = static_cast<std::uint8_t>(opcode >> (8 * (size - 1 - i)));
    return b;
  }
};

namespace detail {
constexpr std::uint8_t kAll = NameUse::kPrints | NameUse::kOpTest;
// Name kinds: classic keyword, current keyword, a current keyword that reads but never prints,
// an op-test spelling only.
constexpr OpName classic(std::string_view n) { return {n, NameUse::kClassic | kAll}; }
constexpr OpName current(std::string_view n) { return {n, NameUse::kCurrent | kAll}; }
constexpr OpName alias(std::string_view n) { return {n, NameUse::kCurrent | NameUse::kOpTest}; }
constexpr OpName op_test(std::string_view n) { return {n, NameUse::kOpTest}; }

constexpr OpInfo row(std::uint32_t opcode, OpName name, ops::OpFn fn, bool gc,
                     Gate gate = Gate::None, OpName other = {}) {
  return {opcode, opcode > 0xff ? std::uint8_t{4} : std::uint8_t{1}, fn, gate, gc, {name, other}};
}
}  // namespace detail

inline constexpr bool kGc = true, kNoGc = false;

/// The rows, by opcode. GC candidacy is clvmr's list, which leaves out q, softfork,
/// i c f r x substr concat, the g2 operators 52-55, g2_map (57) and the secp operators.
inline constexpr std::array kOperators = [] {
  using namespace ops;
  using detail::alias, detail::classic, detail::current, detail::op_test, detail::row;
  return std::array{
      row(1, classic("q"), nullptr, kNoGc),
      row(2, classic("a"), nullptr, kGc),
      row(3, classic("i"), op_if, kNoGc),
      row(4, classic("c"), op_cons, kNoGc),
      row(5, classic("f"), op_first, kNoGc),
      row(6, classic("r"), op_rest, kNoGc),
      row(7, classic("l"), op_listp, kGc),
      row(8, classic("x"), op_raise, kNoGc),
      row(9, classic("="), op_eq, kGc),
      row(10, classic(">s"), op_gr_bytes, kGc),
      row(11, classic("sha256"), op_sha256, kGc),
      row(12, classic("substr"), op_substr, kNoGc),
      row(13, classic("strlen"), op_strlen, kGc),
      row(14, classic("concat"), op_concat, kNoGc),
      row(16, classic("+"), op_add, kGc),
      row(17, classic("-"), op_subtract, kGc),
      row(18, classic("*"), op_multiply, kGc),
      row(19, classic("/"), op_div, kGc),
      row(20, classic("divmod"), op_divmod, kGc),
      row(21, classic(">"), op_gr, kGc),
      row(22, classic("ash"), op_ash, kGc),
      row(23, classic("lsh"), op_lsh, kGc),
      row(24, classic("logand"), op_logand, kGc),
      row(25, classic("logior"), op_logior, kGc),
      row(26, classic("logxor"), op_logxor, kGc),
      row(27, classic("lognot"), op_lognot, kGc),
      row(29, classic("point_add"), op_point_add, kGc, Gate::None, alias("g1_add")),
      row(30, classic("pubkey_for_exp"), op_pubkey_for_exp, kGc),
      row(32, classic("not"), op_not, kGc),
      row(33, classic("any"), op_any, kGc),
      row(34, classic("all"), op_all, kGc),
      // Not an operator: clvm's name-to-atom table maps "." (its placeholder for unnamed
      // opcodes) to the last one, 35, so clvm_tools reads `#.` as 0x23. Never printed.
      row(35, {".", NameUse::kClassic}, nullptr, kNoGc),
      row(36, classic("softfork"), nullptr, kNoGc),
      row(48, current("coinid"), op_coinid, kGc),
      row(49, current("g1_subtract"), op_bls_g1_subtract, kGc),
      row(50, current("g1_multiply"), op_bls_g1_multiply, kGc),
      row(51, current("g1_negate"), op_bls_g1_negate, kGc),
      row(52, current("g2_add"), op_bls_g2_add, kNoGc),
      row(53, current("g2_subtract"), op_bls_g2_subtract, kNoGc),
      row(54, current("g2_multiply"), op_bls_g2_multiply, kNoGc),
      row(55, current("g2_negate"), op_bls_g2_negate, kNoGc),
      row(56, current("g1_map"), op_bls_map_to_g1, kGc),
      row(57, current("g2_map"), op_bls_map_to_g2, kNoGc),
      row(58, current("bls_pairing_identity"), op_bls_pairing_identity, kGc),
      row(59, current("bls_verify"), op_bls_verify, kGc),
      row(60, current("modpow"), op_modpow, kGc),
      row(61, current("%"), op_mod, kGc),
      row(62, current("keccak256"), op_keccak256, kGc, Gate::Keccak),
      row(63, current("sha256tree"), op_sha256tree, kGc, Gate::Sha256Tree),
      // The secp operators: one-byte opcodes behind ENABLE_SECP_OPS (no keyword), and the
      // four-byte ones, which are always known (so they dispatch even under NO_UNKNOWN_OPS).
      row(64, op_test("secp256k1_verify_64"), op_secp256k1_verify, kNoGc, Gate::Secp),
      row(65, op_test("secp256r1_verify_65"), op_secp256r1_verify, kNoGc, Gate::Secp),
      row(0x13d61f00, current("secp256k1_verify"), op_secp256k1_verify, kNoGc),
      row(0x1c3a8f00, current("secp256r1_verify"), op_secp256r1_verify, kNoGc),
  };
}();

/// The dispatch entry of a one-byte opcode.
struct OpEntry {
  ops::OpFn fn = nullptr;
  Gate gate = Gate::None;
};

/// One-byte opcodes below this have table entries (the rest are unknown operators).
inline constexpr std::uint32_t kOpTableSize = [] {
  std::uint32_t n = 0;
  for (const OpInfo& o : kOperators)
    if (o.size == 1 && o.opcode >= n) n = o.opcode + 1;
  return n;
}();

/// Entries by one-byte opcode; fn is null for unassigned opcodes (and for q, a, softfork, which
/// the evaluator handles itself).
inline constexpr std::array<OpEntry, kOpTableSize> kOpTable = [] {
  std::array<OpEntry, kOpTableSize> t{};
  for (const OpInfo& o : kOperators)
    if (o.size == 1) t[o.opcode] = {o.fn, o.gate};
  return t;
}();

/// Bit k set: opcode k is a GC candidate (clvmr matches only inline atoms, all below 64).
inline constexpr std::uint64_t kGcOpcodes = [] {
  std::uint64_t m = 0;
  for (const OpInfo& o : kOperators) {
    if (!o.gc) continue;
    if (o.size != 1 || o.opcode >= 64) throw "a GC candidate must be a one-byte opcode below 64";
    m |= std::uint64_t{1} << o.opcode;
  }
  return m;
}();

/// A four-byte opcode (the secp codes) and its function.
struct WideOp {
  std::uint32_t opcode = 0;
  ops::OpFn fn = nullptr;
};

namespace detail {
constexpr std::size_t count_wide() {
  std::size_t n = 0;
  for (const OpInfo& o : kOperators) {
    if (o.size != 4) continue;
    // The dialect dispatches four-byte opcodes without looking at flags.
    if (o.gate != Gate::None) throw "a four-byte opcode cannot be gated";
    ++n;
  }
  return n;
}
}  // namespace detail

/// The four-byte opcodes, always known (they dispatch even under NO_UNKNOWN_OPS).
inline constexpr std::array<WideOp, detail::count_wide()> kWideOps = [] {
  std::array<WideOp, detail::count_wide()> t{};
  std::size_t i = 0;
  for (const OpInfo& o : kOperators)
    if (o.size == 4) t[i++] = {o.opcode, o.fn};
  return t;
}();

/// The function of four-byte opcode `opcode`, or null.
constexpr ops::OpFn wide_op(std::uint32_t opcode) noexcept {
  for (const WideOp& w : kWideOps)
    if (w.opcode == opcode) return w.fn;
  return nullptr;
}

/// The row with a name spelled `name` that has all of the NameUse bits `uses`, or null.
constexpr const OpInfo* find_op_by_name(std::string_view name, std::uint8_t uses) noexcept {
  for (const OpInfo& o : kOperators)
    for (const OpName& n : o.names)
      if (!n.text.empty() && n.text == name && (n.uses & uses) == uses) return &o;
  return nullptr;
}

/// The row of the operator the op-test files call `name` (`q`, `g1_add`, `secp256k1_verify`,
/// `secp256k1_verify_64`, ...), or null (also for their synthetic `unknown*` and `*_strict`
/// spellings, which name no row).
constexpr const OpInfo* find_op_test_name(std::string_view name) noexcept {
  return find_op_by_name(name, NameUse::kOpTest);
}

namespace detail {
// Each opcode has one row, at most one printing name, and names are unique.
constexpr bool table_is_consistent() {
  for (std::size_t i = 0; i < kOperators.size(); ++i) {
    int prints = 0;
    for (const OpName& n : kOperators[i].names) {
      if ((n.uses & NameUse::kPrints) != 0) ++prints;
      if (!n.text.empty() && find_op_by_name(n.text, 0) != &kOperators[i]) return false;
    }
    if (prints > 1) return false;
    for (std::size_t j = i + 1; j < kOperators.size(); ++j)
      if (kOperators[j].opcode <= kOperators[i].opcode) return false;  // sorted, distinct
  }
  return true;
}
static_assert(table_is_consistent());
// The evaluator's own keywords are rows too.
static_assert(find_op_by_name("q", 0)->opcode == ChiaDialect::kQuoteKw);
static_assert(find_op_by_name("a", 0)->opcode == ChiaDialect::kApplyKw);
static_assert(find_op_by_name("softfork", 0)->opcode == ChiaDialect::kSoftforkKw);
// The opcodes of the small binary forms (and the evaluator's fast path) are these rows'.
static_assert(kOpTable[ops::small::kOpAdd].fn == ops::op_add);
static_assert(kOpTable[ops::small::kOpSubtract].fn == ops::op_subtract);
static_assert(kOpTable[ops::small::kOpLogand].fn == ops::op_logand);
static_assert(kOpTable[ops::small::kOpLogior].fn == ops::op_logior);
static_assert(kOpTable[ops::small::kOpLogxor].fn == ops::op_logxor);
}  // namespace detail

}  // namespace clvm::eval
