// SPDX-License-Identifier: Apache-2.0
#include <clvm/version.hpp>

namespace clvm {

// The macros are expanded here, so these report the library that was built, whatever headers a
// caller compiled against.
std::string_view version() noexcept { return CLVMPP_VERSION_STRING; }

std::string_view clvmr_version() noexcept { return CLVMPP_CLVMR_VERSION_STRING; }

}  // namespace clvm
