// SPDX-License-Identifier: Apache-2.0
// node_from_bytes_backrefs: the back-reference parser building arena nodes with clvmr's pair
// accounting (one ghost pair per parse-stack push; a stack made visible turns ghosts into pairs).
#include <clvm/serde.hpp>

#include "serde/backrefs_core.hpp"

#include <utility>

namespace clvm {
namespace {

// Ghost pairs are counted in bulk when no limit can be reached: every push comes from at least one
// input byte and adds one ghost, plus one real pair for a cons (a stack made visible trades a ghost
// for a pair), so the pair count grows by at most 2 per input byte. If that cannot reach the limit,
// pushes are tallied here and handed to the arena before anything else reads the ghost count (a
// stack pair, the end of the parse, or an exception); otherwise each push is counted as it happens.
class ArenaBuilder {
 public:
  using Node = NodePtr;
  ArenaBuilder(Allocator& a, std::size_t input_size)
      : a_(a),
        bulk_(input_size <= Allocator::kMaxPairs / 2 &&
              a.pair_count() <= Allocator::kMaxPairs - 2 * input_size) {}
  ArenaBuilder(const ArenaBuilder&) = delete;
  ArenaBuilder& operator=(const ArenaBuilder&) = delete;
  ~ArenaBuilder() { flush(); }

  static NodePtr nil() noexcept { return Allocator::nil(); }
  NodePtr atom(std::uint8_t first, std::span<const std::uint8_t> blob) {
    if (first == serde_detail::kNilByte) return Allocator::nil();
    if (first <= serde_detail::kMaxSingleByte) {
      if (first == 0x01) return Allocator::one();
      if (first == 0x00) return a_.new_atom(std::span{&first, 1});
      return a_.new_small_number(first);
    }
    return a_.new_atom(blob);
  }
  NodePtr pair(NodePtr first, NodePtr rest) { return a_.new_pair(first, rest); }
  NodePtr stack_pair(NodePtr item, NodePtr below) {
    flush();
    a_.remove_ghost_pairs(1);  // clvmr: the ghost becomes the real pair
    return a_.new_pair(item, below);
  }
  void pushed() {
    if (bulk_) [[likely]]
      ++pending_;
    else
      a_.add_ghost_pairs(1);
  }
  std::optional<std::pair<NodePtr, NodePtr>> halves(NodePtr n) const noexcept {
    if (!n.is_pair()) return std::nullopt;
    const Pair p = a_.pair(n);
    return std::pair{p.first, p.rest};
  }
  /// Hands the tallied ghosts to the arena. Cannot throw: bulk_ proved the limit out of reach.
  void flush() noexcept {
    if (pending_ != 0) a_.add_ghost_pairs(std::exchange(pending_, 0));
  }

 private:
  Allocator& a_;
  const bool bulk_;
  std::size_t pending_ = 0;
};

}  // namespace

NodePtr node_from_bytes_backrefs(Allocator& a, std::span<const std::uint8_t> bytes) {
  serde_detail::Cursor c{bytes.data(), bytes.size()};
  ArenaBuilder builder(a, bytes.size());
  serde_detail::BackrefParser<ArenaBuilder> parser(builder);
  const NodePtr root = parser.parse(c);
  builder.flush();
  return root;
}

}  // namespace clvm
