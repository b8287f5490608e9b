// SPDX-License-Identifier: Apache-2.0
// The peer runtime of the perf report: clvm_rs 0.7.0 compiled to WebAssembly (npm clvm_wasm),
// driven through bench/peer/clvm_rs_wasm.js in a fresh node process per request.
#pragma once

#include "measure.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace perf {

/// One reply of the peer script: `key value...` lines. `error` is set when the script failed.
struct PeerReply {
  std::map<std::string, std::vector<std::string>> values;
  std::optional<std::string> error;

  /// The first value of `key`, or "" when absent.
  std::string get(const std::string& key) const;
  /// The values of `key` as samples (ns); empty when absent.
  Samples samples(const std::string& key) const;
};

/// `s` quoted for a POSIX shell command line.
std::string shell_quote(const std::string& s);

class Peer {
 public:
  /// `script` is the path of clvm_rs_wasm.js, `node_path` the node_modules holding clvm_wasm.
  Peer(std::string script, std::string node_path)
      : script_(std::move(script)), node_path_(std::move(node_path)) {}

  /// Runs the script with `args` (each shell-quoted) and parses its reply.
  PeerReply call(const std::vector<std::string>& args) const;

 private:
  std::string script_, node_path_;
};

}  // namespace perf
