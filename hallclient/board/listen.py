"""Hearing calls at once on PostgreSQL: LISTEN on a connection of the board's own.

A call or recall notifies ``hallclient_calls`` with the hall's code in its transaction
(:func:`hallclient.intake.queue._tell_boards`), so the notification arrives only once the
call is committed.  The listener runs on its own thread with the hall's URL and limits
(libpq goes through the URL's servers to the one that can write: a standby cannot LISTEN).
A lost server, a restart or a failover ends the connection; the listener connects again
after a pause and wakes the board, which reads everything it may have missed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, cast

import psycopg

from db.engine import Database
from db.pg_link import PgLimits
from hallclient.intake.queue import CALL_CHANNEL

log = logging.getLogger(__name__)
RETRY_S = 1.0  # between attempts to connect again
_TICK_S = 0.5  # how often the thread checks whether it should stop


class CallListener:
    def __init__(
        self, url: str, limits: PgLimits, hall_code: str, wake: Callable[[], None]
    ) -> None:
        self.url, self.limits, self.hall_code, self.wake = url, limits, hall_code, wake
        self.listening = threading.Event()  # set while LISTEN is in force
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="board-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait_s: float = 2.0) -> None:
        self._stop.set()
        self._thread.join(wait_s)

    def _run(self) -> None:
        database = Database.connect(self.url, limits=self.limits)
        try:
            while not self._stop.is_set():
                try:
                    self._listen(database)
                except Exception as error:  # a lost server, a failover: connect again
                    log.warning("call board stopped listening: %s", " ".join(str(error).split()))
                self.listening.clear()
                self._stop.wait(RETRY_S)
        finally:
            database.dispose()

    def _listen(self, database: Database) -> None:
        raw = database.engine.raw_connection()
        try:
            connection = cast("psycopg.Connection[Any]", raw.dbapi_connection)
            connection.rollback()  # the pool's ping may have begun a transaction
            connection.autocommit = True
            connection.execute(f"LISTEN {CALL_CHANNEL}")
            self.listening.set()
            log.info("call board listening on %s", database.describe())
            self.wake()  # calls made while the board was not listening are read now
            while not self._stop.is_set():
                for note in connection.notifies(timeout=_TICK_S):
                    if note.payload == self.hall_code:
                        self.wake()
        finally:
            raw.invalidate()  # never back to the pool in LISTEN mode
