// SPDX-License-Identifier: Apache-2.0
// Two's-complement big-endian <-> Number. Values that fit 64 bits take a fast path; larger ones go
// through Boost's import_bits/export_bits on the magnitude.
#include <clvm/number.hpp>

#include <bit>

namespace clvm {
namespace {

using boost::multiprecision::cpp_int;

void append_i64(std::int64_t v, std::vector<std::uint8_t>& out) {
  if (v == 0) return;
  // Minimal length: drop leading bytes that are pure sign extension.
  int len = 8;
  while (len > 1) {
    const auto top = static_cast<std::int8_t>(static_cast<std::uint64_t>(v) >> (8 * (len - 1)));
    const auto next = static_cast<std::int8_t>(static_cast<std::uint64_t>(v) >> (8 * (len - 2)));
    if ((top == 0 && next >= 0) || (top == -1 && next < 0)) {
      --len;
    } else {
      break;
    }
  }
  for (int i = len - 1; i >= 0; --i)
    out.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(v) >> (8 * i)));
}

}  // namespace

Number number_from_bytes(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return 0;
  const bool negative = (bytes[0] & 0x80) != 0;
  if (bytes.size() <= 8) {
    std::uint64_t u = negative ? ~std::uint64_t{0} : 0;
    for (std::uint8_t b : bytes) u = (u << 8) | b;
    return Number(static_cast<std::int64_t>(u));
  }
  Number n;
  import_bits(n, bytes.begin(), bytes.end(), 8, true);
  if (negative) n -= Number(1) << (8 * bytes.size());
  return n;
}

void append_number_bytes(const Number& n, std::vector<std::uint8_t>& out) {
  if (n.sign() == 0) return;
  static const Number kMin = std::numeric_limits<std::int64_t>::min();
  static const Number kMax = std::numeric_limits<std::int64_t>::max();
  if (n >= kMin && n <= kMax) {
    append_i64(static_cast<std::int64_t>(n), out);
    return;
  }
  if (n.sign() > 0) {
    const std::size_t at = out.size();
    export_bits(n, std::back_inserter(out), 8, true);
    if ((out[at] & 0x80) != 0) out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), 0);
    return;
  }
  const Number m = -n;
  const std::size_t p = msb(m);
  const std::size_t bits = (lsb(m) == p) ? p : p + 1;  // magnitude bits excluding the sign bit
  const std::size_t k = (bits + 1 + 7) / 8;
  const Number t = (Number(1) << (8 * k)) - m;
  export_bits(t, std::back_inserter(out), 8, true);
}

std::vector<std::uint8_t> number_to_bytes(const Number& n) {
  std::vector<std::uint8_t> out;
  append_number_bytes(n, out);
  return out;
}

std::size_t number_encoded_len(const Number& n) {
  if (n.sign() == 0) return 0;
  if (n.sign() > 0) return (msb(n) + 1 + 1 + 7) / 8;  // magnitude bits plus a clear sign bit
  const Number m = -n;
  const std::size_t p = msb(m);
  const std::size_t bits = (lsb(m) == p) ? p : p + 1;
  return (bits + 1 + 7) / 8;
}

}  // namespace clvm
