// SPDX-License-Identifier: Apache-2.0
/// \file DebugAllocator<A>: a checking wrapper for tests and debugging. Every block gets canary
/// bytes (canary_fill) before and after it, is filled with allocated_fill when handed out and with
/// freed_fill before it goes back upstream, and is recorded so that leaks, double frees, foreign
/// pointers, frees with the wrong size or alignment and overwritten canaries are reported through
/// the misuse handler (clvm/mem/misuse.hpp; the default aborts). Single-threaded; costs a table
/// lookup and O(size) fills per call.
#pragma once

#include <clvm/mem/concepts.hpp>
#include <clvm/mem/detail/debug_table.hpp>
#include <clvm/mem/misuse.hpp>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

namespace clvm::mem {

template <UpstreamAllocator A>
class DebugAllocator {
 public:
  using upstream_type = std::remove_reference_t<A>;

  static constexpr unsigned char allocated_fill = 0xCD;  ///< fresh blocks (not allocate_zeroed)
  static constexpr unsigned char freed_fill = 0xDD;      ///< blocks being freed
  static constexpr unsigned char canary_fill = 0xFD;     ///< guard bytes around every block
  static constexpr std::size_t canary_size = 16;         ///< guard bytes on each side (at least)

  DebugAllocator()
  requires std::default_initializable<A>
  = default;

  /// Holds `upstream`: moved in for a value upstream, referenced for `A&`.
  explicit DebugAllocator(A upstream) : upstream_(std::forward<A>(upstream)) {}

  DebugAllocator(const DebugAllocator&) = delete;
  DebugAllocator& operator=(const DebugAllocator&) = delete;

  /// Reports every block still live as MisuseKind::leak (oldest first), then returns them upstream.
  ~DebugAllocator() {
    for (const auto& e : table_.live()) {
      report_misuse({MisuseKind::leak, e.ptr, e.record.size, e.record.align});
      upstream_.deallocate(e.record.raw, raw_layout(e.record.size, e.record.align));
    }
  }

  /// Returns l.size bytes aligned to l.align and filled with allocated_fill, or null when the
  /// upstream is exhausted. Requires: l.align is a power of two (asserts).
  Allocation allocate(Layout l) noexcept { return allocate_filled(l, allocated_fill); }

  /// As allocate(), the bytes zeroed.
  Allocation allocate_zeroed(Layout l) noexcept { return allocate_filled(l, 0); }

  /// Checks the call and frees the block. A null `p` is ignored. Reports: foreign_pointer or
  /// double_free (then does nothing else); wrong_size / wrong_alignment (then frees with the
  /// recorded layout); corrupted_canary.
  void deallocate(void* p, Layout l) noexcept {
    if (p == nullptr) return;
    const auto rec = table_.find(p);
    if (!rec) {
      const auto kind = table_.was_freed(p) ? MisuseKind::double_free : MisuseKind::foreign_pointer;
      report_misuse({kind, p, l.size, l.align});
      return;
    }
    if (rec->size != l.size) report_misuse({MisuseKind::wrong_size, p, rec->size, rec->align});
    if (rec->align != l.align)
      report_misuse({MisuseKind::wrong_alignment, p, rec->size, rec->align});
    auto* user = static_cast<unsigned char*>(p);
    const std::size_t front = front_size(rec->align);
    if (!all_equal(user - front, front, canary_fill) ||
        !all_equal(user + rec->size, canary_size, canary_fill))
      report_misuse({MisuseKind::corrupted_canary, p, rec->size, rec->align});
    std::memset(user, freed_fill, rec->size);
    table_.erase(p);
    upstream_.deallocate(rec->raw, raw_layout(rec->size, rec->align));
  }

  /// Whether `p` is a live block of this allocator.
  bool owns(const void* p) const noexcept { return table_.find(p).has_value(); }

  /// Whether any block is live (the Zig GeneralPurposeAllocator's detectLeaks).
  bool detect_leaks() const noexcept { return table_.size() != 0; }

  /// Number of live blocks.
  std::size_t live_allocations() const noexcept { return table_.size(); }

  /// One line per live block, oldest first: "leak: <size> bytes at <address> (align <a>,
  /// allocation #<n>)"; empty when nothing leaks.
  std::string leak_report() const {
    std::string out;
    for (const auto& e : table_.live()) {
      char line[128];
      std::snprintf(line, sizeof line, "leak: %zu bytes at %p (align %zu, allocation #%llu)\n",
                    e.record.size, e.ptr, e.record.align,
                    static_cast<unsigned long long>(e.record.seq));
      out += line;
    }
    return out;
  }

  /// The wrapped allocator.
  upstream_type& upstream() noexcept { return upstream_; }

 private:
  static std::size_t front_size(std::size_t align) noexcept { return std::max(canary_size, align); }
  static Layout raw_layout(std::size_t size, std::size_t align) noexcept {
    return Layout{front_size(align) + size + canary_size, align};
  }
  static bool all_equal(const unsigned char* p, std::size_t n, unsigned char v) noexcept {
    return std::all_of(p, p + n, [v](unsigned char c) { return c == v; });
  }

  Allocation allocate_filled(Layout l, unsigned char fill) noexcept {
    assert(std::has_single_bit(l.align) && "DebugAllocator: alignment is not a power of two");
    const std::size_t front = front_size(l.align);
    if (!std::has_single_bit(l.align) ||
        l.size > std::numeric_limits<std::size_t>::max() - front - canary_size)
      return {};
    const Layout raw_l = raw_layout(l.size, l.align);
    const Allocation raw = upstream_.allocate(raw_l);
    if (raw.ptr == nullptr) return {};
    auto* user = static_cast<unsigned char*>(raw.ptr) + front;
    std::memset(raw.ptr, canary_fill, front);
    std::memset(user, fill, l.size);
    std::memset(user + l.size, canary_fill, canary_size);
    if (!table_.insert(user, {raw.ptr, l.size, l.align, next_seq_++})) {
      upstream_.deallocate(raw.ptr, raw_l);
      return {};
    }
    return {user, l.size};
  }

  [[no_unique_address]] A upstream_;
  detail::DebugTable table_;
  std::uint64_t next_seq_ = 0;
};

}  // namespace clvm::mem
