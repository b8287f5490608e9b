// An arena over a caller's buffer makes no heap allocation at all: every global operator new and
// every malloc/calloc/realloc call from our code is counted (malloc through the linker's --wrap).
#include <clvm/runtime.hpp>

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> g_allocations{0};
}

extern "C" {
void* __real_malloc(std::size_t);
void* __real_calloc(std::size_t, std::size_t);
void* __real_realloc(void*, std::size_t);
void* __real_aligned_alloc(std::size_t, std::size_t);
void* __wrap_malloc(std::size_t n) {
  ++g_allocations;
  return __real_malloc(n);
}
void* __wrap_calloc(std::size_t n, std::size_t m) {
  ++g_allocations;
  return __real_calloc(n, m);
}
void* __wrap_realloc(void* p, std::size_t n) {
  ++g_allocations;
  return __real_realloc(p, n);
}
void* __wrap_aligned_alloc(std::size_t a, std::size_t n) {
  ++g_allocations;
  return __real_aligned_alloc(a, n);
}
}

// Our operator new takes memory from malloc, so free is the matching release.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = __real_malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace clvm {
namespace {

TEST(ArenaNoAlloc, OverBufferMakesNoHeapAllocation) {
  alignas(64) static std::array<std::byte, 1 << 20> buffer;
  bool concat_ok = false;
  std::size_t pairs_after_restore = 0;
  const long before = g_allocations.load();
  {
    Allocator a = Allocator::over_buffer(buffer);
    NodePtr list = a.nil();
    for (int i = 0; i < 2000; ++i) {
      NodePtr s = a.new_atom("a string that is long enough for the heap");
      list = a.new_pair(a.new_pair(s, a.new_small_number(static_cast<std::uint32_t>(i))), list);
    }
    NodePtr c = a.new_concat(4, std::array<NodePtr, 2>{a.new_atom("ab"), a.new_atom("cd")});
    concat_ok = a.atom(c).as_string_view() == "abcd";
    const Checkpoint cp = a.checkpoint();
    a.new_pair(list, list);
    a.restore_checkpoint(cp);
    pairs_after_restore = a.stored_pairs();
  }
  const long allocations = g_allocations.load() - before;  // no gtest macro ran in between
  EXPECT_EQ(allocations, 0);
  EXPECT_TRUE(concat_ok);
  EXPECT_EQ(pairs_after_restore, 4000u);
}

TEST(ArenaNoAlloc, FullBufferIsOutOfMemory) {
  alignas(64) static std::array<std::byte, 4096> small;
  Allocator a = Allocator::over_buffer(small);
  try {
    for (int i = 0; i < 100000; ++i) a.new_pair(a.nil(), a.nil());
    FAIL() << "a 4 KiB buffer cannot hold 100,000 pairs";
  } catch (const EvalError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::OutOfMemory);
  }
}

TEST(ArenaNoAlloc, TheCounterSeesAllocations) {
  static void* volatile sink;  // keeps the compiler from eliding the allocations
  const long before = g_allocations.load();
  auto* p = new int(3);
  sink = p;
  delete static_cast<int*>(sink);
  void* m = std::malloc(10);
  sink = m;
  std::free(sink);
  EXPECT_GE(g_allocations.load() - before, 2);
}

}  // namespace
}  // namespace clvm
