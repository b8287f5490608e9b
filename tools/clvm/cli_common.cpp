// SPDX-License-Identifier: Apache-2.0
#include "cli_common.hpp"

#include <clvm/error.hpp>
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

namespace clvm::tool {

// The order is the order of FlagOptions::switches.
const std::array<NamedFlag, FlagOptions::kSwitches> kNamedFlags = {{
    {"--mempool", MEMPOOL_MODE, "mempool rules (0x0217: no unknown ops, 500 MB heap, ...)"},
    {"--canonical-ints", CANONICAL_INTS, "softfork arguments must be canonical (0x0001)"},
    {"--no-unknown-ops", NO_UNKNOWN_OPS, "unknown operators are errors (0x0002)"},
    {"--limit-heap", LIMIT_HEAP, "limit the heap to 500,000,000 bytes (0x0004)"},
    {"--relaxed-bls", RELAXED_BLS, "g1/g2_negate check only the length (0x0008)"},
    {"--limit-softfork", LIMIT_SOFTFORK, "softfork nesting at most 20 (0x0010)"},
    {"--enable-gc", ENABLE_GC, "collect garbage during the run (0x0020)"},
    {"--limits", LIMITS, "operand size caps of soft fork 9 (0x0040)"},
    {"--keccak", ENABLE_KECCAK_OPS_OUTSIDE_GUARD, "keccak256 outside a softfork guard (0x0100)"},
    {"--disable-op", DISABLE_OP, "soft fork 8: no modpow, smaller dividends (0x0200)"},
    {"--sha256tree", ENABLE_SHA256_TREE, "the sha256tree operator, 63 (0x0400)"},
    {"--secp", ENABLE_SECP_OPS, "secp256k1/r1_verify as opcodes 64/65 (0x0800)"},
    {"--new-cost-model", NEW_COST_MODEL, "the 3.0 hard-fork cost model (0x2000)"},
}};

namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string read_stream(std::istream& in) {
  std::ostringstream buf;
  buf << in.rdbuf();
  return std::move(buf).str();
}

// The offset just past an optional 0x prefix (after leading whitespace).
std::size_t skip_hex_prefix(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
  if (i + 1 < text.size() && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
    return i + 2;
  return 0;
}

}  // namespace

Source read_source(const std::string& arg, const std::string& file, std::string_view what,
                   bool required) {
  const std::string& path = !file.empty() ? file : arg;
  const bool from_file = !file.empty();
  if (path == "-") {
    std::cin.sync_with_stdio(false);
    return {read_stream(std::cin), "stdin", false};
  }
  std::error_code ec;
  if (from_file || (!arg.empty() && std::filesystem::is_regular_file(arg, ec))) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot open file '{}'", what, path));
    return {read_stream(in), path, false};
  }
  if (arg.empty() && required) throw InputError(fmt::format("{}: missing", what));
  return {arg, std::string(what), true};
}

Format resolve_format(const Source& src, Format requested) {
  if (requested != Format::Auto) return requested;
  if (src.literal) return Format::Text;
  bool all_hex = true, any_digit = false;
  const std::size_t start = skip_hex_prefix(src.data);
  for (std::size_t i = 0; i < src.data.size(); ++i) {
    const auto c = static_cast<unsigned char>(src.data[i]);
    if (is_space(c)) continue;
    if (c < 0x20 || c >= 0x7f) return Format::Binary;
    if (i >= start && hex_value(c) >= 0) {
      any_digit = true;
    } else if (i >= start || (c != '0' && c != 'x' && c != 'X')) {
      all_hex = false;
    }
  }
  return all_hex && any_digit ? Format::Hex : Format::Text;
}

std::vector<std::uint8_t> decode_hex(std::string_view text, std::string_view origin) {
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 2);
  int high = -1;
  std::size_t high_pos = 0;
  for (std::size_t i = skip_hex_prefix(text); i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_space(c)) continue;
    const int v = hex_value(c);
    if (v < 0) {
      const std::string shown = c >= 0x20 && c < 0x7f ? fmt::format("'{}'", static_cast<char>(c))
                                                      : fmt::format("0x{:02x}", c);
      throw InputError(
          fmt::format("{}: invalid hex character {} at position {}", origin, shown, i + 1));
    }
    if (high < 0) {
      high = v;
      high_pos = i;
    } else {
      out.push_back(static_cast<std::uint8_t>(high << 4 | v));
      high = -1;
    }
  }
  if (high >= 0)
    throw InputError(fmt::format("{}: odd number of hex digits (unpaired digit at position {})",
                                 origin, high_pos + 1));
  return out;
}

std::vector<std::uint8_t> source_bytes(const Source& src, Format format) {
  if (format == Format::Hex) return decode_hex(src.data, src.origin);
  return {src.data.begin(), src.data.end()};
}

NodePtr parse_bytes(Allocator& a, std::span<const std::uint8_t> bytes, std::string_view origin,
                    bool backrefs) {
  if (bytes.empty()) throw InputError(fmt::format("{}: empty serialization", origin));
  try {
    if (bytes.size() >= kSerde2026Magic.size() &&
        std::equal(kSerde2026Magic.begin(), kSerde2026Magic.end(), bytes.begin()))
      return node_from_bytes_2026(a, bytes);
    const std::uint64_t used = backrefs ? serialized_length_from_bytes(bytes)
                                        : serialized_length_from_bytes_trusted(bytes);
    const NodePtr root = backrefs ? node_from_bytes_backrefs(a, bytes) : node_from_bytes(a, bytes);
    if (used < bytes.size())
      warn_once(fmt::format("{}: {} bytes after the serialized object ignored", origin,
                            bytes.size() - used));
    return root;
  } catch (const SerdeError& e) {
    const bool backref_byte = !backrefs && std::ranges::find(bytes, 0xfe) != bytes.end() &&
                              e.kind() == ErrorKind::BadEncoding;
    throw InputError(fmt::format("{}: {} ({} bytes){}", origin, e.what(), bytes.size(),
                                 backref_byte ? "; use --backrefs for compressed input" : ""));
  } catch (const EvalError& e) {
    throw InputError(fmt::format("{}: {} while loading", origin, e.what()));
  }
}

NodePtr parse_source(Allocator& a, const Source& src, Format requested, bool backrefs,
                     KeywordSet keywords) {
  const Format format = resolve_format(src, requested);
  if (format != Format::Text)
    return parse_bytes(a, source_bytes(src, format), src.origin, backrefs);
  try {
    return assemble(a, src.data, keywords);
  } catch (const TextError& e) {
    throw InputError(fmt::format("{}: {}", src.origin, e.what()));
  } catch (const EvalError& e) {
    throw InputError(fmt::format("{}: {} while assembling", src.origin, e.what()));
  }
}

Flags FlagOptions::value() const {
  const std::uint64_t n = number.empty() ? 0 : parse_u64(number, "--flags");
  if (n > 0xFFFF'FFFFu)
    throw InputError(fmt::format("--flags: {} does not fit in 32 bits", number));
  check_known_flags(n, "--flags");
  auto f = static_cast<Flags>(n);
  for (std::size_t i = 0; i < kSwitches; ++i)
    if (switches[i]) f |= kNamedFlags[i].bits;
  return f;
}

namespace {

// Decimal or 0x hex into 64 bits. `error_at`: 0 when the text is a number; else the 1-based
// position of the first bad character, or SIZE_MAX when it has no digits or does not fit.
struct U64Scan {
  std::uint64_t value = 0;
  std::size_t error_at = 0;
  bool overflow = false;
};

U64Scan scan_u64(std::string_view text) noexcept {
  U64Scan r;
  int base = 10;
  std::size_t i = 0;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    i = 2;
  }
  if (i == text.size()) {
    r.error_at = SIZE_MAX;
    return r;
  }
  for (; i < text.size(); ++i) {
    const int d = hex_value(static_cast<unsigned char>(text[i]));
    if (d < 0 || d >= base) {
      r.error_at = i + 1;
      return r;
    }
    if (r.value > (UINT64_MAX - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) {
      r.error_at = SIZE_MAX;
      r.overflow = true;
      return r;
    }
    r.value = r.value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
  }
  return r;
}

}  // namespace

std::optional<std::uint64_t> try_parse_u64(std::string_view text) noexcept {
  const U64Scan r = scan_u64(text);
  if (r.error_at != 0) return std::nullopt;
  return r.value;
}

std::uint64_t parse_u64(std::string_view text, std::string_view what) {
  const U64Scan r = scan_u64(text);
  if (r.overflow) throw InputError(fmt::format("{}: '{}' does not fit in 64 bits", what, text));
  if (r.error_at == SIZE_MAX) throw InputError(fmt::format("{}: '{}' is not a number", what, text));
  if (r.error_at != 0)
    throw InputError(fmt::format("{}: '{}' is not a number (position {})", what, text, r.error_at));
  return r.value;
}

void check_known_flags(std::uint64_t flags, std::string_view what) {
  const std::uint64_t unknown = flags & ~std::uint64_t{kKnownFlags};
  if (unknown != 0)
    throw InputError(fmt::format(
        "{}: {:#x} has bits clvmr 0.19 does not define ({:#x}; the defined ones are {:#06x})", what,
        flags, unknown, kKnownFlags));
}

namespace {
bool g_quiet = false;
std::set<std::string>& warned() {
  static std::set<std::string> s;
  return s;
}
}  // namespace

void set_quiet(bool quiet) { g_quiet = quiet; }
bool is_quiet() { return g_quiet; }

void warn_once(const std::string& text) {
  if (g_quiet || !warned().insert(text).second) return;
  fmt::print(stderr, "clvm: warning: {}\n", text);
}

std::string result_text(const Allocator& a, NodePtr node, KeywordSet keywords,
                        std::size_t max_chars) {
  std::string s = disassemble_bounded(a, node, max_chars, keywords);
  if (s.size() > max_chars)
    warn_once(
        fmt::format("the text was cut at {} characters (--max-chars N prints more)", max_chars));
  return s;
}

std::string describe_node(const Allocator& a, NodePtr node, KeywordSet keywords,
                          std::size_t max_chars) {
  const bool valid = node.object_type() == ObjectType::SmallAtom ||
                     (node.object_type() == ObjectType::Bytes && node.index() < a.stored_atoms()) ||
                     (node.object_type() == ObjectType::Pair && node.index() < a.stored_pairs());
  if (!valid) return fmt::format("{}", node);
  return disassemble_bounded(a, node, max_chars, keywords);
}

std::uint64_t check_printable(const Allocator& a, NodePtr node) {
  const std::uint64_t length = serialized_length(a, node, kMaxPrintBytes);
  if (length <= kMaxPrintBytes) return length;
  if (!node.is_pair())
    throw InputError(fmt::format("the atom is too large to print ({} bytes)", a.atom_len(node)));
  throw InputError(fmt::format(
      "the tree is too large to print (over {} bytes serialized, counting shared subtrees "
      "once per occurrence)",
      kMaxPrintBytes));
}

void append_result_hex(std::string& out, const Allocator& a, NodePtr node) {
  const auto length = static_cast<std::size_t>(check_printable(a, node));
  const std::size_t at = out.size();
  out.reserve(at + 2 * length + 32);  // and the line's end (" <cost>\n") without a reallocation
  out.resize(at + 2 * length);
  char* hex = out.data() + at;
  try {
    node_to_bytes_into(a, node, {reinterpret_cast<std::uint8_t*>(hex + length), length});
  } catch (...) {
    out.resize(at);
    throw;
  }
  hex_in_place(hex, length);
}

void write_binary(std::span<const std::uint8_t> bytes) {
  std::fwrite(bytes.data(), 1, bytes.size(), stdout);
}

}  // namespace clvm::tool
