// SPDX-License-Identifier: Apache-2.0
/// \file clvm::Number (an arbitrary-precision signed integer, Boost.Multiprecision) and its CLVM
/// byte encoding: big-endian two's complement, empty = 0.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace clvm {

using Number = boost::multiprecision::cpp_int;

/// Decodes big-endian two's complement (any length, leading 00/ff accepted; empty is 0).
Number number_from_bytes(std::span<const std::uint8_t> bytes);

/// Encodes `n` minimally: 0 is empty; a leading 00 only when the top bit would otherwise be set,
/// a leading ff only when it would otherwise be clear (so 0x80 -> 00 80, -128 -> 80, -129 -> ff
/// 7f).
std::vector<std::uint8_t> number_to_bytes(const Number& n);

/// Appends the minimal encoding of `n` to `out` (see number_to_bytes).
void append_number_bytes(const Number& n, std::vector<std::uint8_t>& out);

/// The number of bytes number_to_bytes(n) returns, without allocating for small values.
std::size_t number_encoded_len(const Number& n);

}  // namespace clvm
