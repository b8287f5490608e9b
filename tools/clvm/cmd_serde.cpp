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

#include <map>
#include <memory>

namespace clvm::tool {
namespace {

enum class Form { Classic, Backrefs, Serde2026 };

struct SerdeOptions {
  std::string input, file;
  Format format = Format::Auto;
  Form form = Form::Classic;
  std::string output = "text";
  bool binary = false, classic = false;
  std::size_t max_chars = kResultChars;
};

void add_form_option(CLI::Option* opt) {
  opt->transform(CLI::CheckedTransformer(std::map<std::string, Form>{{"classic", Form::Classic},
                                                                     {"backrefs", Form::Backrefs},
                                                                     {"2026", Form::Serde2026}},
                                         CLI::ignore_case))
      ->option_text("classic|backrefs|2026");
}

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

Action add_serialize(CLI::App& app) {
  auto o = std::make_shared<SerdeOptions>();
  CLI::App* cmd = app.add_subcommand("serialize", "write a program in a serialized form");
  cmd->footer(
      "Examples:\n"
      "  clvm serialize '(\"foobar\" \"foobar\")'                 prints "
      "ff86666f6f626172ff86666f6f62617280\n"
      "  clvm serialize --backrefs -x ff86666f6f626172ff86666f6f62617280  prints "
      "ff86666f6f626172fe01");
  cmd->add_option("program", o->input, "the program (text, or hex with -x; - reads stdin)");
  cmd->add_option("-f,--file", o->file, "read the program from FILE");
  add_format_options(cmd, o->format);
  add_form_option(
      cmd->add_option("--format", o->form, "classic (default), backrefs (compressed) or 2026"));
  cmd->add_flag_callback(
      "--backrefs", [o] { o->form = Form::Backrefs; }, "same as --format backrefs");
  cmd->add_flag("--binary", o->binary, "write raw bytes instead of hex");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36) in text input");
  return [o]() -> int {
    Allocator a;
    const Source src = read_source(o->input, o->file, "program");
    const NodePtr root = parse_source(a, src, o->format, true,
                                      o->classic ? KeywordSet::Classic : KeywordSet::Current);
    print_bytes(serialize(a, root, o->form), o->binary);
    return kExitOk;
  };
}

Action add_deserialize(CLI::App& app) {
  auto o = std::make_shared<SerdeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "deserialize", "read any serialized form (classic, back-references, 2026) back");
  cmd->footer(
      "Examples:\n"
      "  clvm deserialize ff86666f6f626172fe01                   prints (\"foobar\" \"foobar\")\n"
      "  clvm deserialize --output classic ff86666f6f626172fe01  prints "
      "ff86666f6f626172ff86666f6f62617280");
  cmd->add_option("hex", o->input, "the serialized program in hex (- reads stdin)");
  cmd->add_option("-f,--file", o->file, "read hex or binary from FILE");
  add_format_options(cmd, o->format);
  cmd->add_option("--output", o->output, "text (default), or a serialized form in hex")
      ->check(CLI::IsMember({"text", "classic", "backrefs", "2026"}));
  cmd->add_flag("--binary", o->binary, "with --output classic|backrefs|2026: raw bytes");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36) in text output");
  add_max_chars_option(cmd, o->max_chars);
  add_quiet_option(cmd);
  return [o]() -> int {
    Allocator a;
    const Source src = read_source(o->input, o->file, "hex");
    const NodePtr root = parse_bytes(a, serialized_input(src, o->format), src.origin, true);
    if (o->output == "classic") check_printable(a, root);
    if (o->output == "text") {
      fmt::print("{}\n",
                 result_text(a, root, o->classic ? KeywordSet::Classic : KeywordSet::Current,
                             o->max_chars));
      return kExitOk;
    }
    const Form form = o->output == "classic"    ? Form::Classic
                      : o->output == "backrefs" ? Form::Backrefs
                                                : Form::Serde2026;
    print_bytes(serialize(a, root, form), o->binary);
    return kExitOk;
  };
}

Action add_hash(CLI::App& app) {
  auto o = std::make_shared<SerdeOptions>();
  CLI::App* cmd = app.add_subcommand("hash", "print the tree hash (sha256tree) of a program");
  cmd->footer(
      "Example:\n"
      "  clvm hash '()'    prints "
      "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a");
  cmd->add_option("program", o->input, "the program (text, or hex with -x; - reads stdin)");
  cmd->add_option("-f,--file", o->file, "read the program from FILE");
  add_format_options(cmd, o->format);
  cmd->add_flag("--backrefs", o->binary, "accepted for symmetry: back-references are always read");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36) in text input");
  return [o]() -> int {
    Allocator a;
    const Source src = read_source(o->input, o->file, "program");
    const NodePtr root = parse_source(a, src, o->format, true,
                                      o->classic ? KeywordSet::Classic : KeywordSet::Current);
    TreeCache cache;
    fmt::print("{}\n", tree_hash_cached(a, root, cache));
    return kExitOk;
  };
}

Action add_length(CLI::App& app) {
  auto o = std::make_shared<SerdeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "length",
      "print the length in bytes of the first serialized object (back-references allowed)");
  cmd->footer("Example:\n  clvm length ff0102ff0304    prints 3");
  cmd->add_option("hex", o->input, "serialized bytes in hex (- reads stdin)");
  cmd->add_option("-f,--file", o->file, "read hex or binary from FILE");
  add_format_options(cmd, o->format);
  return [o]() -> int {
    const Source src = read_source(o->input, o->file, "hex");
    const auto bytes = serialized_input(src, o->format);
    try {
      fmt::print("{}\n", serialized_length_from_bytes(bytes));
    } catch (const Error& e) {
      throw InputError(fmt::format("{}: {} ({} bytes)", src.origin, e.what(), bytes.size()));
    }
    return kExitOk;
  };
}

}  // namespace clvm::tool
