# SPDX-License-Identifier: Apache-2.0
"""Exceptions of clvmpp.Program. All are ValueError subclasses (as clvm_rs raises ValueError), and
each message is clvmr's text for the failure."""


class EvalError(ValueError):
    """A program failed (or an arena limit was hit): ``args == (message, node)``, ``node`` the
    failing node as a Program (nil when the failure has none), as clvm_rs's ValueError."""

    @property
    def message(self) -> str:
        return self.args[0]

    @property
    def node(self):
        return self.args[1]


class SerdeError(ValueError):
    """Bytes or hex that are no valid serialization: ``args == (message,)``."""

    @property
    def message(self) -> str:
        return self.args[0]


class TextError(ValueError):
    """Text that does not assemble: ``args == (message, line, column)`` (1-based)."""

    @property
    def message(self) -> str:
        return self.args[0]

    @property
    def line(self) -> int:
        return self.args[1]

    @property
    def column(self) -> int:
        return self.args[2]
