// SPDX-License-Identifier: Apache-2.0
/// \file The classic CLVM serialization and its back-reference (compressed) variant, plus the
/// stream tools that work on serialized bytes without building a tree.
///
/// Format (clvmr 0.19): `ff` = pair (first, then rest); `80` = nil; `00`..`7f` = that one byte;
/// otherwise a length prefix whose leading 1 bits give its width (1..6 bytes) followed by the
/// atom's bytes; `fe` + atom = a back-reference (only in the `_backrefs` readers). Every function
/// is iterative: input depth never reaches the C++ stack. Malformed input throws clvm::SerdeError
/// (ErrorKind::BadEncoding, BackreferenceError or NonCanonicalSerialization); arena limits throw
/// clvm::EvalError (TooManyAtoms, TooManyPairs, OutOfMemory) exactly where clvmr fails.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>
#include <clvm/node_ptr.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace clvm {

/// clvmr's default output limit for node_to_bytes (bytes).
inline constexpr std::size_t kDefaultSerializeLimit = 2'000'000;

/// The canonical classic serialization of `node` (shortest prefixes, bytes below 0x80 bare). No
/// size limit (clvmr's default of 2,000,000 bytes is node_to_bytes_limit). Requires: `node`
/// belongs to `a`.
std::vector<std::uint8_t> node_to_bytes(const Allocator& a, NodePtr node);

/// As node_to_bytes, but throws EvalError(OutOfMemory) as soon as the output would exceed `limit`
/// bytes (clvmr's LimitedWriter).
std::vector<std::uint8_t> node_to_bytes_limit(const Allocator& a, NodePtr node, std::size_t limit);

/// Writes node_to_bytes(a, node) into `out`, which must be exactly that long (serialized_length):
/// a large result goes straight to where the caller wants it, e.g. the end of an output buffer,
/// without a buffer of its own. Throws std::invalid_argument, having written no byte past `out`,
/// if `out` is shorter or longer. Requires: `node` belongs to `a`.
void node_to_bytes_into(const Allocator& a, NodePtr node, std::span<std::uint8_t> out);

/// The length of node_to_bytes(a, node), or `limit` + 1 if that is longer than `limit` (a shared
/// subtree counts once per occurrence, so a small DAG can stand for an exponentially large tree).
/// Walks the tree until it has visited as many pairs as `a` holds below `node`; a tree bigger
/// than that shares subtrees, and is then sized pair by pair in index order (pairs refer only to
/// earlier pairs), 8 bytes of scratch per pair. So the time is linear in the smaller of the tree
/// and the arena, without recursion. Requires: `node` belongs to `a`. Throws std::bad_alloc.
std::uint64_t serialized_length(const Allocator& a, NodePtr node, std::uint64_t limit);

/// Parses one classic-serialized node into `a` and returns it. Lenient like clvmr 0.19: accepts
/// over-long length prefixes (`81 05`, `c0 01 05`) and ignores bytes after the first object.
/// `80` and `01` become nil() and one() and are not counted; every other atom is made with
/// new_atom (counted). Throws SerdeError(BadEncoding) on truncated input, `fe`, or a length
/// >= 0x400000000; EvalError on arena limits.
NodePtr node_from_bytes(Allocator& a, std::span<const std::uint8_t> bytes);

/// As node_from_bytes, with the post-snapshot rules of clvmr PR #834: every length prefix must be
/// the shortest, a one-byte atom below 0x80 must be written bare, and the object must use the
/// whole buffer. Violations throw SerdeError(NonCanonicalSerialization).
NodePtr node_from_bytes_strict(Allocator& a, std::span<const std::uint8_t> bytes);

/// Parses one node that may contain back-references (`fe` + path into the parse stack). Lenient
/// like node_from_bytes (trailing bytes ignored). Accounting is clvmr's: besides the counted atoms
/// and the real pairs, one ghost pair per atom, back-reference and cons (the parse stack the old
/// implementation kept as CLVM pairs); a back-reference to the stack itself turns ghost pairs into
/// real ones. Throws SerdeError(BackreferenceError) for a path into an atom or past the stack.
NodePtr node_from_bytes_backrefs(Allocator& a, std::span<const std::uint8_t> bytes);

/// A compressed serialization of `node` that node_from_bytes_backrefs reads back to an equal tree.
/// Makes clvmr's greedy choices (a subtree serializing to >= 4 bytes that is already on the parse
/// stack is replaced by the shortest back-reference whose path atom is shorter than the subtree),
/// so the output has exactly the length of clvmr's and is never longer than node_to_bytes. Where
/// several shortest paths exist the chosen path may differ from clvmr's. No size limit.
std::vector<std::uint8_t> node_to_bytes_backrefs(const Allocator& a, NodePtr node);

/// As node_to_bytes_backrefs, throwing EvalError(OutOfMemory) when the output exceeds `limit`.
std::vector<std::uint8_t> node_to_bytes_backrefs_limit(const Allocator& a, NodePtr node,
                                                       std::size_t limit);

/// The number of bytes the first serialized object in `bytes` occupies (back-references allowed).
/// Each back-reference path is checked against a shadow of the parse stack: throws
/// SerdeError(BackreferenceError) if it leads into an atom, BadEncoding if the data is truncated.
std::uint64_t serialized_length_from_bytes(std::span<const std::uint8_t> bytes);

/// As serialized_length_from_bytes, without checking back-reference paths (clvmr's `_trusted`).
std::uint64_t serialized_length_from_bytes_trusted(std::span<const std::uint8_t> bytes);

/// The tree hash of the first serialized object in `bytes`. Classic input is hashed as it streams,
/// without building a tree; input with back-references is parsed into a scratch arena and hashed
/// with a cache (linear in distinct nodes, so back-reference bombs are fast). Trailing bytes are
/// ignored. Throws SerdeError on malformed input (EvalError if the scratch arena's limits are hit).
Bytes32 tree_hash_from_bytes(std::span<const std::uint8_t> bytes);

/// True if `bytes` is exactly one object (back-references allowed, not resolved) whose every
/// length prefix, path atoms included, is the shortest for its length, with no trailing bytes
/// (the soft-fork-9 generator rule, with #834's 5/6-byte thresholds). As in clvmr, `81 xx` with
/// xx < 0x80 passes: only prefix widths are checked.
bool is_canonical_serialization(std::span<const std::uint8_t> bytes) noexcept;

}  // namespace clvm
