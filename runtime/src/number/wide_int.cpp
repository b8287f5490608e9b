// SPDX-License-Identifier: Apache-2.0
// WideInt: two's complement on 64-bit limbs. Bytes <-> limbs are whole 8-byte big-endian loads and
// stores; Boost is reached only through its limb array (cpp_int's backend), never byte by byte.
#include "number/wide_int.hpp"

#include "number/be_bytes.hpp"

#include <algorithm>
#include <bit>
#include <utility>

namespace clvm::number_detail {
namespace {

__extension__ typedef unsigned __int128 U128;

using Limb = std::uint64_t;
constexpr Limb kOnes = ~Limb{0};

static_assert(sizeof(boost::multiprecision::limb_type) == sizeof(Limb),
              "cpp_int must use 64-bit limbs");

Limb sign_of(Limb v) noexcept { return static_cast<Limb>(static_cast<std::int64_t>(v) >> 63); }

// d = -d over n limbs (two's complement; wraps for the most negative value, whose bits then read
// as its magnitude unsigned).
template <class L>  // Limb, or Boost's limb_type (same width, another type)
void negate(L* d, std::size_t n) noexcept {
  L carry = 1;
  for (std::size_t i = 0; i < n; ++i) {
    d[i] = ~d[i] + carry;
    carry &= d[i] == 0 ? 1 : 0;
  }
}

// r[0, n) += a[0, n) · m; returns the carry limb.
Limb addmul_1(Limb* r, const Limb* a, std::size_t n, Limb m) noexcept {
  Limb carry = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const U128 t = static_cast<U128>(a[i]) * m + r[i] + carry;
    r[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> 64);
  }
  return carry;
}

// p[0, na + nb) = a · b, unsigned schoolbook. Requires: na, nb >= 1; p overlaps neither.
void mul_unsigned(Limb* p, const Limb* a, std::size_t na, const Limb* b, std::size_t nb) noexcept {
  if (na < nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  // The longer operand is the inner loop.
  Limb carry = 0;
  for (std::size_t i = 0; i < na; ++i) {
    const U128 t = static_cast<U128>(a[i]) * b[0] + carry;
    p[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> 64);
  }
  p[na] = carry;
  for (std::size_t j = 1; j < nb; ++j) p[na + j] = addmul_1(p + j, a, na, b[j]);
}

// Limb scratch space: on the stack up to kInline limbs, else on the heap. Not initialised.
class Scratch {
 public:
  explicit Scratch(std::size_t n) {
    if (n > kInline) heap_ = std::make_unique_for_overwrite<Limb[]>(n);
  }
  Limb* data() noexcept { return heap_ ? heap_.get() : inline_.data(); }

 private:
  static constexpr std::size_t kInline = 2 * WideInt::kInlineLimbs;
  std::array<Limb, kInline> inline_;
  std::unique_ptr<Limb[]> heap_;
};

}  // namespace

void WideInt::grow(std::size_t n) {
  const std::size_t cap = std::max(n, 2 * cap_);
  auto heap = std::make_unique_for_overwrite<Limb[]>(cap);
  std::copy(d_, d_ + n_, heap.get());
  heap_ = std::move(heap);
  d_ = heap_.get();
  cap_ = cap;
}

void WideInt::sign_extend_to(std::size_t n) noexcept {
  std::fill(d_ + n_, d_ + n, ext());
  n_ = n;
}

void WideInt::trim() noexcept {
  while (n_ > 0 && d_[n_ - 1] == (n_ >= 2 ? sign_of(d_[n_ - 2]) : 0)) --n_;
}

void WideInt::load(std::span<const std::uint8_t> bytes) {
  n_ = 0;
  const std::size_t len = bytes.size();
  if (len == 0) return;
  const std::size_t n = (len + 7) / 8;
  reserve(n);
  const std::uint8_t* end = bytes.data() + len;
  for (std::size_t i = 0; i + 1 < n; ++i) d_[i] = load_be64(end - 8 * (i + 1));
  // The top limb: the first 1..8 bytes, sign-extended.
  Limb top = (bytes[0] & 0x80) != 0 ? kOnes : 0;
  for (std::size_t i = 0, head = len - 8 * (n - 1); i < head; ++i) top = (top << 8) | bytes[i];
  d_[n - 1] = top;
  n_ = n;
  trim();
}

void WideInt::load(const Number& v) {
  const auto& b = v.backend();
  const std::size_t m = b.size();
  n_ = 0;
  reserve(m + 1);
  std::copy(b.limbs(), b.limbs() + m, d_);
  d_[m] = 0;
  n_ = m + 1;
  if (v.sign() < 0) negate(d_, n_);
  trim();
}

Number WideInt::to_number() const {
  Number r;
  if (n_ == 0) return r;
  auto& b = r.backend();
  const auto n = static_cast<unsigned>(n_);
  b.resize(n, n);
  const auto l = b.limbs();
  std::copy(d_, d_ + n_, l);
  const bool neg = negative();
  if (neg) negate(l, n_);  // the magnitude, unsigned in n limbs
  b.normalize();
  b.sign(neg);
  return r;
}

std::size_t WideInt::encoded_len() const noexcept {
  if (n_ == 0) return 0;
  // clrsb: the bits after the sign bit that repeat it; whole such bytes are dropped.
  const auto redundant = __builtin_clrsbll(static_cast<long long>(d_[n_ - 1]));
  return 8 * n_ - static_cast<std::size_t>(redundant) / 8;
}

void WideInt::encode(std::uint8_t* out) const noexcept {
  if (n_ == 0) return;
  const std::size_t head = encoded_len() - 8 * (n_ - 1);
  const Limb top = d_[n_ - 1];
  for (std::size_t i = 0; i < head; ++i)
    out[i] = static_cast<std::uint8_t>(top >> (8 * (head - 1 - i)));
  out += head;
  for (std::size_t k = n_ - 1; k-- > 0; out += 8) store_be64(out, d_[k]);
}

std::size_t WideInt::magnitude_len() const noexcept {
  if (n_ == 0) return 0;
  const bool neg = negative();
  // m = v for v >= 0, ~v = |v| - 1 for v < 0: the highest non-zero limb k of m gives its bits.
  const Limb flip = neg ? kOnes : 0;
  std::size_t k = n_;
  while (k > 0 && (d_[k - 1] ^ flip) == 0) --k;
  if (k == 0) return 1;  // v = -1
  const Limb top = d_[k - 1] ^ flip;
  std::size_t bits = 64 * (k - 1) + static_cast<std::size_t>(std::bit_width(top));
  // For v < 0, |v| = m + 1 has one bit more when m is all ones below its top bit (|v| = 2^bits).
  if (neg && (top & (top + 1)) == 0 &&
      std::all_of(d_, d_ + (k - 1), [](Limb x) { return x == 0; }))  // m's limbs all ones
    ++bits;
  return (bits + 7) / 8;
}

void WideInt::add(const WideInt& y, bool subtract) {
  const std::size_t ny = y.n_;
  if (ny == 0) return;
  const Limb flip = subtract ? kOnes : 0;  // x - y = x + ~y + 1
  const Limb ye = y.ext() ^ flip;
  const std::size_t n = std::max(n_, ny) + 1;
  reserve(n);
  sign_extend_to(n);
  Limb carry = subtract ? 1 : 0;
  std::size_t i = 0;
  for (; i < ny; ++i) {
    const U128 t = static_cast<U128>(d_[i]) + (y.d_[i] ^ flip) + carry;
    d_[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> 64);
  }
  for (; i < n; ++i) {
    const U128 t = static_cast<U128>(d_[i]) + ye + carry;
    d_[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> 64);
  }
  trim();
}

void WideInt::mul(const WideInt& y) {
  if (n_ == 0) return;
  if (y.n_ == 0) {
    n_ = 0;
    return;
  }
  const std::size_t nx = n_, ny = y.n_;
  if (std::min(nx, ny) >= kKaratsubaLimbs) {
    load(to_number() * y.to_number());
    return;
  }
  const bool neg = negative() != y.negative();
  // Scratch: the product (nx + ny limbs), then |y| when y < 0.
  Scratch scratch(nx + ny + (y.negative() ? ny : 0));
  Limb* p = scratch.data();
  const Limb* ay = y.d_;
  if (y.negative()) {
    Limb* t = p + nx + ny;
    std::copy(y.d_, y.d_ + ny, t);
    negate(t, ny);
    ay = t;
  }
  if (negative()) negate(d_, nx);  // |x|, unsigned in nx limbs
  mul_unsigned(p, d_, nx, ay, ny);
  const std::size_t n = nx + ny + 1;  // room for the sign
  reserve(n);
  std::copy(p, p + nx + ny, d_);
  d_[n - 1] = 0;
  n_ = n;
  if (neg) negate(d_, n);
  trim();
}

void WideInt::bitwise(BitOp op, const WideInt& y) {
  const std::size_t ny = y.n_;
  const std::size_t n = std::max(n_, ny);
  reserve(n);
  sign_extend_to(n);
  const Limb ye = y.ext();
  for (std::size_t i = 0; i < n; ++i) {
    const Limb v = i < ny ? y.d_[i] : ye;
    switch (op) {
      case BitOp::And:
        d_[i] &= v;
        break;
      case BitOp::Or:
        d_[i] |= v;
        break;
      case BitOp::Xor:
        d_[i] ^= v;
        break;
    }
  }
  trim();
}

int compare(const WideInt& x, const WideInt& y) noexcept {
  const bool xn = x.negative(), yn = y.negative();
  if (xn != yn) return xn ? -1 : 1;
  // Same sign, both trimmed: more limbs means a larger magnitude.
  if (x.n_ != y.n_) return (x.n_ > y.n_) != xn ? 1 : -1;
  for (std::size_t i = x.n_; i-- > 0;) {
    if (x.d_[i] != y.d_[i]) return x.d_[i] > y.d_[i] ? 1 : -1;
  }
  return 0;
}

}  // namespace clvm::number_detail
