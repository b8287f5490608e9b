// SPDX-License-Identifier: Apache-2.0
// `clvm save` and `clvm load`: arena images (the runtime's format, see <clvm/image.hpp>).
#include "commands.hpp"

#include <clvm/error.hpp>
#include <clvm/image.hpp>
#include <clvm/text.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string_view>

namespace clvm::tool {
Image open_image(const std::string& path) {
  try {
    return Image::open(path);
  } catch (const ImageError& e) {
    // The library names the file when it cannot open or map it; a content problem comes as
    // "invalid arena image: REASON", which gets the file name here.
    constexpr std::string_view kInvalid = "invalid arena image: ";
    const std::string_view what = e.what();
    if (!what.starts_with(kInvalid)) throw InputError(std::string(what));
    throw InputError(
        fmt::format("{}: not a valid arena image: {}", path, what.substr(kInvalid.size())));
  }
}

bool is_image_file(const std::string& path) {
  constexpr std::string_view kMagic("clvmimg\0", 8);
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  if (!in.read(head, sizeof head)) return false;
  return std::string_view(head, sizeof head) == kMagic;
}

int save_command(const SaveOptions& o) {
  std::vector<std::string> names;
  for (std::string_view rest = o.names; !o.names.empty();) {
    names.emplace_back(rest.substr(0, rest.find(',')));
    if (names.back().empty()) throw InputError("--names: an empty name");
    for (std::size_t j = 0; j + 1 < names.size(); ++j)
      if (names[j] == names.back())
        throw InputError(fmt::format("--names: '{}' is given twice", names.back()));
    if (names.back().size() == rest.size()) break;
    rest.remove_prefix(names.back().size() + 1);
  }
  if (!names.empty() && names.size() != o.programs.size())
    throw InputError(
        fmt::format("--names: {} names for {} programs", names.size(), o.programs.size()));
  Allocator a;
  std::vector<ImageRoot> roots;
  for (std::size_t i = 0; i < o.programs.size(); ++i) {
    const std::string name = names.empty() ? fmt::format("root{}", i) : names[i];
    roots.push_back(
        {name, parse_source(a, read_source(o.programs[i], "", name), o.format, o.backrefs)});
  }
  save_image(a, roots, o.output);  // ImageError (cannot write) names the file
  return kExitOk;
}

int load_command(const LoadOptions& o) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(o.path, ec) && !is_image_file(o.path))
    throw InputError(fmt::format(
        "{}: not a valid arena image: wrong magic (an image starts with \"clvmimg\"; programs "
        "are read by run, disasm or dump)",
        o.path));
  const Image img = open_image(o.path);
  // Pairs may share subtrees: a small image can stand for a tree too large to print, so each
  // root is printed bounded.
  for (const ImageRoot& r : img.roots())
    fmt::print("{}: {}\n", r.name,
               result_text(img.allocator(), r.node, KeywordSet::Classic, o.max_chars));
  return kExitOk;
}

}  // namespace clvm::tool
