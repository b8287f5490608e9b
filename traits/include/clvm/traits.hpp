// SPDX-License-Identifier: Apache-2.0
/// \file Umbrella header of the trait layer: converting C++ values to and from CLVM nodes
/// (clvm::to_clvm / clvm::from_clvm), typed shapes for user structs, curried programs and tree
/// hashes of typed values (TreeHasher). See docs/traits.md.
#pragma once

#include <clvm/traits/atoms.hpp>
#include <clvm/traits/codec.hpp>
#include <clvm/traits/containers.hpp>
#include <clvm/traits/curry.hpp>
#include <clvm/traits/encoder.hpp>
#include <clvm/traits/error.hpp>
#include <clvm/traits/fields.hpp>
#include <clvm/traits/integers.hpp>
#include <clvm/traits/macros.hpp>
#include <clvm/traits/match_byte.hpp>
#include <clvm/traits/shapes.hpp>
#include <clvm/traits/tree_hasher.hpp>
#include <clvm/traits/values.hpp>
