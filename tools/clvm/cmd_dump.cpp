// SPDX-License-Identifier: Apache-2.0
// `clvm dump`: load a program (optionally run it) and show the arena as it is in memory.
#include "arena_dump.hpp"
#include "commands.hpp"

#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

namespace clvm::tool {
namespace {

// "A:B", "A:" or ":B" (decimal or 0x hex) -> [A, B).
Range parse_range(const std::string& text, std::string_view what) {
  Range r;
  if (text.empty()) return r;
  const auto colon = text.find(':');
  if (colon == std::string::npos)
    throw InputError(fmt::format("{}: expected START:END, got '{}'", what, text));
  const std::string_view v = text;
  if (colon > 0) r.begin = parse_u64(v.substr(0, colon), what);
  if (colon + 1 < v.size()) r.end = parse_u64(v.substr(colon + 1), what);
  if (r.end < r.begin) throw InputError(fmt::format("{}: END is before START in '{}'", what, text));
  return r;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
}

int dump(const DumpCmdOptions& o) {
  DumpOptions d;
  d.json = o.json;
  d.color = !o.json && use_color(o.color);
  d.heap_range = parse_range(o.heap_range, "--heap-range");
  d.atom_range = parse_range(o.atoms_range, "--atoms-range");
  d.pair_range = parse_range(o.pairs_range, "--pairs-range");
  if (o.summary_only) d.atoms = d.heap = d.pairs = false;
  if (!o.sections.empty()) {
    d.summary = d.atoms = d.heap = d.pairs = d.roots = false;
    std::string_view rest = o.sections;
    while (!rest.empty()) {
      const std::string_view s = rest.substr(0, rest.find(','));
      rest.remove_prefix(std::min(rest.size(), s.size() + 1));
      bool* on = s == "summary" ? &d.summary
                 : s == "roots" ? &d.roots
                 : s == "atoms" ? &d.atoms
                 : s == "heap"  ? &d.heap
                 : s == "pairs" ? &d.pairs
                                : nullptr;
      if (on == nullptr)
        throw InputError(fmt::format(
            "--sections: unknown section '{}' (summary, roots, atoms, heap, pairs)", s));
      *on = true;
    }
  }
  // A program argument or -f FILE that is an arena image is dumped as one (as --image).
  std::string image = o.image;
  if (image.empty() && o.env.empty() && o.env_file.empty()) {
    const std::string& path = !o.program_file.empty() ? o.program_file : o.program;
    if (path != "-" && is_image_file(path)) image = path;
  }
  if (!image.empty()) {
    if (o.run) throw InputError("dump --run: an arena image is dumped as it is, not run");
    const Image img = open_image(image);
    const std::string text = dump_arena(img.allocator(), img.roots(), d);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  const Flags flags = o.flags.value();
  Allocator a;
  std::vector<ImageRoot> roots;
  roots.push_back({"program", parse_source(a, read_source(o.program, o.program_file, "program"),
                                           o.format, o.backrefs)});
  const bool have_env = !o.env.empty() || !o.env_file.empty();
  NodePtr env = NodePtr::NIL;
  if (have_env) {
    env = parse_source(a, read_source(o.env, o.env_file, "env"), o.format, o.backrefs);
    roots.push_back({"env", env});
  }
  int status = kExitOk;
  if (o.diff && !(o.run || have_env)) throw InputError("dump --diff: needs --run (or an ENV)");
  if (o.diff) {
    const Checkpoint before = a.checkpoint();
    d.before = before;
    // Only what the run added: the tables from their lengths before it.
    d.atom_range.begin = std::max<std::size_t>(d.atom_range.begin, before.atoms);
    d.pair_range.begin = std::max<std::size_t>(d.pair_range.begin, before.pairs);
    d.heap_range.begin = std::max<std::size_t>(d.heap_range.begin, before.heap);
  }
  if (o.run || have_env) {
    try {
      const Reduction r = run_program(a, ChiaDialect(flags), roots[0].node, env, o.max_cost);
      roots.push_back({"result", r.node});
      if (!o.json) fmt::print("cost = {}\n", r.cost);
    } catch (const EvalError& e) {
      fmt::print(stderr, "FAIL: {}\n", e.what());
      status = kExitFail;
    }
  }
  const std::string text = dump_arena(a, roots, d);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return status;
}

}  // namespace

int dump_command(DumpCmdOptions& o) {
  if (o.program.empty() && o.program_file.empty() && o.image.empty())
    throw InputError("dump: no program given (try clvm dump --help)");
  // With -f the program comes from the file: a lone positional argument is the environment.
  if (!o.program_file.empty() && !o.program.empty() && o.env.empty()) std::swap(o.program, o.env);
  return dump(o);
}

}  // namespace clvm::tool
