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
#include <optional>
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
  std::size_t root_chars = 200;  // text shown beside each root, then `… (N more bytes)`
  /// With --run --diff: the arena's state before the run; the dump then shows what the run added.
  std::optional<Checkpoint> before;
};

/// The whole dump of `a` with `roots` (each shown as its NodePtr and its text, bounded), the
/// summary with a legend, what is reachable from the roots against garbage, and pair rows naming
/// the keyword of an operator call (the nodes it names: "program", "env", "result", or an
/// image's roots), as `opts` selects. Requires: every root belongs to `a`.
std::string dump_arena(const Allocator& a, std::span<const ImageRoot> roots,
                       const DumpOptions& opts);

/// `NodePtr` as the dump prints it: `nil`, `pair:7`, `bytes:12` or `small:300`.
std::string node_name(NodePtr p);

}  // namespace clvm::tool
