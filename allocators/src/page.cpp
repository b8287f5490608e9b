// SPDX-License-Identifier: Apache-2.0
// PageAllocator over mmap. Invariant for every live block at p with current size s: the mapping at
// p spans exactly span(s) = round_up(max(reserve, s), page) bytes, of which the first round_up(s,
// page) are read/write and the rest PROT_NONE (reserved, not committed).
#include <clvm/mem/page.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdint>

namespace clvm::mem {
namespace {

std::size_t round_pages(std::size_t n) noexcept { return align_up(n, PageAllocator::page_size()); }

// Whether n rounded up to pages would overflow (such requests fail cleanly).
bool too_large(std::size_t n) noexcept { return n > (std::size_t{1} << 62); }

}  // namespace

PageAllocator::PageAllocator(std::size_t reserve, HugePages huge_pages) noexcept
    : reserve_(reserve), huge_pages_(huge_pages) {}

std::size_t PageAllocator::page_size() noexcept {
  static const std::size_t size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return size;
}

Allocation PageAllocator::allocate(Layout l) noexcept {
  if (!std::has_single_bit(l.align) || too_large(l.size) || too_large(reserve_) ||
      too_large(l.align))
    return {};
  const std::size_t page = page_size();
  const std::size_t size = std::max(l.size, std::size_t{1});
  const std::size_t commit = round_pages(size);
  const std::size_t span = round_pages(std::max(reserve_, size));
  const std::size_t align = std::max(l.align, page);
  // Over-reserve by the extra alignment, then trim both ends so the mapping is exactly `span`.
  const std::size_t extra = align - page;
  void* raw =
      ::mmap(nullptr, span + extra, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) return {};
  auto base = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (base + align - 1) & ~(std::uintptr_t{align} - 1);
  if (aligned > base) ::munmap(raw, aligned - base);
  const std::size_t tail = (base + span + extra) - (aligned + span);
  if (tail > 0) ::munmap(reinterpret_cast<void*>(aligned + span), tail);
  void* p = reinterpret_cast<void*>(aligned);
  if (::mprotect(p, commit, PROT_READ | PROT_WRITE) != 0) {
    ::munmap(p, span);
    return {};
  }
  // When asked for, large reservations (the arena's tables: hundreds of MiB for deep programs) may
  // use transparent huge pages: 512 times fewer page faults. Only 2 MiB ranges wholly committed
  // can get one, so small blocks are unchanged; where THP is off the advice does nothing, and its
  // failure changes nothing either. Advised before the first touch, so the kernel can fault 2 MiB
  // at a time.
  if (huge_pages_ == HugePages::Advise && span >= kHugeAdviceMin) ::madvise(p, span, MADV_HUGEPAGE);
  committed_ += commit;
  return {p, commit};
}

void PageAllocator::deallocate(void* p, Layout l) noexcept {
  if (p == nullptr) return;
  const std::size_t size = std::max(l.size, std::size_t{1});
  committed_ -= round_pages(size);
  ::munmap(p, round_pages(std::max(reserve_, size)));
}

bool PageAllocator::resize(void* p, Layout l, std::size_t new_size) noexcept {
  if (p == nullptr || too_large(new_size)) return false;
  auto* bytes = static_cast<std::byte*>(p);
  const std::size_t old_size = std::max(l.size, std::size_t{1});
  new_size = std::max(new_size, std::size_t{1});
  const std::size_t old_commit = round_pages(old_size);
  const std::size_t new_commit = round_pages(new_size);
  const std::size_t old_span = round_pages(std::max(reserve_, old_size));
  const std::size_t new_span = round_pages(std::max(reserve_, new_size));
  if (new_commit > old_commit) {
    if (new_span > old_span) return false;  // beyond the reservation: would have to move
    if (::mprotect(bytes + old_commit, new_commit - old_commit, PROT_READ | PROT_WRITE) != 0)
      return false;
    committed_ += new_commit - old_commit;
    return true;
  }
  if (new_commit < old_commit) {
    // Release the pages past the new size; keep the reservation, drop what exceeds it.
    if (new_span < old_span) ::munmap(bytes + new_span, old_span - new_span);
    const std::size_t keep_end = std::min(old_commit, new_span);
    if (keep_end > new_commit) {
      ::madvise(bytes + new_commit, keep_end - new_commit, MADV_DONTNEED);
      ::mprotect(bytes + new_commit, keep_end - new_commit, PROT_NONE);
    }
    committed_ -= old_commit - new_commit;
  }
  return true;
}

}  // namespace clvm::mem
