// SPDX-License-Identifier: Apache-2.0
// Every clvm::mem allocator against glibc malloc on the same workloads:
//   hot_pair/<allocator>/<size>: allocate and free one block, sizes 8..4096 (pointers kept in an
//     array so nothing is optimised away);
//   batch_{same,reverse,random}/<allocator>/<n>: n blocks of 32 B, then freed in that order;
//   fill_rewind/<allocator>/<n>: n allocations of 32 B released by one rewind (bump, stack);
//   churn/<allocator>/<live>: mixed sizes 8..512 replacing random slots of a live set, following a
//     pre-generated plan (counter: live_bytes).
// After the runs a summary prints the CPU time per operation (one allocation plus its free; CPU
// rather than wall time because the machines we share are loaded) and its ratio to malloc on the
// same workload (below 1 means faster than malloc).
#include <clvm/allocators.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace clvm::mem;

// The baseline: glibc malloc/free called directly.
struct Malloc {
  Allocation allocate(Layout l) noexcept { return {std::malloc(l.size), l.size}; }
  Allocation allocate_zeroed(Layout l) noexcept { return {std::calloc(1, l.size), l.size}; }
  void deallocate(void* p, Layout) noexcept { std::free(p); }
};

constexpr std::size_t kMiB = std::size_t{1} << 20;

// Fresh instances for a workload whose largest request is `max_size` bytes (a pool's blocks are
// sized to it, as a user would).
template <class A>
A make(std::size_t) {
  return A{};
}
template <>
BumpAllocator make<BumpAllocator>(std::size_t) {
  return BumpAllocator(64 * kMiB);
}
template <>
StackAllocator make<StackAllocator>(std::size_t) {
  return StackAllocator(64 * kMiB);
}
template <>
PoolAllocator make<PoolAllocator>(std::size_t max_size) {
  return PoolAllocator(max_size, 64 * kMiB / max_size, 16);
}
template <>
FreeListAllocator make<FreeListAllocator>(std::size_t) {
  return FreeListAllocator(64 * kMiB);
}

// Allocators that do not reuse freed blocks are rewound between batches.
template <class A>
void end_batch(A& a) {
  if constexpr (std::is_same_v<A, BumpAllocator> ||
                std::is_same_v<A, ArenaAllocator<GlobalAllocator>>)
    a.reset();
}

template <class A>
void hot_pair(benchmark::State& state) {
  const Layout l{static_cast<std::size_t>(state.range(0)), 8};
  auto a = make<A>(l.size);
  void* keep[64];
  std::size_t i = 0;
  for (auto _ : state) {
    const Allocation got = a.allocate(l);
    if (got.ptr == nullptr) {
      state.SkipWithError("allocation failed");
      break;
    }
    *static_cast<volatile char*>(got.ptr) = 1;
    keep[i++ & 63] = got.ptr;
    benchmark::DoNotOptimize(keep);
    a.deallocate(got.ptr, l);
  }
  state.counters["ops"] = 1;
}

enum class Order { same, reverse, random };

template <class A, Order order>
void batch(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Layout l{32, 8};
  auto a = make<A>(l.size);
  std::vector<void*> ptrs(n);
  std::vector<std::size_t> perm(n);
  for (std::size_t i = 0; i < n; ++i) perm[i] = order == Order::reverse ? n - 1 - i : i;
  if (order == Order::random) std::shuffle(perm.begin(), perm.end(), std::mt19937_64{42});
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) {
      const Allocation got = a.allocate(l);
      if (got.ptr == nullptr) {
        state.SkipWithError("allocation failed");
        return;
      }
      *static_cast<char*>(got.ptr) = 1;
      ptrs[i] = got.ptr;
    }
    benchmark::DoNotOptimize(ptrs.data());
    for (const std::size_t i : perm) a.deallocate(ptrs[i], l);
    end_batch(a);
    benchmark::ClobberMemory();
  }
  state.counters["ops"] = static_cast<double>(n);
}

// Allocation alone: n blocks of 32 B, then everything released at once by rewinding to a marker
// (no malloc baseline: malloc cannot release in bulk).
template <class A>
void fill_rewind(benchmark::State& state) {
  auto a = make<A>(32);
  const auto n = static_cast<std::size_t>(state.range(0));
  const Layout l{32, 8};
  std::vector<void*> ptrs(n);
  const auto start = a.mark();
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) {
      ptrs[i] = a.allocate(l).ptr;
      *static_cast<char*>(ptrs[i]) = 1;
    }
    benchmark::DoNotOptimize(ptrs.data());
    a.rewind(start);
    benchmark::ClobberMemory();
  }
  state.counters["ops"] = static_cast<double>(n);
}

template <class A>
void churn(benchmark::State& state) {
  auto a = make<A>(512);
  const auto live = static_cast<std::size_t>(state.range(0));
  constexpr std::size_t kPlan = 1 << 16;
  struct Step {
    std::uint32_t slot;
    std::uint32_t size;
  };
  std::vector<Step> plan(kPlan);
  std::mt19937_64 rng{7};
  std::uniform_int_distribution<std::uint32_t> slot(0, static_cast<std::uint32_t>(live - 1));
  std::uniform_int_distribution<std::uint32_t> size(8, 512);
  for (auto& s : plan) s = {slot(rng), size(rng)};
  std::vector<void*> ptr(live);
  std::vector<std::size_t> bytes(live);
  std::size_t live_bytes = 0;
  for (std::size_t i = 0; i < live; ++i) {
    bytes[i] = size(rng);
    ptr[i] = a.allocate(Layout{bytes[i], 8}).ptr;
    live_bytes += bytes[i];
  }
  std::size_t k = 0;
  for (auto _ : state) {
    const Step s = plan[k++ & (kPlan - 1)];
    a.deallocate(ptr[s.slot], Layout{bytes[s.slot], 8});
    const Allocation got = a.allocate(Layout{s.size, 8});
    if (got.ptr == nullptr) {
      state.SkipWithError("allocation failed");
      break;
    }
    *static_cast<char*>(got.ptr) = 1;
    live_bytes = live_bytes - bytes[s.slot] + s.size;
    ptr[s.slot] = got.ptr;
    bytes[s.slot] = s.size;
  }
  benchmark::DoNotOptimize(ptr.data());
  for (std::size_t i = 0; i < live; ++i) a.deallocate(ptr[i], Layout{bytes[i], 8});
  state.counters["ops"] = 1;
  state.counters["live_bytes"] = static_cast<double>(live_bytes);
}

template <class A>
void register_all(const std::string& name, bool general_purpose) {
  benchmark::RegisterBenchmark(("hot_pair/" + name).c_str(), hot_pair<A>)
      ->RangeMultiplier(8)
      ->Range(8, 4096);
  benchmark::RegisterBenchmark(("batch_same/" + name).c_str(), batch<A, Order::same>)->Arg(1000);
  benchmark::RegisterBenchmark(("batch_reverse/" + name).c_str(), batch<A, Order::reverse>)
      ->Arg(1000);
  benchmark::RegisterBenchmark(("batch_random/" + name).c_str(), batch<A, Order::random>)
      ->Arg(1000);
  if (general_purpose) benchmark::RegisterBenchmark(("churn/" + name).c_str(), churn<A>)->Arg(4096);
}

// Collects the per-operation time of every run while printing as usual.
class Collector : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.run_type != Run::RT_Iteration || r.error_occurred) continue;
      std::string name = r.benchmark_name();
      if (const auto pos = name.find("/repeats:"); pos != std::string::npos) name.resize(pos);
      const auto ops = r.counters.find("ops");
      const double per_op =
          r.GetAdjustedCPUTime() / (ops == r.counters.end() ? 1.0 : ops->second.value);
      auto& [sum, count] = times_[name];
      sum += per_op;
      ++count;
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // "workload/allocator/arg" -> ns per op, ratio to "workload/malloc/arg".
  void print_summary() const {
    std::printf("\n%-16s %-10s %-22s %12s %14s\n", "workload", "arg", "allocator", "ns/op",
                "ratio to malloc");
    for (const auto& [name, t] : times_) {
      const auto first = name.find('/');
      const auto last = name.rfind('/');
      if (first == std::string::npos || first == last) continue;
      const std::string workload = name.substr(0, first);
      const std::string alloc = name.substr(first + 1, last - first - 1);
      const std::string arg = name.substr(last + 1);
      const auto base = times_.find(workload + "/malloc/" + arg);
      const double ns = t.first / t.second;
      if (base == times_.end()) {
        std::printf("%-16s %-10s %-22s %12.2f %14s\n", workload.c_str(), arg.c_str(), alloc.c_str(),
                    ns, "-");
        continue;
      }
      const double ratio = ns / (base->second.first / base->second.second);
      std::printf("%-16s %-10s %-22s %12.2f %14.2f\n", workload.c_str(), arg.c_str(), alloc.c_str(),
                  ns, ratio);
    }
  }

 private:
  std::map<std::string, std::pair<double, int>> times_;
};

}  // namespace

int main(int argc, char** argv) {
  register_all<Malloc>("malloc", true);
  register_all<GlobalAllocator>("global", true);
  register_all<BumpAllocator>("bump", false);
  register_all<StackAllocator>("stack", false);
  register_all<PoolAllocator>("pool", true);
  register_all<FreeListAllocator>("free_list", true);
  register_all<ArenaAllocator<GlobalAllocator>>("arena", false);
  register_all<TrackingAllocator<GlobalAllocator>>("tracking", true);
  register_all<DebugAllocator<GlobalAllocator>>("debug", true);
  benchmark::RegisterBenchmark("hot_pair/page", hot_pair<PageAllocator>)->Arg(4096);
  benchmark::RegisterBenchmark("fill_rewind/bump", fill_rewind<BumpAllocator>)->Arg(1000);
  benchmark::RegisterBenchmark("fill_rewind/stack", fill_rewind<StackAllocator>)->Arg(1000);

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Collector reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_summary();
  benchmark::Shutdown();
  return 0;
}
