// SPDX-License-Identifier: Apache-2.0
// Program.to's conversion and the integer encoding.
#include "convert.hpp"

#include "nodes.hpp"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace py = pybind11;

namespace clvmpy {
namespace {

std::vector<std::uint8_t> minimal(std::vector<std::uint8_t> b) {
  // Drop a leading byte that only repeats the sign of the next one.
  std::size_t skip = 0;
  while (b.size() - skip > 1 && ((b[skip] == 0x00 && (b[skip + 1] & 0x80) == 0) ||
                                 (b[skip] == 0xff && (b[skip + 1] & 0x80) != 0)))
    ++skip;
  b.erase(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(skip));
  return b;
}

std::span<const std::uint8_t> bytes_view(py::handle bytes) {
  return {reinterpret_cast<const std::uint8_t*>(PyBytes_AS_STRING(bytes.ptr())),
          static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr()))};
}

}  // namespace

std::vector<std::uint8_t> int_to_atom(py::handle value) {
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  if (overflow == 0) {
    if (v == 0) return {};
    std::vector<std::uint8_t> b(8);
    auto u = static_cast<unsigned long long>(v);
    for (int i = 7; i >= 0; --i, u >>= 8) b[static_cast<std::size_t>(i)] = u & 0xff;
    return minimal(std::move(b));
  }
  const auto bits = value.attr("bit_length")().cast<std::size_t>();
  const std::size_t n = (bits + 8) >> 3;
  py::bytes raw = value.attr("to_bytes")(n, "big", py::arg("signed") = true);
  const auto view = bytes_view(raw);
  return minimal(std::vector<std::uint8_t>(view.begin(), view.end()));
}

py::int_ atom_to_int(std::span<const std::uint8_t> atom) {
  if (atom.size() <= 8) {
    if (atom.empty()) return py::int_(0);
    std::uint64_t u = (atom[0] & 0x80) ? ~std::uint64_t{0} : 0;
    for (std::uint8_t b : atom) u = (u << 8) | b;
    return py::int_(static_cast<long long>(u));
  }
  py::bytes raw(reinterpret_cast<const char*>(atom.data()), atom.size());
  py::object int_type =
      py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(&PyLong_Type));
  return int_type.attr("from_bytes")(raw, "big", py::arg("signed") = true);
}

clvm::NodePtr to_node(clvm::Allocator& a, py::handle root) {
  using clvm::NodePtr;
  enum class Op : std::uint8_t { Visit, MakePair, MakeList };
  struct Work {
    Op op;
    PyObject* obj;
    std::size_t count;  // MakeList: the number of items
  };
  std::vector<Work> work{{Op::Visit, root.ptr(), 0}};
  std::vector<NodePtr> values;
  std::unordered_map<PyObject*, NodePtr> done;  // containers already converted
  std::unordered_set<PyObject*> open;           // containers being converted (cycle check)
  py::list keep_alive;                          // objects made by `.pair` / `__bytes__` calls
  Copier copier(a);                             // Programs and LazyNodes from other arenas

  auto atom = [&](std::span<const std::uint8_t> b) { values.push_back(a.new_atom(b)); };
  auto open_container = [&](PyObject* obj) {
    if (!open.insert(obj).second) throw py::value_error("can't convert a cyclic structure to CLVM");
  };
  auto close_container = [&](PyObject* obj) {
    open.erase(obj);
    done.emplace(obj, values.back());
  };

  while (!work.empty()) {
    const Work w = work.back();
    work.pop_back();
    py::handle obj(w.obj);
    if (w.op == Op::MakePair) {
      const NodePtr rest = values.back();
      values.pop_back();
      values.back() = a.new_pair(values.back(), rest);
      close_container(w.obj);
      continue;
    }
    if (w.op == Op::MakeList) {
      NodePtr list = clvm::Allocator::nil();
      for (std::size_t i = 0; i < w.count; ++i) {
        list = a.new_pair(values.back(), list);
        values.pop_back();
      }
      values.push_back(list);
      close_container(w.obj);
      continue;
    }
    if (auto found = done.find(w.obj); found != done.end()) {
      values.push_back(found->second);
      continue;
    }
    if (py::isinstance<Program>(obj)) {
      const auto& p = obj.cast<const Program&>();
      values.push_back(copier.copy(*p.arena, p.node));
    } else if (py::isinstance<LazyNode>(obj)) {
      const auto& p = obj.cast<const LazyNode&>();
      values.push_back(copier.copy(*p.arena, p.node));
    } else if (PyBytes_Check(w.obj)) {
      atom(bytes_view(obj));
    } else if (PyUnicode_Check(w.obj)) {
      Py_ssize_t n = 0;
      const char* s = PyUnicode_AsUTF8AndSize(w.obj, &n);
      if (s == nullptr) throw py::error_already_set();
      atom({reinterpret_cast<const std::uint8_t*>(s), static_cast<std::size_t>(n)});
    } else if (PyLong_Check(w.obj)) {
      atom(int_to_atom(obj));
    } else if (obj.is_none()) {
      values.push_back(clvm::Allocator::nil());
    } else if (PyList_Check(w.obj)) {
      open_container(w.obj);
      const auto n = static_cast<std::size_t>(PyList_GET_SIZE(w.obj));
      // The items are read now: a list changed while converting cannot shift the work.
      work.push_back({Op::MakeList, w.obj, n});
      for (std::size_t i = n; i-- > 0;) {
        PyObject* item = PyList_GET_ITEM(w.obj, static_cast<Py_ssize_t>(i));
        keep_alive.append(py::handle(item));
        work.push_back({Op::Visit, item, 0});
      }
    } else if (PyTuple_Check(w.obj)) {
      if (PyTuple_GET_SIZE(w.obj) != 2)
        throw py::value_error("can't cast tuple of size " +
                              std::to_string(PyTuple_GET_SIZE(w.obj)) + " to CLVM");
      open_container(w.obj);
      work.push_back({Op::MakePair, w.obj, 0});
      work.push_back({Op::Visit, PyTuple_GET_ITEM(w.obj, 1), 0});
      work.push_back({Op::Visit, PyTuple_GET_ITEM(w.obj, 0), 0});
    } else if (PyObject_CheckBuffer(w.obj)) {
      py::buffer_info info = py::reinterpret_borrow<py::buffer>(obj).request();
      if (info.itemsize != 1 || info.ndim != 1 || info.strides[0] != 1)
        throw py::value_error("can't cast a buffer that is not contiguous bytes to CLVM");
      atom({static_cast<const std::uint8_t*>(info.ptr), static_cast<std::size_t>(info.size)});
    } else if (py::hasattr(obj, "atom") && py::hasattr(obj, "pair")) {
      py::object atom_value = obj.attr("atom");
      if (!atom_value.is_none()) {
        py::object b = PyBytes_Check(atom_value.ptr())
                           ? atom_value
                           : py::reinterpret_steal<py::object>(PyObject_Bytes(atom_value.ptr()));
        if (!b) throw py::error_already_set();
        atom(bytes_view(b));
        continue;
      }
      py::object pair = obj.attr("pair");
      if (!PyTuple_Check(pair.ptr()) || PyTuple_GET_SIZE(pair.ptr()) != 2)
        throw py::value_error("CLVM object has neither .atom nor .pair");
      open_container(w.obj);
      keep_alive.append(pair);
      work.push_back({Op::MakePair, w.obj, 0});
      work.push_back({Op::Visit, PyTuple_GET_ITEM(pair.ptr(), 1), 0});
      work.push_back({Op::Visit, PyTuple_GET_ITEM(pair.ptr(), 0), 0});
    } else if (py::hasattr(obj, "__bytes__")) {
      py::object b = py::reinterpret_steal<py::object>(PyObject_Bytes(w.obj));
      if (!b) throw py::error_already_set();
      atom(bytes_view(b));
    } else {
      throw py::value_error("can't cast " +
                            std::string(py::str(py::type::of(obj).attr("__name__"))) + " to CLVM");
    }
  }
  return values.back();
}

}  // namespace clvmpy
