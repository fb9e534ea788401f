"""Errors the core raises for a person to read.

A :class:`HallError` carries a message for the clerk; the UI shows it as it is and
the core has already logged what matters.  Anything else reaching the UI is a bug:
the excepthook logs it and shows a generic apology.
"""

from __future__ import annotations


class HallError(Exception):
    """A refusal or fault with a message meant for the person at the counter."""


class ConfigError(HallError):
    """A bad configuration value: names the file, key and problem."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source, self.key, self.problem = source, key, problem
        super().__init__(f"{source}: {key}: {problem}")


class DatabaseUnavailableError(HallError):
    """The database cannot be opened, reached or used; nothing of the attempt was saved
    (except for :class:`CommitUnconfirmedError`).  ``server`` names the database as
    ``Database.describe()`` does (the server in use, never a password), for the message."""

    def __init__(self, message: str, *, server: str = "") -> None:
        self.server = server
        super().__init__(message)


class CommitUnconfirmedError(DatabaseUnavailableError):
    """The connection broke while the commit was on its way: the work may have been saved
    or not, and only reading it again tells which."""


class SchemaOutdatedError(HallError):
    """A shared PostgreSQL database that needs ``hallclient db upgrade`` by an admin."""
