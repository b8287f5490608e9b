// SPDX-License-Identifier: Apache-2.0
/// \file Umbrella header of the clvm::mem allocator family.
#pragma once

#include <clvm/mem/allocator_ref.hpp>
#include <clvm/mem/allocator_traits.hpp>
#include <clvm/mem/arena.hpp>
#include <clvm/mem/bump.hpp>
#include <clvm/mem/concepts.hpp>
#include <clvm/mem/current.hpp>
#include <clvm/mem/debug.hpp>
#include <clvm/mem/failing.hpp>
#include <clvm/mem/free_list.hpp>
#include <clvm/mem/global.hpp>
#include <clvm/mem/layout.hpp>
#include <clvm/mem/misuse.hpp>
#include <clvm/mem/page.hpp>
#include <clvm/mem/pmr.hpp>
#include <clvm/mem/pool.hpp>
#include <clvm/mem/stack.hpp>
#include <clvm/mem/std_allocator.hpp>
#include <clvm/mem/tracking.hpp>
