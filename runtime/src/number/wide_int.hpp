// SPDX-License-Identifier: Apache-2.0
/// \file WideInt: the integers' path between int64 and Boost, used by Number's byte codec
/// (number.cpp) and the integer operators (ops/). A signed integer held in two's complement on
/// little-endian 64-bit limbs, read from and written to big-endian bytes limb by limb (no
/// byte-wise big-number import/export), with add, subtract, schoolbook multiply, compare and
/// bitwise and/or/xor. Only multiplications of two long operands go through Boost (Karatsuba).
/// Making an atom of one is the operators' business (ops::new_wide_atom).
#pragma once

#include <clvm/number.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace clvm::number_detail {

/// A signed integer: limbs d[0..n) little-endian, two's complement (the top limb's high bit is the
/// sign; no limbs is 0), always trimmed: the top limb never only repeats the sign of the limb below
/// it (so -1 is one limb, 2^63 is two). Storage is inline up to kInlineLimbs, on the heap beyond.
/// Not copyable (the inline storage is self-referenced); not thread-safe.
class WideInt {
 public:
  /// 2560 bits inline: 300! and the products of typical CLVM programs never touch the heap.
  static constexpr std::size_t kInlineLimbs = 40;
  /// Products whose operands both have at least this many limbs go to Boost's Karatsuba (its own
  /// cut-off); below it schoolbook is what Boost would do too.
  static constexpr std::size_t kKaratsubaLimbs = 40;

  WideInt() noexcept = default;
  WideInt(const WideInt&) = delete;
  WideInt& operator=(const WideInt&) = delete;

  /// Sets the value to `v`.
  void set_i64(std::int64_t v) noexcept {
    d_[0] = static_cast<std::uint64_t>(v);
    n_ = v != 0 ? 1 : 0;
  }
  /// Sets the value to the big-endian two's complement `bytes` (any length; empty is 0).
  void load(std::span<const std::uint8_t> bytes);
  /// Sets the value to `v`.
  void load(const Number& v);

  Number to_number() const;
  /// The length of the minimal encoding (as number_to_bytes: 0 is empty).
  std::size_t encoded_len() const noexcept;
  /// Writes the minimal encoding to out[0, encoded_len()).
  void encode(std::uint8_t* out) const noexcept;

  bool is_zero() const noexcept { return n_ == 0; }
  bool negative() const noexcept { return n_ != 0 && static_cast<std::int64_t>(d_[n_ - 1]) < 0; }
  std::span<const std::uint64_t> limbs() const noexcept { return {d_, n_}; }
  /// clvmr's limbs_for_int: the byte length of the magnitude (0 for 0, 1 for -1, 2 for -256).
  std::size_t magnitude_len() const noexcept;

  /// this += y, or this -= y when `subtract`. Requires: &y != this.
  void add(const WideInt& y, bool subtract);
  /// this *= y. Requires: &y != this.
  void mul(const WideInt& y);

  enum class BitOp { And, Or, Xor };
  /// this = this op y on the unbounded two's complement. Requires: &y != this.
  void bitwise(BitOp op, const WideInt& y);

  /// -1, 0 or 1 as x <, == or > y.
  friend int compare(const WideInt& x, const WideInt& y) noexcept;

 private:
  std::uint64_t ext() const noexcept { return negative() ? ~std::uint64_t{0} : 0; }
  /// Capacity for `n` limbs, keeping the value.
  void reserve(std::size_t n) {
    if (n > cap_) grow(n);
  }
  void grow(std::size_t n);
  /// Widens to `n` >= n_ limbs with copies of the sign. Requires: capacity.
  void sign_extend_to(std::size_t n) noexcept;
  /// Drops top limbs that only repeat the sign.
  void trim() noexcept;

  std::array<std::uint64_t, kInlineLimbs> inline_;
  std::unique_ptr<std::uint64_t[]> heap_;
  std::uint64_t* d_ = inline_.data();
  std::size_t n_ = 0;
  std::size_t cap_ = kInlineLimbs;
};

}  // namespace clvm::number_detail
