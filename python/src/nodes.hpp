// SPDX-License-Identifier: Apache-2.0
/// \file The two Python-visible node types. Both are a node in a shared arena; LazyNode is
/// clvm_rs's (only .atom and .pair), Program is clvmpp's Pythonic layer.
#pragma once

#include "arena.hpp"

#include <pybind11/pybind11.h>

namespace clvmpy {

/// clvm_rs's LazyNode.
struct LazyNode : NodeRef {};

/// clvmpp.Program.
struct Program : NodeRef {};

/// Registers LazyNode and clvm_rs's functions and flags on `m` (clvm_rs_api.cpp).
void register_clvm_rs(pybind11::module_& m);

/// Registers Program and its helpers on `m` (program.cpp).
void register_program(pybind11::module_& m);

/// Registers _time_native_run, the benchmark's C++-only timing (bench_support.cpp).
void register_bench_support(pybind11::module_& m);

}  // namespace clvmpy
