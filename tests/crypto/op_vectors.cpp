// SPDX-License-Identifier: Apache-2.0
#include "op_vectors.hpp"

#include <cctype>
#include <sstream>
#include <stdexcept>

#include "op_test_file.hpp"

namespace clvm::test {

ByteVec hex_bytes(const std::string& hex) {
  std::string h = hex;
  if (h.rfind("0x", 0) == 0 || h.rfind("0X", 0) == 0) h = h.substr(2);
  if (h.size() % 2 != 0) throw std::runtime_error("odd-length hex: " + hex);
  ByteVec out;
  for (std::size_t i = 0; i < h.size(); i += 2) {
    out.push_back(static_cast<std::uint8_t>(std::stoul(h.substr(i, 2), nullptr, 16)));
  }
  return out;
}

std::string hex_string(const std::uint8_t* data, std::size_t size) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (std::size_t i = 0; i < size; ++i) {
    s += digits[data[i] >> 4];
    s += digits[data[i] & 15];
  }
  return s;
}

ByteVec int_atom_from_decimal(const std::string& text) {
  bool negative = !text.empty() && text[0] == '-';
  ByteVec mag;  // big-endian magnitude
  for (char c : text.substr(negative ? 1 : 0)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) throw std::runtime_error("bad int " + text);
    unsigned carry = static_cast<unsigned>(c - '0');
    for (auto it = mag.rbegin(); it != mag.rend(); ++it) {
      unsigned v = *it * 10u + carry;
      *it = static_cast<std::uint8_t>(v & 0xff);
      carry = v >> 8;
    }
    while (carry != 0) {
      mag.insert(mag.begin(), static_cast<std::uint8_t>(carry & 0xff));
      carry >>= 8;
    }
  }
  while (!mag.empty() && mag[0] == 0) mag.erase(mag.begin());
  if (mag.empty()) return {};
  mag.insert(mag.begin(), 0);  // room for the sign bit
  if (negative) {
    for (auto& b : mag) b = static_cast<std::uint8_t>(~b);
    for (auto it = mag.rbegin(); it != mag.rend(); ++it) {
      if (++*it != 0) break;
    }
    while (mag.size() > 1 && mag[0] == 0xff && (mag[1] & 0x80) != 0) mag.erase(mag.begin());
  } else {
    while (mag.size() > 1 && mag[0] == 0 && (mag[1] & 0x80) == 0) mag.erase(mag.begin());
  }
  return mag;
}

namespace {

// Splits on whitespace, keeping "quoted strings" (without spaces inside in these files) whole.
std::vector<std::string> tokens(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string t;
  while (in >> t) out.push_back(t);
  return out;
}

// One atom token; nullopt for list syntax.
std::optional<ByteVec> atom_of(const std::string& t) {
  if (t == "(" || t == ")" || t == ".") return std::nullopt;
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
    return ByteVec(t.begin() + 1, t.end() - 1);
  }
  if (t.rfind("0x", 0) == 0) return hex_bytes(t);
  if (t == "0") return ByteVec{};
  if (std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '-')
    return int_atom_from_decimal(t);
  return std::nullopt;  // operator names etc.: not used by the crypto vectors
}

}  // namespace

std::vector<OpVector> read_op_vectors(const std::string& file) {
  std::vector<OpVector> out;
  for (const OpTestLine& line : read_op_test_file(file)) {
    const auto lhs = tokens(line.op + " " + line.args);
    OpVector v;
    v.file = file;
    v.line = line.number;
    v.op = lhs[0];
    bool flat = true;
    for (std::size_t i = 1; i < lhs.size(); ++i) {
      auto a = atom_of(lhs[i]);
      if (!a) {
        flat = false;
        break;
      }
      v.args.push_back(std::move(*a));
    }
    if (!flat) continue;
    const auto result = tokens(line.expected);
    if (line.fails()) {
      v.fails = true;
    } else if (result.size() == 1 && atom_of(result[0])) {
      v.result = *atom_of(result[0]);
    } else {
      v.result_is_atom = false;
    }
    if (!line.cost.empty()) v.cost = std::stoull(line.cost);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace clvm::test
