// SPDX-License-Identifier: Apache-2.0
// Must NOT compile: a sequence of single-byte elements (other than clvm::Bytes) is ambiguous
// between an atom and a list of small integers (Rust's Vec<u8> trap). Compiled only by the CTest
// case traits_rejects_byte_sequence, which expects the static_assert's message.
#include <clvm/traits.hpp>

#include <vector>

int main() {
  clvm::Allocator a;
  clvm::to_clvm(a, std::vector<char>{'h', 'i'});
}
