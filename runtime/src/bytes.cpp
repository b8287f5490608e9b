// SPDX-License-Identifier: Apache-2.0
#include <clvm/bytes.hpp>

#include <array>
#include <cstring>

namespace clvm {
namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Two hex digits per byte value, so each byte is one 2-byte copy.
constexpr auto kHexPairs = [] {
  std::array<char, 512> t{};
  constexpr char kDigits[] = "0123456789abcdef";
  for (std::size_t i = 0; i < 256; ++i) {
    t[2 * i] = kDigits[i >> 4];
    t[2 * i + 1] = kDigits[i & 0xf];
  }
  return t;
}();

}  // namespace

void append_hex(std::string& out, std::span<const std::uint8_t> bytes) {
  const std::size_t at = out.size();
  out.resize(at + 2 * bytes.size());
  char* p = out.data() + at;
  for (const std::uint8_t b : bytes) {
    std::memcpy(p, &kHexPairs[2 * std::size_t{b}], 2);
    p += 2;
  }
}

void hex_in_place(char* p, std::size_t n) noexcept {
  // Byte i sits at n + i; its digits go to 2i and 2i + 1, below n + i + 1 (the next unread byte)
  // for every i < n.
  for (std::size_t i = 0; i < n; ++i) {
    const auto b = static_cast<std::uint8_t>(p[n + i]);
    std::memcpy(p + 2 * i, &kHexPairs[2 * std::size_t{b}], 2);
  }
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  std::string s;
  append_hex(s, bytes);
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
