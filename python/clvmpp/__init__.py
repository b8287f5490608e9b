# SPDX-License-Identifier: Apache-2.0
"""clvm++ from Python.

``clvmpp.clvm_rs`` is a drop-in for the native module of the ``clvm_rs`` wheel (the same
functions, signatures, flags and exceptions); ``clvmpp.Program`` is a Pythonic value type over
the C++ arena. See docs/python.md.
"""

from . import clvm_rs
from ._native import DEFAULT_MAX_COST, LazyNode, Program
from .errors import EvalError, EvalTimeout, SerdeError, TextError

__all__ = [
    "DEFAULT_MAX_COST",
    "EvalError",
    "EvalTimeout",
    "LazyNode",
    "Program",
    "SerdeError",
    "TextError",
    "clvm_rs",
]
