// SPDX-License-Identifier: Apache-2.0
// clvmpp.Program: a Pythonic value over the arena. A Program is (shared arena, NodePtr); Python
// objects are made only for what is asked for (first(), iteration, as_python()).
#include "arena.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "nodes.hpp"
#include "run_options.hpp"
#include "serde_compat.hpp"
#include "text_bounded.hpp"

#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>

#include <pybind11/stl.h>

#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace py = pybind11;

namespace clvmpy {
namespace {

using clvm::NodePtr;

constexpr clvm::Cost kDefaultMaxCost = 11'000'000'000;     // the block limit (chia's INFINITE_COST)
constexpr std::size_t kReprChars = 1000;                   // repr() shows at most this much text
constexpr std::size_t kDisassembleChars = 10'000'000;      // disassemble()'s default bound
constexpr std::uint64_t kDefaultBytesLimit = 0xFFFF'FFFF;  // bytes()'s default bound

py::object program(const ArenaPtr& arena, NodePtr node) { return py::cast(Program{{arena, node}}); }

py::bytes to_py_bytes(std::span<const std::uint8_t> b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// Raises the clvmpp.errors exception for a runtime error: TextError for the text format,
// SerdeError for bad bytes, EvalError (with the failing node as a Program) for the rest.
[[noreturn]] void raise_for(const clvm::Error& e, const ArenaPtr& arena) {
  if (const auto* t = dynamic_cast<const clvm::TextError*>(&e))
    raise_clvmpp_error("TextError", py::make_tuple(clvmr_text(e), t->line(), t->column()));
  if (dynamic_cast<const clvm::SerdeError*>(&e) != nullptr)
    raise_clvmpp_error("SerdeError", py::make_tuple(clvmr_text(e)));
  raise_clvmpp_error("EvalError", py::make_tuple(clvmr_text(e), program(arena, clvmr_node(e))));
}

// Runs `f(arena)` into a fresh arena, turning runtime errors into clvmpp.errors exceptions.
template <class F>
py::object build(F&& f) {
  ArenaPtr arena = new_arena();
  try {
    return program(arena, f(*arena));
  } catch (const clvm::Error& e) {
    raise_for(e, arena);
  }
}

std::vector<std::uint8_t> decode_hex(std::string_view s) {
  if (s.starts_with("0x") || s.starts_with("0X")) s.remove_prefix(2);
  auto digit = [&](std::size_t i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    raise_clvmpp_error("SerdeError",
                       py::make_tuple("invalid hex character " +
                                      py::repr(py::str(std::string(1, c))).cast<std::string>() +
                                      " at position " + std::to_string(i)));
  };
  if (s.size() % 2 != 0)
    raise_clvmpp_error("SerdeError", py::make_tuple("odd number of hex digits"));
  std::vector<std::uint8_t> out(s.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::uint8_t>(digit(2 * i) << 4 | digit(2 * i + 1));
  return out;
}

py::object from_bytes(std::span<const std::uint8_t> blob) {
  ArenaPtr arena = new_arena();
  NodePtr node;
  std::optional<std::string> trailing;
  try {
    py::gil_scoped_release unlocked;
    const std::uint64_t used = clvm::serialized_length_from_bytes(blob);
    if (used != blob.size()) {
      trailing = "bad encoding: " + std::to_string(blob.size() - used) + " bytes after the object";
    } else {
      node = clvm::node_from_bytes_backrefs(*arena, blob);
    }
  } catch (const clvm::Error& e) {
    raise_for(e, arena);
  }
  if (trailing) raise_clvmpp_error("SerdeError", py::make_tuple(*trailing));
  return program(arena, node);
}

py::bytes serialize(const Program& p, bool backrefs, std::uint64_t limit) {
  try {
    if (backrefs) return to_py_bytes(clvm::node_to_bytes_backrefs_limit(*p.arena, p.node, limit));
    // Measured first (linear in distinct nodes): an expanded bomb is refused before any output.
    const std::uint64_t size = classic_size(*p.arena, p.node);
    if (size > limit)
      raise_clvmpp_error("SerdeError",
                         py::make_tuple("serialization of " + std::to_string(size) +
                                        " bytes is over the limit of " + std::to_string(limit)));
    return to_py_bytes(clvm::node_to_bytes_limit(*p.arena, p.node, limit));
  } catch (const clvm::Error& e) {
    raise_for(e, p.arena);
  }
}

py::bytes tree_hash(const Program& p) {
  clvm::TreeCache cache;
  return to_py_bytes(clvm::tree_hash_cached(*p.arena, p.node, cache).span());
}

py::tuple run(const Program& self, py::handle args, clvm::Cost max_cost, clvm::Flags flags,
              std::optional<double> timeout) {
  const clvm::RunOptions options = run_options(timeout);
  // A fresh arena (clvm_rs's run does the same): the run works outside the GIL on memory no
  // other Python object can reach, and LIMIT_HEAP's 500 MB applies to this run alone.
  ArenaPtr arena = new_run_arena(flags);
  NodePtr prog, env;
  try {
    prog = copy_node(*arena, *self.arena, self.node);
    env = to_node(*arena, args);
  } catch (const clvm::Error& e) {
    raise_for(e, arena);
  }
  std::optional<clvm::Reduction> result;
  std::optional<std::string> failure, timed_out;
  NodePtr failing = clvm::Allocator::nil();
  {
    py::gil_scoped_release unlocked;
    try {
      result = clvm::run_program(*arena, clvm::ChiaDialect(flags), prog, env, max_cost, options);
    } catch (const clvm::Error& e) {
      if (is_timeout(e)) {
        timed_out = e.what();
      } else {
        failure = clvmr_text(e);
        failing = clvmr_node(e);
      }
    }
  }
  if (timed_out) raise_timeout(*timed_out);
  if (failure) raise_clvmpp_error("EvalError", py::make_tuple(*failure, program(arena, failing)));
  return py::make_tuple(result->cost, program(arena, result->node));
}

// (a (q . mod) (c (q . arg1) (c (q . arg2) ... 1))): chia's curry.
py::object curry(const Program& self, const py::args& args) {
  return build([&](clvm::Allocator& a) {
    const NodePtr mod = copy_node(a, *self.arena, self.node);
    std::vector<NodePtr> items;
    for (py::handle arg : args) items.push_back(to_node(a, arg));
    const NodePtr q = a.new_small_number(1), apply = a.new_small_number(2),
                  cons = a.new_small_number(4);
    auto list3 = [&](NodePtr x, NodePtr y, NodePtr z) {
      return a.new_pair(x, a.new_pair(y, a.new_pair(z, clvm::Allocator::nil())));
    };
    NodePtr env = a.new_small_number(1);
    for (std::size_t i = items.size(); i-- > 0;) env = list3(cons, a.new_pair(q, items[i]), env);
    return list3(apply, a.new_pair(q, mod), env);
  });
}

// The items of a proper list of exactly `n` items, or nullopt.
std::optional<std::vector<NodePtr>> exact_list(const clvm::Allocator& a, NodePtr node,
                                               std::size_t n) {
  std::vector<NodePtr> items;
  while (node.is_pair() && items.size() <= n) {
    const clvm::Pair p = a.pair(node);
    items.push_back(p.first);
    node = p.rest;
  }
  if (items.size() != n || !node.is_nil()) return std::nullopt;
  return items;
}

bool is_small(const clvm::Allocator& a, NodePtr node, std::uint32_t v) {
  return !node.is_pair() && a.small_number(node) == v;
}

// (mod, args as a Program list) for a curried program, else (self, nil): chia's uncurry.
py::tuple uncurry(const Program& self) {
  const clvm::Allocator& a = *self.arena;
  auto not_curried = [&] {
    return py::make_tuple(program(self.arena, self.node),
                          program(self.arena, clvm::Allocator::nil()));
  };
  const auto top = exact_list(a, self.node, 3);
  if (!top || !is_small(a, (*top)[0], 2) || !(*top)[1].is_pair()) return not_curried();
  const clvm::Pair quoted = a.pair((*top)[1]);
  if (!is_small(a, quoted.first, 1)) return not_curried();
  std::vector<NodePtr> args;
  NodePtr env = (*top)[2];
  while (!is_small(a, env, 1)) {
    const auto step = exact_list(a, env, 3);
    if (!step || !is_small(a, (*step)[0], 4) || !(*step)[1].is_pair()) return not_curried();
    const clvm::Pair arg = a.pair((*step)[1]);
    if (!is_small(a, arg.first, 1)) return not_curried();
    args.push_back(arg.rest);
    env = (*step)[2];
  }
  // The argument list is new: it goes into the same arena (a few pairs).
  NodePtr list = clvm::Allocator::nil();
  try {
    for (std::size_t i = args.size(); i-- > 0;) list = self.arena->new_pair(args[i], list);
  } catch (const clvm::Error& e) {
    raise_for(e, self.arena);
  }
  return py::make_tuple(program(self.arena, quoted.rest), program(self.arena, list));
}

// as_python: atoms as bytes, pairs as 2-tuples; a shared pair becomes one shared tuple.
py::object as_python(const Program& self) {
  const clvm::Allocator& a = *self.arena;
  auto atom = [&](NodePtr n) -> py::object { return to_py_bytes(a.atom(n).span()); };
  if (!self.node.is_pair()) return atom(self.node);
  std::unordered_map<std::uint32_t, py::object> made;
  struct Item {
    NodePtr node;
    bool expanded;
  };
  std::vector<Item> stack{{self.node, false}};
  std::vector<py::object> values;
  while (!stack.empty()) {
    const Item it = stack.back();
    stack.pop_back();
    if (!it.node.is_pair()) {
      values.push_back(atom(it.node));
      continue;
    }
    if (it.expanded) {
      py::object rest = std::move(values.back());
      values.pop_back();
      values.back() = py::make_tuple(std::move(values.back()), std::move(rest));
      made.emplace(it.node.index(), values.back());
      continue;
    }
    if (auto f = made.find(it.node.index()); f != made.end()) {
      values.push_back(f->second);
      continue;
    }
    const clvm::Pair p = a.pair(it.node);
    stack.push_back({it.node, true});
    stack.push_back({p.rest, false});
    stack.push_back({p.first, false});
  }
  return values.back();
}

// Equality of two trees, possibly in different arenas: by identity, atom bytes, or tree hash
// (linear in distinct nodes even for DAGs; SHA-256 collisions are not a practical concern).
bool equal(const NodeRef& x, const NodeRef& y) {
  if (x.arena == y.arena && x.node == y.node) return true;
  if (x.node.is_pair() != y.node.is_pair()) return false;
  if (!x.node.is_pair()) {
    // The Atoms are kept: a small atom's bytes live inside its Atom value.
    const clvm::Atom l = x.arena->atom(x.node), r = y.arena->atom(y.node);
    return std::ranges::equal(l.span(), r.span());
  }
  clvm::TreeCache cx, cy;
  return clvm::tree_hash_cached(*x.arena, x.node, cx) ==
         clvm::tree_hash_cached(*y.arena, y.node, cy);
}

// `other` as a node for comparisons, or nullopt if it is no CLVM value.
std::optional<NodeRef> as_node(py::handle other) {
  if (py::isinstance<Program>(other))
    return static_cast<const NodeRef&>(other.cast<const Program&>());
  if (py::isinstance<LazyNode>(other))
    return static_cast<const NodeRef&>(other.cast<const LazyNode&>());
  ArenaPtr arena = new_arena();
  try {
    const NodePtr n = to_node(*arena, other);
    return NodeRef{arena, n};
  } catch (const py::error_already_set& e) {
    if (e.matches(PyExc_ValueError) || e.matches(PyExc_TypeError)) return std::nullopt;
    throw;
  } catch (const py::value_error&) {
    return std::nullopt;
  } catch (const clvm::Error&) {
    return std::nullopt;
  }
}

struct ListIterator {
  ArenaPtr arena;
  NodePtr node;
};

}  // namespace

void register_program(py::module_& m) {
  py::class_<ListIterator>(m, "ProgramIterator")
      .def("__iter__", [](ListIterator& it) -> ListIterator& { return it; })
      .def("__next__", [](ListIterator& it) {
        if (!it.node.is_pair()) throw py::stop_iteration();
        const clvm::Pair p = it.arena->pair(it.node);
        it.node = p.rest;
        return program(it.arena, p.first);
      });

  py::class_<Program> cls(m, "Program",
                          "A CLVM value in a C++ arena. Build one with Program.to(), fromhex(), "
                          "frombytes() or assemble(); see docs/python.md.");
  cls.def_static(
         "to",
         [](py::handle value) {
           return build([&](clvm::Allocator& a) { return to_node(a, value); });
         },
         py::arg("value"),
         "Converts a Python value: int, bytes, str, None, list (proper list), 2-tuple (pair), "
         "Program, LazyNode, objects with .atom/.pair or __bytes__, nested.")
      .def_static(
          "fromhex", [](std::string_view hex) { return from_bytes(decode_hex(hex)); },
          py::arg("hex"),
          "Parses the hex of a serialization (classic or with back-references; `0x` allowed).")
      .def_static(
          "frombytes",
          [](const py::bytes& blob) {
            return from_bytes({reinterpret_cast<const std::uint8_t*>(PyBytes_AS_STRING(blob.ptr())),
                               static_cast<std::size_t>(PyBytes_GET_SIZE(blob.ptr()))});
          },
          py::arg("blob"),
          "Parses one serialized object (classic or with back-references) that uses all of "
          "`blob`; raises SerdeError otherwise.")
      .def_static(
          "assemble",
          [](const std::string& text) {
            return build([&](clvm::Allocator& a) { return clvm::assemble(a, text); });
          },
          py::arg("text"), "Reads clvm_tools text (`(+ 2 5)`); raises TextError with line/column.")
      .def_static("null", [] { return program(new_arena(), clvm::Allocator::nil()); })
      .def_static("one", [] { return program(new_arena(), clvm::Allocator::one()); })
      .def_property_readonly("atom",
                             [](const Program& p) -> py::object {
                               if (p.node.is_pair()) return py::none();
                               return to_py_bytes(p.arena->atom(p.node).span());
                             })
      .def_property_readonly("pair",
                             [](const Program& p) -> py::object {
                               if (!p.node.is_pair()) return py::none();
                               const clvm::Pair q = p.arena->pair(p.node);
                               return py::make_tuple(program(p.arena, q.first),
                                                     program(p.arena, q.rest));
                             })
      .def("as_atom",
           [](const Program& p) -> py::object {
             if (p.node.is_pair()) return py::none();
             return to_py_bytes(p.arena->atom(p.node).span());
           })
      .def("as_pair",
           [](const Program& p) -> py::object {
             if (!p.node.is_pair()) return py::none();
             const clvm::Pair q = p.arena->pair(p.node);
             return py::make_tuple(program(p.arena, q.first), program(p.arena, q.rest));
           })
      .def("as_int",
           [](const Program& p) {
             if (p.node.is_pair())
               throw py::value_error("as_int: the value is a pair, not an atom");
             return atom_to_int(p.arena->atom(p.node).span());
           })
      .def("__int__",
           [](const Program& p) {
             if (p.node.is_pair())
               throw py::value_error("as_int: the value is a pair, not an atom");
             return atom_to_int(p.arena->atom(p.node).span());
           })
      .def("as_python", &as_python)
      .def("listp", [](const Program& p) { return p.node.is_pair(); })
      .def("nullp",
           [](const Program& p) { return !p.node.is_pair() && p.arena->atom_len(p.node) == 0; })
      .def("first",
           [](const Program& p) {
             if (!p.node.is_pair())
               raise_clvmpp_error("EvalError",
                                  py::make_tuple("first of non-cons", program(p.arena, p.node)));
             return program(p.arena, p.arena->pair(p.node).first);
           })
      .def("rest",
           [](const Program& p) {
             if (!p.node.is_pair())
               raise_clvmpp_error("EvalError",
                                  py::make_tuple("rest of non-cons", program(p.arena, p.node)));
             return program(p.arena, p.arena->pair(p.node).rest);
           })
      .def(
          "at",
          [](const Program& p, std::string_view path) {
            NodePtr n = p.node;
            for (char c : path) {
              if (c != 'f' && c != 'r')
                throw py::value_error("at: path characters must be 'f' or 'r', got " +
                                      py::repr(py::str(std::string(1, c))).cast<std::string>());
              if (!n.is_pair())
                raise_clvmpp_error(
                    "EvalError", py::make_tuple(c == 'f' ? "first of non-cons" : "rest of non-cons",
                                                program(p.arena, n)));
              n = c == 'f' ? p.arena->pair(n).first : p.arena->pair(n).rest;
            }
            return program(p.arena, n);
          },
          py::arg("path"),
          "Follows `path`: 'f' first, 'r' rest, left to right (at('rf') = rest().first()).")
      .def("__iter__",
           [](const Program& p) {
             return ListIterator{p.arena, p.node};
           })
      .def("as_iter",
           [](const Program& p) {
             return ListIterator{p.arena, p.node};
           })
      .def("list_len",
           [](const Program& p) {
             std::size_t n = 0;
             for (NodePtr x = p.node; x.is_pair(); x = p.arena->pair(x).rest) ++n;
             return n;
           })
      .def(
          "run",
          [](const Program& self, py::handle args, clvm::Cost max_cost, clvm::Flags flags,
             std::optional<double> timeout) { return run(self, args, max_cost, flags, timeout); },
          py::arg("args") = py::none(), py::kw_only(), py::arg("max_cost") = kDefaultMaxCost,
          py::arg("flags") = 0, py::arg("timeout") = py::none(),
          "Runs the program on `args` (any value Program.to takes); returns (cost, Program). "
          "Raises EvalError(message, node). `timeout` (seconds, None: no limit) is a wall-clock "
          "limit checked every 1,000,000 cost: past it the run raises EvalTimeout (not a "
          "consensus verdict). Releases the GIL while running.")
      .def(
          "run_with_cost",
          [](const Program& self, clvm::Cost max_cost, py::handle args, clvm::Flags flags,
             std::optional<double> timeout) { return run(self, args, max_cost, flags, timeout); },
          py::arg("max_cost"), py::arg("args") = py::none(), py::arg("flags") = 0, py::kw_only(),
          py::arg("timeout") = py::none(),
          "chia's spelling: run_with_cost(max_cost, args) -> (cost, Program).")
      .def("curry", &curry)
      .def("uncurry", &uncurry)
      .def("tree_hash", &tree_hash)
      .def("get_tree_hash", &tree_hash)
      .def("bytes", &serialize, py::kw_only(), py::arg("backrefs") = false,
           py::arg("limit") = kDefaultBytesLimit,
           "The serialization (classic, or compressed with back-references). Raises SerdeError "
           "above `limit` bytes.")
      .def("__bytes__", [](const Program& p) { return serialize(p, false, kDefaultBytesLimit); })
      .def("hex",
           [](const Program& p) { return serialize(p, false, kDefaultBytesLimit).attr("hex")(); })
      .def("__str__",
           [](const Program& p) { return serialize(p, false, kDefaultBytesLimit).attr("hex")(); })
      .def(
          "disassemble",
          [](const Program& p, std::size_t max_chars) {
            BoundedText t = bounded_text(*p.arena, p.node, max_chars);
            if (!t.complete)
              throw py::value_error("disassemble: the text is longer than " +
                                    std::to_string(max_chars) + " characters");
            return t.text;
          },
          py::arg("max_chars") = kDisassembleChars,
          "The clvm_tools text (opd's format, current keywords). Raises ValueError if it would be "
          "longer than max_chars.")
      .def("__repr__",
           [](const Program& p) {
             BoundedText t = bounded_text(*p.arena, p.node, kReprChars);
             return "Program(" + t.text + (t.complete ? ")" : "...)");
           })
      .def("__eq__",
           [](const Program& p, py::handle other) {
             auto o = as_node(other);
             return o && equal(p, *o);
           })
      .def("__ne__",
           [](const Program& p, py::handle other) {
             auto o = as_node(other);
             return !(o && equal(p, *o));
           })
      .def("__hash__", [](const Program& p) {
        clvm::TreeCache cache;
        const clvm::Bytes32 h = clvm::tree_hash_cached(*p.arena, p.node, cache);
        std::int64_t v = 0;
        std::memcpy(&v, h.data(), sizeof v);
        return v;
      });
  m.attr("DEFAULT_MAX_COST") = kDefaultMaxCost;
}

}  // namespace clvmpy
