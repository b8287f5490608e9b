// SPDX-License-Identifier: Apache-2.0
// node_to_bytes_backrefs: clvmr's greedy compressor (src/serde/ser_br.rs, read_cache_lookup.rs),
// byte for byte, on interned ids instead of tree hashes.
//
// clvmr models the reader's parse stack as a graph of tree hashes: each push links the item and
// the old stack to the new stack (a cons), each pop2_and_cons links two items to their pair, and
// nothing is ever unlinked; a reference count says which hashes are alive. For each node
// (pre-order) serializing to >= 4 bytes it searches breadth-first upwards from the node to the
// stack root, marking every hash seen as it goes, and emits the first path that reaches the root if
// its atom is shorter than the node. That is the shortest path whose sequence of parent-list
// positions (from the node up) is lexicographically smallest, so the lists are kept in clvmr's
// append order.
//
// Ids stand for hashes: equal subtrees share an id (InternedTree), and a stack state is the tree
// id of the equal pair when the tree has one, otherwise an id of its own (ids >= tree size).
// The search skips only what cannot lie on a shortest path: nodes never inside the stack, and
// nodes whose distance to the root is provably above a known path's length (`lower_bound`), so
// the path it finds is clvmr's.
#include <clvm/serde.hpp>

#include "serde/atom_prefix.hpp"
#include "serde/intern.hpp"

#include <algorithm>
#include <limits>

namespace clvm {
namespace {

using namespace serde_detail;

constexpr std::uint64_t kInf = std::numeric_limits<std::uint64_t>::max();
constexpr std::size_t kMaxIds = std::size_t{1} << 31;

// The longest path (in steps) whose atom serializes to at most `budget` bytes (clvmr's
// atom_length_bits(steps + 1) <= budget).
std::uint64_t max_path_steps(std::uint64_t budget) {
  std::uint64_t nb = budget - 1;
  while (nb > 0 && nb + prefix_width(nb) > budget) --nb;
  return std::max<std::uint64_t>(7, nb * 8) - 1;
}

std::uint64_t sat_add(std::uint64_t x, std::uint64_t y) noexcept {
  return x > kInf - y ? kInf : x + y;
}

class Compressor {
 public:
  Compressor(const InternedTree& t, std::size_t limit);
  std::vector<std::uint8_t> run();

 private:
  // Per id (tree ids and stack-state ids): clvmr's reference count; the 1-based stack position
  // while it is a live stack state (0: not one); the search epoch that last saw it and the step
  // back towards the searched node ((child << 1) | is_rest); its parent list (tree ids only),
  // as indices into entries_.
  struct Node {
    std::uint32_t count = 0, spine_pos = 0, stamp = 0, down = 0;
    std::uint32_t head = kNoId, tail = kNoId;
  };
  struct Entry {
    std::uint32_t parent;  // (parent id << 1) | is_rest
    std::uint32_t next;
  };
  // Per tree id: an upper bound on the position of every stack item holding it (0: never inside
  // the stack); its topmost position as an item (0: none); `up` steps above it along completed
  // parents, an ancestor `up_node` (kNoId: none, it was pushed last).
  struct TreeInfo {
    std::uint32_t top = 0, item_pos = 0, up_node = kNoId, up = 0;
  };
  struct Item {
    std::uint32_t id, prev_item_pos;
  };

  std::uint32_t state_for(std::uint32_t item, std::uint32_t below);
  void link(std::uint32_t child, std::uint32_t parent, std::uint32_t is_rest);
  void push(std::uint32_t id);
  std::uint32_t pop();
  void pop2_and_cons(std::uint32_t pair);
  void raise_top(std::uint32_t id, std::uint32_t pos);
  std::uint64_t lower_bound(std::uint32_t id, std::uint64_t k) const noexcept;
  std::uint64_t some_path_steps(std::uint32_t id, std::uint64_t k);
  bool search(std::uint32_t id, std::uint64_t k, std::uint64_t max_steps, std::uint64_t& steps);
  bool find_path(std::uint32_t id, std::uint64_t max_steps);

  const InternedTree& t_;
  std::size_t limit_;
  std::uint32_t n_;
  std::vector<std::uint64_t> serlen_;
  std::vector<Node> node_;
  std::vector<Entry> entries_;
  std::vector<TreeInfo> tree_;
  std::vector<Item> items_;
  std::vector<std::uint32_t> spine_;  // spine_[j]: the stack state holding the j bottom items
  // tree_state_below_[j]: the highest position <= j whose state is a tree id (0 if none above 0)
  std::vector<std::uint32_t> tree_state_below_;
  std::vector<std::uint32_t> walk_, level_, next_level_;
  std::uint64_t raise_budget_;
  bool prune_ = true;  // whether `top` bounds are maintained (and used)
  std::uint32_t epoch_ = 0;
  std::vector<std::uint8_t> out_, path_;
};

Compressor::Compressor(const InternedTree& t, std::size_t limit)
    : t_(t), limit_(limit), n_(t.size()) {
  serlen_.resize(n_);
  for (std::uint32_t id = 0; id < n_; ++id) {
    serlen_[id] = t.is_atom(id) ? atom_serialized_length(t.atom(id).span())
                                : sat_add(1, sat_add(serlen_[t.first(id)], serlen_[t.rest(id)]));
  }
  node_.reserve(std::size_t{n_} * 2 + 16);  // tree ids, then about one state id per push
  node_.resize(n_);
  tree_.resize(n_);
  walk_.resize(n_);
  entries_.reserve(std::size_t{n_} * 4);
  // A large subtree referenced again and again higher up the stack would be walked each time, so
  // raise_top's walks share a budget (the corpus needs at most ~8n).
  raise_budget_ = std::uint64_t{16} * n_ + 65536;
  // The empty stack is nil, alive from the start.
  std::uint32_t empty = t.nil_id();
  if (empty == kNoId) {
    empty = n_;
    node_.emplace_back();
  }
  node_[empty].count = 1;
  node_[empty].spine_pos = 1;
  spine_.push_back(empty);
  tree_state_below_.push_back(0);
}

// The id of the stack (item . below): the tree's pair if it has one, else a new state id. A
// state never recurs: while `below` is the top, the items pushed onto it nest strictly (each is a
// left descendant of the next, or a right sibling that pops `below`), so (item . below) is pushed
// once, and by induction from the empty stack every state lives for one interval only.
std::uint32_t Compressor::state_for(std::uint32_t item, std::uint32_t below) {
  if (below < n_) {
    if (const std::uint32_t p = t_.find_pair(item, below); p != kNoId) return p;
  }
  // Ids are stored shifted by one bit: past 2^31 ids (an output of gigabytes) give up cleanly.
  if (node_.size() >= kMaxIds) [[unlikely]]
    throw EvalError(ErrorKind::OutOfMemory);
  node_.emplace_back();
  return static_cast<std::uint32_t>(node_.size() - 1);
}

// Appends (parent, is_rest) to `child`'s parent list. Only tree ids keep lists: a state id's
// only live parent is the state above it, which the search takes from spine_.
void Compressor::link(std::uint32_t child, std::uint32_t parent, std::uint32_t is_rest) {
  if (child >= n_) return;
  if (entries_.size() >= kNoId) [[unlikely]]
    throw EvalError(ErrorKind::OutOfMemory);
  const auto at = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({(parent << 1) | is_rest, kNoId});
  Node& c = node_[child];
  (c.tail == kNoId ? c.head : entries_[c.tail].next) = at;
  c.tail = at;
}

void Compressor::push(std::uint32_t id) {
  const std::uint32_t below = spine_.back();
  const std::uint32_t state = state_for(id, below);
  const auto pos = static_cast<std::uint32_t>(items_.size() + 1);
  ++node_[id].count;
  ++node_[state].count;
  link(id, state, 0);
  link(below, state, 1);
  items_.push_back({id, tree_[id].item_pos});
  tree_[id].item_pos = pos;
  tree_[id].up_node = kNoId;
  node_[state].spine_pos = pos + 1;
  spine_.push_back(state);
  tree_state_below_.push_back(state < n_ ? pos : tree_state_below_.back());
  raise_top(id, pos);
}

std::uint32_t Compressor::pop() {
  const Item it = items_.back();
  items_.pop_back();
  const std::uint32_t state = spine_.back();
  spine_.pop_back();
  tree_state_below_.pop_back();
  --node_[it.id].count;
  --node_[state].count;
  node_[state].spine_pos = 0;
  tree_[it.id].item_pos = it.prev_item_pos;
  return it.id;
}

void Compressor::pop2_and_cons(std::uint32_t pair) {
  const std::uint32_t right = pop(), left = pop();
  ++node_[left].count;
  ++node_[right].count;
  link(left, pair, 0);
  link(right, pair, 1);
  tree_[left].up_node = tree_[right].up_node = pair;
  tree_[left].up = tree_[right].up = 1;
  push(pair);
}

// An item pushed at `pos` holds a new occurrence of every node below it: raises their `top` to
// pos. Invariant: a child's top is >= its parent's (a node's children are pushed at or above its
// own position), so the walk stops where the bound already holds. Past the shared budget, pruning
// stops and only nodes with top 0 are still marked (top != 0 must keep meaning "has been inside
// the stack"; each node once: O(n) in all).
void Compressor::raise_top(std::uint32_t id, std::uint32_t pos) {
  TreeInfo* const info = tree_.data();
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
    for (const std::uint32_t c : {t_.first(n), t_.rest(n)}) {
      if (info[c].top >= enough) continue;
      info[c].top = pos;
      if (!t_.is_atom(c)) todo[size++] = c;
    }
  }
  if (!prune_) return;
  if (expanded >= raise_budget_) {
    prune_ = false;
  } else {
    raise_budget_ -= expanded;
  }
}

// A lower bound on the number of steps from `id` to the root of a stack of k items, or kInf if
// it is not inside the stack. Each step up raises the highest stack position holding a node (as
// an item, inside one, or as the stack of that many items) by at most one, and the root is the
// stack of k items.
std::uint64_t Compressor::lower_bound(std::uint32_t id, std::uint64_t k) const noexcept {
  const std::uint32_t spine = node_[id].spine_pos;
  if (id >= n_) return k - (spine - 1);  // a live state id (count > 0) is on the spine
  const std::uint32_t top = tree_[id].top;
  if (top == 0 && spine == 0) return kInf;
  if (!prune_) return 1;
  const std::uint64_t held =
      std::max<std::uint64_t>(std::min<std::uint64_t>(top, k), spine == 0 ? 0 : spine - 1);
  return std::max<std::uint64_t>(k - held, 1);
}

// The length of one live path from `id` to the root, or kInf: up through completed parents to an
// item, then down the stack. It only bounds the search. The ancestor links form a forest whose
// roots were pushed and not consumed since, i.e. are items (or were never completed); each
// link stands for a real path of `up` steps, so following and compressing them (as union-find
// does) keeps that true and makes the walk short.
std::uint64_t Compressor::some_path_steps(std::uint32_t id, std::uint64_t k) {
  TreeInfo* const info = tree_.data();
  std::uint32_t root = id;
  std::uint64_t steps = 0;
  while (info[root].up_node != kNoId) {
    steps += info[root].up;
    root = info[root].up_node;
  }
  if (info[root].item_pos == 0 || steps > std::numeric_limits<std::uint32_t>::max()) return kInf;
  // Second pass: point every node on the way at the root, with its own distance.
  std::uint64_t left = steps;
  for (std::uint32_t node = id; node != root;) {
    const std::uint32_t next = info[node].up_node, up = info[node].up;
    info[node].up_node = root;
    info[node].up = static_cast<std::uint32_t>(left);
    left -= up;
    node = next;
  }
  return steps + 1 + (k - info[root].item_pos);
}

// The breadth-first search of find_path from `id` (not the root) in a stack of k items. On
// success sets `steps` and leaves the path in the `down` links from the root.
bool Compressor::search(std::uint32_t id, std::uint64_t k, std::uint64_t max_steps,
                        std::uint64_t& steps) {
  const std::uint32_t root = spine_.back();
  // Any path found on the way bounds the rest; only nodes that cannot beat it are skipped.
  std::uint64_t bound = std::min(max_steps, some_path_steps(id, k));
  const std::uint32_t epoch = ++epoch_;
  Node* const node = node_.data();
  node[id].stamp = epoch;
  level_.assign(1, id);
  bool tree_level = true;  // whether level_ holds a tree id
  std::uint32_t lead = 0;  // else the highest stack position among its state ids
  for (std::uint64_t depth = 0; !level_.empty() && depth + 1 <= bound; ++depth) {
    // A level of state ids only: each climbs the spine one state per level and dies on a state
    // seen before, so the highest one reaches the root first if the states above it are state
    // ids too (a tree id on the spine has other parents). Climb it directly.
    if (!tree_level && tree_state_below_[k - 1] <= lead) {
      if (depth + (k - lead) > bound) return false;
      for (std::uint64_t j = lead; j < k; ++j) node[spine_[j + 1]].down = (spine_[j] << 1) | 1;
      steps = depth + (k - lead);
      return true;
    }
    next_level_.clear();
    tree_level = false;
    lead = 0;
    // The edge from `from` to (entry >> 1); true when it reaches the root.
    auto visit = [&](std::uint32_t from, std::uint32_t entry) {
      const std::uint32_t parent = entry >> 1;
      Node& p = node[parent];
      if (p.stamp == epoch) return false;
      p.stamp = epoch;
      if (p.count == 0) return false;
      p.down = (from << 1) | (entry & 1);
      if (parent == root) return true;
      const std::uint64_t at = depth + 1;
      if (parent >= n_) {  // a live state id: exactly k - j steps from the root
        const std::uint32_t j = p.spine_pos - 1;
        if (at + (k - j) > bound) return false;
        bound = at + (k - j);
        lead = std::max(lead, j);
      } else {
        if (sat_add(at, lower_bound(parent, k)) > bound) return false;
        if (const std::uint32_t pos = tree_[parent].item_pos; pos != 0)
          bound = std::min(bound, at + 1 + (k - pos));
        tree_level = true;
      }
      next_level_.push_back(parent);
      return false;
    };
    for (const std::uint32_t u : level_) {
      bool found = false;
      if (u >= n_) {  // a state id: its only live parent is the state above it
        found = visit(u, (spine_[node[u].spine_pos] << 1) | 1);
      } else {
        // Entries to dead state ids are dead for good (a state never recurs): unlink them.
        std::uint32_t prev = kNoId;
        for (std::uint32_t e = node[u].head; e != kNoId && !found;) {
          const std::uint32_t entry = entries_[e].parent, next = entries_[e].next;
          if ((entry >> 1) >= n_ && node[entry >> 1].count == 0) {
            (prev == kNoId ? node[u].head : entries_[prev].next) = next;
            if (node[u].tail == e) node[u].tail = prev;
          } else {
            found = visit(u, entry);
            prev = e;
          }
          e = next;
        }
      }
      if (found) {
        steps = depth + 1;
        return true;
      }
    }
    level_.swap(next_level_);
  }
  return false;
}

// clvmr's find_path: breadth-first upwards from `id`, parents in list order, each id seen once;
// the first discovery of the root is the path. On success writes the path atom to path_.
bool Compressor::find_path(std::uint32_t id, std::uint64_t max_steps) {
  const std::uint64_t k = items_.size();
  const std::uint32_t root = spine_.back();
  std::uint64_t steps = 0;
  if (id != root && !search(id, k, max_steps, steps)) return false;
  // The atom: bit i is the i-th step down from the root (1 = rest), then a terminating 1.
  path_.assign((steps + 1 + 7) / 8, 0);
  auto set = [&](std::uint64_t bit) {
    path_[path_.size() - 1 - bit / 8] |= static_cast<std::uint8_t>(1u << (bit % 8));
  };
  std::uint32_t at = root;
  for (std::uint64_t i = 0; i < steps; ++i) {
    const std::uint32_t d = node_[at].down;
    if ((d & 1) != 0) set(i);
    at = d >> 1;
  }
  set(steps);
  return true;
}

std::vector<std::uint8_t> Compressor::run() {
  constexpr std::uint64_t kCons = std::uint64_t{1} << 32;
  std::vector<std::uint64_t> ops{t_.root()};
  while (!ops.empty()) {
    const std::uint64_t op = ops.back();
    ops.pop_back();
    const auto id = static_cast<std::uint32_t>(op);
    if ((op & kCons) != 0) {
      pop2_and_cons(id);
      continue;
    }
    if (serlen_[id] >= 4 && (tree_[id].top != 0 || node_[id].spine_pos != 0) &&
        find_path(id, max_path_steps(serlen_[id] - 1))) {
      out_.push_back(kBackReference);
      append_atom(out_, path_);
      push(id);
    } else if (t_.is_atom(id)) {
      append_atom(out_, t_.atom(id).span());
      push(id);
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
