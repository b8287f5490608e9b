// SPDX-License-Identifier: Apache-2.0
/// \file How runtime errors reach Python. clvm_rs's functions raise plain ValueError (its
/// `eval_to_py` and `adapt_response`); clvmpp.Program raises the ValueError subclasses of
/// clvmpp.errors. Every message is clvmr 0.19's display text for the error (clvmr_text).
#pragma once

#include "arena.hpp"

#include <clvm/error.hpp>

#include <pybind11/pybind11.h>

#include <concepts>
#include <string>

namespace clvmpy {

/// True when the runtime has clvm::Error::clvmr_message() (clvmr's texts); exposed to Python as
/// `_native.CLVMR_MESSAGES` so the tests of exact texts know whether they apply.
template <class E>
inline constexpr bool kHasClvmrMessage = requires(const E& e) {
  { e.clvmr_message() } -> std::convertible_to<std::string>;
};
inline constexpr bool kHaveClvmrMessages = kHasClvmrMessage<clvm::Error>;

/// clvmr 0.19's `EvalErr` display text for `e` (what clvm_rs puts in its ValueError). The only
/// place the binding turns a runtime error into text.
std::string clvmr_text(const clvm::Error& e);

/// The node clvm_rs reports with `e` (clvmr's EvalErr::node_ptr): the error's node for the kinds
/// whose clvmr variant carries one, nil for the others (cost exceeded, path into atom, arena
/// limits, softfork checks, serialization), whatever node the runtime attached.
clvm::NodePtr clvmr_node(const clvm::Error& e);

/// Raises ValueError(message) (clvm_rs's eval_to_py).
[[noreturn]] void raise_value_error(const std::string& message);

/// Raises ValueError(message, node) with two args (clvm_rs's adapt_response), `node` a LazyNode.
[[noreturn]] void raise_value_error_with_node(const std::string& message,
                                              const pybind11::object& node);

/// Raises clvmpp.errors.<name>(*args): EvalError(message, Program), SerdeError(message),
/// TextError(message, line, column).
[[noreturn]] void raise_clvmpp_error(const char* name, const pybind11::tuple& args);

}  // namespace clvmpy
