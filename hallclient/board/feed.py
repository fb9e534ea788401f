"""The board's loop, on a thread of its own: read, find the new calls, hand both over.

It reads when woken (a PostgreSQL notification, see :mod:`hallclient.board.listen`) or
every ``poll_s`` anyway: the safety net on PostgreSQL, the only way on SQLite (the board
then runs on the same PC as the counter, and a read every 0.3 s costs nothing).  A
database that cannot be opened or read is reported with ``on_trouble`` and tried again; the
caller's thread is never held up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.exc import DBAPIError

from hallclient.board.announce import Announcement
from hallclient.board.state import BoardState
from hallclient.board.watch import CallWatch
from hallclient.errors import HallError

log = logging.getLogger(__name__)
StateHandler = Callable[[BoardState, list[Announcement]], None]


class BoardFeed:
    def __init__(
        self,
        read: Callable[[], BoardState],
        on_state: StateHandler,
        on_trouble: Callable[[HallError], None],
        *,
        poll_s: float,
        retry_s: float,
    ) -> None:
        self.read, self.on_state, self.on_trouble = read, on_state, on_trouble
        self.poll_s, self.retry_s = poll_s, retry_s
        self.watch = CallWatch()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="board-feed", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Read again now (a call was made; or the listener is back after a gap)."""
        self._wake.set()

    def stop(self, wait_s: float = 2.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(wait_s)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                state = self.read()
            except (HallError, DBAPIError) as error:
                self._trouble(error)
                self._stop.wait(self.retry_s)
                continue
            except Exception:  # a bug must not stop the hall's board for the rest of the day
                log.exception("call board: unexpected failure reading the queue")
                self.on_trouble(HallError("unexpected failure; details are in the log file"))
                self._stop.wait(self.retry_s)
                continue
            news = self.watch.news(call.announcement for call in state.calls)
            self.on_state(state, news)
            self._wake.wait(self.poll_s)

    def _trouble(self, error: HallError | DBAPIError) -> None:
        log.warning("call board cannot read the queue: %s", " ".join(str(error).split()))
        self.on_trouble(error if isinstance(error, HallError) else HallError(str(error.orig)))
