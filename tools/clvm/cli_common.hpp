// SPDX-License-Identifier: Apache-2.0
/// \file What every subcommand of the `clvm` tool shares: reading inputs (argument, file or stdin;
/// text, hex or binary), turning them into nodes, dialect flags, and the exit-status contract
/// (0 success, 1 evaluation failure, 2 bad input or usage).
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/cost.hpp>
#include <clvm/flags.hpp>
#include <clvm/node_ptr.hpp>
#include <clvm/text.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clvm::tool {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFail = 1;
inline constexpr int kExitBadInput = 2;

/// The default cost limit of `run` and `run --batch` (Chia's block limit).
inline constexpr Cost kDefaultMaxCost = 11'000'000'000;

/// Bad input or usage: main() prints `clvm: <what>` on one line and exits with kExitBadInput.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How an input is written. Auto: a command-line argument is text; a file or stdin is binary if
/// it holds a byte that is neither printable ASCII nor whitespace, hex if it holds only hex digits
/// (and whitespace, an optional 0x), text otherwise.
enum class Format { Auto, Text, Hex, Binary };

/// One input's raw content and a name for messages ("argument", "stdin" or the file name).
struct Source {
  std::string data;
  std::string origin;
  bool literal = false;  // true: came from the command line itself
};

/// Reads an input: `file` if non-empty ("-" = stdin), else `arg` ("-" = stdin; the content of
/// the file when `arg` names an existing regular file, as clvm_tools' path_or_code; otherwise
/// `arg` itself). A file's format is then detected as for -f. Throws InputError naming the file if
/// it cannot be read, or if both are empty and `required`.
Source read_source(const std::string& arg, const std::string& file, std::string_view what,
                   bool required = true);

/// The concrete format of `src` when `requested` is Auto (see Format).
Format resolve_format(const Source& src, Format requested);

/// Decodes hex (whitespace anywhere is skipped, an optional leading 0x). Throws InputError naming
/// `origin` and the offending character's 1-based position on a non-hex character or an odd digit
/// count. Linear in the input.
std::vector<std::uint8_t> decode_hex(std::string_view text, std::string_view origin);

/// The bytes of a serialized input (hex decoded, binary as is). Requires: format is Hex or Binary.
std::vector<std::uint8_t> source_bytes(const Source& src, Format format);

/// Parses `src` into `a` (format resolved from `requested`): text with assemble(), serialized
/// bytes with node_from_bytes (or node_from_bytes_backrefs when `backrefs`; the 2026 format is
/// recognised by its magic). Prints a warning to stderr if serialized bytes follow the object.
/// Throws InputError naming the origin and position of any problem.
NodePtr parse_source(Allocator& a, const Source& src, Format requested, bool backrefs,
                     KeywordSet keywords = KeywordSet::Current);

/// As parse_source, for serialized bytes already in memory.
NodePtr parse_bytes(Allocator& a, std::span<const std::uint8_t> bytes, std::string_view origin,
                    bool backrefs);

/// Dialect flag options: `--flags N` (decimal or 0x hex) and one switch per named flag.
struct FlagOptions {
  static constexpr std::size_t kSwitches = 13;
  std::string number;
  std::array<bool, kSwitches> switches{};  // one per named flag, in cli_common.cpp's table order
  /// The union of --flags and the switches. Throws InputError if --flags is not a number.
  Flags value() const;
};
/// The named flag switches, in FlagOptions::switches order: option names ("--new-cost-model"),
/// help and bits.
struct NamedFlag {
  const char* option;
  Flags bits;
  const char* help;
};
extern const std::array<NamedFlag, FlagOptions::kSwitches> kNamedFlags;

/// Parses an unsigned decimal or 0x-hex number. Throws InputError naming `what` otherwise (a sign,
/// a non-digit, or a value above 2^64 - 1).
std::uint64_t parse_u64(std::string_view text, std::string_view what);

/// parse_u64 without the message: the value, or nullopt where parse_u64 would throw. Throws
/// nothing (for callers whose message is costly to build, e.g. per batch line).
std::optional<std::uint64_t> try_parse_u64(std::string_view text) noexcept;

/// The flag bits clvmr 0.19 defines (FlagOptions::value() refuses any other).
inline constexpr Flags kKnownFlags =
    CANONICAL_INTS | NO_UNKNOWN_OPS | LIMIT_HEAP | RELAXED_BLS | LIMIT_SOFTFORK | ENABLE_GC |
    LIMITS | ENABLE_KECCAK_OPS_OUTSIDE_GUARD | DISABLE_OP | ENABLE_SHA256_TREE | ENABLE_SECP_OPS |
    MALACHITE | NEW_COST_MODEL;

/// Throws InputError naming `what` if `flags` has a bit outside kKnownFlags.
void check_known_flags(std::uint64_t flags, std::string_view what);

/// Warnings on stderr (`clvm: warning: ...`), each text at most once per process; none when
/// quiet. Not thread-safe (the tool warns from its main thread).
void warn_once(const std::string& text);
void set_quiet(bool quiet);
bool is_quiet();

/// The characters of text printed for a result (run, disasm, deserialize, load) unless
/// --max-chars says otherwise; longer text is cut with `… (N more bytes)` and a warning.
inline constexpr std::size_t kResultChars = 10'000'000;

/// disassemble_bounded(a, node, max_chars, keywords), warning once on stderr if it was cut.
std::string result_text(const Allocator& a, NodePtr node, KeywordSet keywords,
                        std::size_t max_chars);

/// Disassembles `node` for a message (at most `max_chars` characters, then `… (N more bytes)`), or
/// names it by kind:index if it is not a valid node of `a`.
std::string describe_node(const Allocator& a, NodePtr node, KeywordSet keywords,
                          std::size_t max_chars = kDefaultTextChars);

/// The largest tree, in classic-serialized bytes, the tool prints (as text or hex).
inline constexpr std::uint64_t kMaxPrintBytes = std::uint64_t{1} << 30;

/// The classic-serialized length of `node` (serialized_length); throws InputError if that is more
/// than kMaxPrintBytes (a shared subtree, from back-references or from evaluation, counts once
/// per occurrence: a small DAG can stand for an exponentially large tree). Linear in the smaller
/// of the tree and the pairs of `a`, no recursion.
std::uint64_t check_printable(const Allocator& a, NodePtr node);

/// Appends the hex of `node`'s classic serialization to `out`, written in place (no buffer of its
/// own, however large), with room for a few more characters after it (a line's end) in the same
/// allocation. Throws InputError as check_printable, std::bad_alloc; `out` is unchanged
/// then.
void append_result_hex(std::string& out, const Allocator& a, NodePtr node);

/// Writes `bytes` to stdout unchanged (binary output).
void write_binary(std::span<const std::uint8_t> bytes);

}  // namespace clvm::tool
