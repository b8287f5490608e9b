// SPDX-License-Identifier: Apache-2.0
// `clvm serialize`, `deserialize`, `hash` and `length`: the serialized forms of a tree.
#include "commands.hpp"

#include <clvm/bytes.hpp>
#include <clvm/error.hpp>
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include <fmt/format.h>

namespace clvm::tool {
namespace {

std::vector<std::uint8_t> serialize(const Allocator& a, NodePtr root, Form form) {
  switch (form) {
    case Form::Backrefs:
      return node_to_bytes_backrefs(a, root);
    case Form::Serde2026:
      return node_to_bytes_2026(a, root);
    case Form::Classic:
      break;
  }
  return node_to_bytes(a, root);
}

void print_bytes(std::span<const std::uint8_t> bytes, bool binary) {
  if (binary)
    write_binary(bytes);
  else
    fmt::print("{}\n", to_hex(bytes));
}

// Serialized input only: a command-line argument is hex, a file hex or binary.
std::vector<std::uint8_t> serialized_input(const Source& src, Format requested) {
  Format f = requested;
  if (f == Format::Auto) f = src.literal ? Format::Hex : resolve_format(src, Format::Auto);
  if (f == Format::Text) f = Format::Hex;  // report the first non-hex character
  return source_bytes(src, f);
}

}  // namespace

int serialize_command(const SerdeOptions& o) {
  Allocator a;
  const Source src = read_source(o.input, o.file, "program");
  const NodePtr root =
      parse_source(a, src, o.format, true, o.classic ? KeywordSet::Classic : KeywordSet::Current);
  print_bytes(serialize(a, root, o.form), o.binary);
  return kExitOk;
}

int deserialize_command(const SerdeOptions& o) {
  Allocator a;
  const Source src = read_source(o.input, o.file, "hex");
  const NodePtr root = parse_bytes(a, serialized_input(src, o.format), src.origin, true);
  if (o.output == "classic") check_printable(a, root);
  if (o.output == "text") {
    fmt::print("{}\n", result_text(a, root, o.classic ? KeywordSet::Classic : KeywordSet::Current,
                                   o.max_chars));
    return kExitOk;
  }
  const Form form = o.output == "classic"    ? Form::Classic
                    : o.output == "backrefs" ? Form::Backrefs
                                             : Form::Serde2026;
  print_bytes(serialize(a, root, form), o.binary);
  return kExitOk;
}

int hash_command(const SerdeOptions& o) {
  Allocator a;
  const Source src = read_source(o.input, o.file, "program");
  const NodePtr root =
      parse_source(a, src, o.format, true, o.classic ? KeywordSet::Classic : KeywordSet::Current);
  TreeCache cache;
  fmt::print("{}\n", tree_hash_cached(a, root, cache));
  return kExitOk;
}

int length_command(const SerdeOptions& o) {
  const Source src = read_source(o.input, o.file, "hex");
  const auto bytes = serialized_input(src, o.format);
  try {
    fmt::print("{}\n", serialized_length_from_bytes(bytes));
  } catch (const Error& e) {
    throw InputError(fmt::format("{}: {} ({} bytes)", src.origin, e.what(), bytes.size()));
  }
  return kExitOk;
}

}  // namespace clvm::tool
