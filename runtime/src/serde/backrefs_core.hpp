// SPDX-License-Identifier: Apache-2.0
// Private: the back-reference parser (clvmr src/serde/de_br.rs), generic over what it builds, so
// node_from_bytes_backrefs (arena nodes) and serialized_length_from_bytes (a shadow of the tree's
// shape) share one implementation of the parse stack and of path resolution.
//
// A Builder provides:
//   using Node = ...;
//   Node nil();
//   Node atom(std::uint8_t first, std::span<const std::uint8_t> blob);  // blob empty for 1-byte
//   Node atom_padded(std::span<const std::uint8_t> blob);  // optional: a prefixed atom of 5..64
//                                                  // bytes with 64 bytes readable at blob.data()
//   Pairs pairs();    // what one parse makes its pairs with, from its start to its end (an
//                     // object that may cache the pair table's state; the parse is its only user):
//     Node pair(Node first, Node rest);              // a real cons of the input
//     Node stack_pair(Node item, Node below);        // a cons of the parse stack made visible
//   static constexpr bool kBulkPushes;             // pushes may be told in bulk:
//   void pushed();                                 //   one item went onto the parse stack, or
//   void pushed_bulk(std::size_t n);               //   n items did (before any stack_pair)
//   bool descend(Node& n, std::uint64_t bits, unsigned steps);  // steps <= 64 steps from n, bit
//                     // k of bits choosing step k's half (1: rest); false if a step meets an
//                     // atom, n then unspecified (branch-free on the bits where it can: they
//                     // are as good as random)
#pragma once

#include "number/be_bytes.hpp"
#include "serde/atom_prefix.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

namespace clvm::serde_detail {

[[noreturn]] inline void throw_backref(const char* what) {
  throw SerdeError(ErrorKind::BackreferenceError, what);
}

/// The path atom after an `fe` byte: a bare byte, nil, or a prefixed atom.
inline std::span<const std::uint8_t> read_path(Cursor& c) {
  const std::uint8_t first = c.next();
  if (first == kNilByte) return {};
  if (first <= kMaxSingleByte) return {c.data + c.pos - 1, 1};
  const Prefix p = decode_prefix(c, first);
  return c.take(p.len);
}

template <class Builder>
class BackrefParser {
 public:
  using Node = typename Builder::Node;

  explicit BackrefParser(Builder& b) : b_(b) {}

  /// Parses one object from `c`, continuing a parse already under way: `open` lists its open
  /// pairs bottom first (0: reading the first half, 1: reading the rest) and `firsts` the
  /// finished first halves, one per 1 in `open`, in the same order; every push that made them
  /// was already told to the builder. Throws as parse.
  Node resume(Cursor& c, std::span<const std::uint8_t> open, std::span<const Node> firsts) {
    stack_.clear();
    for (const Node n : firsts) stack_.push_back(Entry{n, Node{}});
    size_ = stack_.size();
    open0_ = open;
    return parse(c);
  }

  /// Parses one object from `c`. Throws SerdeError on malformed input.
  Node parse(Cursor& c) {
    if constexpr (Builder::kBulkPushes) {
      try {
        const Node root = parse_loop(c);
        flush_pushes();
        return root;
      } catch (...) {
        flush_pushes();
        throw;
      }
    } else {
      return parse_loop(c);
    }
  }

 private:
  // The open-pair stack's bytes.
  static constexpr std::uint8_t kReadingFirst = 0, kReadingRest = 1, kBottom = 2;

  struct Entry {
    Node node;
    Node list;  // valid for entries below cached_: this entry's stack suffix as a CLVM list
  };

  // The pushes onto clvmr's parse stack (an atom, a back-reference or a finished cons). A bulk
  // builder is told the count before anything can read it (flush_pushes): the loop counts them in
  // a register and adds them to pushes_ before each resolve and when it leaves (also by a throw).
  class Pushes {
   public:
    explicit Pushes(BackrefParser& p) noexcept : p_(p) {}
    Pushes(const Pushes&) = delete;
    Pushes& operator=(const Pushes&) = delete;
    ~Pushes() { settle(); }
    void one() {
      if constexpr (Builder::kBulkPushes)
        ++n_;
      else
        p_.b_.pushed();
    }
    void settle() noexcept { p_.pushes_ += std::exchange(n_, 0); }

   private:
    BackrefParser& p_;
    std::size_t n_ = 0;
  };
  void flush_pushes() {
    if constexpr (Builder::kBulkPushes) {
      if (pushes_ != 0) b_.pushed_bulk(std::exchange(pushes_, 0));
    }
  }

  // The loop reads through a local pointer and keeps both stack tops in locals: `open` holds a
  // byte per open pair (0 = reading first, 1 = reading rest), stack_ the finished first halves
  // (size_ is written back only for resolve, the one reader of the stack besides this loop).
  Node parse_loop(Cursor& c) {
    const std::uint8_t* const data = c.data;
    const std::uint8_t* const end = data + c.size;
    const std::uint8_t* p = data + c.pos;
    // open[0] is kBottom, under the first open pair: closing pairs needs no emptiness test.
    std::vector<std::uint8_t> open(std::max<std::size_t>(64, 2 * (open0_.size() + 1)));
    open[0] = kBottom;
    std::copy(open0_.begin(), open0_.end(), open.begin() + 1);
    std::uint8_t* op = open.data() + 1 + open0_.size();  // one past the top
    std::uint8_t* op_limit = open.data() + open.size();
    if (stack_.size() < 64) stack_.resize(64);
    Entry* sp = stack_.data() + size_;
    Entry* sp_limit = stack_.data() + stack_.size();
    Entry* low = sp;  // the lowest the stack's top went since cached_ was last brought down
    auto pairs = b_.pairs();
    Pushes pushes(*this);
    for (;;) {
      std::uint8_t byte;
      if constexpr (std::endian::native == std::endian::little) {
        // A run of cons boxes (up to 7 at a time) in one step, as the classic reader: the count
        // of leading ff bytes of the next 8 input bytes, without a branch per box (the cons-or-
        // not branch is the loop's most mispredicted one), and the token after them from the
        // same word. A cons only pushes "reading first".
        if (end - p >= 8) [[likely]] {
          const ConsRun run = cons_run(p);
          if (op_limit - op < 8) [[unlikely]] {
            const std::size_t used = static_cast<std::size_t>(op - open.data());
            open.resize(2 * open.size());
            op = open.data() + used;
            op_limit = open.data() + open.size();
          }
          std::memset(op, 0, 8);  // "reading first" x 8; only `run` of them are kept
          op += run.boxes;
          p += run.boxes + 1;
          byte = run.next;
        } else {
          if (p == end) [[unlikely]]
            throw_bad_encoding("bad encoding: unexpected end of input");
          byte = *p++;
        }
      } else {
        if (p == end) [[unlikely]]
          throw_bad_encoding("bad encoding: unexpected end of input");
        byte = *p++;
      }
      if (byte == kConsBox) {
        if (op == op_limit) [[unlikely]] {
          const std::size_t used = open.size();
          open.resize(2 * used);
          op = open.data() + used;
          op_limit = open.data() + open.size();
        }
        *op++ = kReadingFirst;
        continue;
      }
      Node node;
      if (byte <= kMaxSingleByte || byte == kNilByte) {
        node = b_.atom(byte, {});
      } else if (byte < 0xC0) {  // a one-byte prefix: 1..63 bytes follow
        const std::size_t len = byte & 0x3F;
        if (len > static_cast<std::size_t>(end - p)) [[unlikely]]
          throw_bad_encoding("bad encoding: atom runs past the end of input");
        if constexpr (requires { b_.atom_padded(std::span<const std::uint8_t>{}); }) {
          // 5..64 bytes with 64 readable: the builder may copy a fixed 64 (see atom_padded).
          if (len > 4 && end - p >= 64)
            node = b_.atom_padded({p, len});
          else
            node = b_.atom(byte, {p, len});
        } else {
          node = b_.atom(byte, {p, len});
        }
        p += len;
      } else if (byte == kBackReference) {
        size_ = static_cast<std::size_t>(sp - stack_.data());
        cached_ = std::min(cached_, static_cast<std::size_t>(low - stack_.data()));
        low = sp;
        pushes.settle();
        // Nearly every path is a bare byte or a one-byte-prefixed atom of at most 8 bytes: read
        // those here, as a number. Anything else (and every error) goes through read_path.
        const std::size_t avail = static_cast<std::size_t>(end - p);
        const std::uint8_t head = avail != 0 ? *p : kBackReference;  // kBackReference: not short
        if (head <= kMaxSingleByte) {
          ++p;
          node = resolve_short(head, pairs);
        } else if (const std::size_t len = head & 0x3F;
                   head < 0xC0 && len <= 8 && len < avail) {  // nil (0x80) included: len 0
          node = resolve_short(number_detail::load_be_upto8(p + 1, len), pairs);
          p += 1 + len;
        } else {
          c.pos = static_cast<std::size_t>(p - data);
          node = resolve(read_path(c), pairs);
          p = data + c.pos;
        }
      } else {
        c.pos = static_cast<std::size_t>(p - data);
        const Prefix pre = decode_prefix(c, byte);
        node = b_.atom(byte, c.take(pre.len));
        p = data + c.pos;
      }
      pushes.one();
      for (;;) {
        const std::uint8_t top = op[-1];
        if (top == kReadingFirst) {
          op[-1] = kReadingRest;
          if (sp == sp_limit) [[unlikely]] {
            const std::size_t used = stack_.size();
            const auto low_at = low - stack_.data();
            stack_.resize(2 * used);
            sp = stack_.data() + used;
            sp_limit = stack_.data() + stack_.size();
            low = stack_.data() + low_at;
          }
          (sp++)->node = node;  // `list` is set when the stack is made visible
          break;
        }
        if (top == kBottom) [[unlikely]] {
          c.pos = static_cast<std::size_t>(p - data);
          size_ = static_cast<std::size_t>(sp - stack_.data());
          return node;
        }
        --sp;
        if (sp < low) low = sp;
        node = pairs.pair(sp->node, node);
        pushes.one();
        --op;
      }
    }
  }

  // Bits [64k, 64k + 64) of a path's step stream, bit 0 the last byte's LSB (clvmr's
  // traverse_path_with_vec reads them in that order): up to 8 bytes read big-endian (a byte loop
  // here is vectorised into a long prologue; most paths are 1-4 bytes). Requires 8k < path.size().
  static std::uint64_t path_chunk(std::span<const std::uint8_t> path, std::size_t k) noexcept {
    const std::size_t hi = path.size() - 8 * k;
    const std::size_t n = std::min<std::size_t>(hi, 8);
    return number_detail::load_be_upto8(path.data() + (hi - n), n);
  }

  // clvmr's traverse_path_with_vec: the highest set bit terminates; 0 = first, 1 = rest. While
  // on the stack's spine a `rest` moves down one entry (a run of them is taken 64 at a time); a
  // `first` enters that entry's node, where the builder takes the remaining steps (descend).
  template <class Pairs>
  Node resolve(std::span<const std::uint8_t> path, Pairs& pairs) {
    if (path.size() <= 8) [[likely]]
      return resolve_short(number_detail::load_be_upto8(path.data(), path.size()), pairs);
    std::size_t first_nz = 0;
    while (first_nz < path.size() && path[first_nz] == 0) ++first_nz;
    if (first_nz == path.size()) return b_.nil();
    // Steps: every bit of the bytes after first_nz, and those of path[first_nz] below its top bit.
    const std::uint64_t steps = std::uint64_t{8} * (path.size() - 1 - first_nz) +
                                static_cast<unsigned>(std::bit_width(path[first_nz]) - 1);
    bool in_node = size_ == 0;
    std::size_t idx = in_node ? 0 : size_ - 1;
    Node cur = b_.nil();
    for (std::uint64_t done = 0; done < steps; done += 64) {
      std::uint64_t bits = path_chunk(path, static_cast<std::size_t>(done / 64));
      auto left = static_cast<unsigned>(std::min<std::uint64_t>(64, steps - done));
      if (!in_node) {
        const auto run = std::min(left, static_cast<unsigned>(std::countr_one(bits)));
        if (run > idx) {  // past the bottom: the terminating nil, where any further step fails
          if (done + idx + 1 < steps) throw_backref("invalid backreference during deserialisation");
          return b_.nil();
        }
        idx -= run;
        if (run == left) continue;  // the whole chunk on the spine
        cur = stack_[idx].node;     // a `first`
        in_node = true;
        left -= run + 1;
        if (left == 0) continue;
        bits >>= run + 1;
      }
      if (!b_.descend(cur, bits, left))
        throw_backref("invalid backreference during deserialisation");
    }
    if (in_node) return cur;
    return stack_list(idx, pairs);
  }

  // resolve for a path of at most 8 bytes (nearly all of them), `v` its big-endian value: one
  // chunk, so no loop over chunks and no scan for leading zero bytes.
  template <class Pairs>
  Node resolve_short(std::uint64_t v, Pairs& pairs) {
    if (v == 0) return b_.nil();
    const auto steps = static_cast<unsigned>(std::bit_width(v) - 1);  // <= 63
    // The terminating bit is set too, so a path all of rests counts steps + 1 here.
    const auto run = std::min(steps, static_cast<unsigned>(std::countr_one(v)));
    if (run >= size_) [[unlikely]] {  // past the bottom (or an empty stack): the terminating nil,
      if (size_ < steps) throw_backref("invalid backreference during deserialisation");
      return b_.nil();  // where any further step fails
    }
    const std::size_t idx = size_ - 1 - run;
    if (run == steps) return stack_list(idx, pairs);
    Node cur = stack_[idx].node;  // a `first`
    if (!b_.descend(cur, v >> (run + 1), steps - run - 1))
      throw_backref("invalid backreference during deserialisation");
    return cur;
  }

  // The path names the stack itself (from entry idx down): make that list real. Entries below
  // cached_ already are (return that suffix as it is); build the rest bottom-up and remember it.
  template <class Pairs>
  Node stack_list(std::size_t idx, Pairs& pairs) {
    if (idx < cached_) return stack_[idx].list;
    Node list = cached_ == 0 ? b_.nil() : stack_[cached_ - 1].list;
    flush_pushes();  // a stack pair turns a counted ghost into a pair
    for (std::size_t i = cached_; i <= idx; ++i) {
      list = pairs.stack_pair(stack_[i].node, list);
      stack_[i].list = list;
    }
    if (idx + 1 > cached_) cached_ = idx + 1;
    return list;
  }

  Builder& b_;
  std::vector<Entry> stack_;  // [0, size_) in use (the loop's top is local; see parse_loop)
  std::size_t size_ = 0;
  std::size_t cached_ = 0;               // entries [0, cached_) have `list` set (the loop brings
                                         // it down to where the stack went before each resolve)
  std::size_t pushes_ = 0;               // pushes not yet told to a bulk builder
  std::span<const std::uint8_t> open0_;  // the open pairs a resumed parse starts with
};

}  // namespace clvm::serde_detail
