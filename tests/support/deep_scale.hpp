// SPDX-License-Identifier: Apache-2.0
// The depth of the hostile "deep tree" tests. Plain builds walk 10,000,000 levels. Sanitizer
// builds walk 1,000,000: their job there is memory and undefined-behaviour checking of the same
// iterative code, and a walk that recursed once per level would still overflow the 8 MiB main
// stack at that depth (a frame is at least 16 bytes, more under the sanitizers), so the recursion
// these tests exist to catch is caught in both builds. The ten-fold cut keeps the sanitizer pass
// of .ci/run inside its time budget (these tests were its slowest by far).
#pragma once

#include <cstddef>

namespace clvm::test {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

/// Levels of the deep-tree tests: 10,000,000, or 1,000,000 in a sanitizer build.
inline constexpr std::size_t kDeepLevels = kSanitized ? 1'000'000 : 10'000'000;

}  // namespace clvm::test
