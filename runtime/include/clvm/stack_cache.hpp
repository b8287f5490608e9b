// SPDX-License-Identifier: Apache-2.0
/// \file clvm::StackCache: memory the evaluator's deep stacks keep from one run_program to the
/// next (RunOptions::stack_cache). A stack past 4 MiB is its own mapping; without a cache each run
/// maps it, faults its pages in and unmaps it again. A loop_add-sized run does that with ~190 MiB
/// (≈ 47,000 page faults, ≈ 0.1 s of system time on this project's machines), and in a process
/// with several threads every unmap also interrupts the other cores to flush their TLBs. With a
/// cache the mappings outlive the run, up to a retention bound, and the next run on the same
/// thread starts with its pages already there. Contents are never carried over in a meaningful
/// way: a stack writes every entry before reading it.
///
/// Threading: a StackCache is used by one run at a time (like the Allocator a run works in); give
/// each thread its own (BatchWorker does).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace clvm {

class StackCache {
 public:
  /// One slot per stack of a run (values, environments, steps, collection points).
  static constexpr unsigned kSlots = 4;
  /// The granule of the stacks' mappings (a transparent huge page): 2 MiB.
  static constexpr std::size_t kUnit = std::size_t{2} << 20;

  /// A mapping of `bytes` (a multiple of 2 MiB) at `base`, advised as huge pages if `huge`.
  struct Mapping {
    void* base = nullptr;
    std::size_t bytes = 0;
    bool huge = false;
  };

  /// A cache that keeps at most `retention` bytes of mappings between runs (0: keeps nothing,
  /// the behaviour without a cache; SIZE_MAX: whatever the runs used, which the evaluator's own
  /// entry limits bound). Throws nothing.
  explicit StackCache(std::size_t retention = SIZE_MAX) noexcept : retention_(retention) {}
  StackCache(const StackCache&) = delete;
  StackCache& operator=(const StackCache&) = delete;
  /// Unmaps what the cache keeps.
  ~StackCache() { release(); }

  std::size_t retention() const noexcept { return retention_; }
  /// Sets the bound; what the cache keeps beyond it is trimmed or unmapped now. Throws nothing.
  void set_retention(std::size_t bytes) noexcept;
  /// Bytes of mappings kept now (address space reserved by this cache; the pages a run touched
  /// stay resident).
  std::size_t retained_bytes() const noexcept { return retained_; }
  /// Unmaps everything the cache keeps. Throws nothing.
  void release() noexcept;

  /// For the evaluator's stacks: removes and returns the mapping kept for `slot` (an empty
  /// Mapping if none). Requires: slot < kSlots.
  Mapping take(unsigned slot) noexcept;
  /// For the evaluator's stacks: hands back `slot`'s mapping at the end of a run. The cache keeps
  /// it if it fits the retention (cut to whole 2 MiB units that fit), else unmaps it; a mapping
  /// already in the slot is unmapped first. Requires: slot < kSlots; `m` came from mmap/mremap in
  /// whole 2 MiB units and nothing else refers to it.
  void give(unsigned slot, Mapping m) noexcept;

 private:
  std::array<Mapping, kSlots> slots_{};
  std::size_t retention_;
  std::size_t retained_ = 0;
};

}  // namespace clvm
