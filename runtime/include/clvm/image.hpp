// SPDX-License-Identifier: Apache-2.0
/// \file Arena images: an arena and its named roots written to a versioned binary file that is
/// opened again by mapping it (mmap), without parsing or copying: the arena reads its tables where
/// they lie in the file.
///
/// Format (version 1, little-endian; every section 8-byte aligned):
///   header (128 bytes): magic "clvmimg\0", u32 version, u32 header size, then u64 heap bytes,
///     atoms, pairs, roots, roots section bytes, ghost atoms, ghost pairs, ghost heap, heap limit,
///     a reserved u64, and a SHA-256 over the header's first 96 bytes and everything after it;
///   the atom table (u32 start, u32 end per atom), the pair table (u32 first, u32 rest per pair:
///   raw NodePtrs), the roots (u32 node, u32 name length each, then the names), the heap bytes.
/// Opening checks, in one linear pass and without allocating per node: the sizes against the file,
/// the checksum, every atom's extent within the heap, every NodePtr's kind and index (a pair may
/// only refer to earlier pairs, so an image cannot hold a cycle), the roots, and the arena's
/// limits.
#pragma once

#include <clvm/allocator.hpp>

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace clvm {

/// A named node of an image.
struct ImageRoot {
  std::string name;
  NodePtr node;
  friend bool operator==(const ImageRoot&, const ImageRoot&) = default;
};

/// The image of arena `a` with `roots`, as bytes. Requires: the roots' nodes belong to `a`.
std::vector<std::uint8_t> image_bytes(const Allocator& a, std::span<const ImageRoot> roots);

/// Writes image_bytes(a, roots) to `path` (replacing it). Throws ImageError if it cannot.
void save_image(const Allocator& a, std::span<const ImageRoot> roots,
                const std::filesystem::path& path);

/// An opened image: the mapping and an arena over it. Nodes can be added to the arena as usual
/// (the first addition to a table copies that table into the arena's own memory); the file is never
/// written (the mapping is private).
class Image {
 public:
  /// Maps and validates the image at `path`. Throws ImageError naming the failed check.
  static Image open(const std::filesystem::path& path);

  /// Validates an image held in memory (copied once into aligned storage). Throws ImageError.
  static Image from_bytes(std::span<const std::uint8_t> bytes);

  Image(Image&&) noexcept;
  Image& operator=(Image&&) noexcept;
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;
  ~Image();

  Allocator& allocator() noexcept { return *arena_; }
  const Allocator& allocator() const noexcept { return *arena_; }
  const std::vector<ImageRoot>& roots() const noexcept { return roots_; }
  /// The node of the root called `name`; throws ImageError if there is none.
  NodePtr root(std::string_view name) const;
  /// The image's size in bytes.
  std::size_t size() const noexcept { return size_; }

 private:
  Image() = default;
  void load(std::uint8_t* base, std::size_t size);

  std::uint8_t* base_ = nullptr;  // the mapping (or owned buffer)
  std::size_t size_ = 0;
  bool mapped_ = false;
  std::vector<std::uint64_t> owned_;  // from_bytes: aligned copy
  std::optional<Allocator> arena_;
  std::vector<ImageRoot> roots_;
};

}  // namespace clvm
