// Allocators: (1) a TrackingAllocator under the node arena shows the memory a program run takes;
// (2) a BumpAllocator over a stack buffer backs a std::pmr::vector, without touching the heap;
// (3) a DebugAllocator reports a leak.
#include <clvm/allocators.hpp>
#include <clvm/runtime.hpp>

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <memory_resource>
#include <vector>

int main() {
  // 1. Count what the arena asks for while it runs a program that builds a 1,000-item list:
  //    LOOP is called with the environment (LOOP n) and returns (n n-1 ... 1). `i` evaluates both
  //    branches, so it picks a quoted branch that `a` then runs.
  clvm::mem::TrackingAllocator<clvm::mem::GlobalAllocator> tracker;
  {
    clvm::Allocator arena(tracker);  // the arena's tables now come from `tracker`
    const clvm::NodePtr program =
        clvm::assemble(arena, "(a 2 (c 2 (c 5 ())))");  // call LOOP with (LOOP n)
    const clvm::NodePtr loop =
        clvm::assemble(arena, "(a (i 5 (q c 5 (a 2 (c 2 (c (- 5 (q . 1)) ())))) ()) 1)");
    const clvm::NodePtr env =
        arena.new_pair(loop, arena.new_pair(arena.new_small_number(1000), clvm::Allocator::nil()));
    fmt::print(
        "before the run: arena uses {} bytes, the tracker holds {} bytes in {} allocation(s)\n",
        arena.used_bytes(), tracker.bytes_in_use(), tracker.live_allocations());
    const clvm::Reduction r = clvm::run_program(arena, clvm::ChiaDialect(clvm::MEMPOOL_MODE),
                                                program, env, 11'000'000'000);
    std::size_t items = 0;
    for (clvm::NodePtr item : arena.list(r.node)) {
      (void)item;
      ++items;
    }
    fmt::print("the run returned a list of {} items for cost {}\n", items, r.cost);
    fmt::print("after the run:  arena uses {} bytes (peak {})\n", arena.used_bytes(),
               arena.peak_used_bytes());
    fmt::print(
        "                the tracker holds {} bytes in {} allocation(s), peak {} bytes, {} "
        "allocations in all\n",
        tracker.bytes_in_use(), tracker.live_allocations(), tracker.peak_bytes(),
        tracker.total_allocations());
  }
  fmt::print("arena destroyed: the tracker holds {} bytes\n\n", tracker.bytes_in_use());

  // 2. A pmr vector on 16 KiB of stack: pushes go to the bump allocator; when the vector grows, its
  //    old buffers are not reused (a bump allocator frees only all at once).
  std::array<std::byte, 16384> buffer;
  auto bump = clvm::mem::BumpAllocator::from_buffer(buffer);
  clvm::mem::PmrResource<clvm::mem::BumpAllocator&> resource(bump);
  {
    std::pmr::vector<int> squares(&resource);
    for (int i = 0; i < 1000; ++i) squares.push_back(i * i);
    fmt::print("pmr vector of {} ints: the bump allocator handed out {} of its {} bytes\n",
               squares.size(), bump.total_allocated(), bump.capacity());
    std::pmr::vector<int> reserved(&resource);
    reserved.reserve(1000);  // reserving first takes one block of exactly 4000 bytes
    fmt::print("a second vector, reserved up front: {} bytes left\n", bump.remaining());
  }
  bump.reset();
  fmt::print("after reset(): {} bytes free again\n\n", bump.remaining());

  // 3. DebugAllocator checks every block: here one is never freed.
  clvm::mem::DebugAllocator<clvm::mem::GlobalAllocator> checked;
  void* kept = checked.allocate(clvm::mem::Layout{64, 8}).ptr;
  void* freed = checked.allocate(clvm::mem::Layout{32, 8}).ptr;
  checked.deallocate(freed, clvm::mem::Layout{32, 8});
  fmt::print("debug allocator: {} block(s) still live\n", checked.live_allocations());
  checked.deallocate(kept, clvm::mem::Layout{64, 8});
  fmt::print("after freeing it: {} live\n", checked.live_allocations());
  return 0;
}
