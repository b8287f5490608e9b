// SPDX-License-Identifier: Apache-2.0
/// \file Arena images: an arena's tables and named roots in a versioned binary file.
///
/// Layout v1 (little-endian): a 64-byte header — magic `CLVMIMG\0`, u32 version (1), u32 header
/// size (64), u64 heap bytes, u64 atoms, u64 pairs, u64 roots, u64 FNV-1a checksum of everything
/// after the header, u64 reserved (0) — then the heap (padded to 8 bytes), the atom table (u32
/// start, u32 end per atom), the pair table (u32 first, u32 rest: raw NodePtrs), the roots (u32
/// raw NodePtr, u32 name length per root) and the root names, concatenated.
#pragma once

#include "arena_dump.hpp"

#include <clvm/allocator.hpp>

#include <string>
#include <vector>

namespace clvm::tool {

/// Writes `a` and `roots` to `path`. Throws InputError if the file cannot be written.
/// Requires: every root belongs to `a`.
void save_image(const Allocator& a, const std::vector<NamedRoot>& roots, const std::string& path);

/// An image loaded back into an arena. Pair indices are those of the saved arena; an atom whose
/// bytes are a small integer becomes inline (the arena API cannot store it in the table), so atom
/// indices may shift.
struct LoadedImage {
  Allocator arena;
  std::vector<NamedRoot> roots;
};

/// Maps `path` (mmap), validates it completely — size, magic, version, counts within the arena
/// limits, checksum, every atom span inside the heap, every NodePtr of a known kind and in range,
/// every pair referring only to earlier pairs (so the tree is acyclic) — and rebuilds the arena.
/// Throws InputError naming the file and the first problem found; never reads out of bounds.
LoadedImage load_image(const std::string& path);

}  // namespace clvm::tool
