// SPDX-License-Identifier: Apache-2.0
// Reading the kernel's view of this process's mappings (/proc/self/smaps) for tests of the
// huge-page advice: madvise(MADV_HUGEPAGE) sets the mapping's VmFlags `hg`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace clvm::test {

/// One mapping of /proc/self/smaps: its address range and its VmFlags' two-letter codes.
struct Mapping {
  std::uintptr_t begin = 0, end = 0;
  std::vector<std::string> flags;
  bool has(const std::string& flag) const {
    for (const auto& f : flags)
      if (f == flag) return true;
    return false;
  }
};

/// The process's mappings, or nullopt when /proc/self/smaps cannot be read or shows no VmFlags
/// (kernels before 3.8). Throws std::bad_alloc only.
inline std::optional<std::vector<Mapping>> read_smaps() {
  std::ifstream in("/proc/self/smaps");
  if (!in) return std::nullopt;
  std::vector<Mapping> maps;
  bool any_flags = false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmFlags:", 0) == 0) {
      if (maps.empty()) continue;
      std::istringstream f(line.substr(8));
      for (std::string code; f >> code;) maps.back().flags.push_back(code);
      any_flags = true;
      continue;
    }
    // A header: "begin-end perms offset dev inode [path]" (begin and end in hex).
    const std::size_t dash = line.find('-');
    const std::size_t space = line.find(' ');
    if (dash == std::string::npos || space == std::string::npos || dash > space) continue;
    if (line.find(':') < dash) continue;  // a "Key: value" line
    Mapping m;
    try {
      m.begin = std::stoull(line.substr(0, dash), nullptr, 16);
      m.end = std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16);
    } catch (...) {
      continue;
    }
    maps.push_back(std::move(m));
  }
  if (!any_flags) return std::nullopt;
  return maps;
}

/// The mapping holding address `p` (nullopt if none, or smaps is unreadable).
inline std::optional<Mapping> mapping_of(const void* p) {
  const auto maps = read_smaps();
  if (!maps) return std::nullopt;
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  for (const Mapping& m : *maps)
    if (m.begin <= a && a < m.end) return m;
  return std::nullopt;
}

/// How many mappings of at least `min_bytes` carry `hg` (advised as huge pages); nullopt if
/// smaps is unreadable.
inline std::optional<std::size_t> huge_advised_mappings(std::size_t min_bytes) {
  const auto maps = read_smaps();
  if (!maps) return std::nullopt;
  std::size_t n = 0;
  for (const Mapping& m : *maps) n += m.end - m.begin >= min_bytes && m.has("hg") ? 1 : 0;
  return n;
}

/// Whether the kernel has transparent huge pages at all (MADV_HUGEPAGE fails without them).
inline bool thp_built_in() {
  return static_cast<bool>(std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled"));
}

}  // namespace clvm::test

/// Skips the current test unless smaps shows VmFlags and the kernel has THP.
#define CLVM_SKIP_WITHOUT_SMAPS_THP()                                                         \
  do {                                                                                        \
    if (!::clvm::test::read_smaps())                                                          \
      GTEST_SKIP() << "/proc/self/smaps with VmFlags is not readable here: cannot see the "   \
                      "huge-page advice";                                                     \
    if (!::clvm::test::thp_built_in())                                                        \
      GTEST_SKIP() << "no transparent huge pages in this kernel "                             \
                      "(/sys/kernel/mm/transparent_hugepage missing): the advice is a no-op"; \
  } while (false)
