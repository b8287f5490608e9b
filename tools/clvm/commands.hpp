// SPDX-License-Identifier: Apache-2.0
/// \file The subcommands of the `clvm` tool. Each add_* registers one subcommand (its options and
/// help with an example) on `app` and returns the action main() runs when it is chosen.
#pragma once

#include "cli_common.hpp"

#include <clvm/image.hpp>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace clvm::tool {

/// `run` (brun): evaluate a program in an environment; `run --batch` reads cases from stdin.
Action add_run(CLI::App& app);
/// `asm` (opc) and `disasm` (opd).
Action add_asm(CLI::App& app);
Action add_disasm(CLI::App& app);
/// `serialize`, `deserialize`, `hash` (tree hash) and `length` (serialized length).
Action add_serialize(CLI::App& app);
Action add_deserialize(CLI::App& app);
Action add_hash(CLI::App& app);
Action add_length(CLI::App& app);
/// `dump`: the arena as it is in memory.
Action add_dump(CLI::App& app);
/// `save` / `load`: arena images.
Action add_save(CLI::App& app);
Action add_load(CLI::App& app);
/// Opens (maps and validates) the arena image at `path` for `load` and `dump --image`. Throws
/// InputError `PATH: not a valid arena image: REASON` for a bad image, or the library's message
/// (which names the file) if it cannot be opened.
Image open_image(const std::string& path);
/// Whether the file at `path` starts with an arena image's magic ("clvmimg\0"); false if it
/// cannot be read.
bool is_image_file(const std::string& path);
/// Warns once per word (stderr) where text assembled with classic keywords turned a newer
/// operator's keyword (coinid, keccak256, ...) into a string.
void warn_modern_keywords(const Allocator& a, NodePtr root, const Source& src);
/// `demo`: the bundled standard-transaction example.
Action add_demo(CLI::App& app);

/// The default bound on a batch input line: 64 MiB, room for a case carrying the largest block
/// generator in hex (a block's generator is at most a few MB of bytes, twice that in hex) many
/// times over, while one endless line cannot take all memory.
inline constexpr std::size_t kDefaultMaxLineBytes = std::size_t{64} << 20;

/// Defaults of a batch: what a line leaves out.
struct BatchDefaults {
  Cost max_cost = kDefaultMaxCost;
  Flags flags = 0;
  bool backrefs = false;
  /// Wall-clock limit of each case (--timeout); a case past it answers `FAIL: timeout: ...`.
  std::optional<std::chrono::nanoseconds> timeout;
  /// Worker threads (-j; 0: one per core; 1: sequential, on the calling thread).
  unsigned threads = 1;
  /// Ceiling on the arenas' memory across all workers (--memory-budget; 0: none).
  std::size_t memory_budget = 0;
  /// Huge-page advice for the workers' arenas and stacks (--huge-pages; BatchMemory::huge_pages).
  mem::HugePages huge_pages = mem::HugePages::Off;
  /// FAIL lines carry Error::clvmr_message() instead of what() (--messages clvmr).
  bool clvmr_messages = false;
  /// Longest input line kept, in bytes (--max-line-bytes); a longer line is read to its end
  /// without being stored and answers `FAIL: bad input: ...`.
  std::size_t max_line_bytes = kDefaultMaxLineBytes;
};

/// Runs `run --batch`: for each line `<program_hex> <env_hex> [max_cost] [flags]` of `in`, writes
/// `<result_hex> <cost>` or `FAIL: <message>` to `out`; blank and `#` lines give an empty line.
/// A malformed line, or one longer than `defaults.max_line_bytes` (not stored: the batch goes on
/// with the next line), gives `FAIL: bad input: ...`. Cases run on a BatchRunner with
/// `defaults.threads` workers, each reusing one arena (rewound to a checkpoint per case); answers
/// come in input order, byte-identical whatever the thread count. Returns kExitOk, or
/// kExitBadInput if any line was malformed.
int run_batch(std::istream& in, std::ostream& out, const BatchDefaults& defaults);

}  // namespace clvm::tool
