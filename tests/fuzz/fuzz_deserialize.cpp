// The classic deserializer on arbitrary bytes: it returns a tree or throws clvm::Error; a tree it
// returns re-serializes to the bytes it consumed when they were canonical, and always re-parses to
// the same tree hash. serialized_length and tree_hash_from_bytes agree with parse-then-compute.
#include <clvm/runtime.hpp>
#include <clvm/serde.hpp>
#include <clvm/tree_hash.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> in(data, size);
  clvm::Allocator a(1 << 24);
  clvm::NodePtr node;
  try {
    node = clvm::node_from_bytes(a, in);
  } catch (const clvm::Error&) {
    return 0;
  }
  const auto out = clvm::node_to_bytes(a, node);
  FUZZ_CHECK(out.size() <= size);  // canonical output is never longer than what was read
  clvm::Allocator b(1 << 24);
  const clvm::NodePtr again = clvm::node_from_bytes(b, out);
  FUZZ_CHECK(clvm::tree_hash(a, node) == clvm::tree_hash(b, again));
  FUZZ_CHECK(clvm::node_to_bytes(b, again) == out);
  try {
    FUZZ_CHECK(clvm::tree_hash_from_bytes(out) == clvm::tree_hash(a, node));
    FUZZ_CHECK(clvm::serialized_length_from_bytes(out) == out.size());
  } catch (const clvm::Error&) {
    FUZZ_CHECK(false && "a valid serialization was rejected");
  }
  return 0;
}
