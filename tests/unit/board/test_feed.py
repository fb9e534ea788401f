"""The board's loop goes on after any failure of a read: told, logged, tried again."""

from __future__ import annotations

import datetime as dt
import logging
import threading

from hallclient.board.feed import BoardFeed
from hallclient.board.state import BoardState
from hallclient.errors import HallError


def test_an_unexpected_failure_is_logged_reported_and_the_board_reads_again(caplog):
    reads: list[str] = []
    troubles: list[HallError] = []
    shown = threading.Event()
    state = BoardState("测试营业厅", dt.date(2026, 12, 7), (), (), (), ())

    def read() -> BoardState:
        reads.append("read")
        if len(reads) == 1:
            raise RuntimeError("a bug in the query")
        return state

    def on_state(_state: BoardState, _news: list) -> None:
        shown.set()

    caplog.set_level(logging.ERROR, "hallclient.board.feed")
    feed = BoardFeed(read, on_state, troubles.append, poll_s=10, retry_s=0.01)
    feed.start()
    try:
        assert shown.wait(10)
    finally:
        feed.stop()
    assert len(reads) >= 2 and len(troubles) == 1
    assert "unexpected failure" in str(troubles[0])
    assert "a bug in the query" in caplog.text
