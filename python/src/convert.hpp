// SPDX-License-Identifier: Apache-2.0
/// \file Python values <-> nodes: integers as clvm's minimal two's-complement atoms, and
/// Program.to's conversion of nested Python values.
#pragma once

#include "arena.hpp"

#include <pybind11/pybind11.h>

#include <cstdint>
#include <span>
#include <vector>

namespace clvmpy {

/// The minimal big-endian two's-complement bytes of the Python int `value` (0 -> empty).
/// Requires: `value` is an int (bool included).
std::vector<std::uint8_t> int_to_atom(pybind11::handle value);

/// The Python int whose minimal two's-complement encoding is `atom` (empty -> 0).
pybind11::int_ atom_to_int(std::span<const std::uint8_t> atom);

/// Builds `value` in `a` and returns its node: Program and LazyNode (copied if from another
/// arena), bytes and other buffers, str (UTF-8), int, None (nil), list (a proper list), 2-tuple (a
/// pair), any object with `.atom` and `.pair` (clvm_rs's CLVMStorage), any object with
/// `__bytes__`, nested freely. Iterative; a Python object reached twice is converted once.
/// Throws ValueError for other values, tuples of another length and cyclic containers;
/// clvm::EvalError when `a` hits a limit.
clvm::NodePtr to_node(clvm::Allocator& a, pybind11::handle value);

}  // namespace clvmpy
