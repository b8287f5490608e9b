// SPDX-License-Identifier: Apache-2.0
// The canonical classic serializer (clvmr src/serde/ser.rs), iterative pre-order.
//
// Writes through a raw pointer into a buffer grown by doubling; a pair's first half is followed
// at once (only rests wait on the explicit stack); inline atoms are encoded from their value.
#include <clvm/serde.hpp>

#include "serde/atom_prefix.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

namespace clvm {
namespace {

using namespace serde_detail;

// The output and the stack of pending rests are written through local pointers (a byte store may
// alias anything, so members would be reloaded after every byte); growth is out of line. Both
// start in local storage: most results are a few bytes (a batch of small cases serializes one
// answer per case), and a heap block made on one thread and freed on another costs the
// allocator's locks; the result is then copied out at its exact size.
constexpr std::size_t kLocalOutput = 256;
constexpr std::size_t kLocalStack = 64;

struct Buffer {
  std::vector<std::uint8_t> bytes;  // empty while base points at the local array
  std::uint8_t* base;
  std::uint8_t* end;
};

[[gnu::noinline]] std::uint8_t* grow_output(Buffer& b, std::uint8_t* p, std::size_t n) {
  const std::size_t used = static_cast<std::size_t>(p - b.base);
  const std::size_t had = static_cast<std::size_t>(b.end - b.base);
  std::size_t cap = std::max<std::size_t>(had * 2, 4096);
  while (cap - used < n) cap *= 2;
  if (b.bytes.empty()) {  // leaving the local array
    std::vector<std::uint8_t> heap(cap);
    std::memcpy(heap.data(), b.base, used);
    b.bytes = std::move(heap);
  } else {
    b.bytes.resize(cap);
  }
  b.base = b.bytes.data();
  b.end = b.base + cap;
  return b.base + used;
}

struct RestStack {
  std::vector<NodePtr> heap;  // empty while `base` points at the local array
  NodePtr* base;
  NodePtr* end;
};

[[gnu::noinline]] NodePtr* grow_stack(RestStack& s, NodePtr* sp) {
  const std::size_t used = static_cast<std::size_t>(sp - s.base);
  if (s.heap.empty()) {
    s.heap.resize(used * 2);
    std::copy(s.base, sp, s.heap.begin());
  } else {
    s.heap.resize(s.heap.size() * 2);
  }
  s.base = s.heap.data();
  s.end = s.base + s.heap.size();
  return s.base + used;
}

// An inline atom (canonical value v < 2^26): nil, a bare byte, or a 1-byte prefix and 2..4 bytes.
inline std::uint8_t* put_small(std::uint8_t* p, std::uint32_t v) {
  if (v == 0) {
    *p = kNilByte;
    return p + 1;
  }
  if (v <= kMaxSingleByte) {
    *p = static_cast<std::uint8_t>(v);
    return p + 1;
  }
  const std::uint32_t n = Atom::len_for_value(v);
  p[0] = static_cast<std::uint8_t>(0x80 | n);
  for (std::uint32_t i = n; i > 0; --i, v >>= 8) p[i] = static_cast<std::uint8_t>(v);
  return p + n + 1;
}

// A heap atom's prefix; the caller copies the bytes after it.
inline std::uint8_t* put_prefix(std::uint8_t* p, std::span<const std::uint8_t> b) {
  const std::size_t n = b.size();
  if (n == 0) {
    *p = kNilByte;
    return p + 1;
  }
  if (n == 1 && b[0] <= kMaxSingleByte) {
    *p = b[0];
    return p + 1;
  }
  const unsigned w = prefix_width(n);
  std::uint64_t v = n;
  for (unsigned i = w; i-- > 0;) {
    p[i] = static_cast<std::uint8_t>(v);
    v >>= 8;
  }
  p[0] |= static_cast<std::uint8_t>(0xFF00u >> w);  // w leading ones, then a 0
  std::memcpy(p + w, b.data(), n);
  return p + w + n;
}

// `Limited`: check `limit` after every write (node_to_bytes_limit); node_to_bytes has none.
// `expected`: the output's length if the caller knows it (0 if not); past the local array's size
// the heap buffer is made that large at once, plus the slack the writes below ask for before an
// atom (its bytes + 5: a 5-byte prefix), so the last atom does not double the buffer.
template <bool Limited>
std::vector<std::uint8_t> write_classic(const Allocator& a, NodePtr root, std::size_t limit,
                                        std::size_t expected = 0) {
  std::uint8_t local_output[kLocalOutput];
  Buffer out{{}, local_output, local_output + kLocalOutput};
  if (expected > kLocalOutput) {
    out.bytes.resize(expected + 5);
    out.base = out.bytes.data();
    out.end = out.base + out.bytes.size();
  }
  std::uint8_t* p = out.base;
  NodePtr local_stack[kLocalStack];
  RestStack stack{{}, local_stack, local_stack + kLocalStack};  // rests to write, innermost last
  NodePtr* sp = stack.base;
  NodePtr* stack_end = stack.end;
  NodePtr n = root;
  for (;;) {
    while (n.is_pair()) {
      const Pair pr = a.pair(n);
      if (p == out.end) [[unlikely]]
        p = grow_output(out, p, 1);
      *p++ = kConsBox;
      if constexpr (Limited) {
        if (static_cast<std::size_t>(p - out.base) > limit) [[unlikely]]
          throw EvalError(ErrorKind::OutOfMemory);
      }
      if (sp == stack_end) [[unlikely]] {
        sp = grow_stack(stack, sp);
        stack_end = stack.end;
      }
      *sp++ = pr.rest;
      n = pr.first;
    }
    if (n.object_type() == ObjectType::SmallAtom) {
      if (out.end - p < 5) [[unlikely]]
        p = grow_output(out, p, 5);
      p = put_small(p, n.index());
    } else {
      const Atom atom = a.atom(n);
      const std::size_t need = atom.size() + 5;
      if (static_cast<std::size_t>(out.end - p) < need) [[unlikely]]
        p = grow_output(out, p, need);
      p = put_prefix(p, atom.span());
    }
    if constexpr (Limited) {
      if (static_cast<std::size_t>(p - out.base) > limit) [[unlikely]]
        throw EvalError(ErrorKind::OutOfMemory);
    }
    if (sp == stack.base) break;
    n = *--sp;
  }
  const std::size_t used = static_cast<std::size_t>(p - out.base);
  if (out.bytes.empty()) return std::vector<std::uint8_t>(out.base, p);
  out.bytes.resize(used);
  return std::move(out.bytes);
}

}  // namespace

std::vector<std::uint8_t> node_to_bytes(const Allocator& a, NodePtr node) {
  return write_classic<false>(a, node, std::numeric_limits<std::size_t>::max());
}

std::vector<std::uint8_t> node_to_bytes(const Allocator& a, NodePtr node, std::size_t expected) {
  return write_classic<false>(a, node, std::numeric_limits<std::size_t>::max(), expected);
}

std::vector<std::uint8_t> node_to_bytes_limit(const Allocator& a, NodePtr node, std::size_t limit) {
  return write_classic<true>(a, node, limit);
}

}  // namespace clvm
