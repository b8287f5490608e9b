// SPDX-License-Identifier: Apache-2.0
/// \file The `timeout` argument of the run functions (clvm_rs's run_serialized_chia_program and
/// Program.run): a wall-clock deadline (clvm::RunOptions::deadline, clvmr 0.20's
/// run_program_with_timeout). A run past it raises clvmpp.errors.EvalTimeout, which is not a
/// ValueError: a timeout is no consensus verdict, so code that reads ValueError as "the program
/// failed" never takes it for one.
#pragma once

#include <clvm/error.hpp>
#include <clvm/run_program.hpp>

#include <optional>
#include <string>

namespace clvmpy {

/// Options for a run with `timeout` seconds of wall-clock time from now (nullopt: no limit). The
/// deadline is checked every clvm::kDeadlineCheckCost units of cost, so a run cheaper than that is
/// never stopped, and a timeout of 0 stops any run that reaches the first check. Raises ValueError
/// for a negative or NaN timeout; a timeout above 10^9 s (31 years) is that long.
clvm::RunOptions run_options(std::optional<double> timeout);

/// True when `e` is the deadline's stop (ErrorKind::Timeout) rather than the program's answer.
inline bool is_timeout(const clvm::Error& e) { return e.kind() == clvm::ErrorKind::Timeout; }

/// Raises clvmpp.errors.EvalTimeout(message): args == (message,), message the runtime's text
/// ("timeout: the wall-clock deadline passed (not a consensus error)").
[[noreturn]] void raise_timeout(const std::string& message);

}  // namespace clvmpy
