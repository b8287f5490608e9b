// SPDX-License-Identifier: Apache-2.0
// Arena images: writing (image_bytes/save_image) and mapping + validating (Image::open).
#include <clvm/image.hpp>

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <fstream>

namespace clvm {
namespace {

static_assert(std::endian::native == std::endian::little, "images are little-endian");

constexpr char kMagic[8] = {'c', 'l', 'v', 'm', 'i', 'm', 'g', '\0'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderSize = 128;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t header_size;
  std::uint64_t heap_len, atoms, pairs, roots, roots_len;
  std::uint64_t ghost_atoms, ghost_pairs, ghost_heap, heap_limit, reserved;
  std::uint8_t checksum[32];
};
static_assert(sizeof(Header) == kHeaderSize);
static_assert(offsetof(Header, checksum) == 96);

std::size_t pad8(std::size_t n) { return (n + 7) & ~std::size_t{7}; }

// The image's checksum: SHA-256 of the header up to the checksum field, then of everything after
// the header, so no byte of the file can change unnoticed.
constexpr std::size_t kChecksumOffset = 96;

void checksum(std::span<const std::uint8_t> image, std::uint8_t out[32]) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned int len = 32;
  const bool ok =
      ctx != nullptr && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1 &&
      EVP_DigestUpdate(ctx, image.data(), kChecksumOffset) == 1 &&
      EVP_DigestUpdate(ctx, image.data() + kHeaderSize, image.size() - kHeaderSize) == 1 &&
      EVP_DigestFinal_ex(ctx, out, &len) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) throw ImageError("SHA-256 failed");
}

[[noreturn]] void bad(const std::string& what) { throw ImageError("invalid arena image: " + what); }

}  // namespace

std::vector<std::uint8_t> image_bytes(const Allocator& a, std::span<const ImageRoot> roots) {
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.header_size = kHeaderSize;
  h.heap_len = a.stored_heap_bytes();
  h.atoms = a.stored_atoms();
  h.pairs = a.stored_pairs();
  h.roots = roots.size();
  std::size_t names = 0;
  for (const auto& r : roots) names += r.name.size();
  h.roots_len = pad8(roots.size() * 8 + names);
  h.ghost_atoms = a.ghost_atoms();
  h.ghost_pairs = a.ghost_pairs();
  h.ghost_heap = a.ghost_heap();
  h.heap_limit = a.heap_limit();

  std::vector<std::uint8_t> out(kHeaderSize + h.atoms * 8 + h.pairs * 8 + h.roots_len +
                                pad8(h.heap_len));
  std::uint8_t* p = out.data() + kHeaderSize;
  auto put32 = [&p](std::uint32_t v) {
    std::memcpy(p, &v, 4);
    p += 4;
  };
  for (std::uint32_t i = 0; i < h.atoms; ++i) {
    const auto [start, len] = a.atom_extent(i);
    put32(start);
    put32(start + len);
  }
  for (std::uint32_t i = 0; i < h.pairs; ++i) {
    const Pair pr = a.pair(NodePtr(ObjectType::Pair, i));
    put32(pr.first.raw());
    put32(pr.rest.raw());
  }
  for (const auto& r : roots) {
    put32(r.node.raw());
    put32(static_cast<std::uint32_t>(r.name.size()));
  }
  // Names are length-prefixed above, not NUL-terminated.
  for (const auto& r : roots) p = std::copy(r.name.begin(), r.name.end(), p);
  p = out.data() + kHeaderSize + h.atoms * 8 + h.pairs * 8 + h.roots_len;
  if (h.heap_len != 0) std::memcpy(p, a.heap_bytes().data(), h.heap_len);
  std::memcpy(out.data(), &h, kHeaderSize);
  checksum(out, out.data() + kChecksumOffset);
  return out;
}

void save_image(const Allocator& a, std::span<const ImageRoot> roots,
                const std::filesystem::path& path) {
  const std::vector<std::uint8_t> bytes = image_bytes(a, roots);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!f) throw ImageError("cannot write arena image: " + path.string());
}

Image Image::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ImageError("cannot open arena image: " + path.string());
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw ImageError("not a regular file: " + path.string());
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size < kHeaderSize) {
    ::close(fd);
    bad("file is shorter than the header");
  }
  void* m = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (m == MAP_FAILED) throw ImageError("cannot map arena image: " + path.string());
  Image img;
  img.base_ = static_cast<std::uint8_t*>(m);
  img.size_ = size;
  img.mapped_ = true;
  img.load(img.base_, size);  // on a throw, ~Image unmaps
  return img;
}

Image Image::from_bytes(std::span<const std::uint8_t> bytes) {
  Image img;
  img.owned_.resize((bytes.size() + 7) / 8);
  img.base_ = reinterpret_cast<std::uint8_t*>(img.owned_.data());
  img.size_ = bytes.size();
  if (!bytes.empty()) std::memcpy(img.base_, bytes.data(), bytes.size());
  img.load(img.base_, bytes.size());
  return img;
}

void Image::load(std::uint8_t* base, std::size_t size) {
  if (size < kHeaderSize) bad("shorter than the header");
  Header h;
  std::memcpy(&h, base, kHeaderSize);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) bad("wrong magic (not an arena image)");
  if (h.version != kVersion) bad("unsupported version " + std::to_string(h.version));
  if (h.header_size != kHeaderSize) bad("wrong header size");
  if (h.atoms > Allocator::kMaxAtoms || h.pairs > Allocator::kMaxPairs)
    bad("more atoms or pairs than an arena can hold");
  if (h.heap_limit == 0 || h.heap_limit > Allocator::kMaxHeapLimit) bad("bad heap limit");
  if (h.heap_len > h.heap_limit - 1) bad("heap larger than its limit");
  if (h.roots > (std::uint64_t{1} << 32) || h.roots_len > size || h.roots * 8 > h.roots_len)
    bad("bad roots section");
  const std::uint64_t expected =
      kHeaderSize + h.atoms * 8 + h.pairs * 8 + h.roots_len + pad8(h.heap_len);
  if (expected != size) bad("size does not match the header (truncated or padded file)");
  if (h.ghost_atoms > Allocator::kMaxAtoms - h.atoms ||
      h.ghost_pairs > Allocator::kMaxPairs - h.pairs ||
      h.ghost_heap > h.heap_limit - 1 - h.heap_len)
    bad("counters beyond the arena's limits");
  std::uint8_t sum[32];
  checksum({base, size}, sum);
  if (std::memcmp(sum, h.checksum, 32) != 0) bad("checksum mismatch (corrupted)");

  auto* atoms = reinterpret_cast<std::uint32_t*>(base + kHeaderSize);
  auto* pairs = atoms + 2 * h.atoms;
  auto* roots = pairs + 2 * h.pairs;
  auto* names = reinterpret_cast<const char*>(roots + 2 * h.roots);
  std::uint8_t* heap = base + kHeaderSize + h.atoms * 8 + h.pairs * 8 + h.roots_len;
  for (std::uint64_t i = 0; i < h.atoms; ++i)
    if (atoms[2 * i] > atoms[2 * i + 1] || atoms[2 * i + 1] > h.heap_len)
      bad("atom " + std::to_string(i) + " lies outside the heap");
  // A pair may refer to earlier pairs only: the node graph is acyclic by construction.
  auto valid = [&](std::uint32_t raw, std::uint64_t pair_bound) {
    const NodePtr n = NodePtr::from_raw(raw);
    switch (raw >> NodePtr::kIndexBits) {
      case 0:
        return n.index() < pair_bound;
      case 1:
        return n.index() < h.atoms;
      case 2:
        return true;
      default:
        return false;
    }
  };
  for (std::uint64_t i = 0; i < h.pairs; ++i)
    if (!valid(pairs[2 * i], i) || !valid(pairs[2 * i + 1], i))
      bad("pair " + std::to_string(i) + " refers to a node that is not before it");
  std::uint64_t name_at = 0;
  const std::uint64_t names_len = h.roots_len - h.roots * 8;
  for (std::uint64_t i = 0; i < h.roots; ++i) {
    if (!valid(roots[2 * i], h.pairs)) bad("root " + std::to_string(i) + " is not a node");
    const std::uint32_t len = roots[2 * i + 1];
    if (len > names_len - name_at) bad("root names overrun their section");
    roots_.push_back({std::string(names + name_at, len), NodePtr::from_raw(roots[2 * i])});
    name_at += len;
  }
  if (pad8(h.roots * 8 + name_at) != h.roots_len) bad("roots section has trailing bytes");

  arena_.emplace(h.heap_limit);
  arena_->adopt_borrowed({std::span(heap, h.heap_len),
                          std::span(reinterpret_cast<Allocator::AtomSpan*>(atoms), h.atoms),
                          std::span(reinterpret_cast<Pair*>(pairs), h.pairs)});
  arena_->ghost_atoms_ = h.ghost_atoms;
  arena_->ghost_pairs_ = h.ghost_pairs;
  arena_->ghost_heap_ = h.ghost_heap;
}

Image::Image(Image&& o) noexcept
    : base_(std::exchange(o.base_, nullptr)),
      size_(o.size_),
      mapped_(o.mapped_),
      owned_(std::move(o.owned_)),
      arena_(std::move(o.arena_)),
      roots_(std::move(o.roots_)) {
  o.arena_.reset();
}

Image& Image::operator=(Image&& o) noexcept {
  if (this != &o) {
    this->~Image();
    new (this) Image(std::move(o));
  }
  return *this;
}

Image::~Image() {
  arena_.reset();  // the arena reads the mapping: it goes first
  if (mapped_ && base_ != nullptr) ::munmap(base_, size_);
}

NodePtr Image::root(std::string_view name) const {
  for (const auto& r : roots_)
    if (r.name == name) return r.node;
  throw ImageError("no root named '" + std::string(name) + "' in the image");
}

}  // namespace clvm
