// SPDX-License-Identifier: Apache-2.0
// Two's-complement big-endian <-> Number through WideInt: whole 64-bit limbs in both
// directions (Boost's limb array directly, no byte-wise import_bits/export_bits).
#include <clvm/number.hpp>

#include "number/wide_int.hpp"

namespace clvm {

Number number_from_bytes(std::span<const std::uint8_t> bytes) {
  if (bytes.size() <= 8) {
    if (bytes.empty()) return 0;
    std::uint64_t u = (bytes[0] & 0x80) != 0 ? ~std::uint64_t{0} : 0;
    for (std::uint8_t b : bytes) u = (u << 8) | b;
    return Number(static_cast<std::int64_t>(u));
  }
  number_detail::WideInt w;
  w.load(bytes);
  return w.to_number();
}

void append_number_bytes(const Number& n, std::vector<std::uint8_t>& out) {
  if (n.sign() == 0) return;
  number_detail::WideInt w;
  w.load(n);
  const std::size_t at = out.size();
  out.resize(at + w.encoded_len());
  w.encode(out.data() + at);
}

std::vector<std::uint8_t> number_to_bytes(const Number& n) {
  std::vector<std::uint8_t> out;
  append_number_bytes(n, out);
  return out;
}

std::size_t number_encoded_len(const Number& n) {
  if (n.sign() == 0) return 0;
  number_detail::WideInt w;
  w.load(n);
  return w.encoded_len();
}

}  // namespace clvm
