// SPDX-License-Identifier: Apache-2.0
/// \file Reporting of allocator misuse that the checking allocators detect at run time (double
/// free, foreign pointer, wrong size or alignment on free, overwritten canaries, leaks). The report
/// goes to a process-wide handler; the default one prints the report to stderr and aborts. Tests
/// install a recording handler with ScopedMisuseHandler.
#pragma once

#include <cstddef>
#include <string>

namespace clvm::mem {

enum class MisuseKind {
  double_free,       ///< a block freed twice
  foreign_pointer,   ///< a pointer this allocator never handed out
  wrong_size,        ///< deallocate() given a size other than the one allocated
  wrong_alignment,   ///< deallocate() given an alignment other than the one allocated
  corrupted_canary,  ///< bytes written just before or after a block
  leak,              ///< a block still live when its allocator was destroyed
};

/// What went wrong, where: `ptr` is the user pointer, `size`/`align` what was recorded for it at
/// allocation (or what the caller passed, for a foreign pointer).
struct MisuseReport {
  MisuseKind kind;
  const void* ptr;
  std::size_t size;
  std::size_t align;
};

/// Returns a one-line human-readable description, e.g. "double free of 100 bytes at 0x5581…".
std::string to_string(const MisuseReport& report);

/// The kind's name ("double free", "leak", …).
const char* to_string(MisuseKind kind) noexcept;

/// A handler may return (the allocator then recovers as documented, usually by ignoring the call).
using MisuseHandler = void (*)(const MisuseReport&);

/// Installs `handler` (null restores the default) and returns the previous one. Not thread-safe
/// with respect to concurrent reports.
MisuseHandler set_misuse_handler(MisuseHandler handler) noexcept;

/// Sends `report` to the current handler. The default handler prints to stderr and aborts.
void report_misuse(const MisuseReport& report) noexcept;

/// Installs a handler for the lifetime of this object, then restores the previous one.
class ScopedMisuseHandler {
 public:
  explicit ScopedMisuseHandler(MisuseHandler handler) noexcept
      : previous_(set_misuse_handler(handler)) {}
  ~ScopedMisuseHandler() { set_misuse_handler(previous_); }
  ScopedMisuseHandler(const ScopedMisuseHandler&) = delete;
  ScopedMisuseHandler& operator=(const ScopedMisuseHandler&) = delete;

 private:
  MisuseHandler previous_;
};

}  // namespace clvm::mem
