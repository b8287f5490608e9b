// SPDX-License-Identifier: Apache-2.0
// The process-wide misuse handler and the report texts.
#include <clvm/mem/misuse.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace clvm::mem {
namespace {

void abort_handler(const MisuseReport& report) {
  std::fprintf(stderr, "clvm::mem: %s\n", to_string(report).c_str());
  std::abort();
}

std::atomic<MisuseHandler> g_handler{&abort_handler};

}  // namespace

const char* to_string(MisuseKind kind) noexcept {
  switch (kind) {
    case MisuseKind::double_free:
      return "double free";
    case MisuseKind::foreign_pointer:
      return "free of a foreign pointer";
    case MisuseKind::wrong_size:
      return "free with the wrong size";
    case MisuseKind::wrong_alignment:
      return "free with the wrong alignment";
    case MisuseKind::corrupted_canary:
      return "canary overwritten (buffer overflow)";
    case MisuseKind::leak:
      return "leak";
  }
  return "misuse";
}

std::string to_string(const MisuseReport& report) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s: %zu bytes at %p (align %zu)", to_string(report.kind),
                report.size, report.ptr, report.align);
  return buf;
}

MisuseHandler set_misuse_handler(MisuseHandler handler) noexcept {
  return g_handler.exchange(handler != nullptr ? handler : &abort_handler);
}

void report_misuse(const MisuseReport& report) noexcept { g_handler.load()(report); }

}  // namespace clvm::mem
