// SPDX-License-Identifier: Apache-2.0
/// \file eval::Stack: the evaluator's stacks. A growable array of trivially copyable values with a
/// hard entry limit, where push costs one comparison (capacity never exceeds the limit, so "full"
/// and "at the limit" share the check).
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>

namespace clvm::eval {

template <class T>
requires std::is_trivially_copyable_v<T>
class Stack {
 public:
  /// An empty stack that can hold `limit` entries, with room for min(initial, limit) at first.
  Stack(std::size_t limit, std::size_t initial) : limit_(limit) {
    reallocate(initial < limit ? initial : limit);
  }
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;
  ~Stack() { std::free(base_); }

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
  /// The entry `depth` below the top (0 = back()). Requires: size() > depth.
  const T& below_top(std::size_t depth) const noexcept {
    assert(size() > depth);
    return top_[-1 - static_cast<std::ptrdiff_t>(depth)];
  }

 private:
  [[gnu::noinline]] bool grow() {
    const std::size_t cap = static_cast<std::size_t>(end_ - base_);
    if (cap >= limit_) return false;
    reallocate(cap == 0 ? 1 : cap > limit_ / 2 ? limit_ : cap * 2);
    return true;
  }
  void reallocate(std::size_t cap) {
    const std::size_t used = size();
    void* p = std::realloc(base_, (cap == 0 ? 1 : cap) * sizeof(T));
    if (p == nullptr) throw std::bad_alloc();
    base_ = static_cast<T*>(p);
    top_ = base_ + used;
    end_ = base_ + cap;
  }

  T* base_ = nullptr;
  T* top_ = nullptr;
  T* end_ = nullptr;
  std::size_t limit_;
};

}  // namespace clvm::eval
