// SPDX-License-Identifier: Apache-2.0
// `clvm run --batch`: the line protocol of ../shared/peers/oracle batch, one arena for all cases.
#include "commands.hpp"

#include <clvm/bytes.hpp>
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace clvm::tool {
namespace {

constexpr std::size_t kLimitHeapBytes = 500'000'000;
constexpr std::size_t kFlushBytes = 1 << 16;

/// An arena rewound to its empty state before each case.
struct ReusedArena {
  Allocator arena;
  Checkpoint empty;
  explicit ReusedArena(std::size_t heap_limit) : arena(heap_limit), empty(arena.checkpoint()) {}
  Allocator& fresh() {
    arena.restore_checkpoint(empty);
    return arena;
  }
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
              ReusedArena& normal, std::optional<ReusedArena>& limited, std::string& out) {
  std::string_view f[4];
  const std::size_t n = split_fields(line, f, 4);
  const std::string where = fmt::format("line {}", line_no);
  if (n < 2 || n > 4)
    throw InputError(
        fmt::format("{}: expected `<program_hex> <env_hex> [max_cost] [flags]`", where));
  const auto program_bytes = decode_hex(f[0], where + " program");
  const auto env_bytes = decode_hex(f[1], where + " env");
  const Cost max_cost = n > 2 ? parse_u64(f[2], where + " max_cost") : d.max_cost;
  const std::uint64_t flags64 = n > 3 ? parse_u64(f[3], where + " flags") : d.flags;
  if (flags64 > 0xFFFF'FFFFu) throw InputError(where + " flags: does not fit in 32 bits");
  const auto flags = static_cast<Flags>(flags64);

  ReusedArena* arena = &normal;
  if ((flags & LIMIT_HEAP) != 0) {
    if (!limited) limited.emplace(kLimitHeapBytes);
    arena = &*limited;
  }
  Allocator& a = arena->fresh();
  try {
    auto parse = [&](std::span<const std::uint8_t> b) {
      return d.backrefs ? node_from_bytes_backrefs(a, b) : node_from_bytes(a, b);
    };
    const NodePtr program = parse(program_bytes);
    const NodePtr env = parse(env_bytes);
    const Reduction r = run_program(a, ChiaDialect(flags), program, env, max_cost);
    check_printable(a, r.node);
    out += to_hex(node_to_bytes(a, r.node));
    fmt::format_to(std::back_inserter(out), " {}\n", r.cost);
  } catch (const Error& e) {
    if (d.clvmr_messages) {
      fmt::format_to(std::back_inserter(out), "FAIL: {}\n", e.clvmr_message());
    } else {
      fmt::format_to(std::back_inserter(out), "FAIL: {}\n", e.what());
    }
  }
}

}  // namespace

int run_batch(std::istream& in, std::ostream& out, const BatchDefaults& defaults) {
  ReusedArena normal(Allocator::kMaxHeapLimit);
  std::optional<ReusedArena> limited;
  std::string line, answers;
  std::size_t line_no = 0;
  bool malformed = false;
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view v = line;
    while (!v.empty() && (v.back() == '\r' || v.back() == ' ' || v.back() == '\t'))
      v.remove_suffix(1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    if (v.empty() || v.front() == '#') {
      answers += '\n';
    } else {
      try {
        run_case(v, line_no, defaults, normal, limited, answers);
      } catch (const InputError& e) {
        malformed = true;
        fmt::format_to(std::back_inserter(answers), "FAIL: bad input: {}\n", e.what());
      }
    }
    if (answers.size() >= kFlushBytes) {
      out.write(answers.data(), static_cast<std::streamsize>(answers.size()));
      answers.clear();
    }
  }
  out.write(answers.data(), static_cast<std::streamsize>(answers.size()));
  out.flush();
  return malformed ? kExitBadInput : kExitOk;
}

}  // namespace clvm::tool
