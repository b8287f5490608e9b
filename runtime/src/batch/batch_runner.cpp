// SPDX-License-Identifier: Apache-2.0
// The batch runner's per-worker state and its (program, env, max_cost, flags) case.
#include <clvm/batch_runner.hpp>
#include <clvm/dialect.hpp>
#include <clvm/serde.hpp>

namespace clvm {

BatchWorker::BatchWorker(unsigned index, std::size_t ceiling, std::size_t retention,
                         const std::atomic<bool>* cancel, mem::HugePages huge_pages,
                         std::size_t stack_retention)
    : index_(index),
      ceiling_(ceiling),
      arena_(Allocator::kMaxHeapLimit, huge_pages),
      empty_(arena_.checkpoint()),
      cancel_(cancel),
      huge_pages_(huge_pages),
      stacks_(stack_retention) {
  arena_.set_memory_ceiling(ceiling);
  arena_.set_retention(retention);
}

Allocator& BatchWorker::fresh_arena(std::size_t heap_limit) {
  arena_.restore_checkpoint(empty_);
  arena_.set_heap_limit(heap_limit);
  arena_.clear_ceiling_reached();
  return arena_;
}

RunOptions BatchWorker::run_options(std::optional<std::chrono::nanoseconds> timeout) {
  RunOptions o;
  if (timeout) {
    const auto now = std::chrono::steady_clock::now();
    // A timeout too large for the clock is no deadline at all.
    if (*timeout < std::chrono::steady_clock::time_point::max() - now)
      o.deadline = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(*timeout);
  }
  o.cancel = cancel_;
  o.huge_pages = huge_pages_;
  o.stack_cache = &stacks_;
  return o;
}

ErrorKind BatchWorker::classify(const Error& e) const noexcept {
  if (e.kind() == ErrorKind::OutOfMemory && arena_.ceiling_reached())
    return ErrorKind::MemoryCeiling;
  return e.kind();
}

BatchAnswer run_batch_case(BatchWorker& worker, BatchCase& c) {
  BatchAnswer answer;
  auto fail = [&answer](ErrorKind kind, const char* message) {
    answer.error = kind;
    answer.message = message;
  };
  if (worker.cancelled()) {
    fail(ErrorKind::Cancelled, default_message(ErrorKind::Cancelled).data());
    return answer;
  }
  Allocator& a =
      worker.fresh_arena((c.flags & LIMIT_HEAP) != 0 ? kLimitHeapBytes : Allocator::kMaxHeapLimit);
  try {
    auto parse = [&](std::span<const std::uint8_t> b) {
      return c.backrefs ? node_from_bytes_backrefs(a, b) : node_from_bytes(a, b);
    };
    const NodePtr program = parse(c.program);
    const NodePtr env = parse(c.env);
    const Reduction r = run_program(a, ChiaDialect(c.flags), program, env, c.max_cost,
                                    worker.run_options(c.timeout));
    answer.cost = r.cost;
    answer.result = node_to_bytes_limit(a, r.node, c.result_limit);
  } catch (const Error& e) {
    fail(worker.classify(e), e.what());
    answer.result.clear();
    if (answer.error == ErrorKind::MemoryCeiling)
      answer.message = default_message(ErrorKind::MemoryCeiling);
  }
  return answer;
}

}  // namespace clvm
