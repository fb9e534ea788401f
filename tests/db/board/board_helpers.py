"""A call board on a test database, and what it heard."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from db.engine import Database
from db.pg_link import PgLimits
from hallclient.board.announce import Announcement
from hallclient.board.desk import BoardDesk
from hallclient.board.state import BoardState
from hallclient.clock import Clock
from hallclient.config import Settings
from hallclient.errors import HallError

TEST_LIMITS = PgLimits(connect_timeout_s=2, statement_timeout_s=5)


def url_of(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


class Heard:
    """What a board's feed handed over, from its own thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.announced: list[Announcement] = []
        self.states: list[BoardState] = []
        self.troubles: list[HallError] = []

    def state(self, state: BoardState, news: list[Announcement]) -> None:
        with self.lock:
            self.states.append(state)
            self.announced.extend(news)

    def trouble(self, error: HallError) -> None:
        with self.lock:
            self.troubles.append(error)

    def texts(self) -> list[str]:
        with self.lock:
            return [call.text for call in self.announced]


def wait_for(done: Callable[[], bool], timeout_s: float = 20) -> bool:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@contextmanager
def running_board(
    url: str, clock: Clock, *, retry_s: float = 0.2
) -> Iterator[tuple[BoardDesk, Heard]]:
    """A board on ``url`` (hall H01) whose feed has had its first look (and, on PostgreSQL,
    listens), so what follows is news to it."""
    settings = Settings(database_url=url, hall_code="H01")
    desk = BoardDesk(
        settings, lambda: Database.connect(url, limits=TEST_LIMITS), clock, TEST_LIMITS
    )
    heard = Heard()
    desk.start(heard.state, heard.trouble, retry_s=retry_s)
    try:
        assert wait_for(lambda: bool(heard.states))
        if desk.listener is not None:
            assert wait_for(desk.listener.listening.is_set)
        yield desk, heard
    finally:
        desk.close()
