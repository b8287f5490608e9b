// SPDX-License-Identifier: Apache-2.0
// Private: how node_from_bytes_backrefs runs the classic reader's loop until a back reference.
#pragma once

#include <clvm/allocator.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

namespace clvm::serde_detail {

/// The classic reader's parse-stack entry for a pair whose first half is still being read (any
/// other entry is the raw NodePtr of a finished first half).
inline constexpr std::uint32_t kClassicOpen = 0xFFFF'FFFF;

/// node_from_bytes_backrefs when the arena has room for everything the input can make (the
/// caller checked can_add_nodes(n, 2n, n) for n input bytes): the classic reader's loop, adding
/// one ghost pair per parse-stack push as clvmr counts them, until the first `fe` token, where it
/// calls resume_backrefs. Same nodes, counters and errors as the back-reference parser.
/// Defined in classic_reader.cpp.
NodePtr read_backrefs_unchecked(Allocator& a, std::span<const std::uint8_t> bytes);

/// Continues read_backrefs_unchecked in the back-reference parser at the `fe` byte at `pos`, from
/// the classic loop's parse stack `stack` (bottom first: kClassicOpen, or a finished first half);
/// every push so far was already counted in the arena. Returns the parse's root; throws as
/// node_from_bytes_backrefs. Defined in backrefs_reader.cpp.
NodePtr resume_backrefs(Allocator& a, std::span<const std::uint8_t> bytes, std::size_t pos,
                        std::span<const std::uint32_t> stack);

}  // namespace clvm::serde_detail
