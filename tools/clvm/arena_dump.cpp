// SPDX-License-Identifier: Apache-2.0
#include "arena_dump.hpp"

#include <clvm/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

namespace clvm::tool {
namespace {

constexpr std::size_t kRowBytes = 16;
constexpr std::size_t kPreviewBytes = 16;

// ANSI styles; empty strings when colour is off.
struct Style {
  const char* dim = "";
  const char* mark = "";
  const char* pair = "";
  const char* bytes = "";
  const char* small = "";
  const char* head = "";
  const char* reset = "";
  explicit Style(bool on) {
    if (!on) return;
    dim = "\x1b[2m";
    mark = "\x1b[1;36m";
    pair = "\x1b[32m";
    bytes = "\x1b[36m";
    small = "\x1b[33m";
    head = "\x1b[1m";
    reset = "\x1b[0m";
  }
  const char* of(NodePtr p) const {
    return p.is_pair() ? pair : p.object_type() == ObjectType::Bytes ? bytes : small;
  }
};

using Out = std::back_insert_iterator<std::string>;

std::pair<std::size_t, std::size_t> clip(Range r, std::size_t size) {
  const std::size_t b = std::min(r.begin, size);
  return {b, std::max(b, std::min(r.end, size))};
}

std::size_t count_small_refs(const Allocator& a, std::span<const ImageRoot> roots) {
  std::size_t n = 0;
  auto small = [](NodePtr p) { return p.object_type() == ObjectType::SmallAtom ? 1u : 0u; };
  for (std::uint32_t i = 0; i < a.stored_pairs(); ++i) {
    const Pair p = a.pair(NodePtr(ObjectType::Pair, i));
    n += small(p.first) + small(p.rest);
  }
  for (const ImageRoot& r : roots) n += small(r.node);
  return n;
}

// `text` as a JSON string literal; a root name read from an image may hold any byte, so each byte
// outside printable ASCII becomes \u00XX (valid JSON whatever the bytes are).
std::string json_string(std::string_view text) {
  std::string q = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
      q += {'\\', c};
    else if (u < 0x20 || u >= 0x7f)
      q += fmt::format("\\u{:04x}", u);
    else
      q += c;
  }
  return q + '"';
}

// ` (12.34%)` of the limit, or nothing when it would print as 0.00%.
std::string percent(std::size_t used, std::size_t limit) {
  const double p = 100.0 * static_cast<double>(used) / static_cast<double>(limit);
  if (p < 0.005) return {};
  return fmt::format(" ({:.2f}%)", p);
}

// What the roots reach, each distinct node once (iteratively, linear in the arena plus a sort of
// the reached atoms' extents; the heap bytes are their union, since a substr or a concat onto the
// atom that ended the heap shares another atom's bytes).
struct Reach {
  std::size_t atoms = 0, pairs = 0, heap = 0;
};
Reach reachable(const Allocator& a, std::span<const ImageRoot> roots) {
  std::vector<bool> atom_seen(a.stored_atoms()), pair_seen(a.stored_pairs());
  Reach r;
  std::vector<std::pair<std::size_t, std::size_t>> extents;  // [start, end) on the heap
  std::vector<NodePtr> stack;
  for (const ImageRoot& root : roots) stack.push_back(root.node);
  while (!stack.empty()) {
    const NodePtr n = stack.back();
    stack.pop_back();
    if (n.is_pair()) {
      if (n.index() >= pair_seen.size() || pair_seen[n.index()]) continue;
      pair_seen[n.index()] = true;
      ++r.pairs;
      const Pair p = a.pair(n);
      stack.push_back(p.first);
      stack.push_back(p.rest);
    } else if (n.object_type() == ObjectType::Bytes) {
      if (n.index() >= atom_seen.size() || atom_seen[n.index()]) continue;
      atom_seen[n.index()] = true;
      ++r.atoms;
      const auto [start, len] = a.atom_extent(n.index());
      extents.emplace_back(start, std::size_t{start} + len);
    }
  }
  std::ranges::sort(extents);
  std::size_t covered_to = 0;
  for (const auto& [start, end] : extents) {
    if (end <= covered_to) continue;
    r.heap += end - std::max(start, covered_to);
    covered_to = end;
  }
  return r;
}

// The keyword of a pair's first item when it is an atom with one (what the pair would call).
std::string op_note(const Allocator& a, const Pair& p) {
  if (!p.first.is_atom()) return {};
  const auto name = keyword_name(a.atom(p.first).span(), KeywordSet::Current);
  return name ? fmt::format("   ({} …)", *name) : std::string();
}

// (offset, atom index) sorted by offset: the atom starts the heap dump marks.
std::vector<std::pair<std::size_t, std::uint32_t>> atom_starts(const Allocator& a) {
  std::vector<std::pair<std::size_t, std::uint32_t>> starts;
  starts.reserve(a.stored_atoms());
  for (std::uint32_t i = 0; i < a.stored_atoms(); ++i)
    starts.emplace_back(a.atom_extent(i).first, i);
  std::ranges::sort(starts);
  return starts;
}

void summary_text(Out out, const Allocator& a, std::span<const ImageRoot> roots, const Style& s,
                  const DumpOptions& o) {
  fmt::format_to(out, "{}arena{}\n", s.head, s.reset);
  fmt::format_to(out,
                 "  {}counted = stored + ghost: what clvmr counts against its limits. ghost = what "
                 "clvmr allocates and this arena does not store (small atoms live inline in their "
                 "NodePtr; back-references, the cost atom and argument lists the evaluator gave "
                 "back are only counted).{}\n",
                 s.dim, s.reset);
  fmt::format_to(
      out,
      "  atoms  counted {} = {} stored + {} ghost, of {}{}; {} references to inline small atoms\n",
      a.atom_count(), a.stored_atoms(), a.ghost_atoms(), Allocator::kMaxAtoms,
      percent(a.atom_count(), Allocator::kMaxAtoms), count_small_refs(a, roots));
  fmt::format_to(out, "  pairs  counted {} = {} stored + {} ghost, of {}{}\n", a.pair_count(),
                 a.stored_pairs(), a.ghost_pairs(), Allocator::kMaxPairs,
                 percent(a.pair_count(), Allocator::kMaxPairs));
  // clvmr also counts one byte for its pre-allocated `1` atom.
  fmt::format_to(out,
                 "  heap   counted {} = {} stored + {} ghost + 1 (clvmr's preallocated atom 1) "
                 "bytes, of {}{}\n",
                 a.heap_size(), a.stored_heap_bytes(), a.ghost_heap(), a.heap_limit(),
                 percent(a.heap_size(), a.heap_limit()));
  const Reach r = reachable(a, roots);
  fmt::format_to(out,
                 "  reachable from the roots: {} atoms, {} pairs, {} heap bytes; garbage: {} "
                 "atoms, {} pairs, {} heap bytes\n",
                 r.atoms, r.pairs, r.heap, a.stored_atoms() - r.atoms, a.stored_pairs() - r.pairs,
                 a.stored_heap_bytes() - r.heap);
  if (o.before) {
    const Checkpoint& b = *o.before;
    fmt::format_to(out,
                   "  the run added: {} stored atoms, {} pairs, {} heap bytes; ghost {} atoms, {} "
                   "pairs, {} heap bytes (the tables below show only what it added)\n",
                   a.stored_atoms() - b.atoms, a.stored_pairs() - b.pairs,
                   a.stored_heap_bytes() - b.heap, a.ghost_atoms() - b.ghost_atoms,
                   a.ghost_pairs() - b.ghost_pairs, a.ghost_heap() - b.ghost_heap);
  }
}

void atoms_text(Out out, const Allocator& a, Range range, const Style& s) {
  const auto [b, e] = clip(range, a.stored_atoms());
  fmt::format_to(out, "{}atoms{} [{}, {}) of {}\n", s.head, s.reset, b, e, a.stored_atoms());
  for (std::size_t i = b; i < e; ++i) {
    const auto idx = static_cast<std::uint32_t>(i);
    const auto [start, len] = a.atom_extent(idx);
    const auto shown = a.heap_bytes().subspan(start, std::min<std::size_t>(len, kPreviewBytes));
    fmt::format_to(out, "  {}bytes:{:<6}{} @{:08x} len {:<6} {}{}\n", s.bytes, idx, s.reset, start,
                   len, Atom(shown), len > kPreviewBytes ? "…" : "");
  }
}

void heap_text(Out out, const Allocator& a, Range range, const Style& s) {
  const auto heap = a.heap_bytes();
  const auto [b0, e] = clip(range, heap.size());
  const std::size_t b = b0 - b0 % kRowBytes;
  fmt::format_to(out, "{}heap{} [{:#x}, {:#x}) of {} bytes; ^ marks where an atom starts\n", s.head,
                 s.reset, b0, e, heap.size());
  const auto starts = atom_starts(a);
  auto next = std::ranges::lower_bound(starts, std::pair<std::size_t, std::uint32_t>{b, 0});
  for (std::size_t row = b; b0 < e && row < e; row += kRowBytes) {
    const std::size_t end = std::min(row + kRowBytes, e);
    std::string marks(kRowBytes * 3 + 1, ' ');
    std::string names;
    for (; next != starts.end() && next->first < end; ++next) {
      if (next->first < b0) continue;
      const std::size_t j = next->first - row;
      marks[j * 3 + (j >= 8 ? 1 : 0)] = '^';
      names += fmt::format(" bytes:{}", next->second);
    }
    fmt::format_to(out, "{}{:08x}{}  ", s.dim, row, s.reset);
    std::string ascii;
    for (std::size_t j = 0; j < kRowBytes; ++j) {
      if (j == 8) *out++ = ' ';
      const std::size_t at = row + j;
      if (at < b0 || at >= end) {
        fmt::format_to(out, "   ");
        ascii += ' ';
        continue;
      }
      const bool start = marks[j * 3 + (j >= 8 ? 1 : 0)] == '^';
      fmt::format_to(out, "{}{:02x}{} ", start ? s.mark : "", heap[at], start ? s.reset : "");
      ascii += heap[at] >= 0x20 && heap[at] < 0x7f ? static_cast<char>(heap[at]) : '.';
    }
    fmt::format_to(out, " |{}|\n", ascii);
    if (!names.empty()) {
      while (!marks.empty() && marks.back() == ' ') marks.pop_back();
      fmt::format_to(out, "          {}{}{}  ←{}\n", s.mark, marks, s.reset, names);
    }
  }
}

void pairs_text(Out out, const Allocator& a, Range range, const Style& s) {
  const auto [b, e] = clip(range, a.stored_pairs());
  fmt::format_to(out,
                 "{}pairs{} [{}, {}) of {} (index: first → rest; (KEYWORD …) names what the pair "
                 "calls if it is an operator call)\n",
                 s.head, s.reset, b, e, a.stored_pairs());
  for (std::size_t i = b; i < e; ++i) {
    const Pair p = a.pair(NodePtr(ObjectType::Pair, static_cast<std::uint32_t>(i)));
    fmt::format_to(out, "  {:>8}: {}{}{} → {}{}{}{}\n", i, s.of(p.first), node_name(p.first),
                   s.reset, s.of(p.rest), node_name(p.rest), s.reset, op_note(a, p));
  }
}

void roots_text(Out out, const Allocator& a, std::span<const ImageRoot> roots, const Style& s,
                std::size_t chars) {
  for (const ImageRoot& r : roots)
    fmt::format_to(out, "{}root{} {} = {}{}{}  {}\n", s.head, s.reset, r.name, s.of(r.node),
                   node_name(r.node), s.reset,
                   disassemble_bounded(a, r.node, chars, KeywordSet::Classic));
}

void dump_json(Out out, const Allocator& a, std::span<const ImageRoot> roots,
               const DumpOptions& o) {
  const char* sep = "";
  *out++ = '{';
  if (o.summary) {
    fmt::format_to(out,
                   "\"summary\":{{\"atoms\":{{\"stored\":{},\"small_inline\":{},\"ghost\":{},"
                   "\"counted\":{},\"limit\":{}}},\"pairs\":{{\"stored\":{},\"ghost\":{},"
                   "\"counted\":{},\"limit\":{}}},\"heap\":{{\"stored\":{},\"ghost\":{},"
                   "\"counted\":{},\"limit\":{}}}}}",
                   a.stored_atoms(), count_small_refs(a, roots), a.ghost_atoms(), a.atom_count(),
                   Allocator::kMaxAtoms, a.stored_pairs(), a.ghost_pairs(), a.pair_count(),
                   Allocator::kMaxPairs, a.stored_heap_bytes(), a.ghost_heap(), a.heap_size(),
                   a.heap_limit());
    sep = ",";
  }
  if (o.roots) {
    fmt::format_to(out, "{}\"roots\":{{", sep);
    for (std::size_t i = 0; i < roots.size(); ++i)
      fmt::format_to(out, "{}{}:\"{}\"", i ? "," : "", json_string(roots[i].name),
                     node_name(roots[i].node));
    *out++ = '}';
    sep = ",";
  }
  if (o.atoms) {
    const auto [b, e] = clip(o.atom_range, a.stored_atoms());
    fmt::format_to(out, "{}\"atoms\":[", sep);
    for (std::size_t i = b; i < e; ++i) {
      const auto [start, len] = a.atom_extent(static_cast<std::uint32_t>(i));
      fmt::format_to(out, "{}{{\"index\":{},\"offset\":{},\"length\":{}}}", i > b ? "," : "", i,
                     start, len);
    }
    *out++ = ']';
    sep = ",";
  }
  if (o.heap) {
    const auto heap = a.heap_bytes();
    const auto [b, e] = clip(o.heap_range, heap.size());
    fmt::format_to(out, "{}\"heap\":{{\"offset\":{},\"hex\":\"{}\"}}", sep, b,
                   Atom(heap.subspan(b, e - b)));
    sep = ",";
  }
  if (o.pairs) {
    const auto [b, e] = clip(o.pair_range, a.stored_pairs());
    fmt::format_to(out, "{}\"pairs\":[", sep);
    for (std::size_t i = b; i < e; ++i) {
      const Pair p = a.pair(NodePtr(ObjectType::Pair, static_cast<std::uint32_t>(i)));
      fmt::format_to(out, "{}[\"{}\",\"{}\"]", i > b ? "," : "", node_name(p.first),
                     node_name(p.rest));
    }
    *out++ = ']';
  }
  fmt::format_to(out, "}}\n");
}

}  // namespace

std::string node_name(NodePtr p) {
  if (p.is_nil()) return "nil";
  return fmt::format("{}", p);
}

std::string dump_arena(const Allocator& a, std::span<const ImageRoot> roots,
                       const DumpOptions& opts) {
  std::string s;
  Out out(s);
  if (opts.json) {
    dump_json(out, a, roots, opts);
    return s;
  }
  const Style style(opts.color);
  if (opts.summary) summary_text(out, a, roots, style, opts);
  if (opts.roots) roots_text(out, a, roots, style, opts.root_chars);
  if (opts.atoms) atoms_text(out, a, opts.atom_range, style);
  if (opts.heap) heap_text(out, a, opts.heap_range, style);
  if (opts.pairs) pairs_text(out, a, opts.pair_range, style);
  return s;
}

}  // namespace clvm::tool
