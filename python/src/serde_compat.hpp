// SPDX-License-Identifier: Apache-2.0
/// \file Readers that clvm_rs's Python API has and the runtime does not spell the same way:
/// clvmr's serde_2026 body decoder (with its `strict` switch and its tolerance of trailing bytes)
/// and `parse_triples` (deserialize_as_tree). Both follow clvmr 0.19 step for step; every
/// malformed input throws clvm::SerdeError(BadEncoding), clvmr's SerializationError.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace clvmpy {

/// clvmr's `deserialize_2026_body_from_stream` on `body` (the bytes after the magic prefix):
/// atom lengths above `max_atom_len` are refused, `strict` refuses non-minimal varints, bytes after
/// the instruction stream are ignored. Throws clvm::SerdeError, or clvm::EvalError on arena limits.
clvm::NodePtr deserialize_2026_body(clvm::Allocator& a, std::span<const std::uint8_t> body,
                                    std::size_t max_atom_len, bool strict);

/// One entry of parse_triples: (start, end, atom offset) for an atom, (start, end, index of the
/// rest) for a pair (`blob[start] == 0xff`; the first is the next entry).
struct Triple {
  std::uint64_t start = 0, end = 0, third = 0;
};

/// clvmr's `parse_triples`: the first object of `blob` (classic format, no back-references) as
/// triples in pre-order, with each subtree's tree hash in `hashes` when it is given. Iterative.
/// Throws clvm::SerdeError on truncated or malformed input.
std::vector<Triple> parse_triples(std::span<const std::uint8_t> blob,
                                  std::vector<clvm::Bytes32>* hashes);

/// The length of node_to_bytes(a, node), counting each distinct pair once (linear in distinct
/// nodes, so a back-reference bomb is measured at once); saturates at UINT64_MAX.
std::uint64_t classic_size(const clvm::Allocator& a, clvm::NodePtr node);

}  // namespace clvmpy
