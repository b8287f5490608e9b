// Atoms at the 4 GiB heap limit (clvmr's default u32::MAX): the arena fills to the last byte, one
// more byte is OutOfMemory, and the 4 GiB atom stays readable and substr-able. Uses ~4.1 GiB of
// memory (the heap is real: page memory, committed as it is written).
#include <clvm/runtime.hpp>

#include <gtest/gtest.h>

#include "error_kind.hpp"

#include <cstdint>
#include <vector>

namespace clvm {
namespace {

using test::kind_of;

TEST(HeapLimit, FourGiBHeapFillsExactlyAndNotOneByteMore) {
  Allocator a;
  ASSERT_EQ(a.heap_limit(), 0xFFFF'FFFFu);
  std::vector<std::uint8_t> chunk(64u << 20);
  for (std::size_t i = 0; i < chunk.size(); ++i) chunk[i] = static_cast<std::uint8_t>(i * 131 + 7);
  const NodePtr c = a.new_atom(chunk);
  const std::size_t remaining = a.heap_limit() - a.heap_size();
  ASSERT_GT(remaining, std::size_t{0xF000'0000});

  // remaining = k whole chunks + a prefix of one (substr shares bytes: no heap growth).
  const std::size_t k = remaining / chunk.size(), tail = remaining % chunk.size();
  std::vector<NodePtr> parts(k, c);
  parts.push_back(a.new_substr(c, 0, static_cast<std::uint32_t>(tail + 1)));
  EXPECT_EQ(kind_of([&] { (void)a.new_concat(remaining + 1, parts); }), ErrorKind::OutOfMemory);
  EXPECT_EQ(a.heap_limit() - a.heap_size(), remaining) << "a refused atom must not use heap";

  parts.back() = a.new_substr(c, 0, static_cast<std::uint32_t>(tail));
  const NodePtr big = a.new_concat(remaining, parts);
  EXPECT_EQ(a.heap_size(), a.heap_limit());
  const Atom atom = a.atom(big);
  ASSERT_EQ(atom.size(), remaining);
  EXPECT_EQ(atom.data()[0], chunk[0]);
  EXPECT_EQ(atom.data()[remaining - 1], chunk[tail - 1]);
  EXPECT_EQ(atom.data()[(k - 1) * chunk.size() + 12345], chunk[12345]);

  // The heap is full: every new atom with bytes fails — inline small atoms too, since clvmr charges
  // their bytes as ghost heap — while nil and substrings (which share bytes) still work.
  EXPECT_EQ(kind_of([&] {
              (void)a.new_atom(std::vector<std::uint8_t>{0x00, 0x00});
            }),
            ErrorKind::OutOfMemory);
  EXPECT_EQ(kind_of([&] {
              (void)a.new_concat(2, std::vector<NodePtr>{a.one(), a.one()});
            }),
            ErrorKind::OutOfMemory);
  EXPECT_EQ(kind_of([&] { (void)a.new_small_number(1000); }), ErrorKind::OutOfMemory);
  EXPECT_EQ(a.new_small_number(0), a.nil());
  const NodePtr end = a.new_substr(big, static_cast<std::uint32_t>(remaining - 3),
                                   static_cast<std::uint32_t>(remaining));
  EXPECT_EQ(a.atom(end).size(), 3u);
  EXPECT_EQ(a.atom(end).data()[2], chunk[tail - 1]);
  EXPECT_EQ(kind_of([&] { (void)a.new_substr(big, 0, static_cast<std::uint32_t>(remaining + 1)); }),
            ErrorKind::InvalidAllocArg);
}

}  // namespace
}  // namespace clvm
