"""The call board's desk: the hall's queue as a TV shows it, without a login.

It opens the database as a kiosk does (``hallclient.core.prepare_database``, passed in as
``open_database``), not the full core: a board is no counter and registers none.  The
database is opened on the feed's thread and again after any fault, so a board switched
on before the server answers shows its waiting state and starts by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from db.engine import Database
from db.pg_link import PgLimits
from hallclient.board.feed import BoardFeed, StateHandler
from hallclient.board.listen import CallListener
from hallclient.board.state import BoardState, read_board
from hallclient.clock import Clock, hall_today
from hallclient.config import Settings
from hallclient.errors import HallError

log = logging.getLogger(__name__)
RECENT_CALLS = 6
SQLITE_POLL_S = 0.3  # the same PC: read often
SAFETY_POLL_S = 5.0  # PostgreSQL: notifications wake the board; this catches anything else
RETRY_S = 3.0  # after the database failed


class BoardDesk:
    def __init__(
        self,
        settings: Settings,
        open_database: Callable[[], Database],
        clock: Clock,
        limits: PgLimits,
    ) -> None:
        self.settings, self.open_database, self.clock, self.limits = (
            settings,
            open_database,
            clock,
            limits,
        )
        self.database: Database | None = None
        self.feed: BoardFeed | None = None
        self.listener: CallListener | None = None

    @property
    def on_postgresql(self) -> bool:
        return self.settings.database_url.startswith("postgresql")

    @property
    def notice(self) -> str:
        return self.settings.board_notice

    def read(self) -> BoardState:
        """The board now; opens the database first if it is not open (yet, or again)."""
        if self.database is None:
            self.database = self.open_database()
            log.info("call board reading %s", self.database.describe())
        try:
            today = hall_today(self.clock, self.settings.timezone)
            return read_board(self.database, self.settings.hall_code, today, RECENT_CALLS)
        except HallError:
            self._close_database()  # open afresh next time (a restored or migrated server)
            raise

    def start(
        self,
        on_state: StateHandler,
        on_trouble: Callable[[HallError], None],
        *,
        retry_s: float = RETRY_S,
    ) -> BoardFeed:
        """Start reading on a thread; ``on_state`` and ``on_trouble`` are called there."""
        poll_s = SAFETY_POLL_S if self.on_postgresql else SQLITE_POLL_S
        self.feed = BoardFeed(self.read, on_state, on_trouble, poll_s=poll_s, retry_s=retry_s)
        if self.on_postgresql:
            self.listener = CallListener(
                self.settings.database_url, self.limits, self.settings.hall_code, self.feed.wake
            )
            self.listener.start()
        self.feed.start()
        return self.feed

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
        if self.feed is not None:
            self.feed.stop()
        self._close_database()

    def _close_database(self) -> None:
        if self.database is not None:
            self.database.dispose()
            self.database = None
