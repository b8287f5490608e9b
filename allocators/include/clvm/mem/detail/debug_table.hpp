// SPDX-License-Identifier: Apache-2.0
/// \file DebugTable (internal): DebugAllocator's record of live blocks and of addresses freed and
/// not reused since, so that a second free is told apart from a foreign pointer. Single-threaded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clvm::mem::detail {

class DebugTable {
 public:
  struct Record {
    void* raw;          // the upstream block
    std::size_t size;   // requested size
    std::size_t align;  // requested alignment
    std::uint64_t seq;  // allocation number, from 0
  };
  struct Entry {
    const void* ptr;
    Record record;
  };

  DebugTable();
  ~DebugTable();
  DebugTable(DebugTable&&) noexcept;
  DebugTable& operator=(DebugTable&&) noexcept;

  /// Records a live block at `user`. Returns false (recording nothing) when out of memory.
  bool insert(const void* user, Record r) noexcept;
  /// The record of the live block at `user`, if any.
  std::optional<Record> find(const void* user) const noexcept;
  /// Forgets the live block at `user` and remembers the address as freed.
  void erase(const void* user) noexcept;
  /// Whether `user` was freed and not handed out again since.
  bool was_freed(const void* user) const noexcept;
  /// Number of live blocks.
  std::size_t size() const noexcept;
  /// The live blocks, oldest first.
  std::vector<Entry> live() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clvm::mem::detail
