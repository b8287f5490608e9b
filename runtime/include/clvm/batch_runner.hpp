// SPDX-License-Identifier: Apache-2.0
/// \file clvm::BatchRunner: runs a stream of cases on a pool of worker threads, one reusable arena
/// per worker, answers in input order, a bounded window of cases in flight, cancellation, and
/// per-case errors that never stop the batch. BasicBatchRunner<In, Out> is the same machinery
/// with the caller's own case and answer types (the `clvm run --batch` tool uses it for its line
/// protocol); BatchRunner runs (program, env, max_cost, flags) cases.
///
/// Threading model: each worker owns a BatchWorker (its arena and what the arena owns); nothing
/// that a case touches is shared between workers except the immutable operator tables and the
/// crypto libraries' contexts, which are initialised once (see README "Threads").
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/bytes.hpp>
#include <clvm/cost.hpp>
#include <clvm/error.hpp>
#include <clvm/flags.hpp>
#include <clvm/run_program.hpp>
#include <clvm/stack_cache.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace clvm {

/// Memory policy of each worker's arena (see Allocator::set_memory_ceiling / set_retention).
struct BatchMemory {
  /// Ceiling on one worker's arena tables (heap + 8 bytes per atom and per pair), bytes.
  /// 0: none beyond the consensus limits (then one arena holds at most kConsensusArenaBytes).
  std::size_t per_worker = 0;
  /// Ceiling across the pool: each worker's ceiling is at most total / threads. 0: none.
  std::size_t total = 0;
  /// Table capacity a worker's arena keeps across cases. Default: all of it (up to the ceiling),
  /// as clvmr keeps its vectors, so repeated heavy cases do not fault their pages in again.
  std::size_t retention = SIZE_MAX;
  /// Bytes of evaluator stack mappings a worker keeps across cases (its StackCache; 0: none, each
  /// case maps and unmaps its own). Default: all a case used — the evaluator's entry limits keep
  /// that under 1 GB, the most one running case holds anyway, so the bound is unchanged.
  std::size_t stack_retention = SIZE_MAX;
  /// Huge-page advice for each worker's arena tables and evaluator stacks (Allocator(heap_limit,
  /// huge_pages), RunOptions::huge_pages). Default Off: measured faster for batches on this
  /// project's machines (docs/performance.md, "Huge pages").
  mem::HugePages huge_pages = mem::HugePages::Off;
};

/// The most one arena's tables can hold under clvmr's limits: a 4 GiB heap, 62,500,000 stored
/// atoms and 62,500,000 pairs at 8 bytes each (≈ 5.0 GB), plus doubling slack of the tables.
inline constexpr std::size_t kConsensusArenaBytes =
    Allocator::kMaxHeapLimit + 16 * (Allocator::kMaxAtoms + Allocator::kMaxPairs);

/// One worker's state: its arena (rewound before each case, capacity kept up to the retention)
/// and its view of the runner's cancel flag. Used by one thread at a time.
class BatchWorker {
 public:
  /// Worker number `index` with an arena whose tables hold at most `ceiling` bytes
  /// (Allocator::set_memory_ceiling; SIZE_MAX: none), keep `retention` bytes of capacity across
  /// cases (Allocator::set_retention), and are made with `huge_pages`
  /// (Allocator(heap_limit, huge_pages); run_options() passes it on to the evaluator's stacks),
  /// and whose StackCache keeps `stack_retention` bytes of the evaluator's stacks across cases.
  /// `cancel` (may be null) must outlive the worker. Throws std::bad_alloc if the arena's memory
  /// cannot be reserved.
  BatchWorker(unsigned index, std::size_t ceiling, std::size_t retention,
              const std::atomic<bool>* cancel, mem::HugePages huge_pages = mem::HugePages::Off,
              std::size_t stack_retention = SIZE_MAX);

  /// The arena, rewound to empty, with heap limit `heap_limit` (e.g. 500,000,000 for LIMIT_HEAP
  /// cases) and its ceiling-reached mark cleared. Throws std::invalid_argument if heap_limit is 0
  /// or above Allocator::kMaxHeapLimit.
  Allocator& fresh_arena(std::size_t heap_limit = Allocator::kMaxHeapLimit);
  Allocator& arena() noexcept { return arena_; }

  /// run_program options for a case: the deadline `timeout` from now (none if nullopt), the
  /// runner's cancel flag, the worker's huge-page choice and its stack cache (so one run at a time
  /// may use them: the worker's thread). Throws nothing.
  RunOptions run_options(std::optional<std::chrono::nanoseconds> timeout);
  /// The evaluator stack mappings this worker keeps between cases.
  const StackCache& stack_cache() const noexcept { return stacks_; }

  /// Whether the runner was cancelled (a case not yet started should answer Cancelled).
  bool cancelled() const noexcept {
    return cancel_ != nullptr && cancel_->load(std::memory_order_relaxed);
  }

  /// The kind to report for `e`, thrown by a case on this worker's arena: OutOfMemory caused by
  /// the worker's memory ceiling is ErrorKind::MemoryCeiling (not a consensus answer); any other
  /// error keeps its kind.
  ErrorKind classify(const Error& e) const noexcept;

  unsigned index() const noexcept { return index_; }
  std::size_t ceiling() const noexcept { return ceiling_; }

 private:
  unsigned index_;
  std::size_t ceiling_;
  Allocator arena_;
  Checkpoint empty_;
  const std::atomic<bool>* cancel_;
  mem::HugePages huge_pages_;
  StackCache stacks_;
};

/// Options of a runner.
struct BatchOptions {
  /// Worker threads. 0: std::thread::hardware_concurrency() (at least 1). 1: no thread is started;
  /// each case runs inside submit() on the caller's thread (the sequential behaviour).
  unsigned threads = 0;
  /// Cases in flight (submitted, answer not yet taken). 0: 64 per thread, at least 256. Memory
  /// stays bounded by this many cases and answers however long the input.
  std::size_t window = 0;
  BatchMemory memory;
};

/// The runner's engine, for any case type `In` and answer type `Out`. `Job` turns a case into its
/// answer on a worker; it must not throw for a case's own failures (an exception escaping it is
/// rethrown by next() for that case, in order). Single producer, single consumer: one thread (or
/// one at a time) submits, one takes answers; they may be the same thread (use try_submit or
/// run()).
template <class In, class Out>
class BasicBatchRunner {
 public:
  using Job = std::function<Out(BatchWorker&, In&)>;

  /// Starts the workers. Throws std::system_error if a thread cannot be started.
  BasicBatchRunner(const BatchOptions& options, Job job)
      : job_(std::move(job)),
        threads_(options.threads != 0 ? options.threads
                                      : std::max(1u, std::thread::hardware_concurrency())),
        window_(options.window != 0 ? options.window
                                    : std::max<std::size_t>(256, std::size_t{64} * threads_)),
        ring_(window_) {
    std::size_t ceiling = options.memory.per_worker != 0 ? options.memory.per_worker : SIZE_MAX;
    if (options.memory.total != 0) ceiling = std::min(ceiling, options.memory.total / threads_);
    ceiling_ = ceiling;
    const std::size_t retention = std::min(options.memory.retention, ceiling);
    for (unsigned i = 0; i < threads_; ++i)
      workers_.push_back(std::make_unique<BatchWorker>(i, ceiling, retention, &cancel_,
                                                       options.memory.huge_pages,
                                                       options.memory.stack_retention));
    if (threads_ > 1) {
      try {
        for (unsigned i = 0; i < threads_; ++i)
          threads_v_.emplace_back([this, i] { work_loop(*workers_[i]); });
      } catch (...) {
        shut_down();
        throw;
      }
    }
  }

  BasicBatchRunner(const BasicBatchRunner&) = delete;
  BasicBatchRunner& operator=(const BasicBatchRunner&) = delete;

  /// Cancels what is left and joins the workers.
  ~BasicBatchRunner() { shut_down(); }

  unsigned threads() const noexcept { return threads_; }
  std::size_t window() const noexcept { return window_; }
  /// Each worker's arena ceiling in bytes (SIZE_MAX: none).
  std::size_t worker_ceiling() const noexcept { return ceiling_; }
  /// Cases submitted whose answers have not been taken.
  std::size_t pending() const noexcept {
    return static_cast<std::size_t>(head_.load() - taken_.load());
  }

  /// Queues `c` if fewer than window() cases are in flight and returns true; else returns false
  /// and leaves `c` as it was. With one thread the case runs now, on this thread; with more, a
  /// worker starts it at once when busy, else within 1 ms (sleeping workers are woken in groups).
  bool try_submit(In& c) {
    const std::uint64_t h = head_.load(std::memory_order_relaxed);
    if (h - taken_.load() >= window_) return false;
    Slot& s = ring_[h % window_];
    if (threads_ == 1) {
      run_one(*workers_[0], c, s);
      s.state.store(kDone, std::memory_order_relaxed);
    } else {
      s.in.emplace(std::move(c));
    }
    head_.store(h + 1);  // publishes the slot to the workers
    if (threads_ > 1) wake_workers(h + 1);
    return true;
  }

  /// Queues `c`, waiting while window() cases are in flight (another thread must take answers
  /// meanwhile). Throws std::logic_error if the window is full with one thread (the caller would
  /// wait for itself).
  void submit(In c) {
    if (try_submit(c)) return;
    if (threads_ == 1) throw std::logic_error("BatchRunner::submit: window full (take answers)");
    space_.wait([&] { return head_.load() - taken_.load() < window_; });
    if (!try_submit(c)) throw std::logic_error("BatchRunner::submit: a second producer");
  }

  /// The next answer in input order if it is ready.
  std::optional<Out> try_next() {
    const std::uint64_t t = taken_.load(std::memory_order_relaxed);
    if (t == head_.load()) return std::nullopt;
    Slot& s = ring_[t % window_];
    if (s.state.load() != kDone) return std::nullopt;
    return take(s, t);
  }

  /// The next answer in input order, waiting for it. Requires: pending() > 0 (else throws
  /// std::logic_error). Rethrows an exception the job let escape for this case.
  Out next() { return next_of(1); }

  /// Stops the batch: cases not yet started answer as cancelled (the job sees
  /// BatchWorker::cancelled()), running ones stop at their next deadline check with
  /// ErrorKind::Cancelled. Every submitted case still gets its answer, in order. Any thread.
  void cancel() noexcept { cancel_.store(true); }
  bool cancelled() const noexcept { return cancel_.load(); }

  /// Feeds the cases `source()` returns (nullopt: the end) and hands each answer to `sink`, in
  /// input order, from this thread; returns the number of cases. At most window() cases are in
  /// flight, so memory stays bounded on an endless source.
  template <class Source, class Sink>
  std::uint64_t run(Source&& source, Sink&& sink) {
    std::uint64_t n = 0;
    for (;;) {
      while (auto a = try_next()) sink(std::move(*a));
      if (pending() >= window_) {
        sink(next_of(kTakeBatch));
        continue;
      }
      std::optional<In> c = source();
      if (!c) {
        work_.notify();
        break;
      }
      if (!try_submit(*c)) throw std::logic_error("BatchRunner::run: a second producer");
      ++n;
    }
    while (pending() > 0) sink(next_of(kTakeBatch));
    return n;
  }

 private:
  // next(), waiting (if it must wait) until the oldest answer and the one `batch` - 1 after it
  // (or the newest) are ready. run() takes the others with try_next, so a stream of small cases
  // wakes the consumer once per `batch` answers instead of once per answer (each wake-up is a
  // system call on both sides). The workers notify on either index.
  Out next_of(std::uint64_t batch) {
    const std::uint64_t t = taken_.load(std::memory_order_relaxed);
    const std::uint64_t h = head_.load();
    if (t == h) throw std::logic_error("BatchRunner::next: nothing pending");
    Slot& s = ring_[t % window_];
    if (s.state.load() != kDone) {
      const std::uint64_t g = std::min(t + batch - 1, h - 1);
      Slot& last = ring_[g % window_];
      goal_.store(g);
      work_.notify();  // whatever is queued starts now
      done_.wait([&] { return s.state.load() == kDone && last.state.load() == kDone; });
    }
    return take(s, t);
  }

  static constexpr std::uint32_t kEmpty = 0, kDone = 1;
  static constexpr int kSpins = 256;  // looks (a few microseconds) before a worker sleeps
  static void pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  // Waking a sleeping worker is a system call on both sides, more than a small case costs: the
  // producer wakes them once kWakeBatch cases wait, or kWakeDelay after the last wake, and
  // next() and the end of run() wake them at once; a sleeping worker also looks every kIdlePoll
  // by itself, so a queued case never waits longer than that.
  static constexpr std::uint64_t kWakeBatch = 32;
  static constexpr std::uint64_t kTakeBatch = 32;  // answers per wake-up of a waiting consumer
  static constexpr std::chrono::microseconds kWakeDelay{50};
  static constexpr std::chrono::microseconds kIdlePoll{1000};

  void wake_workers(std::uint64_t head) {
    if (!work_.has_waiters()) return;  // all awake: no clock read, no system call
    if (head - next_.load() >= kWakeBatch) {
      work_.notify();
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - last_wake_ >= kWakeDelay) {
      last_wake_ = now;
      work_.notify();
    }
  }
  // Slots and counters on their own cache lines: neighbouring slots belong to different workers,
  // and each counter has one writer.
  struct alignas(64) Slot {
    std::optional<In> in;
    std::optional<Out> out;
    std::exception_ptr error;
    std::atomic<std::uint32_t> state{kEmpty};
  };

  // A wait/notify pair over seq_cst state: a notifier that sees no waiter needs no lock, and a
  // waiter re-checks its predicate after announcing itself, so no wake-up is lost.
  class Signal {
   public:
    template <class Pred>
    void wait(Pred pred) {
      if (pred()) return;
      std::unique_lock<std::mutex> l(m_);
      waiting_.fetch_add(1);
      while (!pred()) cv_.wait(l);
      waiting_.fetch_sub(1);
    }
    // As wait, looking at `pred` again at least every `period` without a notify.
    template <class Pred>
    void wait_polling(Pred pred, std::chrono::microseconds period) {
      if (pred()) return;
      std::unique_lock<std::mutex> l(m_);
      waiting_.fetch_add(1);
      while (!pred()) cv_.wait_for(l, period);
      waiting_.fetch_sub(1);
    }
    bool has_waiters() const noexcept { return waiting_.load() != 0; }
    void notify() {
      if (waiting_.load() == 0) return;
      std::lock_guard<std::mutex> l(m_);
      cv_.notify_all();
    }

   private:
    std::mutex m_;
    std::condition_variable cv_;
    std::atomic<int> waiting_{0};
  };

  void run_one(BatchWorker& w, In& c, Slot& s) {
    try {
      s.out.emplace(job_(w, c));
    } catch (...) {
      s.error = std::current_exception();
    }
  }

  Out take(Slot& s, std::uint64_t t) {
    std::exception_ptr e = std::exchange(s.error, nullptr);
    std::optional<Out> out = std::move(s.out);
    s.out.reset();
    s.state.store(kEmpty, std::memory_order_relaxed);
    taken_.store(t + 1);  // frees the slot for the producer
    space_.notify();
    if (e) std::rethrow_exception(e);
    return std::move(*out);
  }

  void work_loop(BatchWorker& w) {
    for (;;) {
      std::uint64_t i = next_.load();
      bool claimed = false;
      while (i < head_.load()) {
        if (next_.compare_exchange_weak(i, i + 1)) {
          claimed = true;
          break;
        }
      }
      if (!claimed) {
        if (stop_.load()) return;
        // A short spin first: with small cases the next one is usually a moment away, and a
        // sleep costs a system call on each side.
        auto ready = [&] { return stop_.load() || next_.load() < head_.load(); };
        bool soon = false;
        for (int k = 0; k < kSpins && !(soon = ready()); ++k) pause();
        if (!soon) work_.wait_polling(ready, kIdlePoll);
        continue;
      }
      Slot& s = ring_[i % window_];
      run_one(w, *s.in, s);
      // The case stays in its slot until the producer reuses it: it is freed on the thread that
      // made it (a free from another thread contends for the allocator's lock).
      s.state.store(kDone);  // publishes the answer to the consumer
      // The consumer waits for the oldest answer and for goal_ (see next_of()).
      if (i == taken_.load() || i == goal_.load()) done_.notify();
    }
  }

  void shut_down() noexcept {
    cancel_.store(true);
    stop_.store(true);
    work_.notify();
    for (std::thread& t : threads_v_)
      if (t.joinable()) t.join();
    threads_v_.clear();
  }

  Job job_;
  unsigned threads_;
  std::size_t window_;
  std::size_t ceiling_ = SIZE_MAX;
  std::vector<Slot> ring_;
  std::vector<std::unique_ptr<BatchWorker>> workers_;
  std::vector<std::thread> threads_v_;
  alignas(64) std::atomic<std::uint64_t> head_{0};   // cases submitted (written by the producer)
  alignas(64) std::atomic<std::uint64_t> next_{0};   // next case a worker claims
  alignas(64) std::atomic<std::uint64_t> taken_{0};  // answers taken (written by the consumer)
  std::atomic<std::uint64_t> goal_{0};  // the newest answer a waiting consumer wants (next_of())
  alignas(64) std::chrono::steady_clock::time_point last_wake_{};  // the producer's
  std::atomic<bool> cancel_{false};
  std::atomic<bool> stop_{false};
  Signal work_, done_, space_;
};

/// A case of BatchRunner: serialized program and environment, as `clvm run --batch` reads them.
struct BatchCase {
  Bytes program;
  Bytes env;
  Cost max_cost = 0;  // 0: unlimited (as run_program)
  Flags flags = 0;    // ChiaDialect flags; LIMIT_HEAP runs the case with a 500,000,000-byte heap
  std::optional<std::chrono::nanoseconds> timeout;  // wall-clock limit from when the case starts
  bool backrefs = false;  // read program and env with node_from_bytes_backrefs
  /// Largest serialized result returned (node_to_bytes_limit; clvmr's node_to_bytes default). A
  /// larger result answers OutOfMemory with its cost set: the run itself succeeded.
  std::size_t result_limit = kDefaultResultLimit;
  static constexpr std::size_t kDefaultResultLimit = 2'000'000;
};

/// The heap limit of a case with the LIMIT_HEAP flag (clvmr's mempool arena).
inline constexpr std::size_t kLimitHeapBytes = 500'000'000;

/// The answer to a BatchCase. Exactly one of: success (cost, result) or error (kind, message).
struct BatchAnswer {
  Cost cost = 0;
  Bytes result;                    // node_to_bytes of the result (classic form)
  std::optional<ErrorKind> error;  // set on failure; is_consensus_error() tells whether it counts
  std::string message;             // the error's what() (clvmr's text for consensus errors)
  bool ok() const noexcept { return !error; }
};

/// Runs one BatchCase on `worker`'s arena: parse (a bad serialization is an answer with
/// BadEncoding), run with the case's timeout and the runner's cancel flag, serialize. Never throws
/// for the case's own failures (std::bad_alloc outside the arena propagates).
BatchAnswer run_batch_case(BatchWorker& worker, BatchCase& c);

/// The runner for BatchCase / BatchAnswer (run_batch_case on each case).
class BatchRunner : public BasicBatchRunner<BatchCase, BatchAnswer> {
 public:
  explicit BatchRunner(const BatchOptions& options = {})
      : BasicBatchRunner(options,
                         [](BatchWorker& w, BatchCase& c) { return run_batch_case(w, c); }) {}
};

}  // namespace clvm
