// SPDX-License-Identifier: Apache-2.0
#include "peer.hpp"

#include <cstdio>
#include <memory>
#include <sstream>

namespace perf {

std::string PeerReply::get(const std::string& key) const {
  const auto it = values.find(key);
  return it == values.end() || it->second.empty() ? std::string() : it->second.front();
}

Samples PeerReply::samples(const std::string& key) const {
  Samples s;
  const auto it = values.find(key);
  if (it != values.end())
    for (const auto& v : it->second) s.ns.push_back(std::stod(v));
  return s;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out.append("'\\''");
    else
      out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

PeerReply Peer::call(const std::vector<std::string>& args) const {
  std::string cmd = "NODE_PATH=" + shell_quote(node_path_) + " node " + shell_quote(script_);
  for (const auto& a : args) {
    cmd.push_back(' ');  // (not `" " + ...`: g++ 12 -Wrestrict false positive)
    cmd += shell_quote(a);
  }
  cmd += " 2>&1";
  PeerReply reply;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) {
    reply.error = "cannot start node";
    return reply;
  }
  std::string text;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0) text.append(buf, n);
  const int status = pclose(pipe.release());
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string key, v;
    words >> key;
    if (key.empty()) continue;
    auto& vals = reply.values[key];
    while (words >> v) vals.push_back(v);
  }
  if (status != 0 || reply.values.count("error")) {
    std::string msg;
    if (reply.values.count("error"))
      for (const auto& w : reply.values["error"]) msg += (msg.empty() ? "" : " ") + w;
    else
      msg = text.substr(0, 300);
    reply.error = msg.empty() ? "node exited with status " + std::to_string(status) : msg;
  }
  return reply;
}

}  // namespace perf
