// SPDX-License-Identifier: Apache-2.0
/// \file eval::Stack: the evaluator's stacks. A growable array of trivially copyable values with a
/// hard entry limit, where push costs one comparison (capacity never exceeds the limit, so "full"
/// and "at the limit" share the check). The first `Inline` entries live inside the object (the
/// evaluator is on the caller's stack), so a run that stays shallow allocates nothing: the fixed
/// per-call cost of run_program.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>

namespace clvm::eval {

template <class T, std::size_t Inline>
requires std::is_trivially_copyable_v<T> &&(Inline > 0) class Stack {
 public:
  /// An empty stack that can hold `limit` (> 0) entries, with room for min(Inline, limit) at
  /// first.
  explicit Stack(std::size_t limit) : limit_(limit) {
    base_ = top_ = inline_data();
    end_ = base_ + (Inline < limit ? Inline : limit);
  }
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;
  ~Stack() {
    if (base_ != inline_data()) std::free(base_);
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

 private:
  T* inline_data() noexcept { return reinterpret_cast<T*>(inline_); }

  [[gnu::noinline]] bool grow() {
    const std::size_t cap = static_cast<std::size_t>(end_ - base_);
    if (cap >= limit_) return false;
    const std::size_t next = cap > limit_ / 2 ? limit_ : cap * 2;
    const std::size_t used = size();
    void* p;
    if (base_ == inline_data()) {
      p = std::malloc(next * sizeof(T));
      if (p != nullptr) std::memcpy(p, base_, used * sizeof(T));
    } else {
      p = std::realloc(base_, next * sizeof(T));
    }
    if (p == nullptr) throw std::bad_alloc();
    base_ = static_cast<T*>(p);
    top_ = base_ + used;
    end_ = base_ + next;
    return true;
  }

  T* base_;
  T* top_;
  T* end_;
  std::size_t limit_;
  alignas(T) unsigned char inline_[Inline * sizeof(T)];  // not initialised: written before read
};

}  // namespace clvm::eval
