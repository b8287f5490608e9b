// SPDX-License-Identifier: Apache-2.0
// The `clvm` command-line tool. Called as `brun`, `opc` or `opd` (symlinks) it behaves as
// `clvm run --classic`, `clvm asm --classic` and `clvm disasm --classic`, like clvm_tools.
// Exit status: 0 success, 1 evaluation failure (`FAIL: ...`), 2 bad input or usage.
#include "cli_options.hpp"

#include <clvm/error.hpp>
#include <clvm/version.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using clvm::tool::Action;

// The subcommand words an alias stands for, or empty if `argv0` is not an alias.
std::vector<std::string> alias_words(std::string_view argv0) {
  const auto slash = argv0.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1);
  if (name == "brun") return {"run", "--classic"};
  if (name == "opc") return {"asm", "--classic"};
  if (name == "opd") return {"disasm", "--classic"};
  return {};
}

int run(int argc, char** argv) {
  CLI::App app{"clvm — run, assemble, serialize and inspect CLVM programs (clvmr 0.19 rules)"};
  app.name("clvm");
  app.require_subcommand(1);
  // The linked library's versions (a shared build may have been upgraded under the tool).
  app.set_version_flag(
      "--version",
      [] {
        return fmt::format("clvm {} (clvm++ library {}, clvmr {} consensus rules)",
                           CLVMPP_VERSION_STRING, clvm::version(), clvm::clvmr_version());
      },
      "Print the versions of the tool, the library and the clvmr rules it implements");
  app.footer(
      "Run `clvm <subcommand> --help` for its options and an example. Exit status: 0 success, 1 "
      "evaluation failure (FAIL: ...), 2 bad input or usage.");
  const std::vector<std::pair<CLI::App*, Action>> commands = [&] {
    std::vector<std::pair<CLI::App*, Action>> v;
    auto add = [&](Action (*f)(CLI::App&)) {
      Action act = f(app);
      v.emplace_back(app.get_subcommands({}).back(), std::move(act));
    };
    add(clvm::tool::add_run);
    add(clvm::tool::add_asm);
    add(clvm::tool::add_disasm);
    add(clvm::tool::add_serialize);
    add(clvm::tool::add_deserialize);
    add(clvm::tool::add_hash);
    add(clvm::tool::add_length);
    add(clvm::tool::add_dump);
    add(clvm::tool::add_save);
    add(clvm::tool::add_load);
    add(clvm::tool::add_demo);
    return v;
  }();

  std::vector<std::string> args;
  for (int i = argc - 1; i >= 1; --i) {  // CLI11 wants them reversed
    // `--trace ops` / `--trace steps`: --trace is a flag (it never takes a program as its value).
    const std::string_view a = argv[i];
    if ((a == "ops" || a == "steps") && i > 1 && std::string_view(argv[i - 1]) == "--trace") {
      args.push_back("--trace=" + std::string(a));
      --i;
      continue;
    }
    args.emplace_back(a);
  }
  for (const std::string& w : alias_words(argv[0])) args.push_back(w);
  if (!alias_words(argv[0]).empty()) std::swap(args[args.size() - 1], args[args.size() - 2]);
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A first word that is not an option nor a subcommand: name it rather than CLI11's "A
    // subcommand is required".
    bool known = false;
    std::string names;
    for (const auto& [cmd, action] : commands) {
      names += (names.empty() ? "" : ", ") + cmd->get_name();
      known = known || (argc > 1 && cmd->get_name() == argv[1]);
    }
    if (alias_words(argv[0]).empty() && argc > 1 && argv[1][0] != '-' && !known) {
      fmt::print(stderr, "clvm: unknown subcommand '{}' (the subcommands: {})\n", argv[1], names);
      return clvm::tool::kExitBadInput;
    }
    fmt::print(stderr, "clvm: {} (see --help)\n", e.what());
    return clvm::tool::kExitBadInput;
  }
  for (const auto& [cmd, action] : commands)
    if (cmd->parsed()) return action();
  return clvm::tool::kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const clvm::tool::InputError& e) {
    fmt::print(stderr, "clvm: {}\n", e.what());
  } catch (const clvm::Error& e) {
    fmt::print(stderr, "clvm: {}\n", e.what());
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "clvm: out of memory\n");
  } catch (const std::exception& e) {
    fmt::print(stderr, "clvm: {}\n", e.what());
  }
  return clvm::tool::kExitBadInput;
}
