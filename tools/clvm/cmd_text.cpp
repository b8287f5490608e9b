// SPDX-License-Identifier: Apache-2.0
// `clvm asm` (opc) and `clvm disasm` (opd): the text format to serialized hex and back.
#include "commands.hpp"

#include <clvm/bytes.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include <fmt/format.h>

namespace clvm::tool {
namespace {

KeywordSet keywords(const TextOptions& o) {
  return o.classic ? KeywordSet::Classic : KeywordSet::Current;
}

}  // namespace

int asm_command(const TextOptions& o) {
  Allocator a;
  const Source src = read_source(o.input, o.file, "text");
  const NodePtr root = parse_source(a, src, Format::Text, false, keywords(o));
  if (o.classic) warn_modern_keywords(a, root, src);
  if (o.hash)
    fmt::print("{}\n", tree_hash(a, root));
  else
    fmt::print("{}\n", to_hex(node_to_bytes(a, root)));
  return kExitOk;
}

int disasm_command(const TextOptions& o) {
  Allocator a;
  const Source src = read_source(o.input, o.file, "hex");
  Format f = src.literal ? Format::Hex : resolve_format(src, Format::Auto);
  if (f == Format::Text) f = Format::Hex;  // report the first non-hex character
  const NodePtr root = parse_bytes(a, source_bytes(src, f), src.origin, o.backrefs);
  fmt::print("{}\n", result_text(a, root, keywords(o), o.max_chars));
  return kExitOk;
}

}  // namespace clvm::tool
