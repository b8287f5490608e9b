// SPDX-License-Identifier: Apache-2.0
#include "trace.hpp"

#include <clvm/dialect.hpp>

#include <fmt/format.h>

#include <iterator>

namespace clvm::tool {
namespace {

constexpr std::size_t kMaxCallArgs = 100;

std::string show(const Allocator& a, NodePtr n, const TraceStyle& s) {
  return disassemble_bounded(a, n, s.node_chars, s.keywords);
}

std::string cut_note(std::size_t dropped, std::size_t max_lines) {
  if (dropped == 0) return {};
  return fmt::format("… trace cut after {} lines: {} more not shown (--trace-limit)\n", max_lines,
                     dropped);
}

}  // namespace

std::string call_text(const Allocator& a, NodePtr op, NodePtr args, const TraceStyle& style) {
  std::string out = "(";
  const auto name = op.is_atom() ? keyword_name(a.atom(op).span(), style.keywords) : std::nullopt;
  out += name ? std::string(*name) : show(a, op, style);
  std::size_t n = 0;
  for (; args.is_pair() && n < kMaxCallArgs; ++n) {
    const Pair p = a.pair(args);
    out += ' ';
    out += show(a, p.first, style);
    args = p.rest;
  }
  if (args.is_pair()) {
    out += " …";
  } else if (!args.is_nil()) {
    out += " . ";
    out += show(a, args, style);
  }
  return out + ')';
}

void StepTrace::on_eval(NodePtr program, NodePtr env) {
  if (lines_.size() >= style_.max_lines) {
    ++dropped_;
    open_.push_back(SIZE_MAX);
    return;
  }
  open_.push_back(lines_.size());
  lines_.push_back({show(a_, program, style_), show(a_, env, style_), std::nullopt});
}

void StepTrace::on_value(NodePtr value) {
  if (open_.empty()) return;
  const std::size_t i = open_.back();
  open_.pop_back();
  if (i != SIZE_MAX) lines_[i].value = show(a_, value, style_);
}

void StepTrace::add_line(std::string form, std::string env, std::optional<std::string> value) {
  lines_.insert(lines_.begin(), {std::move(form), std::move(env), std::move(value)});
  for (std::size_t& i : open_)
    if (i != SIZE_MAX) ++i;
}

std::string StepTrace::text() const {
  std::string out;
  for (const Line& l : lines_)
    fmt::format_to(std::back_inserter(out), "{} [{}] => {}\n\n", l.form, l.env,
                   l.value ? *l.value : "(didn't finish)");
  return out + cut_note(dropped_, style_.max_lines);
}

void OpTrace::on_apply(NodePtr op, NodePtr args, Cost cost) {
  (void)cost;
  if (lines_.size() >= style_.max_lines) {
    ++dropped_;
    call_.clear();
    return;
  }
  call_ = call_text(a_, op, args, style_);
  const auto kw = op.is_atom() ? a_.small_number(op) : std::nullopt;
  if (kw == ChiaDialect::kApplyKw || kw == ChiaDialect::kSoftforkKw) {
    lines_.push_back(call_ + " => …");
    call_.clear();
  }
}

void OpTrace::on_applied(NodePtr result, Cost op_cost) {
  if (call_.empty()) return;
  lines_.push_back(fmt::format("{} => {}  [cost {}]", call_, show(a_, result, style_), op_cost));
  call_.clear();
}

std::string OpTrace::text() const {
  std::string out;
  for (const std::string& l : lines_) out += l + '\n';
  return out + cut_note(dropped_, style_.max_lines);
}

std::string FailureContext::describe(const Allocator& a, ErrorKind kind, Cost max_cost,
                                     TraceStyle style) const {
  std::string out;
  auto valid = [&](NodePtr n) {
    return n.object_type() == ObjectType::SmallAtom ||
           (n.object_type() == ObjectType::Bytes && n.index() < a.stored_atoms()) ||
           (n.is_pair() && n.index() < a.stored_pairs());
  };
  const bool call_ok = applied_ && valid(op_) && valid(args_);
  if (kind == ErrorKind::CostExceeded) {
    const std::string limit = max_cost == 0 ? "unlimited" : fmt::format("{}", max_cost);
    if (!applied_)
      fmt::format_to(std::back_inserter(out), "  limit {}, exceeded before any operator ran\n",
                     limit);
    else if (returned_)
      fmt::format_to(std::back_inserter(out),
                     "  limit {}, exceeded at cost {} after an operator that cost {}\n", limit,
                     cost_before_ + op_cost_, op_cost_);
    else
      fmt::format_to(std::back_inserter(out),
                     "  limit {}, exceeded inside an operator (cost before it {})\n", limit,
                     cost_before_);
  }
  if (call_ok)
    fmt::format_to(std::back_inserter(out), "  {} operator call: {}\n",
                   returned_ ? "last" : "failing", call_text(a, op_, args_, style));
  if (valid(program_) && valid(env_) && (!call_ok || returned_))
    fmt::format_to(std::back_inserter(out), "  last step: {} [{}]\n", show(a, program_, style),
                   show(a, env_, style));
  return out;
}

}  // namespace clvm::tool
