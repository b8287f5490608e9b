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
#include <stdexcept>
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

// Growing: the buffer doubles as needed. Limited: as Growing, checking `limit` after every write
// (node_to_bytes_limit). Fixed: the caller's buffer, which must be exactly the output's length
// (node_to_bytes_into): the room checks are exact there instead of allowing a 5-byte prefix.
enum class Mode { Growing, Limited, Fixed };

[[noreturn]] void throw_wrong_size() {
  throw std::invalid_argument("node_to_bytes_into: the buffer is not the serialization's length");
}

// Writes the serialization of `root` into `out` (a Fixed buffer, or the local array) and returns
// the end of what was written.
template <Mode M>
std::uint8_t* write_classic(const Allocator& a, NodePtr root, std::size_t limit, Buffer& out) {
  std::uint8_t* p = out.base;
  NodePtr local_stack[kLocalStack];
  RestStack stack{{}, local_stack, local_stack + kLocalStack};  // rests to write, innermost last
  NodePtr* sp = stack.base;
  NodePtr* stack_end = stack.end;
  NodePtr n = root;
  auto room = [&](std::size_t need) {
    if (static_cast<std::size_t>(out.end - p) < need) [[unlikely]] {
      if constexpr (M == Mode::Fixed) throw_wrong_size();
      p = grow_output(out, p, need);
    }
  };
  auto check_limit = [&] {
    if constexpr (M == Mode::Limited) {
      if (static_cast<std::size_t>(p - out.base) > limit) [[unlikely]]
        throw EvalError(ErrorKind::OutOfMemory);
    }
  };
  for (;;) {
    while (n.is_pair()) {
      const Pair pr = a.pair(n);
      room(1);
      *p++ = kConsBox;
      check_limit();
      if (sp == stack_end) [[unlikely]] {
        sp = grow_stack(stack, sp);
        stack_end = stack.end;
      }
      *sp++ = pr.rest;
      n = pr.first;
    }
    if (n.object_type() == ObjectType::SmallAtom) {
      const std::uint32_t v = n.index();
      room(M != Mode::Fixed ? 5 : v <= kMaxSingleByte ? 1 : 1 + Atom::len_for_value(v));
      p = put_small(p, v);
    } else {
      const Atom atom = a.atom(n);
      const std::size_t size = atom.size();
      if constexpr (M == Mode::Fixed)
        room(size == 0 || (size == 1 && atom.data()[0] <= kMaxSingleByte)
                 ? 1
                 : size + prefix_width(size));
      else
        room(size + 5);
      p = put_prefix(p, atom.span());
    }
    check_limit();
    if (sp == stack.base) break;
    n = *--sp;
  }
  return p;
}

// node_to_bytes(_limit): starts in local storage, copied out at the exact size.
template <Mode M>
std::vector<std::uint8_t> write_classic(const Allocator& a, NodePtr root, std::size_t limit) {
  std::uint8_t local_output[kLocalOutput];
  Buffer out{{}, local_output, local_output + kLocalOutput};
  std::uint8_t* p = write_classic<M>(a, root, limit, out);
  if (out.bytes.empty()) return std::vector<std::uint8_t>(out.base, p);
  out.bytes.resize(static_cast<std::size_t>(p - out.base));
  return std::move(out.bytes);
}

}  // namespace

std::vector<std::uint8_t> node_to_bytes(const Allocator& a, NodePtr node) {
  return write_classic<Mode::Growing>(a, node, std::numeric_limits<std::size_t>::max());
}

std::vector<std::uint8_t> node_to_bytes_limit(const Allocator& a, NodePtr node, std::size_t limit) {
  return write_classic<Mode::Limited>(a, node, limit);
}

void node_to_bytes_into(const Allocator& a, NodePtr node, std::span<std::uint8_t> out) {
  Buffer b{{}, out.data(), out.data() + out.size()};
  if (write_classic<Mode::Fixed>(a, node, out.size(), b) != b.end) throw_wrong_size();
}

}  // namespace clvm
