// SPDX-License-Identifier: Apache-2.0
/// \file FUZZ_CHECK: a property violation found by a fuzz target aborts with a message (libFuzzer
/// records the input; the replay test fails).
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                                      \
  do {                                                                                        \
    if (!(cond)) {                                                                            \
      std::fprintf(stderr, "%s:%d: fuzz property violated: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)
