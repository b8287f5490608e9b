// SPDX-License-Identifier: Apache-2.0
// node_to_bytes_backrefs: clvmr's greedy compressor (src/serde/ser_br.rs) on interned ids.
//
// The reader's parse stack at any moment is a list of completed items; every completed subtree
// stays somewhere inside it, and the stack changes the same way whether a subtree was written in
// full or as a back-reference. So each decision is local: for each node (pre-order) serializing to
// >= 4 bytes, take the shortest path from the stack root to an equal subtree if its path atom is
// shorter than the node. A root path is `rest`^o (o = an item's distance from the top) followed
// either by nothing (the node equals that stack suffix) or by `first` and a path inside the item.
// Paths inside items are found by a breadth-first search upwards from the node over completed
// ancestors (interned ids, parent lists), which stops as soon as no shorter candidate can appear.
// The search is kept small by (1) skipping nodes not inside the stack at all, (2) a bound from
// one cheap path, and (3) pruning ancestors by `top`, an upper bound on the stack position of any
// item holding them: an ancestor whose items are all too far down is never expanded. Pruning
// drops only paths longer than the bound, so the chosen path (and the output) is unchanged.
#include <clvm/serde.hpp>

#include "serde/atom_prefix.hpp"
#include "serde/intern.hpp"

#include <algorithm>
#include <limits>

namespace clvm {
namespace {

using namespace serde_detail;

// The longest path (in steps) whose atom serializes to at most `budget` bytes (clvmr's
// atom_length_bits(steps + 1) <= budget).
std::uint64_t max_path_steps(std::uint64_t budget) {
  std::uint64_t nb = budget - 1;
  while (nb > 0 && nb + prefix_width(nb) > budget) --nb;
  return std::max<std::uint64_t>(7, nb * 8) - 1;
}

class Compressor {
 public:
  Compressor(const InternedTree& t, std::size_t limit) : t_(t), limit_(limit) {
    const std::uint32_t n = t.size();
    serlen_.resize(n);
    std::vector<std::uint32_t> count(n + 1, 0);
    for (std::uint32_t id = 0; id < n; ++id) {
      if (t.is_atom(id)) {
        serlen_[id] = atom_serialized_length(t.atom(id).span());
      } else {
        serlen_[id] = sat_add(1, sat_add(serlen_[t.first(id)], serlen_[t.rest(id)]));
        ++count[t.first(id)];
        ++count[t.rest(id)];
      }
    }
    info_.resize(n);
    std::vector<std::uint32_t> fill(n);
    for (std::uint32_t id = 0, off = 0; id < n; ++id) {
      info_[id].parent_begin = info_[id].parent_end = fill[id] = off;
      off += count[id];
    }
    parents_.resize(fill.empty() ? 0 : fill.back() + count[n - 1]);
    entry_pos_.resize(std::size_t{n} * 2);
    for (std::uint32_t id = 0; id < n; ++id) {
      if (t.is_atom(id)) continue;
      entry_pos_[id << 1] = fill[t.first(id)];
      parents_[fill[t.first(id)]++] = id << 1;
      entry_pos_[(id << 1) | 1] = fill[t.rest(id)];
      parents_[fill[t.rest(id)]++] = (id << 1) | 1;
    }
    present_.assign(n, 0);
    walk_.resize(n);
    raise_budget_ = std::uint64_t{16} * n + 65536;  // the corpus needs at most ~8n
    spine_pos_.assign(n, 0);
    queue_.assign(n, 0);
  }

  std::vector<std::uint8_t> run() {
    constexpr std::uint64_t kCons = std::uint64_t{1} << 32;
    std::vector<std::uint64_t> ops{t_.root()};
    while (!ops.empty()) {
      const std::uint64_t op = ops.back();
      ops.pop_back();
      const auto id = static_cast<std::uint32_t>(op);
      if ((op & kCons) != 0) {
        pop_item();
        pop_item();
        mark_present(id);
        push_item(id);
        continue;
      }
      if (serlen_[id] >= 4 && (info_[id].top != 0 || spine_pos_[id] != 0) && try_backref(id)) {
        mark_present(id);  // it may have matched a stack suffix without being completed before
        push_item(id);
      } else if (t_.is_atom(id)) {
        append_atom(out_, t_.atom(id).span());
        mark_present(id);
        push_item(id);
      } else {
        out_.push_back(kConsBox);
        ops.push_back(kCons | id);
        ops.push_back(t_.rest(id));
        ops.push_back(t_.first(id));
      }
      if (out_.size() > limit_) [[unlikely]]
        throw EvalError(ErrorKind::OutOfMemory);
    }
    return std::move(out_);
  }

 private:
  struct Item {
    std::uint32_t id, prev_item_pos, spine, prev_spine_pos;
  };
  // The best path found so far: `o` rests, then (if `top` is set) a first into the item `top`
  // and `depth` steps recorded in NodeInfo::down.
  struct Candidate {
    std::uint64_t steps = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t o = 0, depth = 0;
    std::uint32_t top = kNoId;
  };

  static std::uint64_t sat_add(std::uint64_t x, std::uint64_t y) noexcept {
    return x > std::numeric_limits<std::uint64_t>::max() - y
               ? std::numeric_limits<std::uint64_t>::max()
               : x + y;
  }

  // An item pushed at `pos` holds a new occurrence of every node below it: raises their `top` to
  // pos. Invariant: a child's top is >= its parent's (a node's children are pushed at or above its
  // own position), so the walk stops where the bound already holds.
  // A large subtree referenced again and again higher up the stack would be walked each time, so
  // the walks share a budget; past it, pruning stops and only nodes with top 0 are still marked
  // (top != 0 must keep meaning "inside the stack"; each node once: O(n) in all).
  void raise_top(std::uint32_t id, std::uint32_t pos) {
    NodeInfo* const info = info_.data();
    // Past the budget a node counts as raised once it has any top; before it, once top >= pos.
    const std::uint32_t enough = prune_ ? pos : 1;
    if (info[id].top >= enough) return;
    info[id].top = pos;
    if (t_.is_atom(id)) return;
    std::uint32_t* const todo = walk_.data();  // each node is raised (and queued) once per walk
    std::size_t size = 0, expanded = 0;
    todo[size++] = id;
    while (size != 0) {
      const std::uint32_t n = todo[--size];
      ++expanded;
      const std::uint32_t f = t_.first(n), r = t_.rest(n);
      if (info[f].top < enough) {
        info[f].top = pos;
        if (!t_.is_atom(f)) todo[size++] = f;
      }
      if (info[r].top < enough) {
        info[r].top = pos;
        if (!t_.is_atom(r)) todo[size++] = r;
      }
    }
    if (!prune_) return;
    if (expanded >= raise_budget_) {
      prune_ = false;  // the bounds set by this walk are still valid; later ones are not kept
    } else {
      raise_budget_ -= expanded;
    }
  }

  // Records that `id` is complete: its entries move to the front (the present part) of its
  // children's parent lists, so searches never scan parents that do not exist yet.
  void mark_present(std::uint32_t id) {
    if (present_[id] != 0) return;
    present_[id] = 1;
    if (t_.is_atom(id)) return;
    for (std::uint32_t dir = 0; dir < 2; ++dir) {
      const std::uint32_t child = dir == 0 ? t_.first(id) : t_.rest(id);
      const std::uint32_t entry = (id << 1) | dir;
      const std::uint32_t at = entry_pos_[entry];
      const std::uint32_t front = info_[child].parent_end++;
      const std::uint32_t other = parents_[front];
      std::swap(parents_[at], parents_[front]);
      entry_pos_[other] = at;
      entry_pos_[entry] = front;
    }
  }

  void push_item(std::uint32_t id) {
    const std::uint32_t below = items_.empty() ? t_.nil_id() : items_.back().spine;
    const std::uint32_t spine = below == kNoId ? kNoId : t_.find_pair(id, below);
    const auto pos = static_cast<std::uint32_t>(items_.size() + 1);
    items_.push_back({id, info_[id].item_pos, spine, spine == kNoId ? 0 : spine_pos_[spine]});
    info_[id].item_pos = pos;
    if (spine != kNoId) spine_pos_[spine] = pos;
    raise_top(id, pos);
  }

  void pop_item() {
    const Item it = items_.back();
    items_.pop_back();
    info_[it.id].item_pos = it.prev_item_pos;
    if (it.spine != kNoId) spine_pos_[it.spine] = it.prev_spine_pos;
  }

  // Emits a back-reference for `id` if one is short enough; returns whether it did.
  bool try_backref(std::uint32_t id) {
    const std::uint64_t max_steps = max_path_steps(serlen_[id] - 1);
    const std::uint64_t k = items_.size();
    Candidate best;
    if (const std::uint32_t sp = spine_pos_[id]; sp != 0) {
      best.steps = best.o = k - sp;  // the node is the stack suffix starting o items down
    }
    // Not only for completed nodes: a subtree of a back-referenced stack suffix may contain this
    // node although it was never written itself.
    if (max_steps >= 1) {
      const std::uint64_t bound = std::min(max_steps, best.steps);
      search_items(id, k, std::min(bound, some_path_steps(id, k, bound)), best);
    }
    if (best.steps > max_steps) return false;
    out_.push_back(kBackReference);
    encode(best);
    append_atom(out_, path_);
    return true;
  }

  // The length of one path to `id` (or more than `bound`): up through each node's most recently
  // completed parent to the first stack item. Only a bound that lets search_items prune early:
  // the search still finds the shortest path, and the same one as without the bound.
  std::uint64_t some_path_steps(std::uint32_t id, std::uint64_t k, std::uint64_t bound) const {
    std::uint32_t node = id;
    for (std::uint64_t depth = 0;; ++depth) {
      const NodeInfo& ni = info_[node];
      if (ni.item_pos != 0) return k - ni.item_pos + 1 + depth;
      if (ni.parent_end == ni.parent_begin || hopeless(ni.top, k, depth, bound)) return bound + 1;
      node = parents_[ni.parent_end - 1] >> 1;
    }
  }

  // Breadth-first search upwards from `id` through completed ancestors; an ancestor that is a
  // stack item o positions from the top gives a path of o + 1 + depth steps. queue_ holds the
  // levels back to back (each node is queued at most once per search). A level's candidates are
  // checked as its nodes are queued, in queue order, so the first of several equal candidates wins.
  void search_items(std::uint32_t id, std::uint64_t k, std::uint64_t max_steps, Candidate& out) {
    ++epoch_;
    NodeInfo* const info = info_.data();
    std::uint32_t* const queue = queue_.data();
    const std::uint32_t* const parents = parents_.data();
    const std::uint32_t epoch = epoch_;
    Candidate best = out;  // a local: the stores below cannot alias it
    queue[0] = id;
    info[id].stamp = epoch;
    if (const std::uint32_t pos = info[id].item_pos; pos != 0 && k - pos + 1 < best.steps)
      best = {k - pos + 1, k - pos, 0, id};
    // The deepest level worth expanding: level depth + 1 yields candidates of at least depth + 2
    // steps, and only strictly shorter ones than the best help.
    auto limit = [&] { return std::min(max_steps, best.steps - 1); };
    std::uint64_t lim = limit();
    std::size_t lo = 0, hi = 1;
    for (std::uint64_t depth = 0; lo < hi && depth + 2 <= lim; ++depth) {
      if (hi - lo == 1) {
        // Fast path: a chain of nodes with one completed parent each. Invariant: `node` is the
        // whole frontier, at level `depth`, not yet expanded.
        std::uint32_t node = queue[lo];
        while (info[node].parent_end - info[node].parent_begin == 1) {
          const std::uint32_t entry = parents[info[node].parent_begin];
          const std::uint32_t parent = entry >> 1;
          NodeInfo& pi = info[parent];
          if (pi.stamp == epoch || hopeless(pi.top, k, depth, lim)) {  // nothing new above
            out = best;
            return;
          }
          pi.stamp = epoch;
          pi.down = (node << 1) | (entry & 1);
          queue[hi] = parent;
          lo = hi++;
          if (pi.item_pos != 0) [[unlikely]] {
            const std::uint64_t steps = k - pi.item_pos + 2 + depth;
            if (steps < best.steps) {
              best = {steps, k - pi.item_pos, depth + 1, parent};
              lim = limit();
            }
          }
          if (depth + 3 > lim) {  // the next level is not worth expanding
            out = best;
            return;
          }
          ++depth;
          node = parent;
        }
      }
      if (depth + 3 > lim) {
        // The last level worth expanding: its nodes are only candidates (never expanded), so
        // nothing is queued and only a new best records its step down.
        for (std::size_t q = lo; q < hi; ++q) {
          const std::uint32_t node = queue[q];
          const std::uint32_t pe = info[node].parent_end;
          for (std::uint32_t e = info[node].parent_begin; e < pe; ++e) {
            const std::uint32_t parent = parents[e] >> 1;
            const NodeInfo& pi = info[parent];
            if (pi.item_pos == 0 || pi.stamp == epoch) continue;
            const std::uint64_t steps = k - pi.item_pos + 2 + depth;
            if (steps < best.steps) {
              best = {steps, k - pi.item_pos, depth + 1, parent};
              info[parent].down = (node << 1) | (parents[e] & 1);
            }
          }
        }
        break;
      }
      std::size_t end = hi;
      for (std::size_t q = lo; q < hi; ++q) {
        const std::uint32_t node = queue[q];
        const std::uint32_t pe = info[node].parent_end;
        for (std::uint32_t e = info[node].parent_begin; e < pe; ++e) {
          const std::uint32_t entry = parents[e];
          const std::uint32_t parent = entry >> 1;
          NodeInfo& pi = info[parent];
          if (pi.stamp == epoch || hopeless(pi.top, k, depth, lim)) continue;
          pi.stamp = epoch;
          pi.down = (node << 1) | (entry & 1);
          queue[end++] = parent;
          if (pi.item_pos != 0) [[unlikely]] {
            const std::uint64_t steps = k - pi.item_pos + 2 + depth;
            if (steps < best.steps) {
              best = {steps, k - pi.item_pos, depth + 1, parent};
              lim = limit();
            }
          }
        }
      }
      lo = hi;
      hi = end;
    }
    out = best;
  }

  // Whether no path through an ancestor at level depth + 1 can be short enough: every item holding
  // it is at position <= its `top`, so such a path has >= (k - top) + 1 + depth + 1 steps.
  bool hopeless(std::uint32_t top, std::uint64_t k, std::uint64_t depth,
                std::uint64_t lim) const noexcept {
    const std::uint64_t o_min = prune_ ? k - std::min<std::uint64_t>(top, k) : 0;
    return o_min + 2 + depth > lim;
  }

  // The path atom of `c` (big-endian; bit i is step i from the root, 1 = rest; then a 1).
  // Written to path_.
  void encode(const Candidate& c) {
    std::vector<std::uint8_t>& v = path_;
    v.assign((c.steps + 1 + 7) / 8, 0);
    auto set = [&](std::uint64_t bit) {
      v[v.size() - 1 - bit / 8] |= static_cast<std::uint8_t>(1u << (bit % 8));
    };
    std::fill(v.end() - static_cast<std::ptrdiff_t>(c.o / 8), v.end(), 0xFF);  // the o rests
    v[v.size() - 1 - c.o / 8] |= static_cast<std::uint8_t>((1u << (c.o % 8)) - 1);
    if (c.top != kNoId) {  // bit o stays 0: `first`
      std::uint32_t node = c.top;
      for (std::uint64_t i = 0; i < c.depth; ++i) {
        if ((info_[node].down & 1) != 0) set(c.o + 1 + i);
        node = info_[node].down >> 1;
      }
    }
    set(c.steps);
  }

  const InternedTree& t_;
  std::size_t limit_;
  std::vector<std::uint64_t> serlen_;
  // Per node, what the upward search reads: its parents as (parent id << 1) | is_rest in
  // parents_[parent_begin, ...), of which [parent_begin, parent_end) are complete; its topmost
  // 1-based stack position (0: not an item); the search epoch that last queued it.
  struct NodeInfo {
    std::uint32_t parent_begin = 0, parent_end = 0, item_pos = 0, stamp = 0;
    std::uint32_t down = 0;  // (child << 1) | is_rest: the step back towards the searched node
    // >= the position of every stack item holding this node (raise_top). Nonzero exactly when the
    // node is inside the reader's stack for good (completed, or below a back-referenced node): a
    // node with top 0 that is not a stack suffix cannot be found by any search.
    std::uint32_t top = 0;
  };
  std::vector<NodeInfo> info_;
  std::vector<std::uint32_t> parents_, entry_pos_;  // entry_pos_ locates each parent entry
  // Completed (or back-referenced) at least once: exactly the nodes clvmr's ReadCacheLookup
  // still counts, apart from stack-suffix lists, which are handled by spine_pos_.
  std::vector<std::uint8_t> present_;
  std::vector<std::uint32_t> walk_;       // raise_top's work list
  std::uint64_t raise_budget_ = 0;        // nodes raise_top may still expand while pruning
  bool prune_ = true;                     // whether `top` bounds are maintained (and used)
  std::vector<std::uint32_t> spine_pos_;  // topmost 1-based stack position, or 0
  std::vector<Item> items_;
  std::vector<std::uint32_t> queue_;
  std::uint32_t epoch_ = 0;
  std::vector<std::uint8_t> out_, path_;
};

std::vector<std::uint8_t> compress(const Allocator& a, NodePtr node, std::size_t limit) {
  const InternedTree tree(a, node);
  return Compressor(tree, limit).run();
}

}  // namespace

std::vector<std::uint8_t> node_to_bytes_backrefs(const Allocator& a, NodePtr node) {
  return compress(a, node, std::numeric_limits<std::size_t>::max());
}

std::vector<std::uint8_t> node_to_bytes_backrefs_limit(const Allocator& a, NodePtr node,
                                                       std::size_t limit) {
  return compress(a, node, limit);
}

}  // namespace clvm
