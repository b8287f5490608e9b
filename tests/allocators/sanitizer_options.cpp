// SPDX-License-Identifier: Apache-2.0
// The exhaustion tests ask the C heap for absurd sizes and expect null, as the C standard says;
// AddressSanitizer aborts on such requests unless told to return null.
extern "C" const char* __asan_default_options();  // NOLINT
extern "C" const char* __asan_default_options() { return "allocator_may_return_null=1"; }
