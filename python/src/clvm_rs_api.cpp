// SPDX-License-Identifier: Apache-2.0
// clvmpp.clvm_rs: the native API of clvm_rs's Python wheel (clvm_rs.pyi, wheel/src/api.rs,
// lazy_node.rs, adapt_response.rs of clvmr 0.19), on the clvm++ runtime. Names, signatures,
// return shapes and exception types are clvm_rs's; messages are clvmr's (errors.hpp).
#include "arena.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "nodes.hpp"
#include "run_options.hpp"
#include "serde_compat.hpp"

#include <clvm/dialect.hpp>
#include <clvm/flags.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>

#include <pybind11/stl.h>

#include <optional>
#include <string_view>
#include <unordered_map>
#include <variant>

namespace py = pybind11;

namespace clvmpy {
namespace {

using clvm::NodePtr;

// The flags clvmr 0.19 knows; ClvmFlags::from_bits_truncate drops the others.
constexpr clvm::Flags kKnownFlags = clvm::CANONICAL_INTS | clvm::NO_UNKNOWN_OPS | clvm::LIMIT_HEAP |
                                    clvm::RELAXED_BLS | clvm::LIMIT_SOFTFORK | clvm::ENABLE_GC |
                                    clvm::LIMITS | clvm::ENABLE_KECCAK_OPS_OUTSIDE_GUARD |
                                    clvm::DISABLE_OP | clvm::ENABLE_SHA256_TREE |
                                    clvm::ENABLE_SECP_OPS | clvm::MALACHITE | clvm::NEW_COST_MODEL;

// clvm_rs's default max_atom_len for the 2026 readers.
constexpr std::size_t kPyDefaultMaxAtomLen = std::size_t{1} << 20;

std::span<const std::uint8_t> view(const py::bytes& b) {
  return {reinterpret_cast<const std::uint8_t*>(PyBytes_AS_STRING(b.ptr())),
          static_cast<std::size_t>(PyBytes_GET_SIZE(b.ptr()))};
}

py::bytes to_py_bytes(std::span<const std::uint8_t> b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

py::object lazy(const ArenaPtr& arena, NodePtr node) { return py::cast(LazyNode{{arena, node}}); }

// Runs `parse` into a fresh arena with the GIL released and returns a LazyNode of the result;
// a runtime error becomes ValueError(message) (clvm_rs's eval_to_py).
template <class F>
py::object deser(F&& parse) {
  ArenaPtr arena = new_arena();
  NodePtr node;
  std::optional<std::string> failure;
  {
    py::gil_scoped_release unlocked;
    try {
      node = parse(*arena);
    } catch (const clvm::Error& e) {
      failure = clvmr_text(e);
    }
  }
  if (failure) raise_value_error(*failure);
  return lazy(arena, node);
}

py::tuple run_serialized_chia_program(const py::bytes& program, const py::bytes& env,
                                      clvm::Cost max_cost, std::uint32_t flags,
                                      std::optional<double> timeout) {
  const clvm::Flags f = flags & kKnownFlags;
  const clvm::RunOptions options = run_options(timeout);
  // The bytes objects are immutable and referenced by the caller's frame: their buffers stay
  // valid while the GIL is released.
  const auto program_bytes = view(program), env_bytes = view(env);
  ArenaPtr arena = new_run_arena(f);
  std::optional<clvm::Reduction> result;
  std::optional<std::string> parse_failure, eval_failure, timed_out;
  NodePtr failing = clvm::Allocator::nil();
  {
    py::gil_scoped_release unlocked;
    try {
      const NodePtr p = clvm::node_from_bytes(*arena, program_bytes);
      const NodePtr e = clvm::node_from_bytes(*arena, env_bytes);
      try {
        result = clvm::run_program(*arena, clvm::ChiaDialect(f), p, e, max_cost, options);
      } catch (const clvm::Error& err) {
        if (is_timeout(err)) {
          timed_out = err.what();
        } else {
          eval_failure = clvmr_text(err);
          // clvmr's EvalErr::node_ptr: the error's node, or nil for errors without one.
          failing = clvmr_node(err);
        }
      }
    } catch (const clvm::Error& err) {
      parse_failure = clvmr_text(err);
    }
  }
  if (parse_failure) raise_value_error(*parse_failure);
  if (timed_out) raise_timeout(*timed_out);
  if (eval_failure) raise_value_error_with_node(*eval_failure, lazy(arena, failing));
  return py::make_tuple(result->cost, lazy(arena, result->node));
}

std::uint64_t serialized_length(const py::bytes& blob) {
  try {
    return clvm::serialized_length_from_bytes(view(blob));
  } catch (const clvm::Error& e) {
    raise_value_error(clvmr_text(e));
  }
}

py::tuple deserialize_as_tree(const py::bytes& blob, bool calculate_tree_hashes) {
  std::vector<clvm::Bytes32> hashes;
  std::vector<Triple> triples;
  std::optional<std::string> failure;
  {
    py::gil_scoped_release unlocked;
    try {
      triples = parse_triples(view(blob), calculate_tree_hashes ? &hashes : nullptr);
    } catch (const clvm::Error& e) {
      failure = clvmr_text(e);
    }
  }
  if (failure) raise_value_error(*failure);
  py::list out(triples.size());
  for (std::size_t i = 0; i < triples.size(); ++i)
    out[i] = py::make_tuple(triples[i].start, triples[i].end, triples[i].third);
  if (!calculate_tree_hashes) return py::make_tuple(out, py::none());
  py::list hs(hashes.size());
  for (std::size_t i = 0; i < hashes.size(); ++i) hs[i] = to_py_bytes(hashes[i].span());
  return py::make_tuple(out, hs);
}

bool has_2026_magic(std::span<const std::uint8_t> b) {
  return b.size() >= clvm::kSerde2026Magic.size() &&
         std::equal(clvm::kSerde2026Magic.begin(), clvm::kSerde2026Magic.end(), b.begin());
}

py::object deser_2026(const py::bytes& blob, std::size_t max_atom_len, bool strict) {
  const auto b = view(blob);
  if (!has_2026_magic(b)) {
    // clvm_rs replaces the decoder's error with this one when the prefix is missing.
    raise_value_error("deser_2026: blob is missing the serde_2026 magic prefix");
  }
  return deser([&](clvm::Allocator& a) {
    return deserialize_2026_body(a, b.subspan(clvm::kSerde2026Magic.size()), max_atom_len, strict);
  });
}

py::object deser_auto(const py::bytes& blob, std::size_t max_atom_len, bool strict) {
  const auto b = view(blob);
  return deser([&](clvm::Allocator& a) {
    if (has_2026_magic(b))
      return deserialize_2026_body(a, b.subspan(clvm::kSerde2026Magic.size()), max_atom_len,
                                   strict);
    return clvm::node_from_bytes_backrefs(a, b);
  });
}

py::bytes ser_legacy(const LazyNode& n) {
  try {
    // clvmr's node_to_bytes has a 2,000,000-byte limit; its writer's refusal is an io::Error,
    // which clvmr turns into SerializationError ("bad encoding").
    return to_py_bytes(clvm::node_to_bytes_limit(*n.arena, n.node, clvm::kDefaultSerializeLimit));
  } catch (const clvm::EvalError& e) {
    if (e.kind() == clvm::ErrorKind::OutOfMemory)
      raise_value_error(clvmr_text(clvm::SerdeError(clvm::ErrorKind::BadEncoding)));
    raise_value_error(clvmr_text(e));
  } catch (const clvm::Error& e) {
    raise_value_error(clvmr_text(e));
  }
}

py::bytes ser_backrefs(const LazyNode& n) {
  try {
    return to_py_bytes(clvm::node_to_bytes_backrefs(*n.arena, n.node));
  } catch (const clvm::Error& e) {
    raise_value_error(clvmr_text(e));
  }
}

py::bytes ser_2026(const LazyNode& n, std::uint32_t /*level: every level saturates to 0*/) {
  try {
    return to_py_bytes(clvm::node_to_bytes_2026(*n.arena, n.node));
  } catch (const clvm::Error& e) {
    raise_value_error(clvmr_text(e));
  }
}

// clvm_rs's clvm_tree_to_lazy_node: any object with .atom / .pair, interned (identical atoms and
// identical pairs become one node) with an identity map so shared Python objects are visited once.
// Unlike clvm_rs, every visited object is kept alive until the end, so an id() cannot be reused
// by a temporary that `.pair` created (clvm_rs's map could then confuse two objects).
py::object clvm_tree_to_lazy_node(py::handle obj) {
  if (py::isinstance<LazyNode>(obj)) return py::cast(obj.cast<LazyNode>());
  if (py::isinstance<Program>(obj))
    return lazy(obj.cast<const Program&>().arena, obj.cast<const Program&>().node);
  ArenaPtr arena = new_arena();
  clvm::Allocator& a = *arena;
  std::unordered_map<PyObject*, NodePtr> identity;
  std::unordered_map<std::string, NodePtr> atoms;
  std::unordered_map<std::uint64_t, NodePtr> pairs;
  py::list keep_alive;
  struct Work {
    PyObject* obj;
    PyObject* left;  // non-null: build the pair of obj from left and right
    PyObject* right;
  };
  auto fail_alloc = [](const clvm::Error& e) -> void {
    PyErr_SetString(PyExc_MemoryError, clvmr_text(e).c_str());
    throw py::error_already_set();
  };
  auto build_pair = [&](const Work& w) {
    const NodePtr l = identity.at(w.left), r = identity.at(w.right);
    const std::uint64_t key = (std::uint64_t{l.raw()} << 32) | r.raw();
    auto found = pairs.find(key);
    NodePtr node;
    if (found != pairs.end()) {
      node = found->second;
    } else {
      try {
        node = a.new_pair(l, r);
      } catch (const clvm::Error& e) {
        fail_alloc(e);
      }
      pairs.emplace(key, node);
    }
    identity.emplace(w.obj, node);
  };
  keep_alive.append(obj);
  std::vector<Work> stack{{obj.ptr(), nullptr, nullptr}};
  while (!stack.empty()) {
    const Work w = stack.back();
    stack.pop_back();
    if (w.left != nullptr) {
      build_pair(w);
      continue;
    }
    if (identity.contains(w.obj)) continue;
    py::handle o(w.obj);
    py::object atom = o.attr("atom");
    if (!atom.is_none()) {
      std::string bytes = atom.cast<py::bytes>();
      auto found = atoms.find(bytes);
      NodePtr node;
      if (found != atoms.end()) {
        node = found->second;
      } else {
        try {
          node = a.new_atom(bytes);
        } catch (const clvm::Error& e) {
          fail_alloc(e);
        }
        atoms.emplace(std::move(bytes), node);
      }
      identity.emplace(w.obj, node);
      continue;
    }
    py::object pair = o.attr("pair");
    if (pair.is_none()) raise_value_error("CLVM object has neither .atom nor .pair");
    auto halves = pair.cast<std::pair<py::object, py::object>>();
    keep_alive.append(halves.first);
    keep_alive.append(halves.second);
    const Work build{w.obj, halves.first.ptr(), halves.second.ptr()};
    const bool left_done = identity.contains(build.left),
               right_done = identity.contains(build.right);
    if (left_done && right_done) {
      build_pair(build);
      continue;
    }
    stack.push_back(build);
    if (!right_done) stack.push_back({build.right, nullptr, nullptr});
    if (!left_done) stack.push_back({build.left, nullptr, nullptr});
  }
  return lazy(arena, identity.at(obj.ptr()));
}

}  // namespace

void register_clvm_rs(py::module_& m) {
  py::class_<LazyNode>(m, "LazyNode",
                       "A node of a CLVM tree held in a C++ arena (clvm_rs's LazyNode). `.atom` is "
                       "its bytes or None, `.pair` a tuple of two LazyNodes (same arena) or None.")
      .def_property_readonly("atom",
                             [](const LazyNode& n) -> py::object {
                               if (n.node.is_pair()) return py::none();
                               return to_py_bytes(n.arena->atom(n.node).span());
                             })
      .def_property_readonly("pair", [](const LazyNode& n) -> py::object {
        if (!n.node.is_pair()) return py::none();
        const clvm::Pair p = n.arena->pair(n.node);
        return py::make_tuple(lazy(n.arena, p.first), lazy(n.arena, p.rest));
      });

  // Keyword names are the ones clvm_rs's functions really take (pyo3 uses the Rust parameter
  // names: `args`, and `program` for serialized_length), where its .pyi stub says `environment`
  // and `blob`.
  m.def("run_serialized_chia_program", &run_serialized_chia_program, py::arg("program"),
        py::arg("args"), py::arg("max_cost"), py::arg("flags"), py::kw_only(),
        py::arg("timeout") = py::none(),
        "Runs the classic-serialized `program` on `args`; returns (cost, LazyNode). On "
        "failure raises ValueError(message, LazyNode of the failing node). `timeout` (seconds, "
        "None: no limit; not in clvm_rs 0.19) is a wall-clock limit checked every 1,000,000 "
        "cost: past it the run raises clvmpp.EvalTimeout, not a ValueError (no consensus "
        "verdict). Releases the GIL.");
  m.def("serialized_length", &serialized_length, py::arg("program"),
        "Bytes taken by the first serialized object (back-references allowed).");
  m.def("deserialize_as_tree", &deserialize_as_tree, py::arg("blob"),
        py::arg("calculate_tree_hashes"),
        "The (start, end, atom offset | right index) triples of a classic serialization, and the "
        "tree hash of every subtree if asked.");
  m.def(
      "deser_legacy",
      [](const py::bytes& blob) {
        return deser([&](clvm::Allocator& a) { return clvm::node_from_bytes(a, view(blob)); });
      },
      py::arg("blob"));
  m.def(
      "deser_backrefs",
      [](const py::bytes& blob) {
        return deser(
            [&](clvm::Allocator& a) { return clvm::node_from_bytes_backrefs(a, view(blob)); });
      },
      py::arg("blob"));
  m.def("deser_2026", &deser_2026, py::arg("blob"), py::kw_only(),
        py::arg("max_atom_len") = kPyDefaultMaxAtomLen, py::arg("strict") = true);
  m.def("deser_auto", &deser_auto, py::arg("blob"), py::kw_only(),
        py::arg("max_atom_len") = kPyDefaultMaxAtomLen, py::arg("strict") = true);
  m.def("ser_legacy", &ser_legacy, py::arg("node"));
  m.def("ser_backrefs", &ser_backrefs, py::arg("node"));
  m.def("ser_2026", &ser_2026, py::arg("node"), py::kw_only(), py::arg("level") = 0);
  m.def("clvm_tree_to_lazy_node", &clvm_tree_to_lazy_node, py::arg("obj"));

  m.attr("NO_UNKNOWN_OPS") = clvm::NO_UNKNOWN_OPS;
  m.attr("LIMIT_HEAP") = clvm::LIMIT_HEAP;
  m.attr("MEMPOOL_MODE") = clvm::MEMPOOL_MODE;
  m.attr("ENABLE_SHA256_TREE") = clvm::ENABLE_SHA256_TREE;
  m.attr("ENABLE_SECP_OPS") = clvm::ENABLE_SECP_OPS;
  m.attr("DISABLE_OP") = clvm::DISABLE_OP;
  m.attr("CANONICAL_INTS") = clvm::CANONICAL_INTS;
}

}  // namespace clvmpy
