// Uses the installed libraries the way an application would, touching each part that a shared
// build must export: the arena, the text format, the evaluator, serialization, exceptions thrown
// inside the library and caught here by type, the header-only traits over the runtime, and the
// allocators (including the header templates that call into the library: DebugAllocator, the
// arena over a TrackingAllocator through AllocatorRef). Prints one line per check.
#include <clvm/allocators.hpp>
#include <clvm/runtime.hpp>
#include <clvm/traits.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

#ifndef CONSUMER_PACKAGE_VERSION
#error "the build passes the package's version as CONSUMER_PACKAGE_VERSION"
#endif

struct Payment {
  clvm::Bytes32 puzzle_hash;
  std::uint64_t amount = 0;
  std::string memo;
};
CLVM_LIST(Payment, puzzle_hash, amount, memo);

namespace {

int failures = 0;
void check(bool ok, std::string_view what) {
  if (!ok) {
    fmt::print("FAILED: {}\n", what);
    ++failures;
  }
}

}  // namespace

int main() {
  // Versions: the headers, the library and the package agree.
  check(clvm::version() == CLVMPP_VERSION_STRING, "clvm::version() == CLVMPP_VERSION_STRING");
  check(std::string_view(CONSUMER_PACKAGE_VERSION) == CLVMPP_VERSION_STRING,
        "package version == CLVMPP_VERSION_STRING");
  check(fmt::format("{}.{}.{}", CLVMPP_VERSION_MAJOR, CLVMPP_VERSION_MINOR, CLVMPP_VERSION_PATCH) ==
            CLVMPP_VERSION_STRING,
        "MAJOR.MINOR.PATCH == CLVMPP_VERSION_STRING");
  fmt::print("version {} (clvmr {})\n", clvm::version(), clvm::clvmr_version());

  clvm::mem::TrackingAllocator<clvm::mem::GlobalAllocator> tracker;
  {
    clvm::Allocator a(tracker);
    const clvm::ChiaDialect dialect(clvm::MEMPOOL_MODE);
    const clvm::NodePtr program = clvm::assemble(a, "(+ 2 5)");
    const clvm::NodePtr env = clvm::assemble(a, "(10 20)");
    const clvm::Reduction r = clvm::run_program(a, dialect, program, env, 0);
    fmt::print("run: {} cost {}\n", clvm::disassemble(a, r.node), r.cost);
    check(tracker.bytes_in_use() > 0, "the arena allocates through the tracker");

    try {
      (void)clvm::run_program(a, dialect, program, env, 855);
      check(false, "cost limit");
    } catch (const clvm::EvalError& e) {  // thrown inside the library, caught by type here
      fmt::print("eval error: {}\n", e.what());
    }
    try {
      const std::vector<std::uint8_t> truncated{0xff, 0x01};
      (void)clvm::node_from_bytes(a, truncated);
      check(false, "truncated input");
    } catch (const clvm::Error& e) {  // SerdeError through its base
      fmt::print("serde error: {}\n",
                 e.kind() == clvm::ErrorKind::BadEncoding ? "bad encoding" : e.what());
    }
    const std::vector<std::uint8_t> bytes = clvm::node_to_bytes(a, program);
    fmt::print("serialized: {}\n", clvm::to_hex(bytes));

    // The header-only traits over the runtime.
    const Payment pay{clvm::Bytes32{}, 1000, "thanks"};
    const clvm::NodePtr node = clvm::to_clvm(a, pay);
    const Payment back = clvm::from_clvm<Payment>(a, node);
    check(back.amount == 1000 && back.memo == "thanks", "traits round trip");
    fmt::print("traits: amount {} memo {} tree hash {}\n", back.amount, back.memo,
               clvm::to_hex(clvm::tree_hash(a, node).span()).substr(0, 16));
    try {
      (void)clvm::from_clvm<Payment>(a, clvm::assemble(a, "(1 2 3)"));
      check(false, "decoding a bad Payment");
    } catch (const clvm::FromClvmError& e) {
      fmt::print("traits error: {}\n", e.what());
    }
  }
  check(tracker.bytes_in_use() == 0, "the arena gives everything back");

  // Allocators: a bump allocator behind a pmr vector; the debug allocator's bookkeeping.
  clvm::mem::BumpAllocator bump(1 << 16);
  clvm::mem::PmrResource<clvm::mem::BumpAllocator&> resource(bump);
  std::pmr::vector<int> v(&resource);
  for (int i = 0; i < 100; ++i) v.push_back(i);
  check(bump.total_allocated() >= 100 * sizeof(int), "pmr vector on the bump allocator");
  clvm::mem::DebugAllocator<clvm::mem::GlobalAllocator> debug;
  void* p = debug.allocate(clvm::mem::Layout{48, 16}).ptr;
  check(p != nullptr && debug.live_allocations() == 1, "debug allocator tracks a block");
  debug.deallocate(p, clvm::mem::Layout{48, 16});
  clvm::mem::PageAllocator pages;
  auto block = pages.allocate(clvm::mem::Layout{4096, 4096});
  check(block.ptr != nullptr, "page allocator");
  pages.deallocate(block.ptr, clvm::mem::Layout{4096, 4096});
  fmt::print("allocators: bump {} bytes, debug live {}\n", bump.total_allocated(),
             debug.live_allocations());

  if (failures != 0) return 1;
  fmt::print("consumer ok\n");
  return 0;
}
