// SPDX-License-Identifier: Apache-2.0
#include "native.hpp"

#include "peer.hpp"  // shell_quote
#include "report.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace perf {

namespace fs = std::filesystem;

NativeBench::NativeBench(std::string binary, const std::string& source_dir)
    : binary_(std::move(binary)) {
  std::string tmpl = (fs::temp_directory_path() / "clvm_perf_native.XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr)
    throw std::runtime_error("cannot create a temporary directory for clvmr-bench");
  dir_ = tmpl;
  const fs::path data = fs::absolute(fs::path(source_dir) / "tests" / "data");
  fs::create_directory_symlink(data / "bench" / "programs", fs::path(dir_) / "programs");
  fs::create_directory_symlink(data / "bench" / "env", fs::path(dir_) / "env");
  fs::create_directory_symlink(data / "generators", fs::path(dir_) / "generators");
}

NativeBench::~NativeBench() {
  std::error_code ec;
  fs::remove_all(dir_, ec);  // removes the links, never what they point to
}

std::optional<std::string> NativeBench::run(const std::string& args,
                                            std::map<std::string, NativeTiming>& rows) const {
  const std::string tsv = dir_ + "/out.tsv";
  std::remove(tsv.c_str());
  const std::string cmd = shell_quote(binary_) + " --data " + shell_quote(dir_) + " --tsv " +
                          shell_quote(tsv) + " " + args + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return std::nullopt;
  std::string text;
  char buf[1 << 14];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0) text.append(buf, n);
  if (pclose(pipe.release()) != 0) {
    std::fprintf(stderr, "clvmr-bench failed: %s\n", text.substr(0, 400).c_str());
    return std::nullopt;
  }
  std::ifstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string key, med, mn;
    if (std::getline(fields, key, '\t') && std::getline(fields, med, '\t') &&
        std::getline(fields, mn, '\t'))
      rows[key] = NativeTiming{std::stod(med), std::stod(mn)};
  }
  return text;
}

std::optional<NativeTiming> NativeBench::program(const std::string& name, std::size_t min_reps,
                                                 double min_ms) const {
  std::map<std::string, NativeTiming> rows;
  // --filter is a substring match (substr also runs substr-tree): the row is picked by key.
  const auto text = run("--no-serde --filter " + shell_quote(name) + " --min-reps " +
                            std::to_string(min_reps) + " --min-ms " + std::to_string(min_ms),
                        rows);
  if (!text) {
    fail(name + ": native clvmr-bench did not run");
    return std::nullopt;
  }
  // The program's line of the text table: "NAME <cost> <median> <min> <n> <result>".
  std::istringstream lines(*text);
  std::string line, status;
  while (std::getline(lines, line))
    if (line.rfind(name + " ", 0) == 0) status = line;
  const auto it = rows.find("run/" + name);
  if (status.find("skipped") != std::string::npos && it == rows.end()) return std::nullopt;
  if (it == rows.end() || status.find("cost+hash ok") == std::string::npos) {
    fail(name + ": native clvmr-bench: " + (status.empty() ? "no row" : status));
    return std::nullopt;
  }
  return it->second;
}

std::map<std::string, NativeTiming> NativeBench::serde(std::size_t min_reps, double min_ms) const {
  std::map<std::string, NativeTiming> rows, out;
  if (!run("--no-programs --min-reps " + std::to_string(min_reps) + " --min-ms " +
               std::to_string(min_ms),
           rows)) {
    fail("native clvmr-bench serde rows did not run");
    return out;
  }
  for (const auto& [key, t] : rows)
    if (key.rfind("serde/", 0) == 0) out[key.substr(6)] = t;
  return out;
}

}  // namespace perf
