// SPDX-License-Identifier: Apache-2.0
#include <clvm/stack_cache.hpp>

#include <sys/mman.h>

#include <cassert>

namespace clvm {
namespace {

void unmap(StackCache::Mapping& m) noexcept {
  if (m.base != nullptr) ::munmap(m.base, m.bytes);
  m = {};
}

}  // namespace

void StackCache::release() noexcept {
  for (Mapping& m : slots_) unmap(m);
  retained_ = 0;
}

void StackCache::set_retention(std::size_t bytes) noexcept {
  retention_ = bytes;
  for (unsigned slot = 0; slot < kSlots; ++slot) {
    if (retained_ <= retention_) return;
    const Mapping m = take(slot);
    give(slot, m);  // kept only as far as the new bound allows
  }
}

StackCache::Mapping StackCache::take(unsigned slot) noexcept {
  assert(slot < kSlots);
  const Mapping m = slots_[slot];
  slots_[slot] = {};
  retained_ -= m.bytes;
  return m;
}

void StackCache::give(unsigned slot, Mapping m) noexcept {
  assert(slot < kSlots);
  retained_ -= slots_[slot].bytes;  // (empty while a run holds the slot's stack)
  unmap(slots_[slot]);
  if (m.base == nullptr) return;
  const std::size_t room = retention_ > retained_ ? retention_ - retained_ : 0;
  const std::size_t keep = m.bytes <= room ? m.bytes : room / kUnit * kUnit;
  if (keep == 0) {
    unmap(m);
    return;
  }
  if (keep < m.bytes) ::munmap(static_cast<unsigned char*>(m.base) + keep, m.bytes - keep);
  m.bytes = keep;
  slots_[slot] = m;
  retained_ += keep;
}

}  // namespace clvm
