// SPDX-License-Identifier: Apache-2.0
// BatchRunner: answers in input order whatever the thread count and case mix, the window bounds
// what is in flight, a failing case never stops the batch, cancellation answers every case, and
// the per-case timeout and the workers' memory ceiling give their non-consensus errors.
#include <clvm/batch_runner.hpp>
#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace clvm {
namespace {

using Clock = std::chrono::steady_clock;

Bytes hex(std::string_view h) {
  Bytes b;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2)
    b.push_back(static_cast<std::uint8_t>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16)));
  return b;
}

// (+ (q . 1) (q . 2)) => 3, cost 796
const Bytes kAdd = hex("ff10ffff0101ffff010280");
// (a 1 1) with itself as environment: endless, constant stack.
const Bytes kForever = hex("ff02ff01ff0180");
// (x) raise
const Bytes kRaise = hex("ff0880");
// An atom: its value is the path into nil (1 => the env itself)
const Bytes kNil = hex("80");

// A program whose cost grows with n: (a 1 1) forever, cut by max_cost = n.
BatchCase spin(Cost n) { return {kForever, kForever, n, 0, {}, false}; }

BatchAnswer sequential(const BatchCase& c) {
  Allocator a;
  BatchAnswer want;
  try {
    const NodePtr p = node_from_bytes(a, c.program), e = node_from_bytes(a, c.env);
    const Reduction r = run_program(a, ChiaDialect(c.flags), p, e, c.max_cost);
    want.cost = r.cost;
    want.result = node_to_bytes(a, r.node);
  } catch (const Error& e) {
    want.error = e.kind();
    want.message = e.what();
  }
  return want;
}

// A mixed stream: cheap successes, heavier cost-exceeded spins, raises, bad encodings.
std::vector<BatchCase> mixed(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<BatchCase> cases;
  for (std::size_t i = 0; i < n; ++i) {
    switch (rng() % 5) {
      case 0:
        cases.push_back({kAdd, kNil, 0, 0, {}, false});
        break;
      case 1:
        cases.push_back(spin(1000 + rng() % 300'000));
        break;
      case 2:
        cases.push_back({kRaise, kNil, 0, 0, {}, false});
        break;
      case 3:
        cases.push_back({hex("ff"), kNil, 0, 0, {}, false});  // truncated: bad encoding
        break;
      default:
        cases.push_back({kNil, hex("ff0102"), 0, 0, {}, false});  // returns its env (1 . 2)
        break;
    }
  }
  return cases;
}

void expect_same(const BatchAnswer& got, const BatchAnswer& want, std::size_t i) {
  EXPECT_EQ(got.error, want.error) << "case " << i;
  EXPECT_EQ(got.cost, want.cost) << "case " << i;
  EXPECT_EQ(got.result, want.result) << "case " << i;
  EXPECT_EQ(got.message, want.message) << "case " << i;
}

class BatchThreads : public ::testing::TestWithParam<unsigned> {};

TEST_P(BatchThreads, AnswersInInputOrderEqualSequentialRuns) {
  const std::vector<BatchCase> cases = mixed(600, 7 + GetParam());
  BatchOptions o;
  o.threads = GetParam();
  o.window = 16;  // small: the window wraps many times
  BatchRunner runner(o);
  EXPECT_EQ(runner.threads(), GetParam());
  std::size_t next = 0, answered = 0;
  const std::uint64_t n = runner.run(
      [&]() -> std::optional<BatchCase> {
        if (next == cases.size()) return std::nullopt;
        EXPECT_LE(runner.pending(), runner.window());
        return cases[next++];
      },
      [&](BatchAnswer&& a) {
        expect_same(a, sequential(cases[answered]), answered);
        ++answered;
      });
  EXPECT_EQ(n, cases.size());
  EXPECT_EQ(answered, cases.size());
  EXPECT_EQ(runner.pending(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Threads, BatchThreads, ::testing::Values(1u, 2u, 4u));

// Workers claim runs of consecutive cases when cases are quick, one case when they are slow, and
// the thread in next() runs what is queued. A long stream of tiny cases, with failures and a few
// heavy ones among them, answers exactly as case-by-case runs, in order.
TEST_P(BatchThreads, TinyAndHeavyMixInOrder) {
  const std::vector<BatchCase> kinds = {{kAdd, kNil, 0, 0, {}, false},
                                        {kNil, hex("ff0102"), 0, 0, {}, false},
                                        {kRaise, kNil, 0, 0, {}, false},
                                        {hex("ff"), kNil, 0, 0, {}, false},
                                        spin(2'000'000)};
  std::vector<BatchAnswer> want;
  for (const BatchCase& c : kinds) want.push_back(sequential(c));
  // Mostly tiny; an error every 7th and 11th case; a heavy case every 1,500th.
  auto kind = [](std::size_t i) -> std::size_t {
    if (i % 1500 == 1499) return 4;
    if (i % 11 == 5) return 3;
    if (i % 7 == 3) return 2;
    return i % 2;
  };
  for (std::size_t window : {std::size_t{0}, std::size_t{7}}) {
    BatchOptions o;
    o.threads = GetParam();
    o.window = window;
    BatchRunner runner(o);
    const std::size_t n = 12'000;
    std::size_t made = 0, answered = 0;
    runner.run(
        [&]() -> std::optional<BatchCase> {
          if (made == n) return std::nullopt;
          EXPECT_LE(runner.pending(), runner.window());
          return kinds[kind(made++)];
        },
        [&](BatchAnswer&& a) {
          expect_same(a, want[kind(answered)], answered);
          ++answered;
        });
    EXPECT_EQ(answered, n);
  }
}

// An exception escaping the job inside a run of claimed cases is that case's answer only.
TEST_P(BatchThreads, EscapingExceptionsInsideRunsOfCases) {
  BatchOptions o;
  o.threads = GetParam();
  o.window = 64;
  BasicBatchRunner<int, int> runner(o, [](BatchWorker&, int& v) {
    if (v % 10 == 3) throw std::runtime_error("three");
    return v + 1;
  });
  int next_in = 0, next_out = 0;
  auto take = [&] {
    if (next_out % 10 == 3) {
      EXPECT_THROW(runner.next(), std::runtime_error) << next_out;
    } else {
      EXPECT_EQ(runner.next(), next_out + 1);
    }
    ++next_out;
  };
  while (next_in < 20'000) {
    int v = next_in;
    if (runner.try_submit(v)) {
      ++next_in;
    } else {
      take();
    }
  }
  while (next_out < next_in) take();
  EXPECT_EQ(runner.pending(), 0u);
}

// threads = 2 starts two worker threads, each with its own arena: two cases run at once. Case 0
// waits for case 1 to start, so they must run on two threads, two arenas.
TEST(BatchRunner, TwoThreadsRunTwoCasesAtOnce) {
  BatchOptions o;
  o.threads = 2;
  std::atomic<bool> second_started{false};
  std::atomic<unsigned> arenas{0};
  BasicBatchRunner<int, bool> runner(o, [&](BatchWorker& w, int& v) {
    arenas.fetch_or(1u << w.index());
    if (v == 1) {
      second_started = true;
      return true;
    }
    const auto end = Clock::now() + std::chrono::seconds(5);
    while (!second_started && Clock::now() < end) std::this_thread::yield();
    return second_started.load();
  });
  for (int v : {0, 1}) runner.submit(v);
  EXPECT_TRUE(runner.next());
  EXPECT_TRUE(runner.next());
  EXPECT_EQ(arenas.load(), 3u);  // workers 0 and 1
}

TEST(BatchRunner, SubmitAndNextFromTwoThreads) {
  const std::vector<BatchCase> cases = mixed(400, 99);
  BatchOptions o;
  o.threads = 3;
  o.window = 8;
  BatchRunner runner(o);
  std::thread producer([&] {
    for (const BatchCase& c : cases) runner.submit(c);  // blocks while 8 are in flight
  });
  for (std::size_t i = 0; i < cases.size(); ++i) {
    while (runner.pending() == 0) std::this_thread::yield();
    expect_same(runner.next(), sequential(cases[i]), i);
  }
  producer.join();
  EXPECT_FALSE(runner.try_next().has_value());
  EXPECT_THROW(runner.next(), std::logic_error);  // nothing pending
}

TEST(BatchRunner, WindowBoundsWhatIsInFlight) {
  // Cases count themselves alive: however long the stream, at most window() exist at once in the
  // runner (plus the one the source is making).
  static std::atomic<int> alive{0}, peak{0};
  struct Tracked {
    Tracked() { note(++alive); }
    Tracked(const Tracked&) { note(++alive); }
    Tracked(Tracked&&) noexcept { note(++alive); }
    ~Tracked() { --alive; }
    static void note(int n) {
      int p = peak.load();
      while (n > p && !peak.compare_exchange_weak(p, n)) {
      }
    }
  };
  // Streams 20,000 cases through `threads` workers and a window of `window`; checks the sum, the
  // window at every submission and the peak of live cases.
  auto stream = [](unsigned threads, std::size_t window) {
    peak = 0;
    BatchOptions o;
    o.threads = threads;
    o.window = window;
    BasicBatchRunner<Tracked, int> runner(o, [](BatchWorker&, Tracked&) { return 1; });
    int left = 20'000, sum = 0;
    runner.run(
        [&]() -> std::optional<Tracked> {
          if (left == 0) return std::nullopt;
          --left;
          EXPECT_LE(runner.pending(), window);
          return Tracked{};
        },
        [&](int v) { sum += v; });
    EXPECT_EQ(sum, 20'000);
    EXPECT_LE(peak.load(), static_cast<int>(window) + 3);  // the window, the source's temporaries
    // Done cases stay in their slots until reused (freed on the thread that made them).
    EXPECT_LE(alive.load(), static_cast<int>(window));
  };
  stream(2, 32);
  EXPECT_EQ(alive.load(), 0);  // the runner frees what it holds
  // A window smaller than the runs the consumer waits for, with an odd thread count.
  stream(3, 5);
  EXPECT_EQ(alive.load(), 0);
  // One thread: a full window cannot wait for itself.
  BatchOptions one;
  one.threads = 1;
  one.window = 2;
  BatchRunner seq(one);
  seq.submit({kAdd, kNil, 0, 0, {}, false});
  seq.submit({kAdd, kNil, 0, 0, {}, false});
  BatchCase c{kAdd, kNil, 0, 0, {}, false};
  EXPECT_FALSE(seq.try_submit(c));
  EXPECT_THROW(seq.submit(c), std::logic_error);
  EXPECT_EQ(seq.next().cost, 796u);
  EXPECT_TRUE(seq.try_submit(c));
}

TEST(BatchRunner, ErrorsNeverStopTheBatch) {
  BatchOptions o;
  o.threads = 2;
  BatchRunner runner(o);
  std::vector<BatchCase> cases = {{kRaise, kNil, 0, 0, {}, false},
                                  {hex("ff01"), kNil, 0, 0, {}, false},
                                  spin(5000),
                                  {kAdd, kNil, 0, 0, {}, false}};
  for (const BatchCase& c : cases) runner.submit(c);
  BatchAnswer a = runner.next();
  EXPECT_EQ(a.error, ErrorKind::Raise);
  a = runner.next();
  EXPECT_EQ(a.error, ErrorKind::BadEncoding);
  a = runner.next();
  EXPECT_EQ(a.error, ErrorKind::CostExceeded);
  a = runner.next();
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.cost, 796u);
  EXPECT_EQ(a.result, hex("03"));
  // An exception escaping a job is rethrown for its case only, in order.
  BasicBatchRunner<int, int> raw(o, [](BatchWorker&, int& v) {
    if (v == 2) throw std::runtime_error("two");
    return v * 10;
  });
  for (int v : {1, 2, 3}) raw.submit(v);
  EXPECT_EQ(raw.next(), 10);
  EXPECT_THROW(raw.next(), std::runtime_error);
  EXPECT_EQ(raw.next(), 30);
}

TEST(BatchRunner, CancelAnswersEveryCase) {
  BatchOptions o;
  o.threads = 2;
  o.window = 64;
  BatchRunner runner(o);
  for (int i = 0; i < 40; ++i) runner.submit(spin(0));  // endless
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto t0 = Clock::now();
  runner.cancel();
  EXPECT_TRUE(runner.cancelled());
  for (int i = 0; i < 40; ++i) {
    const BatchAnswer a = runner.next();
    EXPECT_EQ(a.error, ErrorKind::Cancelled) << i;
    EXPECT_FALSE(is_consensus_error(*a.error));
  }
  EXPECT_LT(Clock::now() - t0, std::chrono::seconds(5));  // a hang bound
}

// Cancelling while workers hold runs of claimed cases: quick cases make the claims grow, then
// endless cases with quick ones between them are in flight when the runner is cancelled. Every
// case still answers, in order: the endless ones Cancelled, the quick ones either way.
TEST(BatchRunner, CancelInsideRunsOfClaimedCases) {
  for (unsigned threads : {2u, 3u}) {
    BatchOptions o;
    o.threads = threads;
    o.window = 256;
    BatchRunner runner(o);
    for (int i = 0; i < 2000; ++i) {
      runner.submit({kAdd, kNil, 0, 0, {}, false});
      if (runner.pending() == runner.window()) {
        ASSERT_TRUE(runner.next().ok());
      }
    }
    while (runner.pending() > 0) ASSERT_TRUE(runner.next().ok());
    for (int i = 0; i < 60; ++i)
      runner.submit(i % 3 == 0 ? spin(0) : BatchCase{kAdd, kNil, 0, 0, {}, false});
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto t0 = Clock::now();
    runner.cancel();
    for (int i = 0; i < 60; ++i) {
      const BatchAnswer a = runner.next();
      if (i % 3 == 0) {
        EXPECT_EQ(a.error, ErrorKind::Cancelled) << i;
      } else if (!a.ok()) {
        EXPECT_EQ(a.error, ErrorKind::Cancelled) << i;
      } else {
        EXPECT_EQ(a.cost, 796u) << i;
      }
    }
    EXPECT_EQ(runner.pending(), 0u);
    EXPECT_LT(Clock::now() - t0, std::chrono::seconds(5));  // a hang bound
  }
}

// Quick cases make the workers' claims grow to runs of consecutive cases; whatever the stream
// length and window against the run sizes (1, 31, 32, 33, 1025 cases; windows 1, 7, 33, 256),
// every case runs exactly once and answers in order, through run() and through submit/next.
TEST(BatchChunks, EveryCaseOnceInOrderAcrossChunkBoundaries) {
  for (unsigned threads : {2u, 3u})
    for (std::size_t window : {std::size_t{1}, std::size_t{7}, std::size_t{33}, std::size_t{256}}) {
      std::vector<std::atomic<int>> runs(3000);
      BatchOptions o;
      o.threads = threads;
      o.window = window;
      BasicBatchRunner<int, int> runner(o, [&runs](BatchWorker&, int& v) {
        runs[static_cast<std::size_t>(v)].fetch_add(1);
        return 2 * v + 1;
      });
      int base = 0;
      for (int len : {1, 31, 32, 33, 1025, 1}) {
        int made = base, answered = base;
        runner.run(
            [&]() -> std::optional<int> {
              EXPECT_LE(runner.pending(), window);
              if (made == base + len) return std::nullopt;
              return made++;
            },
            [&](int a) { EXPECT_EQ(a, 2 * answered++ + 1) << threads << " " << window; });
        EXPECT_EQ(answered, base + len);
        base += len;
      }
      // submit / next with the window kept full.
      for (int v = base; v < base + 600; ++v) {
        if (runner.pending() == runner.window()) {
          const int want = 2 * (v - static_cast<int>(runner.pending())) + 1;
          EXPECT_EQ(runner.next(), want);
        }
        runner.submit(v);
      }
      for (int v = base + 600 - static_cast<int>(runner.pending()); v < base + 600; ++v)
        EXPECT_EQ(runner.next(), 2 * v + 1);
      base += 600;
      for (int v = 0; v < base; ++v) EXPECT_EQ(runs[v].load(), 1) << "case " << v;
    }
}

// A heavy case claimed together with light ones after it does not hold them: an idle worker
// starts them while it runs. The heavy case waits (up to 3 s) for every light case after it in
// its batch to finish, which it can only see if another thread ran them.
TEST(BatchChunks, HeavyCaseInsideAChunkDoesNotHoldTheLightOnes) {
  constexpr int kHeavy = 10, kBatch = 64;
  std::atomic<int> after_done{0};
  BatchOptions o;
  o.threads = 2;
  o.window = 256;
  BasicBatchRunner<int, int> runner(o, [&](BatchWorker&, int& v) {
    if (v < 0) return 0;  // warm-up: quick cases make the claims grow
    if (v % kBatch == kHeavy) {
      const auto end = Clock::now() + std::chrono::seconds(3);
      while (after_done.load() < kBatch - kHeavy - 1 && Clock::now() < end)
        std::this_thread::yield();
      return after_done.load() == kBatch - kHeavy - 1 ? 1 : -1;
    }
    if (v % kBatch > kHeavy) after_done.fetch_add(1);
    return 0;
  });
  for (int round = 0; round < 5; ++round) {
    int warm = 0;
    runner.run(
        [&]() -> std::optional<int> {
          return warm++ < 5000 ? std::optional<int>(-1) : std::nullopt;
        },
        [](int) {});
    after_done = 0;
    int v = round * kBatch, answered = 0;
    const int end = v + kBatch;
    runner.run(
        [&]() -> std::optional<int> { return v < end ? std::optional<int>(v++) : std::nullopt; },
        [&](int a) {
          if (answered++ == kHeavy) {
            EXPECT_EQ(a, 1) << "round " << round << ": light cases waited behind the heavy one";
          } else {
            EXPECT_EQ(a, 0);
          }
        });
    EXPECT_EQ(answered, kBatch);
  }
}

// Cancelling from inside a case in the middle of a run of claimed cases: every case still
// answers, in order, and no case starts after the cancel without seeing it.
TEST(BatchChunks, CancelInTheMiddleOfAChunk) {
  for (unsigned threads : {2u, 3u}) {
    constexpr int kCancelAt = 40, kBatch = 96;
    std::atomic<bool> cancelled_now{false};
    std::atomic<int> missed{0}, saw{0};
    BasicBatchRunner<int, int>* self = nullptr;
    BatchOptions o;
    o.threads = threads;
    o.window = 256;
    BasicBatchRunner<int, int> runner(o, [&](BatchWorker& w, int& v) {
      if (v < 0) return 0;
      if (v == kCancelAt) {
        self->cancel();
        cancelled_now.store(true);
        return v;
      }
      const bool after = cancelled_now.load();
      const bool c = w.cancelled();
      if (after && !c) missed.fetch_add(1);
      if (c) saw.fetch_add(1);
      return c ? -1 : v;
    });
    self = &runner;
    int warm = 0;
    runner.run(
        [&]() -> std::optional<int> {
          return warm++ < 5000 ? std::optional<int>(-1) : std::nullopt;
        },
        [](int) {});
    int v = 0, answered = 0, cancelled_answers = 0;
    runner.run(
        [&]() -> std::optional<int> { return v < kBatch ? std::optional<int>(v++) : std::nullopt; },
        [&](int a) {
          // A case that saw the cancel answers -1. Cases before kCancelAt may be among them: they
          // can still be running on another worker when the cancelling case runs. The
          // cancelling case itself answers its value.
          if (a == -1) {
            EXPECT_NE(answered, kCancelAt);
            ++cancelled_answers;
          } else {
            EXPECT_EQ(a, answered);
          }
          ++answered;
        });
    EXPECT_EQ(answered, kBatch);
    EXPECT_TRUE(runner.cancelled());
    EXPECT_EQ(missed.load(), 0);
    EXPECT_EQ(cancelled_answers, saw.load());
  }
}

// With runs of claimed cases the window still bounds the cases in flight: no case starts
// window() or more cases after the oldest answer not yet taken, and pending() never exceeds it.
TEST(BatchChunks, WindowBoundsClaimedRuns) {
  for (unsigned threads : {2u, 3u})
    for (std::size_t window : {std::size_t{5}, std::size_t{33}, std::size_t{64}}) {
      std::atomic<long> taken{0}, too_far{0}, widest{0};
      BatchOptions o;
      o.threads = threads;
      o.window = window;
      BasicBatchRunner<long, long> runner(o, [&](BatchWorker&, long& v) {
        const long ahead = v - taken.load();
        if (ahead >= static_cast<long>(window)) too_far.fetch_add(1);
        long w = widest.load();
        while (ahead > w && !widest.compare_exchange_weak(w, ahead)) {
        }
        return v;
      });
      long made = 0;
      runner.run(
          [&]() -> std::optional<long> {
            EXPECT_LE(runner.pending(), window);
            return made < 30'000 ? std::optional<long>(made++) : std::nullopt;
          },
          [&](long a) {
            EXPECT_EQ(a, taken.load());
            taken.fetch_add(1);
          });
      EXPECT_EQ(taken.load(), 30'000);
      EXPECT_EQ(too_far.load(), 0) << threads << " threads, window " << window;
      EXPECT_LT(widest.load(), static_cast<long>(window));
    }
}

TEST(BatchRunner, DestructorStopsEndlessCases) {
  BatchOptions o;
  o.threads = 2;
  const auto t0 = Clock::now();
  {
    BatchRunner runner(o);
    for (int i = 0; i < 8; ++i) runner.submit(spin(0));
  }
  EXPECT_LT(Clock::now() - t0, std::chrono::seconds(5));
}

TEST(BatchRunner, PerCaseTimeout) {
  BatchOptions o;
  o.threads = 2;
  BatchRunner runner(o);
  BatchCase endless = spin(0);
  endless.timeout = std::chrono::milliseconds(30);
  BatchCase cheap{kAdd, kNil, 0, 0, std::chrono::nanoseconds(0), false};  // expired, but cheap
  runner.submit(endless);
  runner.submit(cheap);
  const BatchAnswer a = runner.next();
  EXPECT_EQ(a.error, ErrorKind::Timeout);
  EXPECT_EQ(a.message, default_message(ErrorKind::Timeout));
  const BatchAnswer b = runner.next();
  EXPECT_TRUE(b.ok());
  EXPECT_EQ(b.cost, 796u);
}

// (concat X X ...) of a 1000-byte atom 64 times: a 64,000-byte result.
BatchCase big_concat() {
  std::string prg = "ff0e";                                                   // (concat
  for (int i = 0; i < 64; ++i) prg += "ffff01c3e8" + std::string(2000, 'a');  // (q . 1000 bytes)
  prg += "80";
  return {hex(prg), kNil, 0, 0, {}, false};
}

TEST(BatchRunner, MemoryCeilingPerWorkerAndTotal) {
  BatchOptions o;
  o.threads = 2;
  o.memory.total = 2 * 192 * 1024;  // 192 KiB per worker: the tables' first growth fits, no more
  BatchRunner runner(o);
  EXPECT_EQ(runner.worker_ceiling(), 192u * 1024);
  BatchCase big = big_concat();
  runner.submit(big);
  runner.submit({kAdd, kNil, 0, 0, {}, false});
  const BatchAnswer a = runner.next();
  EXPECT_EQ(a.error, ErrorKind::MemoryCeiling);
  EXPECT_FALSE(is_consensus_error(*a.error));
  EXPECT_TRUE(runner.next().ok());  // the worker goes on
  // Without a ceiling the same case succeeds: 64,000 bytes plus its prefix.
  BatchRunner free_runner(BatchOptions{2, 0, {}});
  EXPECT_EQ(free_runner.worker_ceiling(), SIZE_MAX);
  free_runner.submit(big);
  const BatchAnswer c = free_runner.next();
  ASSERT_TRUE(c.ok()) << c.message;
  EXPECT_EQ(c.result.size(), 64'000u + 3);
  // The consensus heap limit still answers OutOfMemory: LIMIT_HEAP runs under 500,000,000 bytes.
  BatchWorker w(0, SIZE_MAX, 0, nullptr);
  EXPECT_EQ(w.fresh_arena(kLimitHeapBytes).heap_limit(), kLimitHeapBytes);
  EXPECT_EQ(w.fresh_arena().heap_limit(), Allocator::kMaxHeapLimit);
}

TEST(BatchRunner, OversizedResultIsRefused) {
  BatchOptions o;
  o.threads = 1;
  BatchRunner runner(o);
  BatchCase big = big_concat();
  big.result_limit = 1000;
  runner.submit(big);
  const BatchAnswer a = runner.next();
  EXPECT_EQ(a.error, ErrorKind::OutOfMemory);
  EXPECT_GT(a.cost, 0u);  // the run itself succeeded
  EXPECT_TRUE(a.result.empty());
}

// BatchMemory::huge_pages: Off by default; it makes each worker's arena and its run options.
TEST(BatchRunner, HugePagesReachEveryWorker) {
  EXPECT_EQ(BatchMemory{}.huge_pages, mem::HugePages::Off);
  BatchWorker plain(0, SIZE_MAX, 0, nullptr);
  EXPECT_EQ(plain.arena().huge_pages(), mem::HugePages::Off);
  EXPECT_EQ(plain.run_options(std::nullopt).huge_pages, mem::HugePages::Off);
  BatchWorker huge(1, SIZE_MAX, 0, nullptr, mem::HugePages::Advise);
  EXPECT_EQ(huge.arena().huge_pages(), mem::HugePages::Advise);
  EXPECT_EQ(huge.fresh_arena().huge_pages(), mem::HugePages::Advise);
  EXPECT_EQ(huge.run_options(std::nullopt).huge_pages, mem::HugePages::Advise);
  for (const mem::HugePages mode : {mem::HugePages::Off, mem::HugePages::Advise}) {
    BatchOptions o;
    o.threads = 2;
    o.memory.huge_pages = mode;
    BasicBatchRunner<int, int> runner(o, [mode](BatchWorker& w, int&) {
      return w.arena().huge_pages() == mode && w.run_options(std::nullopt).huge_pages == mode;
    });
    for (int i = 0; i < 64; ++i) runner.submit(i);
    for (int i = 0; i < 64; ++i) EXPECT_EQ(runner.next(), 1) << i;
  }
  // Same answers with the advice.
  BatchOptions o;
  o.threads = 1;
  o.memory.huge_pages = mem::HugePages::Advise;
  BatchRunner runner(o);
  runner.submit({kAdd, kNil, 0, 0, {}, false});
  const BatchAnswer a = runner.next();
  ASSERT_TRUE(a.ok()) << a.message;
  EXPECT_EQ(a.cost, 796u);
  EXPECT_EQ(a.result, hex("03"));
}

}  // namespace
}  // namespace clvm
