// The allocators under random operation sequences, checked against a model: every live block is
// aligned, inside the allocator, disjoint from every other live block, keeps its contents, and the
// statistics add up. The input is a program of (op, size, align) bytes run on the free list, the
// pool and the stack allocators.
#include <clvm/mem/free_list.hpp>
#include <clvm/mem/pool.hpp>
#include <clvm/mem/stack.hpp>

#include "fuzz_check.hpp"

#include <cstring>
#include <map>
#include <vector>

namespace {

using clvm::mem::Layout;

struct Live {
  std::size_t size;
  std::size_t align;
  std::uint8_t fill;
};

// Checks the model's invariants for a block about to be added.
void check_new_block(const std::map<std::byte*, Live>& live, std::byte* p, std::size_t size,
                     std::size_t align) {
  FUZZ_CHECK(reinterpret_cast<std::uintptr_t>(p) % align == 0);
  auto next = live.lower_bound(p);
  if (next != live.end()) FUZZ_CHECK(p + size <= next->first);
  if (next != live.begin()) {
    auto prev = std::prev(next);
    FUZZ_CHECK(prev->first + prev->second.size <= p);
  }
}

void check_contents(const std::map<std::byte*, Live>& live) {
  for (const auto& [p, b] : live)
    for (std::size_t i = 0; i < b.size; ++i) FUZZ_CHECK(static_cast<std::uint8_t>(p[i]) == b.fill);
}

void run_free_list(const std::uint8_t* data, std::size_t size) {
  clvm::mem::FreeListAllocator fl(1 << 16);
  const std::size_t largest_at_start = fl.largest_free_block();
  std::map<std::byte*, Live> live;
  std::uint8_t fill = 1;
  for (std::size_t i = 0; i + 2 < size; i += 3) {
    const std::size_t n = std::size_t{data[i + 1]} * 8 + (data[i] & 7);
    const std::size_t align = std::size_t{1} << (data[i + 2] % 8);
    if ((data[i] & 0x80) != 0 && !live.empty()) {
      auto it = std::next(live.begin(), static_cast<std::ptrdiff_t>(data[i + 1] % live.size()));
      fl.deallocate(it->first, Layout{it->second.size, it->second.align});
      live.erase(it);
      continue;
    }
    const clvm::mem::Allocation a = fl.allocate(Layout{n, align});
    if (a.ptr == nullptr) continue;
    auto* p = static_cast<std::byte*>(a.ptr);
    FUZZ_CHECK(fl.owns(p) && a.size >= n);
    check_new_block(live, p, n, align);
    std::memset(p, fill, n);
    live[p] = Live{n, align, fill++};
  }
  check_contents(live);
  std::size_t in_use = 0;
  for (const auto& [p, b] : live) in_use += b.size;
  FUZZ_CHECK(fl.total_allocated() >= in_use);
  for (const auto& [p, b] : live) fl.deallocate(p, Layout{b.size, b.align});
  FUZZ_CHECK(fl.total_allocated() == 0);
  FUZZ_CHECK(fl.largest_free_block() == largest_at_start);  // neighbours coalesced back together
}

void run_pool(const std::uint8_t* data, std::size_t size) {
  clvm::mem::PoolAllocator pool(48, 64);
  std::map<std::byte*, Live> live;
  std::uint8_t fill = 1;
  for (std::size_t i = 0; i < size; ++i) {
    if ((data[i] & 1) != 0 && !live.empty()) {
      auto it = std::next(live.begin(), static_cast<std::ptrdiff_t>(data[i] % live.size()));
      pool.deallocate(it->first, Layout{48, 8});
      live.erase(it);
    } else if (auto a = pool.allocate(Layout{48, 8}); a.ptr != nullptr) {
      auto* p = static_cast<std::byte*>(a.ptr);
      check_new_block(live, p, 48, 8);
      std::memset(p, fill, 48);
      live[p] = Live{48, 8, fill++};
    } else {
      FUZZ_CHECK(live.size() == 64);
    }
    FUZZ_CHECK(pool.num_allocated() == live.size());
    FUZZ_CHECK(pool.num_free_blocks() == 64 - live.size());
  }
  check_contents(live);
}

void run_stack(const std::uint8_t* data, std::size_t size) {
  clvm::mem::StackAllocator stack(1 << 14);
  std::vector<std::pair<std::byte*, Live>> live;
  std::uint8_t fill = 1;
  for (std::size_t i = 0; i + 1 < size; i += 2) {
    if ((data[i] & 0x80) != 0) {
      const bool popped = stack.pop();
      FUZZ_CHECK(popped == !live.empty());
      if (popped) live.pop_back();
      continue;
    }
    const std::size_t n = data[i + 1];
    const std::size_t align = std::size_t{1} << (data[i] % 7);
    const clvm::mem::Allocation a = stack.allocate(Layout{n, align});
    if (a.ptr == nullptr) continue;
    auto* p = static_cast<std::byte*>(a.ptr);
    FUZZ_CHECK(reinterpret_cast<std::uintptr_t>(p) % align == 0);
    if (!live.empty()) FUZZ_CHECK(live.back().first + live.back().second.size <= p);
    std::memset(p, fill, n);
    live.emplace_back(p, Live{n, align, fill++});
  }
  for (const auto& [p, b] : live)
    for (std::size_t i = 0; i < b.size; ++i) FUZZ_CHECK(static_cast<std::uint8_t>(p[i]) == b.fill);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  switch (data[0] % 3) {
    case 0:
      run_free_list(data + 1, size - 1);
      break;
    case 1:
      run_pool(data + 1, size - 1);
      break;
    default:
      run_stack(data + 1, size - 1);
      break;
  }
  return 0;
}
