// SPDX-License-Identifier: Apache-2.0
/// \file The subcommands of the `clvm` tool: each one's options as a plain struct and the function
/// that runs it (returning the exit status, throwing InputError on bad input). The command-line
/// parser fills the structs (cli_options.cpp, the only file besides main.cpp that sees CLI11: its
/// headers cost each file that includes them 15-30 s to compile and ~1 minute to lint).
#pragma once

#include "cli_common.hpp"
#include "trace.hpp"

#include <clvm/image.hpp>

#include <chrono>
#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace clvm::tool {

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

/// The default bound on a batch input line: 64 MiB, room for a case carrying the largest block
/// generator in hex (a block's generator is at most a few MB of bytes, twice that in hex) many
/// times over, while one endless line cannot take all memory.
inline constexpr std::size_t kDefaultMaxLineBytes = std::size_t{64} << 20;

/// `run` (brun): evaluate a program in an environment; `run --batch` reads cases from stdin.
struct RunCmdOptions {
  std::string program, env, program_file, env_file;
  Format format = Format::Auto;
  bool backrefs = false;
  std::string max_cost = "11000000000";
  FlagOptions flags;
  bool show_cost = false, cost_offset = false;
  std::string output = "text";
  bool time = false, stats = false, batch = false, classic = false;
  bool strict = false, no_keywords = false, verbose = false, verbose_errors = false;
  std::string keywords = "classic";
  double timeout = 0;  // seconds; 0: none
  unsigned jobs = 0;
  std::size_t memory_budget = 0;
  std::string huge_pages = "off";  // --huge-pages: off or on (mem::HugePages::Advise)
  std::size_t max_line_bytes = kDefaultMaxLineBytes;
  std::string messages = "ours";  // FAIL texts: ours (what()) or clvmr (clvmr_message())
  std::string trace;              // "", "steps" or "ops"
  std::string symbol_table;
  std::size_t max_chars = kResultChars;
  TraceStyle style;
};
/// Runs `run` (may swap program and env: with -f a lone positional argument is the environment).
int run_command(RunCmdOptions& o);

/// `asm` (opc) and `disasm` (opd).
struct TextOptions {
  std::string input, file;
  bool classic = false, hash = false, backrefs = false;
  std::size_t max_chars = kResultChars;
};
int asm_command(const TextOptions& o);
int disasm_command(const TextOptions& o);

/// `serialize`, `deserialize`, `hash` (tree hash) and `length` (serialized length).
enum class Form { Classic, Backrefs, Serde2026 };
struct SerdeOptions {
  std::string input, file;
  Format format = Format::Auto;
  Form form = Form::Classic;
  std::string output = "text";
  bool binary = false, classic = false;
  std::size_t max_chars = kResultChars;
};
int serialize_command(const SerdeOptions& o);
int deserialize_command(const SerdeOptions& o);
int hash_command(const SerdeOptions& o);
int length_command(const SerdeOptions& o);

/// `dump`: the arena as it is in memory.
struct DumpCmdOptions {
  std::string program, env, program_file, env_file;
  Format format = Format::Auto;
  bool backrefs = false, run = false, json = false, summary_only = false, diff = false;
  Cost max_cost = kDefaultMaxCost;
  FlagOptions flags;
  std::string color = "auto", heap_range, atoms_range, pairs_range;
  std::string sections, image;
};
/// Runs `dump` (may swap program and env, as run_command).
int dump_command(DumpCmdOptions& o);

/// `save` / `load`: arena images.
struct SaveOptions {
  std::vector<std::string> programs;
  std::string output, names;
  Format format = Format::Auto;
  bool backrefs = false;
};
int save_command(const SaveOptions& o);
struct LoadOptions {
  std::string path;
  std::size_t max_chars = kResultChars;
};
int load_command(const LoadOptions& o);

/// `demo`: the bundled standard-transaction example.
struct DemoOptions {
  bool full = false;
};
int demo_command(const DemoOptions& o);

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
