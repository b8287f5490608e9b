// SPDX-License-Identifier: Apache-2.0
// The clvm_rs op-test lines (tests/data/op-tests, format in SOURCE.md there; read by
// tests/support/op_test_file.hpp) whose arguments are flat atoms, decoded to bytes: enough to drive
// the crypto primitives directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clvm::test {

using ByteVec = std::vector<std::uint8_t>;

struct OpVector {
  std::string file;
  int line = 0;
  std::string op;
  std::vector<ByteVec> args;  // atoms, in order
  bool fails = false;         // "=> FAIL"
  ByteVec result;             // the expected atom when !fails (nil is empty)
  bool result_is_atom = true;
  std::uint64_t cost = 0;
};

/// Every test line of `file` (a name in tests/data/op-tests) whose arguments are all atoms; lines
/// with lists are left out. Throws std::runtime_error if the file cannot be read.
std::vector<OpVector> read_op_vectors(const std::string& file);

/// The canonical clvm atom of a decimal integer ("-56" → 0xc8, "0" → empty).
ByteVec int_atom_from_decimal(const std::string& text);

ByteVec hex_bytes(const std::string& hex);  // "0x" prefix optional
std::string hex_string(const std::uint8_t* data, std::size_t size);
template <class C>
std::string hex_string(const C& c) {
  return hex_string(c.data(), c.size());
}

}  // namespace clvm::test
