// FromClvm decoding of typed values from arbitrary trees: a value or a FromClvmError, never a
// crash. With canonical integer decoding and proper-list shapes a successful decode is exact, so
// the value re-encodes to the same tree (same tree hash); TreeHasher agrees with hashing the
// encoded tree.
#include <clvm/runtime.hpp>
#include <clvm/serde.hpp>
#include <clvm/traits.hpp>

#include "fuzz_check.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace fuzz {
struct Coin {
  clvm::Bytes32 parent_coin_info;
  clvm::Bytes32 puzzle_hash;
  std::uint64_t amount = 0;
};
struct Payment {
  clvm::Bytes32 puzzle_hash;
  std::int64_t amount = 0;
  std::vector<clvm::Bytes> memos;
};
}  // namespace fuzz
CLVM_PROPER_LIST(fuzz::Coin, parent_coin_info, puzzle_hash, amount);
CLVM_PROPER_LIST(fuzz::Payment, puzzle_hash, amount, memos);

namespace {

template <class T>
void check(clvm::Allocator& a, clvm::NodePtr node) {
  T value;
  try {
    value = clvm::from_clvm<T>(clvm::canonical(a), node);
  } catch (const clvm::Error&) {
    return;
  }
  const clvm::NodePtr again = clvm::to_clvm(a, value);
  FUZZ_CHECK(clvm::tree_hash(a, again) == clvm::tree_hash(a, node));
  FUZZ_CHECK(clvm::tree_hash_of(value).value == clvm::tree_hash(a, again));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  clvm::Allocator a(1 << 24);
  clvm::NodePtr node;
  try {
    node = clvm::node_from_bytes(a, std::span(data, size));
  } catch (const clvm::Error&) {
    return 0;
  }
  check<std::uint64_t>(a, node);
  check<std::int32_t>(a, node);
  check<clvm::Number>(a, node);
  check<std::string>(a, node);
  check<clvm::Bytes32>(a, node);
  check<std::vector<std::int64_t>>(a, node);
  check<std::pair<std::uint16_t, std::vector<clvm::Bytes>>>(a, node);
  check<std::tuple<std::int8_t, std::string, std::uint64_t>>(a, node);
  check<std::vector<fuzz::Coin>>(a, node);
  check<fuzz::Payment>(a, node);
  check<std::variant<std::uint32_t, std::vector<std::string>>>(a, node);
  return 0;
}
