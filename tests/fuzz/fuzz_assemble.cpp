// The text assembler on arbitrary text: a tree or a TextError with a position. What it builds
// disassembles to text that assembles back to the same tree.
#include <clvm/runtime.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include "fuzz_check.hpp"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  clvm::Allocator a(1 << 24);
  clvm::NodePtr node;
  try {
    node = clvm::assemble(a, text);
  } catch (const clvm::TextError& e) {
    FUZZ_CHECK(e.line() >= 1 && e.column() >= 1);
    return 0;
  } catch (const clvm::EvalError&) {
    return 0;  // the arena's limits
  }
  const std::string printed = clvm::disassemble(a, node);
  const clvm::NodePtr again = clvm::assemble(a, printed);
  FUZZ_CHECK(clvm::tree_hash(a, again) == clvm::tree_hash(a, node));
  return 0;
}
