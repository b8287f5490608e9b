// SPDX-License-Identifier: Apache-2.0
// Runtime errors -> Python exceptions.
#include "errors.hpp"

#include <clvm/allocator.hpp>

namespace py = pybind11;

namespace clvmpy {

namespace {

// clvm::Error::clvmr_message() is clvmr's display text; a runtime without it has only what(),
// which names the same failure in the runtime's own words. (A template, so that the branch not
// taken is never compiled.)
template <class E>
std::string text_of(const E& e) {
  if constexpr (kHasClvmrMessage<E>) {
    return e.clvmr_message();
  } else {
    return e.what();
  }
}

}  // namespace

std::string clvmr_text(const clvm::Error& e) { return text_of(e); }

clvm::NodePtr clvmr_node(const clvm::Error& e) {
  using K = clvm::ErrorKind;
  switch (e.kind()) {
    case K::InternalError:
    case K::Raise:
    case K::FirstOfNonCons:  // clvmr: InvalidOpArg(node, "first of non-cons")
    case K::RestOfNonCons:
    case K::InvalidNilTerminator:
    case K::DivisionByZero:
    case K::ValueStackLimitReached:
    case K::EnvironmentStackLimitReached:
    case K::ShiftTooLarge:
    case K::Reserved:
    case K::InvalidOperator:
    case K::Unimplemented:
    case K::InvalidOpArg:
    case K::InvalidAllocArg:
    case K::BlsPairingIdentityFailed:
    case K::BlsVerifyFailed:
    case K::Secp256Failed:
      return e.node().value_or(clvm::Allocator::nil());
    default:
      return clvm::Allocator::nil();
  }
}

void raise_value_error(const std::string& message) { throw py::value_error(message); }

void raise_value_error_with_node(const std::string& message, const py::object& node) {
  // A tuple value makes CPython call ValueError(*tuple): args == (message, node), as pyo3 does.
  py::tuple args = py::make_tuple(py::str(message), node);
  PyErr_SetObject(PyExc_ValueError, args.ptr());
  throw py::error_already_set();
}

void raise_clvmpp_error(const char* name, const py::tuple& args) {
  py::object type = py::module_::import("clvmpp.errors").attr(name);
  PyErr_SetObject(type.ptr(), args.ptr());
  throw py::error_already_set();
}

}  // namespace clvmpy
