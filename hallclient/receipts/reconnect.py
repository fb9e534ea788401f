"""The database coming back: the first successful statement after it could not be used.

A server that failed over, or came back after an outage, may have lost what it had
confirmed (asynchronous replication, a restore from a backup); what depends on that is
checked again once it answers (the counter's receipt journal,
:mod:`hallclient.receipts.journal`).  The watch listens to the engine itself, so every
use of the database counts, whichever desk made it: an error that makes a
:class:`~hallclient.errors.DatabaseUnavailableError` (the connection, not a conflict a
retry solves) marks it down, and the next statement that succeeds marks it back, once.

Listeners are called on the thread whose statement succeeded, inside its transaction:
they only note that something is to be done (set a flag, start a task), never use the
database themselves.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError

from db.engine import Database, is_unavailable

log = logging.getLogger(__name__)


class ReconnectWatch:
    def __init__(self, database: Database) -> None:
        self._down = False
        self._listeners: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        event.listen(database.engine, "handle_error", self._failed)
        event.listen(database.engine, "after_cursor_execute", self._used)

    def on_reconnect(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    @property
    def down(self) -> bool:
        """Whether the last use of the database failed for want of the database."""
        return self._down

    def _failed(self, context: ExceptionContext) -> None:
        error = context.sqlalchemy_exception
        if isinstance(error, DBAPIError) and is_unavailable(error):  # read-only server too
            self._down = True

    def _used(self, *_statement: Any) -> None:
        if not self._down:  # the usual case: one attribute read per statement
            return
        with self._lock:
            if not self._down:
                return
            self._down = False
        log.info("the database answers again")
        for listener in self._listeners:
            listener()
