// SPDX-License-Identifier: Apache-2.0
// Back-reference paths against a model of clvmr 0.19's parser (src/serde/de_br.rs) that takes one
// path bit at a time. The parser under test takes the stack's spine and a node's halves up to 64
// steps at a time, so the cases aim at the seams: runs of rests down a deep stack, walks of more
// than 64 steps inside a node, paths of many bytes (with leading zero bytes), walks that meet an
// atom or go past the stack's bottom, and paths that name the stack itself; the path atoms are
// written canonically or with a prefix (the reader takes paths of up to 8 bytes as numbers).
#include <clvm/serde.hpp>

#include "serde_test_util.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {

using namespace clvm;
using Bytes = std::vector<std::uint8_t>;

class Model {
 public:
  struct Node {
    bool is_pair = false;
    Bytes atom;
    std::size_t first = 0, rest = 0;
    std::size_t depth = 0;  // the longest walk from here that ends on an atom
  };

  static constexpr std::size_t kNil = 0;

  std::size_t atom(Bytes b) {
    nodes_.push_back(Node{false, std::move(b)});
    return nodes_.size() - 1;
  }
  std::size_t pair(std::size_t first, std::size_t rest) {
    nodes_.push_back(
        Node{true, {}, first, rest, 1 + std::max(nodes_[first].depth, nodes_[rest].depth)});
    return nodes_.size() - 1;
  }
  const Node& at(std::size_t n) const { return nodes_[n]; }

  // clvmr's traverse_path_with_vec, a bit at a time from the last byte's LSB; the highest set bit
  // terminates. nullopt: a step into an atom.
  std::optional<std::size_t> traverse(std::span<const std::uint8_t> path,
                                      const std::vector<std::size_t>& stack) {
    std::size_t first_nz = 0;
    while (first_nz < path.size() && path[first_nz] == 0) ++first_nz;
    if (first_nz == path.size()) return kNil;
    std::uint8_t last_mask = 0x80;
    while ((path[first_nz] & last_mask) == 0) last_mask >>= 1;
    std::size_t byte_idx = path.size() - 1;
    std::uint8_t mask = 1;
    bool in_node = stack.empty();
    std::size_t arg = stack.empty() ? 0 : stack.size() - 1;
    std::size_t cur = kNil;
    while (byte_idx > first_nz || mask < last_mask) {
      const bool bit = (path[byte_idx] & mask) != 0;
      if (in_node) {
        if (!nodes_[cur].is_pair) return std::nullopt;
        cur = bit ? nodes_[cur].rest : nodes_[cur].first;
      } else if (bit) {
        if (arg == 0) {
          in_node = true;
          cur = kNil;
        } else {
          --arg;
        }
      } else {
        cur = stack[arg];
        in_node = true;
      }
      mask = static_cast<std::uint8_t>(mask << 1);
      if (mask == 0) {
        mask = 1;
        --byte_idx;
      }
    }
    if (in_node) return cur;
    std::size_t list = kNil;
    for (std::size_t i = 0; i <= arg; ++i) list = pair(stack[i], list);
    return list;
  }

  // The whole parse. Requires a well-formed encoding with atoms below 8 KiB (the cases below make
  // nothing else); nullopt: a path fails.
  std::optional<std::size_t> parse(const Bytes& in) {
    std::vector<std::size_t> stack;
    std::vector<bool> ops{false};  // false: parse an object; true: make a cons of the top two
    std::size_t pos = 0;
    auto read_atom = [&](std::uint8_t b) {
      if (b == 0x80) return Bytes{};
      if (b < 0x80) return Bytes{b};
      std::size_t len = b & 0x3F;
      if (b >= 0xC0) len = (std::size_t{b & 0x1Fu} << 8) | in.at(pos++);
      Bytes v(in.begin() + static_cast<std::ptrdiff_t>(pos),
              in.begin() + static_cast<std::ptrdiff_t>(pos + len));
      pos += len;
      return v;
    };
    while (!ops.empty()) {
      const bool cons = ops.back();
      ops.pop_back();
      if (cons) {
        const std::size_t rest = stack.back();
        stack.pop_back();
        stack.back() = pair(stack.back(), rest);
        continue;
      }
      const std::uint8_t b = in.at(pos++);
      if (b == 0xff) {
        ops.insert(ops.end(), {true, false, false});
      } else if (b == 0xfe) {
        const Bytes path = read_atom(in.at(pos++));
        const std::optional<std::size_t> n = traverse(path, stack);
        if (!n) return std::nullopt;
        stack.push_back(*n);
      } else {
        stack.push_back(atom(read_atom(b)));
      }
    }
    return stack.back();
  }

  // Classic serialization, without recursion.
  Bytes classic(std::size_t root) const {
    Bytes out;
    std::vector<std::size_t> todo{root};
    while (!todo.empty()) {
      const Node& n = nodes_[todo.back()];
      todo.pop_back();
      if (n.is_pair) {
        out.push_back(0xff);
        todo.push_back(n.rest);
        todo.push_back(n.first);
      } else {
        append_atom(out, n.atom);
      }
    }
    return out;
  }

  static void append_atom(Bytes& out, const Bytes& v) {
    if (v.size() == 1 && v[0] <= 0x7f) {
      out.push_back(v[0]);
      return;
    }
    if (v.size() < 64) {
      out.push_back(static_cast<std::uint8_t>(0x80 | v.size()));
    } else {  // the cases keep atoms below 8 KiB
      out.push_back(static_cast<std::uint8_t>(0xC0 | (v.size() >> 8)));
      out.push_back(static_cast<std::uint8_t>(v.size() & 0xFF));
    }
    out.insert(out.end(), v.begin(), v.end());
  }

 private:
  std::vector<Node> nodes_{Node{}};  // kNil
};

// A path atom for `steps` (true: rest), with `zeros` leading zero bytes.
Bytes path_atom(const std::vector<bool>& steps, std::size_t zeros) {
  const std::size_t n = steps.size() / 8 + 1;
  Bytes v(zeros + n, 0);
  for (std::size_t i = 0; i <= steps.size(); ++i) {
    const bool bit = i == steps.size() || steps[i];  // the terminating 1 after the steps
    if (bit) v[v.size() - 1 - i / 8] |= static_cast<std::uint8_t>(1u << (i % 8));
  }
  return v;
}

struct Case {
  Bytes in;
  std::string what;
  bool long_walk = false;      // a walk of more than 64 steps inside a node
  bool long_path = false;      // a path atom of more than 8 bytes
  bool prefixed_byte = false;  // a one-byte path below 0x80 written with a prefix (81 xx)
};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  Case next() {
    Model m;
    Case c;
    // The stack's finished first halves, bottom first: chains deep enough for walks of more than
    // 64 steps, each level's other half a small atom or nil.
    const std::size_t depth = pick(3) == 0 ? 1 + pick(300) : 1 + pick(6);
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < depth; ++i) {
      stack.push_back(chain(m, pick(depth) == 0 ? 40 + pick(120) : pick(12)));
      c.in.push_back(0xff);
      const Bytes t = m.classic(stack.back());
      c.in.insert(c.in.end(), t.begin(), t.end());
    }
    const std::size_t open = pick(4) == 0 ? pick(80) : 0;  // open firsts: not on the stack
    c.in.insert(c.in.end(), open, 0xff);
    const std::size_t refs = 1 + pick(3);
    for (std::size_t r = 0; r < refs; ++r) {
      const Bytes path = make_path(m, stack, c);
      c.long_path = c.long_path || path.size() > 8;
      if (r + 1 < refs) c.in.push_back(0xff);
      c.in.push_back(0xfe);
      if (path.size() < 64 && pick(4) == 0) {  // the reader accepts any atom encoding of a path
        c.prefixed_byte = c.prefixed_byte || (path.size() == 1 && path[0] < 0x80);
        c.in.push_back(static_cast<std::uint8_t>(0x80 | path.size()));
        c.in.insert(c.in.end(), path.begin(), path.end());
      } else {
        Model::append_atom(c.in, path);
      }
      // The next path is made against the stack this one leaves (its generator's own model run;
      // the test parses the whole input again in a fresh model).
      const std::optional<std::size_t> got = m.traverse(path, stack);
      if (!got) break;
      if (r + 1 < refs) stack.push_back(*got);
    }
    c.in.insert(c.in.end(), open, 0x80);
    return c;
  }

 private:
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }

  std::size_t leaf(Model& m) {
    switch (pick(4)) {
      case 0:
        return Model::kNil;
      case 1:
        return m.atom(Bytes{static_cast<std::uint8_t>(pick(128))});
      case 2:
        return m.atom(Bytes(1 + pick(40), static_cast<std::uint8_t>(pick(256))));
      default:
        return m.pair(m.atom(Bytes{1}), m.atom(Bytes{2}));
    }
  }
  // A chain of `levels` pairs, each continuing in a random half.
  std::size_t chain(Model& m, std::size_t levels) {
    std::size_t n = leaf(m);
    for (std::size_t i = 0; i < levels; ++i)
      n = pick(2) == 0 ? m.pair(n, leaf(m)) : m.pair(leaf(m), n);
    return n;
  }

  Bytes make_path(Model& m, const std::vector<std::size_t>& stack, Case& c) {
    std::string& what = c.what;
    std::vector<bool> steps;
    switch (pick(5)) {
      case 0: {  // rests only: the stack itself, its bottom's nil, or past it
        steps.assign(pick(stack.size() + 3), true);
        what += " spine";
        break;
      }
      case 1: {  // random bits, up to 48 bytes of them
        steps.resize(pick(48 * 8));
        for (auto&& s : steps) s = pick(2) == 1;
        what += " random";
        break;
      }
      default: {  // rests down the spine, a first, then a walk that mostly follows the chain
        // Down to a random entry, or to the one with the deepest chain.
        std::size_t down = pick(stack.size());
        if (pick(2) == 0) {
          for (std::size_t d = 0; d < stack.size(); ++d)
            if (m.at(stack[stack.size() - 1 - d]).depth >
                m.at(stack[stack.size() - 1 - down]).depth)
              down = d;
        }
        steps.assign(down, true);
        steps.push_back(false);
        std::size_t cur = stack[stack.size() - 1 - down];
        const std::size_t len = pick(200);
        for (std::size_t i = 0; i < len; ++i) {
          const Model::Node& n = m.at(cur);
          if (!n.is_pair) {
            if (pick(3) == 0) steps.push_back(pick(2) == 1);  // one step into the atom
            break;
          }
          // Follow the deeper half (the chain) almost always.
          const bool deeper_rest = m.at(n.rest).depth > m.at(n.first).depth;
          const bool rest = pick(100) == 0 ? !deeper_rest : deeper_rest;
          steps.push_back(rest);
          cur = rest ? n.rest : n.first;
        }
        c.long_walk = c.long_walk || steps.size() - down > 65;
        what += " walk";
        break;
      }
    }
    return path_atom(steps, pick(6) == 0 ? 1 + pick(2) : 0);
  }

  std::mt19937 rng_;
};

TEST(SerdeBackrefPaths, AgreeWithABitAtATimeModel) {
  Generator g(2026);
  // Outcomes: [resolved, failed] for all cases, long walks and long paths.
  std::size_t all[2] = {}, long_walk[2] = {}, long_path[2] = {}, prefixed_byte[2] = {};
  for (int i = 0; i < 3000; ++i) {
    const Case c = g.next();
    SCOPED_TRACE(c.what + " " + serde_test::to_hex(c.in));
    Model m;
    const std::optional<std::size_t> want = m.parse(c.in);
    Allocator a;
    const int outcome = want ? 0 : 1;
    ++all[outcome];
    if (c.long_walk) ++long_walk[outcome];
    if (c.long_path) ++long_path[outcome];
    if (c.prefixed_byte) ++prefixed_byte[outcome];
    if (want) {
      NodePtr root;
      ASSERT_NO_THROW(root = node_from_bytes_backrefs(a, c.in));
      ASSERT_EQ(node_to_bytes(a, root), m.classic(*want));
      EXPECT_EQ(serialized_length_from_bytes(c.in), c.in.size());
    } else {
      serde_test::expect_error<SerdeError>([&] { (void)node_from_bytes_backrefs(a, c.in); },
                                           ErrorKind::BackreferenceError);
      serde_test::expect_error<SerdeError>([&] { (void)serialized_length_from_bytes(c.in); },
                                           ErrorKind::BackreferenceError);
      if (HasFailure()) return;
    }
  }
  // The seams were reached, both ways.
  for (const auto* n : {all, long_walk, long_path}) {
    EXPECT_GT(n[0], 100u);
    EXPECT_GT(n[1], 100u);
  }
  EXPECT_GT(prefixed_byte[0], 50u);
  EXPECT_GT(prefixed_byte[1], 20u);
}

}  // namespace
