// SPDX-License-Identifier: Apache-2.0
/// \file The thread-local current allocator (zigler's beam.allocator): what later layers allocate
/// from when not given an allocator explicitly. Defaults to a GlobalAllocator on every thread;
/// CurrentAllocatorScope swaps it for the lifetime of a scope.
#pragma once

#include <clvm/mem/allocator_ref.hpp>

namespace clvm::mem {

/// Returns this thread's current allocator (the process's GlobalAllocator unless a scope is open).
AllocatorRef current_allocator() noexcept;

/// Makes `a` this thread's current allocator until destruction, then restores the previous one.
/// Scopes nest; destroy them in reverse order of construction, on the thread that made them. The
/// allocator must outlive the scope.
class CurrentAllocatorScope {
 public:
  explicit CurrentAllocatorScope(AllocatorRef a) noexcept;
  ~CurrentAllocatorScope();
  CurrentAllocatorScope(const CurrentAllocatorScope&) = delete;
  CurrentAllocatorScope& operator=(const CurrentAllocatorScope&) = delete;

 private:
  AllocatorRef previous_;
};

}  // namespace clvm::mem
