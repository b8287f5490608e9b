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
  /// and leaves `c` as it was. With one thread the case runs now, on this thread; with more, an
  /// awake worker starts it at once; sleeping workers are woken when no worker is awake or
  /// kWakeBacklog cases wait unclaimed, and otherwise look by themselves within kIdlePoll (1 ms).
  bool try_submit(In& c) {
    const std::uint64_t h = head_.load(std::memory_order_relaxed);
    if (h - taken_.load() >= window_) return false;
    stage(c, h);
    publish(h + 1);
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
    if (s.state.load() != tag(t, kDone)) return std::nullopt;
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
  /// flight, so memory stays bounded on an endless source. Cases are handed over in runs: up to
  /// kFeedRun (32) calls of `source` fill slots, then one store publishes them to the workers
  /// (so a case waits for the rest of its run to be made: a source that blocks between cases
  /// delays the cases made before it in the run), then the ready answers are taken as a run
  /// (one release of their slots). Requires: no other thread submits meanwhile. Rethrows (after
  /// taking it) an exception the job let escape, and what source or sink throws.
  template <class Source, class Sink>
  std::uint64_t run(Source&& source, Sink&& sink) {
    std::uint64_t n = 0;
    for (bool more = true; more;) {
      const std::uint64_t h0 = head_.load(std::memory_order_relaxed);
      const std::uint64_t room = window_ - (h0 - taken_.load());
      const std::uint64_t end = h0 + std::min<std::uint64_t>(kFeedRun, room);
      std::uint64_t h = h0;
      try {
        for (; h < end; ++h) {
          std::optional<In> c = source();
          if (!c) {
            more = false;
            break;
          }
          stage(*c, h);
        }
      } catch (...) {
        publish(h);  // what was staged before the throw still runs and answers
        throw;
      }
      publish(h);
      n += h - h0;
      if (more && take_ready(sink) == 0 && pending() >= window_) sink(next_of(kTakeBatch));
    }
    work_.notify_all();  // the end of the input: whatever is queued starts now
    while (pending() > 0)
      if (take_ready(sink) == 0) sink(next_of(kTakeBatch));
    return n;
  }

 private:
  // next(), waiting (if it must wait) until the oldest answer and the one `batch` - 1 after it
  // (or the newest) are ready. run() takes the others with take_ready, so a stream of small
  // cases wakes the consumer once per `batch` answers instead of once per answer (each wake-up
  // is a system call on both sides). The workers notify on either index.
  Out next_of(std::uint64_t batch) {
    const std::uint64_t t = taken_.load(std::memory_order_relaxed);
    const std::uint64_t h = head_.load();
    if (t == h) throw std::logic_error("BatchRunner::next: nothing pending");
    Slot& s = ring_[t % window_];
    if (s.state.load() != tag(t, kDone)) {
      const std::uint64_t g = std::min(t + batch - 1, h - 1);
      Slot& last = ring_[g % window_];
      goal_.store(g);
      work_.notify_all();  // whatever is queued (or claimed and not started) starts now
      done_.wait(
          [&] { return s.state.load() == tag(t, kDone) && last.state.load() == tag(g, kDone); });
    }
    return take(s, t);
  }

  // Puts case `c` in the slot of index `h` (the next unpublished one); with one thread, runs it.
  void stage(In& c, std::uint64_t h) {
    Slot& s = ring_[h % window_];
    if (threads_ == 1) {
      run_one(*workers_[0], c, s);
      s.state.store(tag(h, kDone), std::memory_order_relaxed);
    } else {
      s.in.emplace(std::move(c));
      s.state.store(tag(h, kQueued), std::memory_order_release);
    }
  }

  // Publishes the staged cases below `h` to the workers (one store: the line the idle workers
  // watch is written once per run of cases) and wakes one if it should.
  void publish(std::uint64_t h) {
    if (h == head_.load(std::memory_order_relaxed)) return;
    head_.store(h);
    if (threads_ > 1) wake_workers(h);
  }

  // Takes the ready answers in input order, handing each to `sink`, and releases their slots
  // with one store (and one look for a waiting producer); returns how many. Rethrows a job's
  // exception for its case after releasing the slots up to it.
  template <class Sink>
  std::size_t take_ready(Sink& sink) {
    const std::uint64_t t = taken_.load(std::memory_order_relaxed);
    const std::uint64_t h = head_.load();
    std::uint64_t u = t;
    while (u < h && ring_[u % window_].state.load(std::memory_order_acquire) == tag(u, kDone)) ++u;
    if (u == t) return 0;
    struct Release {  // taken_ = the first slot not yet emptied, however this ends
      BasicBatchRunner& r;
      std::uint64_t upto;
      ~Release() {
        r.taken_.store(upto);
        r.space_.notify();
      }
    } release{*this, t};
    for (std::uint64_t i = t; i < u; ++i) {
      Slot& s = ring_[i % window_];
      std::exception_ptr e = std::exchange(s.error, nullptr);
      release.upto = i + 1;
      if (e) std::rethrow_exception(e);
      sink(std::move(*s.out));  // what the sink leaves is freed by the worker reusing the slot
    }
    return static_cast<std::size_t>(u - t);
  }

  // A slot's state word: tag(index, kQueued) once case `index` is submitted, tag(index,
  // kRunning) once a thread started it (a compare-exchange from kQueued: the one way to start a
  // case, so a case another thread claimed can be started by an idle worker instead, and never
  // twice), tag(index, kDone) once its answer is in the slot. The index makes every word unique:
  // a thread late with a case whose slot now holds a later one fails its compare-exchange.
  static constexpr std::uint64_t kQueued = 1, kRunning = 2, kDone = 3;
  static constexpr std::uint64_t tag(std::uint64_t index, std::uint64_t state) noexcept {
    return index * 4 + state;
  }
  // An idle worker looks for kSpinFor before it sleeps: with small cases the next run is usually
  // a moment away, and a sleep and its wake are a system call on each side. Short: on two cores a
  // longer spin takes the core the producer needs (measured: 5 us beat 10, 20 and 50, and beat
  // one spinning worker with the others asleep).
  static constexpr std::chrono::microseconds kSpinFor{5};
  static void pause() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  template <class Pred>
  bool spin_until(Pred pred) {
    const auto end = std::chrono::steady_clock::now() + kSpinFor;
    bool ok = false;
    for (int k = 1; !(ok = pred()); ++k) {
      pause();
      if (k % 64 == 0 && std::chrono::steady_clock::now() >= end) break;
    }
    return ok;
  }
  // Waking a sleeping worker is a system call on both sides, more than a small case costs, and
  // with cases quicker than the producer makes them one awake worker keeps up: the producer wakes
  // one when no worker is awake or kWakeBacklog cases wait unclaimed (the awake ones fall
  // behind); next() and the end of run() wake all. A sleeping worker looks every kIdlePoll by
  // itself, so a queued case never waits longer than that.
  static constexpr std::uint64_t kWakeBacklog = 64;
  static constexpr std::uint64_t kTakeBatch = 32;  // answers per wake-up of a waiting consumer
  static constexpr std::uint64_t kFeedRun = 32;    // cases run() feeds between looks for answers
  static constexpr std::chrono::microseconds kIdlePoll{1000};
  // A worker claims up to kMaxChunk consecutive cases with one compare-exchange, never more than
  // its share (1 / threads) of what waits. It sizes each claim by what the last one took: twice
  // as many after one shorter than kQuickChunk, one case after one longer than kSlowChunk (an
  // expensive case), so heavy cases go out one at a time over the workers. Cases a worker
  // claimed but has not started (it is held by a heavy one) are started by an idle worker.
  static constexpr std::uint64_t kMaxChunk = 32;
  static constexpr std::chrono::microseconds kQuickChunk{20};
  static constexpr std::chrono::microseconds kSlowChunk{200};

  void wake_workers(std::uint64_t head) {
    const int sleeping = work_.waiters();
    if (sleeping == 0) return;  // all awake: the common case of a steady stream
    // One wake per kWakeBacklog cases at most: a woken worker takes microseconds to say so.
    if (head - last_wake_ < kWakeBacklog && head > kWakeBacklog) return;
    if (static_cast<unsigned>(sleeping) >= threads_ || head - next_.load() >= kWakeBacklog) {
      last_wake_ = head;
      work_.notify_one();
    }
  }
  // Slots and counters on their own cache lines: each counter has one writer.
  struct alignas(64) Slot {
    std::optional<In> in;
    std::optional<Out> out;
    std::exception_ptr error;
    std::atomic<std::uint64_t> state{0};  // tag(index, kQueued..kDone); 0: never used
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
    // Returns when `pred` holds, after a notify, or after `period`, whichever comes first.
    template <class Pred>
    void wait_once(Pred pred, std::chrono::microseconds period) {
      if (pred()) return;
      std::unique_lock<std::mutex> l(m_);
      waiting_.fetch_add(1);
      if (!pred()) cv_.wait_for(l, period);
      waiting_.fetch_sub(1);
    }
    int waiters() const noexcept { return waiting_.load(); }
    bool has_waiters() const noexcept { return waiting_.load() != 0; }
    void notify() { notify_all(); }
    void notify_all() {
      if (waiting_.load() == 0) return;
      std::lock_guard<std::mutex> l(m_);
      cv_.notify_all();
    }
    void notify_one() {
      if (waiting_.load() == 0) return;
      std::lock_guard<std::mutex> l(m_);
      cv_.notify_one();
    }

   private:
    std::mutex m_;
    std::condition_variable cv_;
    std::atomic<int> waiting_{0};
  };

  // Runs the job; its answer replaces the slot's previous (taken, maybe moved-from) one, which is
  // so freed on a worker, as the bytes it owns were allocated on one: with the consumer freeing
  // them, each worker's allocations would go back through glibc's arena lock.
  void run_one(BatchWorker& w, In& c, Slot& s) {
    try {
      s.out.emplace(job_(w, c));
    } catch (...) {
      s.error = std::current_exception();
    }
  }

  Out take(Slot& s, std::uint64_t t) {
    std::exception_ptr e = std::exchange(s.error, nullptr);
    std::optional<Out> out;
    if (!e) out.emplace(std::move(*s.out));
    taken_.store(t + 1);  // frees the slot for the producer
    space_.notify();
    if (e) std::rethrow_exception(e);
    return std::move(*out);
  }

  // Runs case `i` on `w` and publishes its answer, unless another thread started it first;
  // returns whether this thread ran it.
  bool run_claimed(BatchWorker& w, std::uint64_t i) {
    Slot& s = ring_[i % window_];
    std::uint64_t queued = tag(i, kQueued);
    if (!s.state.compare_exchange_strong(queued, tag(i, kRunning), std::memory_order_acq_rel,
                                         std::memory_order_relaxed))
      return false;
    run_one(w, *s.in, s);
    // The case stays in its slot until the producer reuses it: it is freed on the thread that
    // made it (a free from another thread contends for the allocator's lock).
    s.state.store(tag(i, kDone));  // publishes the answer to the consumer
    // The consumer waits for the oldest answer and for goal_ (see next_of()): it is woken by
    // whichever of the two finishes last, not once for each.
    if (done_.has_waiters()) {
      const std::uint64_t g = goal_.load();
      if (i == g) {
        const std::uint64_t t = taken_.load();
        if (t == g || ring_[t % window_].state.load() == tag(t, kDone)) done_.notify();
      } else if (i == taken_.load() && ring_[g % window_].state.load() == tag(g, kDone)) {
        done_.notify();
      }
    }
    return true;
  }

  // Claims the next cases no worker has claimed, at most `want` and at most this worker's share
  // of what waits: [*first, *last). False when none waits.
  bool claim(std::uint64_t want, std::uint64_t* first, std::uint64_t* last) {
    std::uint64_t i = next_.load();
    for (;;) {
      const std::uint64_t h = head_.load();
      if (i >= h) return false;
      const std::uint64_t n = std::min(want, std::max<std::uint64_t>(1, (h - i) / threads_));
      if (next_.compare_exchange_weak(i, i + n)) {
        *first = i;
        *last = i + n;
        return true;
      }
    }
  }

  // An idle worker's last look before it sleeps: runs a case another worker claimed and has not
  // started (that worker is busy with an earlier case of its claim), newest first (the claimer
  // goes oldest first). Returns whether it ran one.
  bool steal(BatchWorker& w) {
    const std::uint64_t t = taken_.load();
    for (std::uint64_t i = next_.load(); i-- > t;) {
      if (ring_[i % window_].state.load(std::memory_order_relaxed) != tag(i, kQueued)) continue;
      if (run_claimed(w, i)) return true;
    }
    return false;
  }

  void work_loop(BatchWorker& w) {
    std::uint64_t chunk = 1;
    auto ready = [&] { return stop_.load() || next_.load() < head_.load(); };
    for (;;) {
      std::uint64_t first = 0, last = 0;
      if (claim(chunk, &first, &last)) {
        const auto t0 = std::chrono::steady_clock::now();
        for (std::uint64_t i = first; i < last; ++i) run_claimed(w, i);
        const auto took = std::chrono::steady_clock::now() - t0;
        if (took < kQuickChunk)
          chunk = std::min(chunk * 2, kMaxChunk);
        else if (took > kSlowChunk)
          chunk = 1;
        continue;
      }
      if (stop_.load()) return;
      // A short spin first: with small cases the next one is usually a moment away, and a
      // sleep costs a system call on each side.
      if (spin_until(ready)) continue;
      // Cases another worker claimed matter once the consumer waits for answers (it waits for
      // the oldest, or the window is full, or the input ended); before, taking them would only
      // contend with their claimer.
      if (done_.has_waiters() && steal(w)) continue;
      work_.wait_once(ready, kIdlePoll);
    }
  }

  void shut_down() noexcept {
    cancel_.store(true);
    stop_.store(true);
    work_.notify_all();
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
  std::uint64_t last_wake_ = 0;         // head_ at the producer's last wake (wake_workers())
  alignas(64) std::atomic<bool> cancel_{false};
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
