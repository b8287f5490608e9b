// SPDX-License-Identifier: Apache-2.0
/// \file eval::Stack: the evaluator's stacks. A growable array of trivially copyable values with a
/// hard entry limit, where push costs one comparison (capacity never exceeds the limit, so "full"
/// and "at the limit" share the check). The first `Inline` entries live inside the object (the
/// evaluator is on the caller's stack), so a run that stays shallow allocates nothing: the fixed
/// per-call cost of run_program. Large stacks live in their own mappings, advised as transparent
/// huge pages when the caller asks for it (RunOptions::huge_pages; see grow()). With a StackCache
/// (RunOptions::stack_cache) such a mapping comes from the cache's slot for this stack and goes
/// back to it at the end of the run, pages already faulted in.
#pragma once

#include <clvm/stack_cache.hpp>

#include <sys/mman.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>

namespace clvm::eval {

template <class T, std::size_t Inline>
requires std::is_trivially_copyable_v<T> && (Inline > 0)
class Stack {
 public:
  /// An empty stack that can hold `limit` (> 0) entries, with room for min(Inline, limit) at
  /// first. `huge_pages`: whether its mapping (from kMapped bytes on) is advised as huge pages.
  /// `cache` (may be null; must outlive the stack): where that mapping is taken from (its slot
  /// `slot` < StackCache::kSlots) and given back to on destruction.
  explicit Stack(std::size_t limit, bool huge_pages = false, StackCache* cache = nullptr,
                 unsigned slot = 0)
      : limit_(limit), cache_(cache), slot_(slot), huge_pages_(huge_pages) {
    base_ = top_ = inline_data();
    end_ = base_ + (Inline < limit ? Inline : limit);
  }
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;
  // One test on the way out of a run that stayed inline (the fixed per-call cost: four stacks).
  ~Stack() {
    if (base_ != inline_data()) [[unlikely]]
      release();
  }

  bool empty() const noexcept { return top_ == base_; }
  std::size_t size() const noexcept { return static_cast<std::size_t>(top_ - base_); }

  /// Pushes `v`; false (and nothing pushed) when the stack already holds `limit` entries. Throws
  /// std::bad_alloc when memory runs out.
  [[nodiscard]] bool push(T v) {
    if (top_ == end_) [[unlikely]] {
      if (!grow()) return false;
    }
    *top_++ = v;
    return true;
  }

  /// push() where the capacity is known to have room (e.g. right after a pop).
  void push_unchecked(T v) noexcept {
    assert(top_ != end_);
    *top_++ = v;
  }

  /// Requires: !empty().
  T pop() noexcept {
    assert(!empty());
    return *--top_;
  }
  /// Requires: !empty().
  T& back() noexcept {
    assert(!empty());
    return top_[-1];
  }
  /// Pops the top two entries and pushes `v` (which cannot fail). Requires: size() >= 2.
  void replace_top2(T v) noexcept {
    assert(size() >= 2);
    top_[-2] = v;
    --top_;
  }
  /// The entry `depth` below the top (0 = back()). Requires: size() > depth.
  const T& below_top(std::size_t depth) const noexcept {
    assert(size() > depth);
    return top_[-1 - static_cast<std::ptrdiff_t>(depth)];
  }

 private:
  T* inline_data() noexcept { return reinterpret_cast<T*>(inline_); }

  // Gives back the stack's memory (malloc's, a mapping, or the mapping to the cache). Requires:
  // base_ is not the inline buffer.
  [[gnu::noinline]] void release() noexcept {
    if (mapped_bytes_ != 0 && cache_ != nullptr)
      cache_->give(slot_, {base_, mapped_bytes_, huge_pages_});
    else if (mapped_bytes_ != 0)
      ::munmap(base_, mapped_bytes_);
    else
      std::free(base_);
  }

  // Doubles the capacity (at most to the limit). Below kMapped bytes the memory is malloc's.
  // Deep programs grow these stacks to hundreds of MiB (a 3.7M-deep recursion: ~270 MiB, touched
  // once per run): in 4 KiB pages that is ~70,000 page faults. So from kMapped on a stack is its
  // own mapping, in whole 2 MiB units, and grows by mremap (the pages move, nothing is copied).
  // With huge_pages_ the mapping is advised as huge-page memory before anything is written to it
  // (the kernel then faults 2 MiB at a time; without THP nothing changes). Not by default: where
  // huge pages are cold (a VM returning free memory to its host) their first touch costs more
  // than the small faults (docs/performance.md, "Huge pages").
  [[gnu::noinline]] bool grow() {
    const std::size_t cap = static_cast<std::size_t>(end_ - base_);
    if (cap >= limit_) return false;
    std::size_t next = cap > limit_ / 2 ? limit_ : cap * 2;
    const std::size_t used = size();
    if (base_ == inline_data()) mapped_bytes_ = 0;  // set from here on (see the member)
    void* p;
    if (next * sizeof(T) >= kMapped) {
      const std::size_t bytes = (next * sizeof(T) + kHuge - 1) & ~(kHuge - 1);
      std::size_t got = bytes;
      if (mapped_bytes_ != 0) {
        p = ::mremap(base_, mapped_bytes_, bytes, MREMAP_MAYMOVE);
      } else {
        p = first_mapping(got);
        if (p != MAP_FAILED) {
          std::memcpy(p, base_, used * sizeof(T));
          if (base_ != inline_data()) std::free(base_);
        }
      }
      if (p == MAP_FAILED) throw std::bad_alloc();
      mapped_bytes_ = got;
      next = std::min(got / sizeof(T), limit_);
    } else if (base_ == inline_data()) {
      p = std::malloc(next * sizeof(T));
      if (p == nullptr) throw std::bad_alloc();
      std::memcpy(p, base_, used * sizeof(T));
    } else {
      p = std::realloc(base_, next * sizeof(T));
      if (p == nullptr) throw std::bad_alloc();
    }
    base_ = static_cast<T*>(p);
    top_ = base_ + used;
    end_ = base_ + next;
    return true;
  }

  // The stack's first mapping, at least `bytes` (a multiple of kHuge) long; sets `bytes` to its
  // length. The cache's mapping for this slot if there is one (grown by mremap if short: its
  // faulted pages move along), else a new one. MAP_FAILED if memory runs out.
  void* first_mapping(std::size_t& bytes) {
    StackCache::Mapping m = cache_ != nullptr ? cache_->take(slot_) : StackCache::Mapping{};
    void* p;
    if (m.base != nullptr) {
      if (m.huge != huge_pages_)  // advice: failure changes nothing
        ::madvise(m.base, m.bytes, huge_pages_ ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
      p = m.base;
      if (m.bytes < bytes) {
        p = ::mremap(m.base, m.bytes, bytes, MREMAP_MAYMOVE);
        if (p == MAP_FAILED) ::munmap(m.base, m.bytes);
      } else {
        bytes = m.bytes;
      }
      return p;
    }
    p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED && huge_pages_) ::madvise(p, bytes, MADV_HUGEPAGE);
    return p;
  }

  static constexpr std::size_t kHuge = StackCache::kUnit;       // a transparent huge page
  static constexpr std::size_t kMapped = std::size_t{4} << 20;  // from here on, own mappings

  T* base_;
  T* top_;
  T* end_;
  std::size_t limit_;
  // The mapping's size when base_ is one, else 0; set by the first grow() (a run that stays
  // inline never reads it: one store fewer per stack and run).
  std::size_t mapped_bytes_;
  StackCache* cache_;
  unsigned slot_;
  bool huge_pages_;
  alignas(T) unsigned char inline_[Inline * sizeof(T)];  // not initialised: written before read
};

}  // namespace clvm::eval
