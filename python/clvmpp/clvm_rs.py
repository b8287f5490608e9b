# SPDX-License-Identifier: Apache-2.0
"""The native API of the ``clvm_rs`` wheel (clvm_rs 0.19's ``clvm_rs.clvm_rs``), on clvm++.

Code written against clvm_rs works unchanged when ``from .clvm_rs import ...`` resolves here:
the same names, signatures (keyword-only arguments included), return shapes, flag values and
exceptions (``ValueError(message)``, or ``ValueError(message, LazyNode)`` when a program fails).
"""

from ._native import (
    CANONICAL_INTS,
    DISABLE_OP,
    ENABLE_SECP_OPS,
    ENABLE_SHA256_TREE,
    LIMIT_HEAP,
    MEMPOOL_MODE,
    NO_UNKNOWN_OPS,
    LazyNode,
    clvm_tree_to_lazy_node,
    deser_2026,
    deser_auto,
    deser_backrefs,
    deser_legacy,
    deserialize_as_tree,
    run_serialized_chia_program,
    ser_2026,
    ser_backrefs,
    ser_legacy,
    serialized_length,
)

__all__ = [
    "CANONICAL_INTS",
    "DISABLE_OP",
    "ENABLE_SECP_OPS",
    "ENABLE_SHA256_TREE",
    "LIMIT_HEAP",
    "MEMPOOL_MODE",
    "NO_UNKNOWN_OPS",
    "LazyNode",
    "clvm_tree_to_lazy_node",
    "deser_2026",
    "deser_auto",
    "deser_backrefs",
    "deser_legacy",
    "deserialize_as_tree",
    "run_serialized_chia_program",
    "ser_2026",
    "ser_backrefs",
    "ser_legacy",
    "serialized_length",
]
