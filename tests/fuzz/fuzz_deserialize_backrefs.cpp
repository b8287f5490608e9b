// The back-reference deserializer on arbitrary bytes (bombs included: the arena's limits bound it).
// serialized_length_from_bytes agrees with the parser on what is valid and how long it is; a parsed
// tree round-trips through both writers to the same tree hash, and where it is small the
// compressing writer's bytes are those of the clvmr model (tests/serde/reference_compressor.hpp).
#include <clvm/runtime.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "../serde/reference_compressor.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> in(data, size);
  clvm::Allocator a(1 << 24);
  clvm::NodePtr node;
  std::optional<std::uint64_t> length;
  try {
    length = clvm::serialized_length_from_bytes(in);
  } catch (const clvm::Error&) {
  }
  try {
    node = clvm::node_from_bytes_backrefs(a, in);
  } catch (const clvm::EvalError&) {
    return 0;  // an arena limit: the length check does not build the tree, so it may accept
  } catch (const clvm::Error&) {
    FUZZ_CHECK(!length.has_value());
    return 0;
  }
  FUZZ_CHECK(length.has_value() && *length <= size);
  // The parsed tree is a DAG that may stand for an exponentially large tree: only cached hashing.
  clvm::TreeCache cache;
  const clvm::Bytes32 hash = clvm::tree_hash_cached(a, node, cache);
  FUZZ_CHECK(clvm::tree_hash_from_bytes(in) == hash);
  const auto compressed = clvm::node_to_bytes_backrefs(a, node);
  clvm::Allocator b(1 << 26);
  clvm::TreeCache cache_b;
  FUZZ_CHECK(clvm::tree_hash_cached(b, clvm::node_from_bytes_backrefs(b, compressed), cache_b) ==
             hash);
  // The model re-serializes each subtree it visits (quadratic): small trees only.
  try {
    static_cast<void>(clvm::node_to_bytes_limit(a, node, 2048));
  } catch (const clvm::Error&) {
    return 0;
  }
  FUZZ_CHECK(compressed == serde_test::reference_backrefs(a, node));
  return 0;
}
