// SPDX-License-Identifier: Apache-2.0
// The integer operators (int64 path, WideInt path, Boost fallback) against a slow Boost reference
// on random atoms: result bytes, cost (legacy and NEW_COST_MODEL), and the arena's counters (one
// result atom, counted as new_number would count it).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <clvm/flags.hpp>

#include <algorithm>
#include <vector>

#include "int_reference.hpp"
#include "ops/more_ops.hpp"

namespace clvm::test {
namespace {

struct Call {
  Bytes result;
  Cost cost = 0;
  std::size_t atoms = 0, heap = 0;  // counters added by the call
};

// Runs `op` on atoms `args` and reads back one atom result.
Call call(ops::OpFn op, const std::vector<Bytes>& args, Flags flags) {
  Allocator a;
  NodePtr list = Allocator::nil();
  for (std::size_t i = args.size(); i-- > 0;) list = a.new_pair(a.new_atom(args[i]), list);
  const std::size_t atoms = a.atom_count(), heap = a.heap_size();
  const Reduction r = op(a, list, 10'000'000'000, flags);
  const Atom atom = a.atom(r.node);
  return {Bytes(atom.begin(), atom.end()), r.cost, a.atom_count() - atoms, a.heap_size() - heap};
}

// What new_number(n) adds to a fresh arena's counters.
void expect_counted_as_number(const Call& c, const Number& n) {
  Allocator a;
  const std::size_t atoms = a.atom_count(), heap = a.heap_size();
  a.new_number(n);
  RC_ASSERT(c.atoms == a.atom_count() - atoms);
  RC_ASSERT(c.heap == a.heap_size() - heap);
}

std::vector<Bytes> gen_args(std::size_t min_count) {
  const auto n = *rc::gen::inRange<std::size_t>(min_count, 4);
  std::vector<Bytes> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(*gen_int_bytes());
  return out;
}

Cost malloc_cost(const Bytes& b) { return 10 * static_cast<Cost>(b.size()); }

RC_GTEST_PROP(IntOps, AddSubtract, ()) {
  const std::vector<Bytes> args = gen_args(0);
  const bool subtract = *rc::gen::arbitrary<bool>();
  const bool new_model = *rc::gen::arbitrary<bool>();
  Number total = 0;
  Cost cost = 99;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const Number v = ref_from_bytes(args[i]);
    const Cost len = args[i].size();
    cost += new_model ? 500 + 4 * std::max<Cost>(ref_limbs(total), len) : 320 + 3 * len;
    total = (subtract && i > 0) ? Number(total - v) : Number(total + v);
  }
  const Bytes expected = ref_to_bytes(total);
  const Call c =
      call(subtract ? ops::op_subtract : ops::op_add, args, new_model ? NEW_COST_MODEL : 0);
  RC_ASSERT(c.result == expected);
  RC_ASSERT(c.cost == cost + malloc_cost(expected));
  expect_counted_as_number(c, total);
}

RC_GTEST_PROP(IntOps, Multiply, ()) {
  const std::vector<Bytes> args = gen_args(0);
  const bool new_model = *rc::gen::arbitrary<bool>();
  Number total = 1;
  Cost cost = new_model ? 2000 : 92;
  Cost l0 = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const Number v = ref_from_bytes(args[i]);
    const Cost len = args[i].size();
    if (i == 0) {
      total = v;
      l0 = len;
      if (new_model) cost += 6 * l0;
      continue;
    }
    cost += 885 + (l0 + len) * 6 + (l0 * len) / (new_model ? 16 : 128);
    total *= v;
    l0 = ref_limbs(total);
  }
  const Bytes expected = ref_to_bytes(total);
  const Call c = call(ops::op_multiply, args, new_model ? NEW_COST_MODEL : 0);
  RC_ASSERT(c.result == expected);
  RC_ASSERT(c.cost == cost + malloc_cost(expected));
  expect_counted_as_number(c, total);
}

RC_GTEST_PROP(IntOps, Bitwise, ()) {
  const std::vector<Bytes> args = gen_args(0);
  const int which = *rc::gen::inRange(0, 3);
  const bool new_model = *rc::gen::arbitrary<bool>();
  Number total = which == 0 ? -1 : 0;
  Cost cost = 100;
  for (const Bytes& arg : args) {
    const Number v = ref_from_bytes(arg);
    const Cost len = arg.size();
    cost += 264 + 3 * (new_model ? std::max<Cost>(len, ref_limbs(total)) : len);
    total = which == 0 ? Number(total & v) : which == 1 ? Number(total | v) : Number(total ^ v);
  }
  const ops::OpFn op = which == 0 ? ops::op_logand : which == 1 ? ops::op_logior : ops::op_logxor;
  const Bytes expected = ref_to_bytes(total);
  const Call c = call(op, args, new_model ? NEW_COST_MODEL : 0);
  RC_ASSERT(c.result == expected);
  RC_ASSERT(c.cost == cost + malloc_cost(expected));
  expect_counted_as_number(c, total);
}

RC_GTEST_PROP(IntOps, Lognot, ()) {
  const Bytes arg = *gen_int_bytes();
  const Number r = -ref_from_bytes(arg) - 1;
  const Bytes expected = ref_to_bytes(r);
  const Call c = call(ops::op_lognot, {arg}, 0);
  RC_ASSERT(c.result == expected);
  RC_ASSERT(c.cost == 331 + 3 * static_cast<Cost>(arg.size()) + malloc_cost(expected));
  expect_counted_as_number(c, r);
}

RC_GTEST_PROP(IntOps, Greater, ()) {
  const Bytes x = *gen_int_bytes(), y = *gen_int_bytes();
  const bool gt = ref_from_bytes(x) > ref_from_bytes(y);
  const Call c = call(ops::op_gr, {x, y}, 0);
  RC_ASSERT(c.result == (gt ? Bytes{1} : Bytes{}));
  RC_ASSERT(c.cost == 498 + 2 * static_cast<Cost>(x.size() + y.size()));
}

RC_GTEST_PROP(IntOps, DivideAndModulo, ()) {
  const Bytes x = *gen_int_bytes();
  const Bytes y = *rc::gen::suchThat(gen_int_bytes(), [](const Bytes& b) {
    return std::any_of(b.begin(), b.end(), [](std::uint8_t v) { return v != 0; });
  });
  const Number n = ref_from_bytes(x), d = ref_from_bytes(y);
  Number q = n / d, r = n % d;  // truncating
  if (r != 0 && (r < 0) != (d < 0)) {
    q -= 1;
    r += d;
  }
  const Cost lens = x.size() + y.size();
  const Call cq = call(ops::op_div, {x, y}, 0);
  RC_ASSERT(cq.result == ref_to_bytes(q));
  RC_ASSERT(cq.cost == 988 + 4 * lens + malloc_cost(cq.result));
  const Call cr = call(ops::op_mod, {x, y}, 0);
  RC_ASSERT(cr.result == ref_to_bytes(r));
  RC_ASSERT(cr.cost == 988 + 4 * lens + malloc_cost(cr.result));
}

// ash (signed) and lsh (the bytes read unsigned): floor(v · 2^s), cost base + 3·(input length +
// limbs(result)) + 10·len(result).
RC_GTEST_PROP(IntOps, Shifts, ()) {
  const Bytes arg = *gen_int_bytes();
  const auto s = *rc::gen::weightedOneOf<std::int32_t>(
      {{3, rc::gen::inRange<std::int32_t>(-80, 81)},
       {1, rc::gen::inRange<std::int32_t>(-4000, 4001)},
       {1, rc::gen::element<std::int32_t>(-65535, 65535, -8 * static_cast<std::int32_t>(arg.size()),
                                          -8 * static_cast<std::int32_t>(arg.size()) + 1)}});
  const bool arithmetic = *rc::gen::arbitrary<bool>();
  Number v = ref_from_bytes(arg);
  if (!arithmetic && v < 0) v += Number(1) << (8 * arg.size());
  Number r = v;
  if (s >= 0) {
    r <<= s;
  } else {
    const Number d = Number(1) << -s;  // floor division (Boost's >> of a negative does not floor)
    r = v / d;
    if (v % d != 0 && v < 0) r -= 1;
  }
  const Bytes expected = ref_to_bytes(r);
  Allocator a;
  const NodePtr args =
      a.new_pair(a.new_atom(arg), a.new_pair(a.new_number(Number(s)), Allocator::nil()));
  const Reduction red = (arithmetic ? ops::op_ash : ops::op_lsh)(a, args, 10'000'000'000, 0);
  const Atom out = a.atom(red.node);
  RC_ASSERT(Bytes(out.begin(), out.end()) == expected);
  const Cost base = arithmetic ? 596 : 277;
  RC_ASSERT(red.cost ==
            base + 3 * static_cast<Cost>(arg.size() + ref_limbs(r)) + malloc_cost(expected));
}

}  // namespace
}  // namespace clvm::test
