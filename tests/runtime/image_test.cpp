// Arena images: save, map, validate; hostile images give ImageError, never a crash.
#include <clvm/image.hpp>
#include <clvm/runtime.hpp>

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "error_kind.hpp"

namespace clvm {
namespace {

struct Sample {
  Allocator a;
  NodePtr list;
  NodePtr big;
  Sample() {
    list = a.nil();
    for (std::uint32_t i = 0; i < 1000; ++i)
      list = a.new_pair(a.new_pair(a.new_small_number(i), a.new_atom("payload bytes")), list);
    big = a.new_number(Number("-123456789012345678901234567890"));
  }
};

std::filesystem::path temp_file(const char* name) {
  return std::filesystem::temp_directory_path() /
         (std::string("clvmpp-") + name + "-" + std::to_string(::getpid()) + ".img");
}

TEST(Image, SaveAndOpenKeepsTreesRootsAndCounts) {
  Sample s;
  const auto path = temp_file("roundtrip");
  const std::vector<ImageRoot> roots = {{"list", s.list}, {"big", s.big}, {"nil", s.a.nil()}};
  save_image(s.a, roots, path);
  Image img = Image::open(path);
  std::filesystem::remove(path);
  EXPECT_EQ(img.roots(), roots);
  const Allocator& b = img.allocator();
  EXPECT_EQ(b.atom_count(), s.a.atom_count());
  EXPECT_EQ(b.pair_count(), s.a.pair_count());
  EXPECT_EQ(b.heap_size(), s.a.heap_size());
  EXPECT_EQ(b.number(img.root("big")), Number("-123456789012345678901234567890"));
  std::size_t n = 0;
  for (NodePtr item : b.list(img.root("list"))) {
    EXPECT_EQ(b.atom(b.pair(item).rest).as_string_view(), "payload bytes");
    ++n;
  }
  EXPECT_EQ(n, 1000u);
  EXPECT_THROW((void)img.root("missing"), ImageError);
}

TEST(Image, OpenedArenaAcceptsNewNodes) {
  Sample s;
  Image img = Image::from_bytes(image_bytes(s.a, std::vector<ImageRoot>{{"list", s.list}}));
  Allocator& b = img.allocator();
  const NodePtr extended = b.new_pair(b.new_atom("new head"), img.root("list"));
  EXPECT_EQ(b.atom(b.pair(extended).first).as_string_view(), "new head");
  EXPECT_EQ(b.pair(extended).rest, img.root("list"));
  EXPECT_EQ(b.stored_pairs(), s.a.stored_pairs() + 1);
}

TEST(Image, EveryTruncationIsRejected) {
  Sample s;
  const auto bytes = image_bytes(s.a, std::vector<ImageRoot>{{"list", s.list}});
  for (std::size_t n = 0; n < bytes.size(); n += 97)
    EXPECT_THROW((void)Image::from_bytes(std::span(bytes).first(n)), ImageError) << n;
}

TEST(Image, CorruptionIsDetected) {
  Sample s;
  const auto bytes = image_bytes(s.a, std::vector<ImageRoot>{{"list", s.list}});
  for (std::size_t at : {0ul, 9ul, 20ul, 130ul, bytes.size() / 2, bytes.size() - 1}) {
    auto bad = bytes;
    bad[at] ^= 0x40;
    EXPECT_THROW((void)Image::from_bytes(bad), ImageError) << at;
  }
}

// Recomputes the checksum (bytes 96..128 = SHA-256 of bytes 0..96 then of everything after the
// 128-byte header), so a hostile image passes the corruption check and must be caught by the
// structural checks.
void reseal(std::vector<std::uint8_t>& bytes) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned int len = 32;
  ASSERT_EQ(EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr), 1);
  ASSERT_EQ(EVP_DigestUpdate(ctx, bytes.data(), 96), 1);
  ASSERT_EQ(EVP_DigestUpdate(ctx, bytes.data() + 128, bytes.size() - 128), 1);
  ASSERT_EQ(EVP_DigestFinal_ex(ctx, bytes.data() + 96, &len), 1);
  EVP_MD_CTX_free(ctx);
}

std::string open_error(const std::vector<std::uint8_t>& bytes) {
  const auto e = test::caught<ImageError>([&] { (void)Image::from_bytes(bytes); });
  return e ? e->what() : "accepted";
}

void put32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  std::memcpy(b.data() + at, &v, 4);
}

TEST(Image, HostileButWellSealedImagesAreRejected) {
  Allocator a;
  const NodePtr atom = a.new_atom("hello world");  // 11 bytes: a heap atom
  const NodePtr p = a.new_pair(atom, a.nil());
  const auto good = image_bytes(a, std::vector<ImageRoot>{{"p", p}});
  // Layout here: header 128, 1 atom (8 bytes) at 128, 1 pair at 136, 1 root at 144.
  auto cyclic = good;
  put32(cyclic, 136, p.raw());  // the pair's first is the pair itself: a cycle
  reseal(cyclic);
  EXPECT_NE(open_error(cyclic).find("pair 0 refers"), std::string::npos) << open_error(cyclic);
  auto outside = good;
  put32(outside, 132, 1000);  // the atom ends past the heap
  reseal(outside);
  EXPECT_NE(open_error(outside).find("atom 0 lies outside"), std::string::npos);
  auto bad_kind = good;
  put32(bad_kind, 140, 0xffffffffu);  // a NodePtr with kind 63
  reseal(bad_kind);
  EXPECT_NE(open_error(bad_kind).find("pair 0 refers"), std::string::npos);
  auto bad_root = good;
  put32(bad_root, 144, NodePtr(ObjectType::Bytes, 7).raw());
  reseal(bad_root);
  EXPECT_NE(open_error(bad_root).find("root 0 is not a node"), std::string::npos);
  auto long_name = good;
  put32(long_name, 148, 1u << 30);
  reseal(long_name);
  EXPECT_NE(open_error(long_name).find("root names overrun"), std::string::npos);
  auto fewer_roots = good;
  fewer_roots[40] = 0;  // the header says no roots, but the roots section still has one
  reseal(fewer_roots);
  EXPECT_NE(open_error(fewer_roots).find("trailing bytes"), std::string::npos);
  auto header_change = good;
  header_change[56] ^= 1;  // a header field (ghost atoms): covered by the checksum too
  EXPECT_NE(open_error(header_change).find("checksum"), std::string::npos);
  EXPECT_EQ(open_error(good), "accepted");
  EXPECT_THROW((void)Image::open(temp_file("does-not-exist")), ImageError);
  EXPECT_THROW((void)Image::from_bytes(std::vector<std::uint8_t>(200, 0)), ImageError);
}

}  // namespace
}  // namespace clvm
