// SPDX-License-Identifier: Apache-2.0
#include "arena_image.hpp"

#include "cli_common.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <memory>

namespace clvm::tool {
namespace {

constexpr std::array<char, 8> kMagic{'C', 'L', 'V', 'M', 'I', 'M', 'G', '\0'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint64_t kHeaderSize = 64;

std::uint64_t fnv1a(const std::uint8_t* p, std::size_t n) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
  return h;
}

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put64(std::vector<std::uint8_t>& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
std::uint64_t get(const std::uint8_t* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::uint64_t padded(std::uint64_t n) { return (n + 7) & ~std::uint64_t{7}; }

struct Mapping {
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
  ~Mapping() {
    if (data != nullptr) munmap(const_cast<std::uint8_t*>(data), size);
  }
};

}  // namespace

void save_image(const Allocator& a, const std::vector<NamedRoot>& roots, const std::string& path) {
  std::vector<std::uint8_t> body;
  const auto heap = a.heap_bytes();
  body.insert(body.end(), heap.begin(), heap.end());
  body.resize(padded(body.size()), 0);
  for (std::uint32_t i = 0; i < a.stored_atoms(); ++i) {
    const std::size_t start = atom_offset(a, i);
    put32(body, static_cast<std::uint32_t>(start));
    put32(body, static_cast<std::uint32_t>(start + a.atom_len(NodePtr(ObjectType::Bytes, i))));
  }
  for (std::uint32_t i = 0; i < a.stored_pairs(); ++i) {
    const Pair p = a.pair(NodePtr(ObjectType::Pair, i));
    put32(body, p.first.raw());
    put32(body, p.rest.raw());
  }
  for (const NamedRoot& r : roots) {
    put32(body, r.node.raw());
    put32(body, static_cast<std::uint32_t>(r.name.size()));
  }
  for (const NamedRoot& r : roots) body.insert(body.end(), r.name.begin(), r.name.end());

  std::vector<std::uint8_t> file(kMagic.begin(), kMagic.end());
  put32(file, kVersion);
  put32(file, static_cast<std::uint32_t>(kHeaderSize));
  for (std::uint64_t v : {std::uint64_t{heap.size()}, std::uint64_t{a.stored_atoms()},
                          std::uint64_t{a.stored_pairs()}, std::uint64_t{roots.size()},
                          fnv1a(body.data(), body.size()), std::uint64_t{0}})
    put64(file, v);
  file.insert(file.end(), body.begin(), body.end());
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!f || std::fwrite(file.data(), 1, file.size(), f.get()) != file.size())
    throw InputError(fmt::format("{}: cannot write the image", path));
}

LoadedImage load_image(const std::string& path) {
  auto fail = [&](std::string_view what) {
    return InputError(fmt::format("{}: not a valid arena image: {}", path, what));
  };
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw InputError(fmt::format("{}: cannot open file", path));
  struct stat st {};
  Mapping m;
  if (fstat(fd, &st) == 0 && st.st_size > 0) {
    m.size = static_cast<std::size_t>(st.st_size);
    void* p = mmap(nullptr, m.size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) m.data = static_cast<const std::uint8_t*>(p);
  }
  ::close(fd);
  if (m.data == nullptr) throw fail("empty or unreadable");
  if (m.size < kHeaderSize) throw fail("shorter than its header");
  if (std::memcmp(m.data, kMagic.data(), kMagic.size()) != 0) throw fail("bad magic");
  if (get(m.data + 8, 4) != kVersion)
    throw fail(fmt::format("unsupported version {}", get(m.data + 8, 4)));
  if (get(m.data + 12, 4) != kHeaderSize) throw fail("bad header size");
  const std::uint64_t heap = get(m.data + 16, 8), atoms = get(m.data + 24, 8),
                      pairs = get(m.data + 32, 8), nroots = get(m.data + 40, 8);
  if (heap > Allocator::kMaxHeapLimit || atoms > Allocator::kMaxAtoms ||
      pairs > Allocator::kMaxPairs || nroots > (std::uint64_t{1} << 20))
    throw fail("a count exceeds the arena limits");
  // Each count is bounded above, so these sums cannot overflow.
  const std::uint64_t atoms_at = kHeaderSize + padded(heap), pairs_at = atoms_at + 8 * atoms,
                      roots_at = pairs_at + 8 * pairs, names_at = roots_at + 8 * nroots;
  if (names_at > m.size) throw fail("truncated");
  if (fnv1a(m.data + kHeaderSize, m.size - kHeaderSize) != get(m.data + 48, 8))
    throw fail("checksum mismatch");

  LoadedImage img;
  std::vector<NodePtr> atom_map(atoms);
  for (std::uint64_t i = 0; i < atoms; ++i) {
    const std::uint64_t s = get(m.data + atoms_at + 8 * i, 4),
                        e = get(m.data + atoms_at + 8 * i + 4, 4);
    if (s > e || e > heap) throw fail(fmt::format("atom {} lies outside the heap", i));
    atom_map[i] = img.arena.new_atom(std::span(m.data + kHeaderSize + s, e - s));
  }
  // A NodePtr of the image, checked and translated; pairs may refer only to pairs before `limit`.
  auto node = [&](std::uint32_t raw, std::uint64_t limit, std::string_view where) {
    const NodePtr p = NodePtr::from_raw(raw);
    switch (static_cast<unsigned>(raw >> NodePtr::kIndexBits)) {
      case 0:
        if (p.index() >= limit) break;
        return p;
      case 1:
        if (p.index() >= atoms) break;
        return atom_map[p.index()];
      case 2:  // an inline value: valid in any arena
        return p;
      default:
        break;
    }
    throw fail(fmt::format("{} refers to an invalid node ({:#010x})", where, raw));
  };
  for (std::uint64_t i = 0; i < pairs; ++i) {
    const std::string where = fmt::format("pair {}", i);
    const NodePtr first =
        node(static_cast<std::uint32_t>(get(m.data + pairs_at + 8 * i, 4)), i, where);
    const NodePtr rest =
        node(static_cast<std::uint32_t>(get(m.data + pairs_at + 8 * i + 4, 4)), i, where);
    img.arena.new_pair(first, rest);
  }
  std::uint64_t name_at = names_at;
  for (std::uint64_t i = 0; i < nroots; ++i) {
    const NodePtr root = node(static_cast<std::uint32_t>(get(m.data + roots_at + 8 * i, 4)), pairs,
                              fmt::format("root {}", i));
    const std::uint64_t len = get(m.data + roots_at + 8 * i + 4, 4);
    if (len > m.size - name_at) throw fail("truncated root names");
    img.roots.push_back({std::string(reinterpret_cast<const char*>(m.data + name_at), len), root});
    name_at += len;
  }
  if (name_at != m.size) throw fail("trailing bytes");
  return img;
}

}  // namespace clvm::tool
