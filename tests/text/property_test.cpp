// SPDX-License-Identifier: Apache-2.0
// Properties: disassemble then assemble rebuilds the same tree; arbitrary text either assembles or
// fails with a TextError, never anything else.
#include <clvm/error.hpp>
#include <clvm/text.hpp>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

#include "tree_io.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

// Atoms that exercise every printing rule: opcodes, 1-2 byte numbers (canonical or not), the
// 4-byte secp opcodes, printable text (with ' and ;), and arbitrary bytes.
rc::Gen<Bytes> gen_atom() {
  const auto printable = rc::gen::container<Bytes>(rc::gen::inRange<std::uint8_t>(0x20, 0x7f));
  return rc::gen::weightedOneOf<Bytes>({
      {2, rc::gen::just(Bytes{})},
      {4, rc::gen::map(rc::gen::inRange<int>(0, 70), [](int v) { return Bytes{std::uint8_t(v)}; })},
      {3, rc::gen::mapcat(rc::gen::inRange<std::size_t>(1, 3),
                          [](std::size_t n) {
                            return rc::gen::container<Bytes>(n, rc::gen::arbitrary<std::uint8_t>());
                          })},
      {1, rc::gen::element(Bytes{0x13, 0xd6, 0x1f, 0x00}, Bytes{0x1c, 0x3a, 0x8f, 0x00})},
      {4, printable},
      {3, rc::gen::arbitrary<Bytes>()},
  });
}

// A postfix program: an atom pushes itself, nullopt conses the top two (when there are two).
// Leftovers become a list.
clvm::NodePtr build(clvm::Allocator& a, const std::vector<std::optional<Bytes>>& program) {
  std::vector<clvm::NodePtr> stack;
  for (const auto& step : program) {
    if (step) {
      stack.push_back(a.new_atom(*step));
    } else if (stack.size() >= 2) {
      const clvm::NodePtr rest = stack.back();
      stack.pop_back();
      stack.back() = a.new_pair(stack.back(), rest);
    }
  }
  clvm::NodePtr list = clvm::NodePtr::NIL;
  while (!stack.empty()) {
    list = a.new_pair(stack.back(), list);
    stack.pop_back();
  }
  return list;
}

rc::Gen<std::vector<std::optional<Bytes>>> gen_program() {
  return rc::gen::container<std::vector<std::optional<Bytes>>>(
      rc::gen::weightedOneOf<std::optional<Bytes>>(
          {{3,
            rc::gen::map(gen_atom(), [](Bytes b) { return std::optional<Bytes>(std::move(b)); })},
           {2, rc::gen::just(std::optional<Bytes>())}}));
}

RC_GTEST_PROP(TextProperty, DisassembleThenAssembleGivesTheSameTree, ()) {
  const auto program = *gen_program();
  const auto keywords = *rc::gen::element(clvm::KeywordSet::Classic, clvm::KeywordSet::Current);
  clvm::Allocator a;
  const clvm::NodePtr tree = build(a, program);
  const std::string text = clvm::disassemble(a, tree, keywords);
  clvm::Allocator b;
  const clvm::NodePtr back = clvm::assemble(b, text, keywords);
  RC_ASSERT(text_test::same_tree(a, tree, b, back));
  RC_ASSERT(clvm::disassemble(b, back, keywords) == text);
}

// assemble() either succeeds, and then its tree survives disassemble/assemble, or throws TextError.
void check_assembles_or_throws(const std::string& text) {
  clvm::Allocator a;
  clvm::NodePtr node;
  try {
    node = clvm::assemble(a, text);
  } catch (const clvm::TextError& e) {
    RC_TAG("TextError");
    RC_ASSERT(e.line() >= 1);
    RC_ASSERT(e.column() >= 1);
    return;
  }
  RC_TAG("assembled");
  const std::string printed = clvm::disassemble(a, node);
  clvm::Allocator b;
  RC_ASSERT(text_test::same_tree(a, node, b, clvm::assemble(b, printed)));
}

// Characters rich in syntax, in any order.
RC_GTEST_PROP(TextProperty, ArbitraryCharactersAssembleOrThrowTextError, ()) {
  static const std::string alphabet = "()..  ;\n\"'0x1a9-+#qc\xc3\xa9";
  check_assembles_or_throws(*rc::gen::container<std::string>(rc::gen::elementOf(alphabet)));
}

// Whole tokens in any order inside one list: more of these parse, so more trees get checked.
RC_GTEST_PROP(TextProperty, ArbitraryTokensAssembleOrThrowTextError, ()) {
  static const std::vector<std::string> tokens = {
      "(",       ")",      " . ",     " ",     " ",
      "q",       "1",      "-7",      "0x1f",  "0xabc",
      "\"s t\"", "'u\"v'", ";c\n",    "#a",    "coinid",
      "()",      "(a b)",  "(1 . 2)", "((x))", "123456789012345678901234567890",
      "\"\"",    "\t"};
  const auto picked = *rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(tokens));
  std::string text = "(";
  for (const std::string& t : picked) text += t + (*rc::gen::arbitrary<bool>() ? " " : "");
  check_assembles_or_throws(text + ")");
}

}  // namespace
