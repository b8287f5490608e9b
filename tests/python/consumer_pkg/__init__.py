# SPDX-License-Identifier: Apache-2.0
"""A small package written against clvm_rs's native API (as chia's wrappers are), importing it
relatively. The suite checks that it works with clvmpp.clvm_rs behind `.clvm_rs`."""

from .clvm_rs import (
    LazyNode,
    MEMPOOL_MODE,
    deser_backrefs,
    run_serialized_chia_program,
    ser_legacy,
)


def run_hex(program: str, env: str):
    cost, node = run_serialized_chia_program(
        bytes.fromhex(program), bytes.fromhex(env), 11_000_000_000, MEMPOOL_MODE)
    assert isinstance(node, LazyNode)
    return cost, ser_legacy(node).hex()


def failure(program: str, env: str):
    try:
        run_serialized_chia_program(bytes.fromhex(program), bytes.fromhex(env), 10**9, 0)
    except ValueError as e:
        _message, node = e.args
        return (ser_legacy(node).hex(),)
    return None


def round_trip(blob: str) -> str:
    return ser_legacy(deser_backrefs(bytes.fromhex(blob))).hex()
