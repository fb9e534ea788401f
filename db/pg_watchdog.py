"""A client-side deadline on every PostgreSQL statement and commit.

Server timeouts and TCP keepalives do not bound a wait on a network that stops
forwarding while still acknowledging bytes (a stuck proxy or firewall): the server
never sees the statement, the client's kernel sees every probe answered.  So each
engine has one :class:`Watchdog` thread; a statement or commit that has run past its
limit gets its socket shut down, and the blocked driver call fails at once with a
broken connection (which the core reports as unavailable, or unconfirmed during a
commit).

Arming is a dictionary entry per running call, not a timer: issuance sends a dozen
statements.  A transaction opened with :data:`UNBOUNDED_FLAG` (migrations, bulk loads)
runs its statements without the deadline.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterable
from typing import Any, Self

import psycopg
from psycopg.abc import Params, Query

log = logging.getLogger(__name__)
_Entry = tuple[float, "WatchedConnection"]


class Watchdog:
    """Cuts the connection of any call still running ``limit_s`` seconds after it began."""

    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s
        self._tick_s = min(0.5, limit_s / 4)
        self._running: dict[int, _Entry] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def arm(self, conn: WatchedConnection) -> None:
        self._running[id(conn)] = (time.monotonic() + self.limit_s, conn)
        if self._thread is None:
            self._start()

    def disarm(self, conn: WatchedConnection) -> None:
        self._running.pop(id(conn), None)

    def stop(self) -> None:
        """End the thread (the engine is disposed); a later call starts another."""
        with self._start_lock:
            self._stop.set()
            self._thread = None

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._stop = threading.Event()
                self._thread = threading.Thread(
                    target=self._watch, args=(self._stop,), name="pg-watchdog", daemon=True
                )
                self._thread.start()

    def _watch(self, stop: threading.Event) -> None:
        while not stop.wait(self._tick_s):
            now = time.monotonic()
            for key, entry in list(self._running.items()):
                if entry[0] <= now:
                    self._cut(key, entry)

    def _cut(self, key: int, entry: _Entry) -> None:
        """Shut the socket down, through a duplicate of it: the driver keeps its own."""
        conn = entry[1]
        try:
            duplicate = socket.fromfd(conn.pgconn.socket, socket.AF_INET, socket.SOCK_STREAM)
        except (OSError, psycopg.Error):
            return  # already closed: nothing left to cut
        with duplicate:
            # still the same call: the connection cannot have been closed meanwhile,
            # so the duplicate is its socket and not a reused descriptor
            if self._running.get(key) is not entry:
                return
            self._running.pop(key, None)
            try:  # at once: the call might answer meanwhile and the cut hit the next one
                duplicate.shutdown(socket.SHUT_RDWR)
            except OSError as error:
                log.warning("cutting the stalled connection failed: %s", error)
                return
        log.warning(
            "no answer from the database server %s:%s within %.0f s: "
            "connection cut (the network may have stopped forwarding)",
            conn.info.host,
            conn.info.port,
            self.limit_s,
        )


class WatchedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose commits and rollbacks run under the watchdog."""

    watchdog: Watchdog
    unbounded = False  # set for one transaction of a migration or bulk load

    def commit(self) -> None:
        if not self.unbounded:  # a migration's or bulk load's commit may take its time
            self.watchdog.arm(self)
        try:
            super().commit()
        finally:
            self.watchdog.disarm(self)
            self.unbounded = False

    def rollback(self) -> None:
        self.watchdog.arm(self)
        try:
            super().rollback()
        finally:
            self.watchdog.disarm(self)
            self.unbounded = False


class WatchedCursor(psycopg.Cursor[Any]):
    """A cursor whose statements run under the connection's watchdog."""

    def execute(
        self,
        query: Any,  # the overloads' union (a query, or a template without parameters)
        params: Params | None = None,
        *,
        prepare: bool | None = None,
        binary: bool | None = None,
    ) -> Self:
        conn = self.connection
        if not isinstance(conn, WatchedConnection) or conn.unbounded:
            super().execute(query, params, prepare=prepare, binary=binary)
            return self
        conn.watchdog.arm(conn)
        try:
            super().execute(query, params, prepare=prepare, binary=binary)
        finally:
            conn.watchdog.disarm(conn)
        return self

    def executemany(
        self, query: Query, params_seq: Iterable[Params], *, returning: bool = False
    ) -> None:
        conn = self.connection
        if not isinstance(conn, WatchedConnection) or conn.unbounded:
            super().executemany(query, params_seq, returning=returning)
            return
        conn.watchdog.arm(conn)
        try:
            super().executemany(query, params_seq, returning=returning)
        finally:
            conn.watchdog.disarm(conn)


def watched_connect(watchdog: Watchdog, *args: Any, **kwargs: Any) -> WatchedConnection:
    """Open a connection whose every call the watchdog bounds."""
    conn = WatchedConnection.connect(*args, cursor_factory=WatchedCursor, **kwargs)
    conn.watchdog = watchdog
    return conn
