// SPDX-License-Identifier: Apache-2.0
// FreeListAllocator: boundary-tag blocks, segregated first fit, coalescing (deferred for blocks
// parked in the cache), the slow paths behind the inline cache.
//
// A block is named by the address of its header (8 bytes: size | flags). Blocks tile
// [heap_, heap_ + capacity_) and are followed by an epilogue header (size 0, allocated) so a merge
// never runs off the end. Invariants: no two free blocks are adjacent; every free block is on the
// list of its size class (class_of) and carries its size in its footer; a
// block's prev_allocated flag tells whether the block before it is in use (the first block's flag
// is set). A parked (cached) block keeps its allocated flag, carries a footer, and sets the
// prev_cached flag of the block after it; no parked block is adjacent to a free or another parked
// block (parking requires both neighbours in use; freeing a neighbour unparks it first).
#include <clvm/mem/free_list.hpp>
#include <clvm/mem/misuse.hpp>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <utility>

namespace clvm::mem {
namespace {

constexpr std::size_t kAllocated = detail::free_list::allocated_flag;
constexpr std::size_t kPrevAllocated = detail::free_list::prev_allocated_flag;
constexpr std::size_t kCached = detail::free_list::cached_flag;
constexpr std::size_t kPrevCached = detail::free_list::prev_cached_flag;
constexpr std::size_t kFlags = detail::free_list::flag_bits;
constexpr std::size_t kBufferAlign = 64;

std::size_t load(const std::byte* at) noexcept {
  std::size_t v;
  std::memcpy(&v, at, sizeof v);
  return v;
}
void store(std::byte* at, std::size_t v) noexcept { std::memcpy(at, &v, sizeof v); }
std::byte* load_ptr(const std::byte* at) noexcept {
  std::byte* v;
  std::memcpy(&v, at, sizeof v);
  return v;
}
void store_ptr(std::byte* at, std::byte* v) noexcept { std::memcpy(at, &v, sizeof v); }

std::size_t size_of(const std::byte* block) noexcept { return load(block) & ~kFlags; }
std::byte* next_of(const std::byte* block) noexcept { return load_ptr(block + 8); }
std::byte* prev_of(const std::byte* block) noexcept { return load_ptr(block + 16); }
// Size classes: one per block size up to kExactLimit (all blocks of such a class have the same
// size, so its first block always fits), then one per power of two.
constexpr std::size_t kExactLimit = 1024;
unsigned class_of(std::size_t size) noexcept {
  if (size <= kExactLimit) return static_cast<unsigned>(size / FreeListAllocator::granularity);
  return static_cast<unsigned>(kExactLimit / FreeListAllocator::granularity - 10 +
                               static_cast<std::size_t>(std::bit_width(size)));
}

// The lowest class >= `from` whose bit is set in the two-word bitmap `set`, or -1.
int next_class(const std::uint64_t (&set)[2], unsigned from) noexcept {
  for (unsigned w = from / 64; w < 2; ++w) {
    const std::uint64_t bits =
        from / 64 == w ? set[w] & (~std::uint64_t{0} << (from % 64)) : set[w];
    if (bits != 0) return static_cast<int>(w * 64 + static_cast<unsigned>(std::countr_zero(bits)));
  }
  return -1;
}

void set_flag(std::byte* block, std::size_t flag, bool on) noexcept {
  store(block, on ? (load(block) | flag) : (load(block) & ~flag));
}

// Padding between a free block's header and the header of an allocation aligned to `align` placed
// in it: 0, or at least min_block_size so that the gap can stand as a free block of its own.
std::size_t padding_in(const std::byte* block, std::size_t align) noexcept {
  std::size_t pad = detail::padding_for(
      reinterpret_cast<std::uintptr_t>(block + FreeListAllocator::header_size), align);
  if (pad != 0 && pad < FreeListAllocator::min_block_size) pad += align;
  return pad;
}

}  // namespace

FreeListAllocator::FreeListAllocator(std::size_t capacity) noexcept {
  const std::size_t cap = capacity & ~(granularity - 1);
  if (cap < min_block_size) return;
  buffer_ = static_cast<std::byte*>(detail::allocate_buffer(cap + 2 * header_size, kBufferAlign));
  if (buffer_ == nullptr) return;
  heap_ = buffer_ + header_size;
  capacity_ = cap;
  reset();
}

FreeListAllocator::FreeListAllocator(FreeListAllocator&& other) noexcept
    : buffer_(std::exchange(other.buffer_, nullptr)),
      heap_(std::exchange(other.heap_, nullptr)),
      capacity_(std::exchange(other.capacity_, 0)),
      allocated_(std::exchange(other.allocated_, 0)),
      nonempty_{std::exchange(other.nonempty_[0], 0), std::exchange(other.nonempty_[1], 0)} {
  std::copy(std::begin(other.heads_), std::end(other.heads_), heads_);
  std::fill(std::begin(other.heads_), std::end(other.heads_), nullptr);
  std::memcpy(cache_count_, other.cache_count_, sizeof cache_count_);
  std::memcpy(cache_, other.cache_, sizeof cache_);
  std::fill(std::begin(other.cache_count_), std::end(other.cache_count_), std::uint8_t{0});
}

FreeListAllocator& FreeListAllocator::operator=(FreeListAllocator&& other) noexcept {
  if (this != &other) {
    release();
    buffer_ = std::exchange(other.buffer_, nullptr);
    heap_ = std::exchange(other.heap_, nullptr);
    capacity_ = std::exchange(other.capacity_, 0);
    allocated_ = std::exchange(other.allocated_, 0);
    nonempty_[0] = std::exchange(other.nonempty_[0], 0);
    nonempty_[1] = std::exchange(other.nonempty_[1], 0);
    std::copy(std::begin(other.heads_), std::end(other.heads_), heads_);
    std::fill(std::begin(other.heads_), std::end(other.heads_), nullptr);
    std::memcpy(cache_count_, other.cache_count_, sizeof cache_count_);
    std::memcpy(cache_, other.cache_, sizeof cache_);
    std::fill(std::begin(other.cache_count_), std::end(other.cache_count_), std::uint8_t{0});
  }
  return *this;
}

FreeListAllocator::~FreeListAllocator() { release(); }

void FreeListAllocator::release() noexcept {
  detail::free_buffer(buffer_, kBufferAlign);
  buffer_ = heap_ = nullptr;
  capacity_ = allocated_ = 0;
  nonempty_[0] = nonempty_[1] = 0;
  std::fill(std::begin(heads_), std::end(heads_), nullptr);
  std::fill(std::begin(cache_count_), std::end(cache_count_), std::uint8_t{0});
}

void FreeListAllocator::reset() noexcept {
  std::fill(std::begin(heads_), std::end(heads_), nullptr);
  std::fill(std::begin(cache_count_), std::end(cache_count_), std::uint8_t{0});
  nonempty_[0] = nonempty_[1] = 0;
  allocated_ = 0;
  if (capacity_ == 0) return;
  store(heap_ + capacity_, kAllocated);  // epilogue
  store(heap_, kPrevAllocated);
  make_free(heap_, capacity_);
  link(heap_);
}

void FreeListAllocator::link(std::byte* block) const noexcept {
  const unsigned c = class_of(size_of(block));
  std::byte* head = heads_[c];
  store_ptr(block + 8, head);
  store_ptr(block + 16, nullptr);
  if (head != nullptr) store_ptr(head + 16, block);
  heads_[c] = block;
  nonempty_[c / 64] |= std::uint64_t{1} << (c % 64);
}

void FreeListAllocator::unlink(std::byte* block) const noexcept {
  const unsigned c = class_of(size_of(block));
  std::byte* next = next_of(block);
  std::byte* prev = prev_of(block);
  if (prev != nullptr) {
    store_ptr(prev + 8, next);
  } else {
    heads_[c] = next;
    if (next == nullptr) nonempty_[c / 64] &= ~(std::uint64_t{1} << (c % 64));
  }
  if (next != nullptr) store_ptr(next + 16, prev);
}

// Writes a free block's header (keeping its prev_allocated flag) and footer, and tells the next
// block that its predecessor is free. Does not link it.
void FreeListAllocator::make_free(std::byte* block, std::size_t size) const noexcept {
  store(block, size | (load(block) & kPrevAllocated));
  store(block + size - 8, size);
  store(block + size, load(block + size) & ~(kPrevAllocated | kPrevCached));
}

// First fit in the request's own size class, looking at a few blocks there first (they may be
// too small), then the first fitting block of the next non-empty larger class (for alignments up to
// the granularity its head always fits), and only then the rest of the own class. This bounds the
// common case while still finding a fit whenever one exists.
std::byte* FreeListAllocator::find_fit(std::size_t need, std::size_t align,
                                       std::size_t& pad) const noexcept {
  constexpr int kProbe = 8;
  const unsigned own = class_of(need);
  auto first_fit = [&](std::byte* b, int limit, std::byte*& stop) -> std::byte* {
    for (; b != nullptr && limit-- != 0; b = next_of(b)) {
      const std::size_t p = padding_in(b, align);
      if (p + need <= size_of(b)) {
        pad = p;
        return b;
      }
    }
    stop = b;
    return nullptr;
  };
  std::byte* rest = nullptr;
  if (std::byte* b = first_fit(heads_[own], kProbe, rest)) return b;
  for (int c = next_class(nonempty_, own + 1); c >= 0;
       c = next_class(nonempty_, static_cast<unsigned>(c) + 1)) {
    std::byte* unused = nullptr;
    if (std::byte* b = first_fit(heads_[c], -1, unused)) return b;
  }
  std::byte* unused = nullptr;
  return first_fit(rest, -1, unused);
}

std::byte* FreeListAllocator::take(std::byte* block, std::size_t pad, std::size_t need) noexcept {
  unlink(block);
  std::size_t size = size_of(block);
  if (pad != 0) {  // the leading gap stays free; it keeps the block's prev_allocated flag
    store(block, pad | (load(block) & kPrevAllocated));
    store(block + pad - 8, pad);
    link(block);
    block += pad;
    size -= pad;
    store(block, 0);  // predecessor (the gap) is free
  }
  const std::size_t prev_flag = load(block) & kPrevAllocated;
  if (size - need >= min_block_size) {
    store(block + need, kPrevAllocated);
    make_free(block + need, size - need);
    link(block + need);
    size = need;
  } else {
    set_flag(block + size, kPrevAllocated, true);
  }
  store(block, size | kAllocated | prev_flag);
  allocated_ += size;
  return block;
}

// Behind the inline cache: requests the cache cannot serve. When nothing fits, the parked blocks
// are coalesced (flush_cache) and the search runs once more, so a failure means no fit exists.
Allocation FreeListAllocator::allocate_slow(Layout l) noexcept {
  assert(std::has_single_bit(l.align) && "FreeListAllocator: alignment is not a power of two");
  if (l.size > capacity_ || !detail::is_power_of_two(l.align)) return {};
  const std::size_t need = std::max(align_up(l.size + header_size, granularity), min_block_size);
  const std::size_t align = std::max(l.align, granularity);
  std::size_t pad = 0;
  std::byte* block = find_fit(need, align, pad);
  if (block == nullptr) {
    flush_cache();
    block = find_fit(need, align, pad);
    if (block == nullptr) return {};
  }
  block = take(block, pad, need);
  return {block + header_size, size_of(block) - header_size};
}

// Behind the inline cache: misuse, blocks above cache_limit, and sizes whose cache is full.
void FreeListAllocator::deallocate_slow(void* p, Layout l) noexcept {
  std::byte* block = static_cast<std::byte*>(p) - header_size;
  const std::size_t h = load(block);
  if ((h & kAllocated) == 0 || (h & kCached) != 0) {
    report_misuse({MisuseKind::double_free, p, l.size, l.align});
    return;
  }
  allocated_ -= h & ~kFlags;
  // A parked neighbour would have merged with this block: free it for real first.
  if (std::byte* next = block + (h & ~kFlags); (load(next) & kCached) != 0) unpark(next);
  if ((h & kPrevCached) != 0) unpark(block - load(block - 8));
  release_block(block, load(block));
}

// Takes a parked block out of the cache and frees it for real (merging with free neighbours).
void FreeListAllocator::unpark(std::byte* block) const noexcept {
  const std::size_t h = load(block) & ~kCached;
  const std::size_t c = (h & ~kFlags) / granularity;
  std::byte** slots = cache_[c];
  const std::uint8_t n = cache_count_[c];
  for (std::uint8_t i = 0; i < n; ++i) {
    if (slots[i] == block) {
      slots[i] = slots[n - 1];
      cache_count_[c] = static_cast<std::uint8_t>(n - 1);
      break;
    }
  }
  store(block, h);
  release_block(block, h);
}

// Frees `block` (header `h`, allocated, not parked) and merges it with its free neighbours. Does
// not touch allocated_.
void FreeListAllocator::release_block(std::byte* block, std::size_t h) const noexcept {
  std::size_t size = h & ~kFlags;
  std::byte* next = block + size;
  if ((load(next) & kAllocated) == 0) {
    unlink(next);
    size += size_of(next);
  }
  if ((h & kPrevAllocated) == 0) {
    const std::size_t prev_size = load(block - 8);
    block -= prev_size;
    unlink(block);
    size += prev_size;
  } else {
    store(block, kPrevAllocated);
  }
  make_free(block, size);
  link(block);
}

// Frees every parked block for real (in any order: each merges with the neighbours already freed,
// so the result is what immediate coalescing gives).
void FreeListAllocator::flush_cache() const noexcept {
  for (std::size_t c = 0; c < num_cached_sizes; ++c) {
    for (std::uint8_t i = 0; i < cache_count_[c]; ++i) {
      std::byte* block = cache_[c][i];
      const std::size_t h = load(block) & ~kCached;
      store(block, h);
      release_block(block, h);
    }
    cache_count_[c] = 0;
  }
}

bool FreeListAllocator::resize(void* p, Layout l, std::size_t new_size) noexcept {
  (void)l;
  if (p == nullptr || new_size > capacity_) return false;
  assert(owns(p) && "FreeListAllocator: pointer not from this allocator");
  std::byte* block = static_cast<std::byte*>(p) - header_size;
  if (std::byte* next = block + size_of(block); (load(next) & kCached) != 0) unpark(next);
  const std::size_t prev_flag = load(block) & (kPrevAllocated | kPrevCached);
  const std::size_t size = size_of(block);
  const std::size_t need = std::max(align_up(new_size + header_size, granularity), min_block_size);
  std::size_t total = size;
  std::byte* next = block + size;
  if (need > size) {
    if ((load(next) & kAllocated) != 0 || size + size_of(next) < need) return false;
    unlink(next);
    total += size_of(next);
  } else if ((load(next) & kAllocated) == 0 && size - need >= min_block_size) {
    unlink(next);  // the split-off tail merges with the free block after it
    total += size_of(next);
  }
  std::size_t kept = total;
  if (total - need >= min_block_size) {
    store(block + need, kPrevAllocated);
    make_free(block + need, total - need);
    link(block + need);
    kept = need;
  } else {
    set_flag(block + total, kPrevAllocated, true);
  }
  store(block, kept | kAllocated | prev_flag);
  allocated_ = allocated_ - size + kept;
  return true;
}

std::size_t FreeListAllocator::largest_free_block() const noexcept {
  flush_cache();
  if (nonempty_[0] == 0 && nonempty_[1] == 0) return 0;
  const auto c = nonempty_[1] != 0 ? 64 + static_cast<unsigned>(std::bit_width(nonempty_[1]) - 1)
                                   : static_cast<unsigned>(std::bit_width(nonempty_[0]) - 1);
  std::size_t best = 0;
  for (const std::byte* b = heads_[c]; b != nullptr; b = next_of(b))
    best = std::max(best, size_of(b));
  return best - header_size;
}

std::size_t FreeListAllocator::num_free_blocks() const noexcept {
  flush_cache();
  std::size_t n = 0;
  for (const std::byte* head : heads_)
    for (const std::byte* b = head; b != nullptr; b = next_of(b)) ++n;
  return n;
}

}  // namespace clvm::mem
