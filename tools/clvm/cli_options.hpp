// SPDX-License-Identifier: Apache-2.0
/// \file The `clvm` tool's command line: each add_* registers one subcommand (its options and help
/// with an example) on `app`, filling that command's options struct (commands.hpp), and returns
/// the action main() runs when the subcommand is chosen. With main.cpp, the only files that
/// include CLI11.
#pragma once

#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace clvm::tool {

/// The action main() runs once a subcommand has been parsed; returns the exit status.
using Action = std::function<int()>;

Action add_run(CLI::App& app);
Action add_asm(CLI::App& app);
Action add_disasm(CLI::App& app);
Action add_serialize(CLI::App& app);
Action add_deserialize(CLI::App& app);
Action add_hash(CLI::App& app);
Action add_length(CLI::App& app);
Action add_dump(CLI::App& app);
Action add_save(CLI::App& app);
Action add_load(CLI::App& app);
Action add_demo(CLI::App& app);

}  // namespace clvm::tool
