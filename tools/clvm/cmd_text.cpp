// SPDX-License-Identifier: Apache-2.0
// `clvm asm` (opc) and `clvm disasm` (opd): the text format to serialized hex and back.
#include "commands.hpp"

#include <clvm/bytes.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include <fmt/format.h>

#include <memory>

namespace clvm::tool {
namespace {

struct TextOptions {
  std::string input, file;
  bool classic = false, hash = false, backrefs = false;
  std::size_t max_chars = kResultChars;
};

KeywordSet keywords(const TextOptions& o) {
  return o.classic ? KeywordSet::Classic : KeywordSet::Current;
}

}  // namespace

Action add_asm(CLI::App& app) {
  auto o = std::make_shared<TextOptions>();
  CLI::App* cmd = app.add_subcommand("asm", "assemble text to serialized hex (opc)");
  cmd->footer("Example:\n  clvm asm '(+ (q . 1) (q . 2))'    prints ff10ffff0101ffff010280");
  cmd->add_option("text", o->input, "the program text (- reads stdin)");
  cmd->add_option("-f,--file", o->file, "read the text from FILE");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36), as opc");
  cmd->add_flag("-H,--script-hash", o->hash, "print the tree hash instead of the hex");
  add_quiet_option(cmd);
  return [o]() -> int {
    Allocator a;
    const Source src = read_source(o->input, o->file, "text");
    const NodePtr root = parse_source(a, src, Format::Text, false, keywords(*o));
    if (o->classic) warn_modern_keywords(a, root, src);
    if (o->hash)
      fmt::print("{}\n", tree_hash(a, root));
    else
      fmt::print("{}\n", to_hex(node_to_bytes(a, root)));
    return kExitOk;
  };
}

Action add_disasm(CLI::App& app) {
  auto o = std::make_shared<TextOptions>();
  CLI::App* cmd = app.add_subcommand("disasm", "disassemble serialized hex to text (opd)");
  cmd->footer("Example:\n  clvm disasm ff10ffff0101ffff010280    prints (+ (q . 1) (q . 2))");
  cmd->add_option("hex", o->input, "the serialized program in hex (- reads stdin)");
  cmd->add_option("-f,--file", o->file, "read hex or binary from FILE");
  cmd->add_flag("--classic", o->classic, "only clvm_tools' keywords (1-36), as opd");
  cmd->add_flag("--backrefs", o->backrefs, "the input may use back-references");
  add_max_chars_option(cmd, o->max_chars);
  add_quiet_option(cmd);
  return [o]() -> int {
    Allocator a;
    const Source src = read_source(o->input, o->file, "hex");
    Format f = src.literal ? Format::Hex : resolve_format(src, Format::Auto);
    if (f == Format::Text) f = Format::Hex;  // report the first non-hex character
    const NodePtr root = parse_bytes(a, source_bytes(src, f), src.origin, o->backrefs);
    fmt::print("{}\n", result_text(a, root, keywords(*o), o->max_chars));
    return kExitOk;
  };
}

}  // namespace clvm::tool
