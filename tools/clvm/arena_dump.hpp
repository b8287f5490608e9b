// SPDX-License-Identifier: Apache-2.0
/// \file Renders an arena as it is in memory: a summary against the limits, the atom table, the
/// heap as a hex dump annotated with atom starts, the pair table and named roots; as text (with
/// optional ANSI colour) or JSON.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/image.hpp>
#include <clvm/node_ptr.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace clvm::tool {

/// A half-open range [begin, end) of offsets or indices; clipped to what exists.
struct Range {
  std::size_t begin = 0;
  std::size_t end = SIZE_MAX;
};

struct DumpOptions {
  bool json = false;
  bool color = false;  // ANSI colour (text only)
  bool summary = true, atoms = true, heap = true, pairs = true, roots = true;
  Range heap_range, atom_range, pair_range;
};

/// The whole dump of `a` with `roots` (the nodes it names: "program", "env", "result", or an
/// image's roots), as `opts` selects. Requires: every root belongs to `a`.
std::string dump_arena(const Allocator& a, std::span<const ImageRoot> roots,
                       const DumpOptions& opts);

/// `NodePtr` as the dump prints it: `nil`, `pair:7`, `bytes:12` or `small:300`.
std::string node_name(NodePtr p);

}  // namespace clvm::tool
