// SPDX-License-Identifier: Apache-2.0
// clvm_batch_bench: the batch runner's library throughput, measured the way the performance
// report measures (interleaved rounds, median per configuration, best median reported).
//   tiny   — `(q . 1)` and `(+ 2 5)` cases through BatchRunner::run (bytes in, parse, run,
//            serialize, answer out) at each thread count: cases per second, and per core.
//   heavy  — K heap-doubling cases in a row on one worker, the arena keeping its capacity (the
//            default) or giving it back on each rewind (retention 0: the behaviour before).
// Usage: clvm_batch_bench [--tiny N] [--threads 1,2] [--heavy K] [--rounds R] [--no-tiny]
//        [--no-heavy]
#include <clvm/batch_runner.hpp>
#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>

#include <fmt/format.h>

#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using clvm::BatchAnswer;
using clvm::BatchCase;
using clvm::Bytes;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU seconds (user + system) of the whole process so far.
double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

Bytes serialized(std::string_view text) {
  clvm::Allocator a;
  return clvm::node_to_bytes(a, clvm::assemble(a, text));
}

// Runs `n` tiny cases on `threads` workers; returns seconds and sets `*cpu` to the CPU seconds.
// Exits on a wrong answer.
double run_tiny(unsigned threads, std::size_t n, double* cpu) {
  static const Bytes q1 = serialized("(q . 1)"), nil = serialized("()");
  static const Bytes add = serialized("(+ 2 5)"), env = serialized("(10 20)");
  clvm::BatchOptions o;
  o.threads = threads;
  clvm::BatchRunner runner(o);
  std::size_t made = 0, seen = 0;
  const auto t0 = Clock::now();
  const double c0 = cpu_seconds();
  runner.run(
      [&]() -> std::optional<BatchCase> {
        if (made == n) return std::nullopt;
        BatchCase c;
        if (made++ % 2 == 0) {
          c.program = q1;
          c.env = nil;
        } else {
          c.program = add;
          c.env = env;
        }
        c.max_cost = 11'000'000'000;
        return c;
      },
      [&](BatchAnswer&& a) {
        const bool odd = seen++ % 2 == 1;
        if (!a.ok() || a.cost != (odd ? 856u : 20u) || a.result.size() != 1) {
          std::fprintf(stderr, "wrong answer at case %zu: %s\n", seen, a.message.c_str());
          std::exit(1);
        }
      });
  *cpu = cpu_seconds() - c0;
  return seconds_since(t0);
}

// K heap-doubling cases (each ends `cost exceeded` with ~2.1 GB of heap) on one worker.
double run_heavy(std::size_t k, std::size_t retention, std::vector<double>* per_case) {
  static const Bytes doubling = serialized(
      "(a (q . (a 2 (c 2 (c (concat 5 5) ())))) (c (q . (a 2 (c 2 (c (concat 5 5) ())))) (c (q . "
      "\"xy\") ())))");
  static const Bytes nil = serialized("()");
  clvm::BatchOptions o;
  o.threads = 1;
  o.memory.retention = retention;
  clvm::BatchRunner runner(o);
  const auto t0 = Clock::now();
  auto last = t0;
  for (std::size_t i = 0; i < k; ++i) {
    runner.submit(BatchCase{doubling, nil, 11'000'000'000, 0, {}, false});
    const BatchAnswer a = runner.next();
    if (a.error != clvm::ErrorKind::CostExceeded) {
      std::fprintf(stderr, "heavy case: expected cost exceeded, got %s\n", a.message.c_str());
      std::exit(1);
    }
    if (per_case != nullptr) per_case->push_back(seconds_since(last));
    last = Clock::now();
  }
  return seconds_since(t0);
}

Bytes hex_file(const std::string& path) {
  std::ifstream f(path);
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\r'; });
  auto b = clvm::from_hex(text);
  if (!b) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  return *b;
}

// loop_add (8.5e9 cost, seconds of work) under a 10 ms deadline: milliseconds from the start of
// run_program to its Timeout.
double deadline_stop_ms() {
  const std::string dir = std::string(CLVMPP_SOURCE_DIR) + "/tests/data/bench/";
  static const Bytes prg = hex_file(dir + "programs/loop_add.hex");
  static const Bytes env = hex_file(dir + "env/loop_add.env.hex");
  clvm::Allocator a;
  const clvm::NodePtr p = clvm::node_from_bytes_backrefs(a, prg);
  const clvm::NodePtr e = clvm::node_from_bytes(a, env);
  const clvm::ChiaDialect d(clvm::ENABLE_GC);
  const auto t0 = Clock::now();
  clvm::RunOptions o;
  o.deadline = t0 + std::chrono::milliseconds(10);
  try {
    clvm::run_program(a, d, p, e, 11'000'000'000, o);
  } catch (const clvm::EvalError& err) {
    if (err.kind() == clvm::ErrorKind::Timeout) return seconds_since(t0) * 1000;
  }
  std::fprintf(stderr, "loop_add did not time out\n");
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t tiny = 2'000'000, heavy = 8, rounds = 3;
  std::vector<unsigned> threads = {1, 2};
  bool do_tiny = true, do_heavy = true, do_deadline = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--tiny") {
      tiny = std::stoul(value());
    } else if (arg == "--heavy") {
      heavy = std::stoul(value());
    } else if (arg == "--rounds") {
      rounds = std::stoul(value());
    } else if (arg == "--threads") {
      threads.clear();
      const std::string list = value();
      for (std::size_t p = 0; p < list.size();) {
        const std::size_t q = std::min(list.find(',', p), list.size());
        threads.push_back(static_cast<unsigned>(std::stoul(list.substr(p, q - p))));
        p = q + 1;
      }
    } else if (arg == "--no-tiny") {
      do_tiny = false;
    } else if (arg == "--no-heavy") {
      do_heavy = false;
    } else if (arg == "--no-deadline") {
      do_deadline = false;
    } else {
      std::fprintf(stderr,
                   "usage: clvm_batch_bench [--tiny N] [--threads 1,2] [--heavy K] [--rounds R] "
                   "[--no-tiny] [--no-heavy] [--no-deadline]\n");
      return 2;
    }
  }
  // As `clvm run --batch` does (tools/clvm/cmd_batch.cpp): glibc keeps freed heap instead of
  // trimming and faulting it in again while threads free each other's answers.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  fmt::print(
      "# clvm_batch_bench: {} hardware threads, {} rounds (interleaved), median per "
      "configuration and the best round\n",
      std::thread::hardware_concurrency(), rounds);
  if (do_tiny) {
    std::map<unsigned, std::vector<double>> rates, cpu_rates;
    for (std::size_t r = 0; r < rounds; ++r)
      for (unsigned t : threads) {
        double cpu = 0;
        rates[t].push_back(double(tiny) / run_tiny(t, tiny, &cpu));
        cpu_rates[t].push_back(double(tiny) / cpu);
      }
    fmt::print("\n## tiny cases through BatchRunner (parse, run, serialize, answer), {} per run\n",
               tiny);
    fmt::print(
        "| threads | median cases/s | best cases/s | median per core | cases per CPU-second |\n"
        "|---:|---:|---:|---:|---:|\n");
    const double base = median(rates[threads.front()]);
    for (unsigned t : threads) {
      const double m = median(rates[t]);
      const unsigned cores = std::min(t, std::max(1u, std::thread::hardware_concurrency()));
      fmt::print("| {} | {:.0f} | {:.0f} | {:.0f} | {:.0f} | ({:.2f}x the first row)\n", t, m,
                 *std::max_element(rates[t].begin(), rates[t].end()), m / cores,
                 median(cpu_rates[t]), m / base);
    }
  }
  if (do_heavy) {
    std::vector<double> keep, drop, keep_cases, drop_cases;
    for (std::size_t r = 0; r < rounds; ++r) {
      keep.push_back(run_heavy(heavy, SIZE_MAX, r == 0 ? &keep_cases : nullptr));
      drop.push_back(run_heavy(heavy, 0, r == 0 ? &drop_cases : nullptr));
    }
    fmt::print("\n## {} heap-doubling cases in a row on one worker (2.1 GB heap each)\n", heavy);
    fmt::print(
        "| arena | median s | best s | first case s | later cases, median s |\n"
        "|---|---:|---:|---:|---:|\n");
    auto row = [&](const char* name, const std::vector<double>& t, std::vector<double> cases) {
      const double first = cases.front();
      cases.erase(cases.begin());
      fmt::print("| {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} |\n", name, median(t),
                 *std::min_element(t.begin(), t.end()), first, cases.empty() ? 0 : median(cases));
    };
    row("keeps its capacity (default)", keep, keep_cases);
    row("gives it back (retention 0)", drop, drop_cases);
  }
  if (do_deadline) {
    std::vector<double> ms;
    for (int r = 0; r < 9; ++r) ms.push_back(deadline_stop_ms());
    fmt::print("\n## loop_add under a 10 ms deadline (run_program with RunOptions), 9 runs\n");
    fmt::print(
        "| stopped after, median | min | max |\n|---:|---:|---:|\n| {:.2f} ms | {:.2f} ms | "
        "{:.2f} ms |\n",
        median(ms), *std::min_element(ms.begin(), ms.end()),
        *std::max_element(ms.begin(), ms.end()));
  }
  return 0;
}
