// SPDX-License-Identifier: Apache-2.0
/// \file How the wrapping allocators hold their upstream (internal): `A` is held by value, `A&` by
/// reference (the referenced allocator must outlive the wrapper).
#pragma once

#include <clvm/mem/concepts.hpp>

#include <type_traits>

namespace clvm::mem::detail {

/// An upstream parameter: an allocator type, or an lvalue reference to one.
template <class A>
concept Upstream = Allocator<std::remove_cvref_t<A>> &&
    (!std::is_reference_v<A> ||
     std::is_lvalue_reference_v<A>)&&!std::is_const_v<std::remove_reference_t<A>>;

}  // namespace clvm::mem::detail
