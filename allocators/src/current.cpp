// SPDX-License-Identifier: Apache-2.0
// The thread-local current allocator.
#include <clvm/mem/current.hpp>
#include <clvm/mem/global.hpp>

namespace clvm::mem {
namespace {

GlobalAllocator g_global;  // stateless: shared by every thread
thread_local AllocatorRef t_current{g_global};

}  // namespace

AllocatorRef current_allocator() noexcept { return t_current; }

CurrentAllocatorScope::CurrentAllocatorScope(AllocatorRef a) noexcept : previous_(t_current) {
  t_current = a;
}

CurrentAllocatorScope::~CurrentAllocatorScope() { t_current = previous_; }

}  // namespace clvm::mem
