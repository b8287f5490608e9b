// SPDX-License-Identifier: Apache-2.0
#include <clvm/bytes.hpp>

namespace clvm {
namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(bytes.size() * 2, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    s[2 * i] = kDigits[bytes[i] >> 4];
    s[2 * i + 1] = kDigits[bytes[i] & 0xf];
  }
  return s;
}

std::optional<Bytes> from_hex(std::string_view hex, std::size_t* error_offset) {
  std::size_t base = 0;
  if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) base = 2;
  if ((hex.size() - base) % 2 != 0) {
    if (error_offset != nullptr) *error_offset = hex.size();
    return std::nullopt;
  }
  Bytes out((hex.size() - base) / 2);
  for (std::size_t i = base; i < hex.size(); i += 2) {
    const int hi = hex_value(hex[i]);
    const int lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) {
      if (error_offset != nullptr) *error_offset = hi < 0 ? i : i + 1;
      return std::nullopt;
    }
    out[(i - base) / 2] = static_cast<std::uint8_t>(hi << 4 | lo);
  }
  return out;
}

}  // namespace clvm
