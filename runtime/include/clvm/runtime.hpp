// SPDX-License-Identifier: Apache-2.0
/// \file Umbrella header of the CLVM runtime: node arena, numbers, serialization, tree hash, text
/// format, arena images and the evaluator.
#pragma once

#include <clvm/allocator.hpp>
#include <clvm/allocators.hpp>
#include <clvm/atom.hpp>
#include <clvm/bytes.hpp>
#include <clvm/cost.hpp>
#include <clvm/dialect.hpp>
#include <clvm/error.hpp>
#include <clvm/flags.hpp>
#include <clvm/image.hpp>
#include <clvm/node_ptr.hpp>
#include <clvm/number.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>
#include <clvm/serde_2026.hpp>
#include <clvm/stack_cache.hpp>
#include <clvm/text.hpp>
#include <clvm/tree_hash.hpp>
#include <clvm/version.hpp>
