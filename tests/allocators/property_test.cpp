// SPDX-License-Identifier: Apache-2.0
// Properties over random allocate/free scripts: live blocks never overlap, alignment holds, and
// each allocator's statistics add up (and return to the start once everything is freed).
//
// A script is a vector of random words; each word decodes to "allocate size s at alignment 2^k" or
// "free the i-th live block", so rapidcheck can shrink a failing script word by word.
#include <clvm/allocators.hpp>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstdint>
#include <map>
#include <vector>

namespace clvm::mem {
namespace {

struct Live {
  void* ptr;
  Layout layout;
};

struct Step {
  bool allocate;
  Layout layout;
  std::size_t pick;  // which live block to free
};

Step decode(std::uint32_t w, std::size_t max_size, unsigned max_align_log) {
  const bool allocate = (w & 3) != 0;  // 3 allocations per free on average
  const std::size_t size = (w >> 2) % (max_size + 1);
  const std::size_t align = std::size_t{1} << ((w >> 16) % (max_align_log + 1));
  return {allocate, Layout{size, align}, w >> 8};
}

// Tracks live blocks as address intervals and checks every new one against its neighbours.
class Model {
 public:
  void add(const Allocation& a, Layout l) {
    RC_ASSERT((a.ptr != nullptr));
    RC_ASSERT(reinterpret_cast<std::uintptr_t>(a.ptr) % l.align == 0);
    RC_ASSERT(a.size >= l.size);
    live_.push_back({a.ptr, l});
    bytes_ += l.size;
    if (l.size == 0) return;  // empty blocks may share an address with anything
    const auto start = reinterpret_cast<std::uintptr_t>(a.ptr);
    const std::uintptr_t end = start + l.size;
    auto next = spans_.lower_bound(start);
    if (next != spans_.end()) RC_ASSERT(end <= next->first);
    if (next != spans_.begin()) RC_ASSERT(std::prev(next)->second <= start);
    spans_.emplace(start, end);
  }
  Live remove(std::size_t pick) {
    const std::size_t i = pick % live_.size();
    const Live b = live_[i];
    live_.erase(live_.begin() + static_cast<std::ptrdiff_t>(i));
    if (b.layout.size != 0) spans_.erase(reinterpret_cast<std::uintptr_t>(b.ptr));
    bytes_ -= b.layout.size;
    return b;
  }
  Live pop_last() { return remove(live_.size() - 1); }
  bool empty() const { return live_.empty(); }
  std::size_t count() const { return live_.size(); }
  std::size_t bytes() const { return bytes_; }

 private:
  std::map<std::uintptr_t, std::uintptr_t> spans_;
  std::vector<Live> live_;
  std::size_t bytes_ = 0;
};

// Runs `script` on `a`: allocations that fail are passed to `on_fail`, others recorded; `check`
// runs after every step; everything left is freed at the end (most recent first).
template <class A, class OnFail, class Check>
void run(A& a, const std::vector<std::uint32_t>& script, std::size_t max_size,
         unsigned max_align_log, Model& model, OnFail on_fail, Check check) {
  for (const std::uint32_t w : script) {
    const Step s = decode(w, max_size, max_align_log);
    if (s.allocate || model.empty()) {
      const Allocation got = a.allocate(s.layout);
      if (got.ptr == nullptr) {
        on_fail(s.layout);
      } else {
        model.add(got, s.layout);
        std::memset(got.ptr, 0xA5, s.layout.size);
      }
    } else {
      const Live b = model.remove(s.pick);
      a.deallocate(b.ptr, b.layout);
    }
    check();
  }
  while (!model.empty()) {
    const Live b = model.pop_last();
    a.deallocate(b.ptr, b.layout);
  }
}

RC_GTEST_PROP(FreeListProperty, NoOverlapAlignedStatsAddUpAndFullyCoalesces,
              (const std::vector<std::uint32_t>& script)) {
  FreeListAllocator fl(64 * 1024);
  const std::size_t everything = fl.largest_free_block();
  Model model;
  run(
      fl, script, 3000, 8, model,
      [&](Layout l) {
        // A failure is legitimate: no free block could take it.
        if (l.align <= FreeListAllocator::granularity) RC_ASSERT(l.size > fl.largest_free_block());
      },
      [&] {
        RC_ASSERT(fl.total_allocated() + fl.remaining() == fl.capacity());
        RC_ASSERT(fl.total_allocated() >= model.bytes() + model.count() * 8);
      });
  RC_ASSERT(fl.total_allocated() == 0u);
  RC_ASSERT(fl.num_free_blocks() == 1u);
  RC_ASSERT(fl.largest_free_block() == everything);
}

RC_GTEST_PROP(PoolProperty, CountsMatchTheLiveSet, (const std::vector<std::uint32_t>& script)) {
  PoolAllocator pool(48, 64, 32);
  Model model;
  run(
      pool, script, 48, 5, model, [&](Layout) { RC_ASSERT(pool.num_free_blocks() == 0u); },
      [&] {
        RC_ASSERT(pool.num_allocated() == model.count());
        RC_ASSERT(pool.num_allocated() + pool.num_free_blocks() == 64u);
      });
  RC_ASSERT(pool.num_free_blocks() == 64u);
}

RC_GTEST_PROP(StackProperty, PopsRestoreTheExactPreviousTop,
              (const std::vector<std::uint32_t>& script)) {
  StackAllocator stack(32 * 1024);
  std::vector<std::size_t> tops;  // total_allocated() before each live push
  Model model;
  for (const std::uint32_t w : script) {
    const Step s = decode(w, 500, 7);
    if (s.allocate || tops.empty()) {
      const std::size_t before = stack.total_allocated();
      const Allocation a = stack.allocate(s.layout);
      if (a.ptr == nullptr) {
        RC_ASSERT(stack.remaining() < StackAllocator::header_size + s.layout.size + s.layout.align);
        continue;
      }
      RC_ASSERT(stack.total_allocated() >= before + StackAllocator::header_size + s.layout.size);
      model.add(a, s.layout);
      tops.push_back(before);
    } else {
      RC_ASSERT(stack.pop());
      (void)model.pop_last();
      RC_ASSERT(stack.total_allocated() == tops.back());
      tops.pop_back();
    }
    RC_ASSERT(stack.total_allocated() + stack.remaining() == stack.capacity());
  }
  while (stack.pop()) {
  }
  RC_ASSERT(stack.total_allocated() == 0u);
}

RC_GTEST_PROP(BumpProperty, MarkersRestoreExactlyAndStatsAddUp,
              (const std::vector<std::uint32_t>& script)) {
  BumpAllocator bump(32 * 1024);
  std::vector<std::pair<BumpAllocator::Marker, std::size_t>> marks;  // marker, live count then
  Model model;
  for (const std::uint32_t w : script) {
    const Step s = decode(w, 700, 9);
    if ((w & 15) == 4) {
      marks.emplace_back(bump.mark(), model.count());
    } else if ((w & 15) == 8 && !marks.empty()) {
      const auto [m, count] = marks.back();
      marks.pop_back();
      bump.rewind(m);
      while (model.count() > count) (void)model.pop_last();
      RC_ASSERT(bump.mark() == m);
    } else {
      const Allocation a = bump.allocate(s.layout);
      if (a.ptr == nullptr) {
        RC_ASSERT(bump.remaining() < s.layout.size + s.layout.align);
      } else {
        model.add(a, s.layout);
      }
    }
    RC_ASSERT(bump.total_allocated() + bump.remaining() == bump.capacity());
    RC_ASSERT(bump.total_allocated() >= model.bytes());
  }
}

RC_GTEST_PROP(TrackingProperty, BytesInUseIsTheSumOfLiveSizes,
              (const std::vector<std::uint32_t>& script)) {
  TrackingAllocator<GlobalAllocator> t;
  std::size_t peak = 0;
  Model model;
  run(
      t, script, 5000, 12, model, [](Layout) { RC_FAIL("the C heap refused a small request"); },
      [&] {
        peak = std::max(peak, model.bytes());
        RC_ASSERT(t.bytes_in_use() == model.bytes());
        RC_ASSERT(t.live_allocations() == model.count());
        RC_ASSERT(t.peak_bytes() == peak);
      });
  RC_ASSERT(t.bytes_in_use() == 0u);
}

RC_GTEST_PROP(ArenaProperty, NoOverlapAcrossChunks, (const std::vector<std::uint32_t>& script)) {
  ArenaAllocator<GlobalAllocator> arena(GlobalAllocator{}, 256);
  Model model;
  run(
      arena, script, 2000, 10, model, [](Layout) { RC_FAIL("arena over the heap failed"); },
      [&] {
        RC_ASSERT(arena.total_allocated() == model.bytes());
        RC_ASSERT(arena.capacity() >= model.bytes());
      });
}

RC_GTEST_PROP(DebugProperty, NoFalseMisuseAndLeaksTrackTheLiveSet,
              (const std::vector<std::uint32_t>& script)) {
  FreeListAllocator fl(256 * 1024);
  {
    DebugAllocator<FreeListAllocator&> d(fl);
    Model model;
    run(
        d, script, 2000, 9, model, [](Layout) {},
        [&] {
          RC_ASSERT(d.detect_leaks() == !model.empty());
          RC_ASSERT(d.live_allocations() == model.count());
        });
    RC_ASSERT(!d.detect_leaks());
  }
  RC_ASSERT(fl.total_allocated() == 0u);
}

}  // namespace
}  // namespace clvm::mem
