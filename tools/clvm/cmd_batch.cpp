// SPDX-License-Identifier: Apache-2.0
// `clvm run --batch`: the line protocol of docs/cli.md (`<program_hex> <env_hex> [max_cost]
// [flags]` in, `<result_hex> <cost>` or `FAIL: ...` out, the oracles' batch mode: docs/oracles.md),
// on a BatchRunner (one arena per worker; with -j 1 one arena on this thread).
#include "commands.hpp"

#include <clvm/batch_runner.hpp>
#include <clvm/bytes.hpp>
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include <fmt/format.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <istream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace clvm::tool {
namespace {

constexpr std::size_t kFlushBytes = 1 << 16;

/// A line of input and the answer it gets.
struct Line {
  std::string text;  // empty when too_long
  std::size_t line_no = 0;
  bool too_long = false;  // the line had more bytes than allowed: its text was not kept
};

/// Reads `in` line by line with a bound on what one line may take: at most `max` bytes of a line
/// are kept; the rest of a longer line is read and dropped, so memory stays bounded whatever the
/// input. Reads in 64 KiB chunks through std::istream::getline (which scans the stream's buffer
/// for the newline as std::getline does).
class LineReader {
 public:
  enum class Result { Line, TooLong, End };

  LineReader(std::istream& in, std::size_t max) : in_(in), max_(max) {}

  /// The next line, without its '\n', into `line` (Line); TooLong (with `line` empty) when it has
  /// more than `max` bytes, the input then being positioned after its newline; End at the end of
  /// the input. A last line without a newline is a line.
  Result next(std::string& line) {
    line.clear();
    std::size_t length = 0;
    bool any = false;
    for (;;) {
      in_.getline(chunk_.get(), static_cast<std::streamsize>(kChunk));
      const auto got = static_cast<std::size_t>(in_.gcount());
      // good(): the newline was extracted (and counted by gcount). eof() or bad(): the input
      // ended. Otherwise the chunk filled up before any newline: the line goes on.
      const bool newline = in_.good();
      const bool more = !newline && !in_.eof() && !in_.bad() && got == kChunk - 1;
      const std::size_t stored = newline ? got - 1 : got;
      any = any || got > 0;
      length += stored;
      if (more) in_.clear();  // getline sets failbit when the chunk fills first
      if (length > max_) {
        if (more) in_.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
        line.clear();
        return Result::TooLong;
      }
      line.append(chunk_.get(), stored);
      if (!more) return newline || any ? Result::Line : Result::End;
    }
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::istream& in_;
  std::size_t max_;
  std::unique_ptr<char[]> chunk_ = std::make_unique<char[]>(kChunk);
};

struct Answer {
  std::string text;  // the answer line(s), newline included
  bool malformed = false;
};

/// Splits `line` at spaces and tabs into at most `max` fields; returns the count (max + 1 if more).
std::size_t split_fields(std::string_view line, std::string_view* fields, std::size_t max) {
  std::size_t n = 0, i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (n == max) return max + 1;
    fields[n++] = line.substr(start, i - start);
  }
  return n;
}

/// One case: appends its answer line to `out`. Throws InputError on a malformed line.
void run_case(std::string_view line, std::size_t line_no, const BatchDefaults& d,
              BatchWorker& worker, std::string& out) {
  std::string_view f[4];
  const std::size_t n = split_fields(line, f, 4);
  // The line's name for messages, made only when one is needed (a tiny case costs less than
  // formatting it).
  auto where = [line_no](std::string_view field) {
    return fmt::format("line {}{}", line_no, field);
  };
  if (n < 2 || n > 4)
    throw InputError(where(": expected `<program_hex> <env_hex> [max_cost] [flags]`"));
  // A field is one hex run (no spaces): the plain decoder takes it, and only a bad one goes
  // through decode_hex, which says what is wrong and where.
  auto hex_field = [&](std::string_view text, std::string_view name) {
    if (std::optional<Bytes> b = from_hex(text)) return std::move(*b);
    return decode_hex(text, where(name));
  };
  const Bytes program_bytes = hex_field(f[0], " program");
  const Bytes env_bytes = hex_field(f[1], " env");
  auto number_field = [&](std::string_view text, std::string_view name) {
    if (const auto v = try_parse_u64(text)) return *v;
    return parse_u64(text, where(name));  // throws, saying what is wrong
  };
  const Cost max_cost = n > 2 ? number_field(f[2], " max_cost") : d.max_cost;
  const std::uint64_t flags64 = n > 3 ? number_field(f[3], " flags") : d.flags;
  if (flags64 > 0xFFFF'FFFFu) throw InputError(where(" flags: does not fit in 32 bits"));
  const auto flags = static_cast<Flags>(flags64);

  if (worker.cancelled()) {
    fmt::format_to(std::back_inserter(out), "FAIL: {}\n", default_message(ErrorKind::Cancelled));
    return;
  }
  Allocator& a =
      worker.fresh_arena((flags & LIMIT_HEAP) != 0 ? kLimitHeapBytes : Allocator::kMaxHeapLimit);
  try {
    auto parse = [&](std::span<const std::uint8_t> b) {
      return d.backrefs ? node_from_bytes_backrefs(a, b) : node_from_bytes(a, b);
    };
    const NodePtr program = parse(program_bytes);
    const NodePtr env = parse(env_bytes);
    const Reduction r =
        run_program(a, ChiaDialect(flags), program, env, max_cost, worker.run_options(d.timeout));
    try {
      append_result_hex(out, a, r.node);
    } catch (const InputError& e) {
      fmt::format_to(std::back_inserter(out), "FAIL: {}\n", e.what());
      return;
    }
    out += ' ';
    out += fmt::format_int(r.cost).str();
    out += '\n';
  } catch (const Error& e) {
    const ErrorKind kind = worker.classify(e);
    std::string text;
    if (kind != e.kind()) {
      text = default_message(kind);  // a non-consensus stop (ceiling): clvmr has no text for it
    } else if (d.clvmr_messages) {
      text = e.clvmr_message();
    } else {
      text = e.what();
    }
    fmt::format_to(std::back_inserter(out), "FAIL: {}\n", text);
  }
}

/// One line's answer (on a worker).
Answer answer_line(BatchWorker& worker, Line& line, const BatchDefaults& d) {
  Answer answer;
  if (line.too_long) {
    answer.malformed = true;
    answer.text =
        fmt::format("FAIL: bad input: line {}: longer than {} bytes (--max-line-bytes); not read\n",
                    line.line_no, d.max_line_bytes);
    return answer;
  }
  std::string_view v = line.text;
  while (!v.empty() && (v.back() == '\r' || v.back() == ' ' || v.back() == '\t'))
    v.remove_suffix(1);
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  if (v.empty() || v.front() == '#') {
    answer.text = "\n";
    return answer;
  }
  try {
    run_case(v, line.line_no, d, worker, answer.text);
  } catch (const InputError& e) {
    answer.malformed = true;
    answer.text.clear();
    fmt::format_to(std::back_inserter(answer.text), "FAIL: bad input: {}\n", e.what());
  }
  return answer;
}

}  // namespace

/// glibc's defaults give freed heap back (and fault it in again) all the time when threads free
/// each other's small answers: 3x the CPU per tiny case at -j 2. Keep it instead (the arenas have
/// their own memory; this only concerns the cases' and answers' bytes).
void tune_malloc() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
#endif
}

int run_batch(std::istream& in, std::ostream& out, const BatchDefaults& defaults) {
  tune_malloc();
  BatchOptions options;
  options.threads = defaults.threads;
  options.memory.total = defaults.memory_budget;
  options.memory.huge_pages = defaults.huge_pages;
  BasicBatchRunner<Line, Answer> runner(
      options, [&defaults](BatchWorker& w, Line& l) { return answer_line(w, l, defaults); });
  std::string answers;
  std::size_t line_no = 0;
  bool malformed = false;
  LineReader reader(in, defaults.max_line_bytes);
  runner.run(
      [&]() -> std::optional<Line> {
        Line l;
        const LineReader::Result r = reader.next(l.text);
        if (r == LineReader::Result::End) return std::nullopt;
        l.too_long = r == LineReader::Result::TooLong;
        l.line_no = ++line_no;
        return l;
      },
      [&](Answer&& a) {
        malformed = malformed || a.malformed;
        auto write = [&out](const std::string& s) {
          out.write(s.data(), static_cast<std::streamsize>(s.size()));
        };
        if (a.text.size() >= kFlushBytes) {  // a large answer goes out as it is, not copied
          write(answers);
          answers.clear();
          write(a.text);
          return;
        }
        answers += a.text;
        if (answers.size() >= kFlushBytes) {
          write(answers);
          answers.clear();
        }
      });
  out.write(answers.data(), static_cast<std::streamsize>(answers.size()));
  out.flush();
  return malformed ? kExitBadInput : kExitOk;
}

}  // namespace clvm::tool
