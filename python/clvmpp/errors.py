# SPDX-License-Identifier: Apache-2.0
"""Exceptions of clvmpp. EvalError, SerdeError and TextError are ValueError subclasses (as clvm_rs
raises ValueError), each message clvmr's text for the failure. EvalTimeout, raised when a run's
``timeout`` passes, is deliberately not one: a timeout is no consensus verdict about the program."""


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


class EvalTimeout(TimeoutError):
    """A run's wall-clock ``timeout`` passed (clvmr 0.20's run_program_with_timeout): ``args ==
    (message,)``. Not a consensus error: the same program may succeed with more time or on a
    faster machine, so it never means the program is invalid. Raised by ``Program.run``,
    ``Program.run_with_cost`` and ``clvm_rs.run_serialized_chia_program``; a subclass of the
    builtin TimeoutError, not of ValueError."""

    @property
    def message(self) -> str:
        return self.args[0]
