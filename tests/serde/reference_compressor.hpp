// SPDX-License-Identifier: Apache-2.0
// Test-only model of clvmr 0.19's back-reference writer (src/serde/ser_br.rs and
// read_cache_lookup.rs) on SHA-256 tree hashes with plain maps: slow, but a direct transcription
// of the documented algorithm, so the fast writer can be checked against it.
#pragma once

#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace serde_test {

class ReferenceReadCache {
 public:
  ReferenceReadCache() : root_(clvm::tree_hash_atom({})) { count_[root_] = 1; }

  void push(const clvm::Bytes32& id) {
    const clvm::Bytes32 new_root = clvm::tree_hash_pair(id, root_);
    stack_.push_back({id, root_});
    ++count_[id];
    ++count_[new_root];
    parents_[id].push_back({new_root, false});
    parents_[root_].push_back({new_root, true});
    root_ = new_root;
  }

  void pop2_and_cons() {
    const auto right = pop();
    const auto left = pop();
    ++count_[left.first];
    ++count_[right.first];
    const clvm::Bytes32 pair = clvm::tree_hash_pair(left.first, right.first);
    parents_[left.first].push_back({pair, false});
    parents_[right.first].push_back({pair, true});
    push(pair);
  }

  std::optional<std::vector<std::uint8_t>> find_path(const clvm::Bytes32& id,
                                                     std::uint64_t serialized_length) const {
    if (serialized_length < 4) return std::nullopt;
    const std::uint64_t max_bytes = serialized_length - 1;
    const std::uint64_t max_len = max_bytes * 8 - 1;
    std::set<clvm::Bytes32> seen{id};
    std::vector<std::pair<clvm::Bytes32, std::vector<bool>>> partial{{id, {}}};
    std::vector<std::vector<std::uint8_t>> found;
    while (!partial.empty()) {
      std::vector<std::pair<clvm::Bytes32, std::vector<bool>>> next;
      for (auto& [node, path] : partial) {
        if (node == root_) {
          if (atom_length_bits(path.size() + 1) <= max_bytes) found.push_back(encode(path));
          continue;
        }
        auto it = parents_.find(node);
        if (it == parents_.end()) continue;
        for (const auto& [parent, dir] : it->second) {
          auto c = count_.find(parent);
          if (c != count_.end() && c->second > 0 && !seen.contains(parent) &&
              path.size() < max_len) {
            auto p = path;
            p.push_back(dir);
            next.push_back({parent, std::move(p)});
          }
          seen.insert(parent);
        }
      }
      if (!found.empty()) break;
      partial = std::move(next);
    }
    if (found.empty()) return std::nullopt;
    return *std::min_element(found.begin(), found.end());
  }

 private:
  std::pair<clvm::Bytes32, clvm::Bytes32> pop() {
    const auto item = stack_.back();
    stack_.pop_back();
    --count_[item.first];
    --count_[root_];
    root_ = item.second;
    return item;
  }

  static std::uint64_t atom_length_bits(std::uint64_t bits) {
    if (bits < 8) return 1;
    const std::uint64_t n = (bits + 7) / 8;
    return n < 0x40 ? n + 1 : n < 0x2000 ? n + 2 : n + 3;
  }

  // The path is recorded from the node up; the atom's LSB is the step nearest the root.
  static std::vector<std::uint8_t> encode(const std::vector<bool>& path) {
    const std::size_t n = (path.size() + 1 + 7) / 8;
    std::vector<std::uint8_t> v(n, 0);
    std::size_t bit = 0;
    for (auto it = path.rbegin(); it != path.rend(); ++it, ++bit)
      if (*it) v[n - 1 - bit / 8] |= static_cast<std::uint8_t>(1u << (bit % 8));
    v[n - 1 - bit / 8] |= static_cast<std::uint8_t>(1u << (bit % 8));
    return v;
  }

  clvm::Bytes32 root_;
  std::vector<std::pair<clvm::Bytes32, clvm::Bytes32>> stack_;
  std::map<clvm::Bytes32, int> count_;
  std::map<clvm::Bytes32, std::vector<std::pair<clvm::Bytes32, bool>>> parents_;
};

/// clvmr's node_to_bytes_backrefs, modelled. Requires a small tree (it recurses on nothing but
/// hashes every subtree on the way).
inline std::vector<std::uint8_t> reference_backrefs(const clvm::Allocator& a, clvm::NodePtr root) {
  std::vector<std::uint8_t> out;
  ReferenceReadCache rc;
  std::vector<clvm::NodePtr> todo{root};
  std::vector<bool> ops{false};  // false = parse, true = cons
  while (!todo.empty()) {
    const clvm::NodePtr n = todo.back();
    todo.pop_back();
    ops.pop_back();
    const std::uint64_t len = clvm::node_to_bytes(a, n).size();
    const clvm::Bytes32 h = clvm::tree_hash(a, n);
    if (auto path = rc.find_path(h, len)) {
      out.push_back(0xfe);
      clvm::Allocator tmp;
      const auto enc = clvm::node_to_bytes(tmp, tmp.new_atom(*path));
      out.insert(out.end(), enc.begin(), enc.end());
      rc.push(h);
    } else if (n.is_pair()) {
      out.push_back(0xff);
      todo.push_back(a.pair(n).rest);
      todo.push_back(a.pair(n).first);
      ops.push_back(true);
      ops.push_back(false);
      ops.push_back(false);
    } else {
      const auto enc = clvm::node_to_bytes(a, n);
      out.insert(out.end(), enc.begin(), enc.end());
      rc.push(h);
    }
    while (!ops.empty() && ops.back()) {
      ops.pop_back();
      rc.pop2_and_cons();
    }
  }
  return out;
}

}  // namespace serde_test
