"""The board's query and its feed on both databases: who is called where, who waits, news."""

from __future__ import annotations

import datetime as dt

import pytest

from db.domain import Role
from hallclient.board.state import read_board
from hallclient.clock import FixedClock, hall_today
from hallclient.intake import queue
from tests.db.board.board_helpers import running_board, url_of, wait_for
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import START, add_users


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def clerk(database, clock):
    add_hall(database)
    people = add_users(database)
    return lambda counter="C01": at_counter(people[Role.CLERK], clock, counter)


def _today(clock: FixedClock) -> dt.date:
    return hall_today(clock, "Asia/Shanghai")


def test_the_board_shows_each_windows_ticket_the_last_calls_and_who_waits(database, clerk, clock):
    for category in ("payment", "payment", "business", "priority", "payment"):
        queue.issue_ticket(database, clerk(), category)
    first = queue.call_next(database, clerk("C01"))  # the priority ticket comes first
    clock.advance(dt.timedelta(minutes=1))
    second = queue.call_next(database, clerk("C03"))
    clock.advance(dt.timedelta(minutes=1))
    assert first is not None and second is not None
    queue.recall(database, clerk("C01"), first.ticket.id)

    state = read_board(database, "H01", _today(clock), recent=6)

    serving = {window.name: window.serving for window in state.windows}
    assert serving["1号窗口"] == "V001" and serving["3号窗口"] == "A001"
    assert serving["2号窗口"] is None
    assert [(call.label, call.window) for call in state.recent] == [
        ("V001", "1号窗口"),  # the recall is the newest call
        ("A001", "3号窗口"),
    ]
    waiting = {w.name: w.count for w in state.waiting}
    assert waiting == {"优先(老弱病残孕)": 0, "缴费": 2, "业务办理": 1, "报修咨询": 0}
    assert state.hall_name == "测试营业厅"


def test_the_board_keeps_only_today(database, clerk, clock):
    queue.issue_ticket(database, clerk(), "payment")
    assert queue.call_next(database, clerk()) is not None
    clock.advance(dt.timedelta(days=1))
    state = read_board(database, "H01", _today(clock), recent=6)
    assert state.recent == () and all(window.serving is None for window in state.windows)


def test_a_running_board_hears_each_call_and_recall_once_and_not_the_past(database, clerk, clock):
    for _ in range(3):
        queue.issue_ticket(database, clerk(), "payment")
    earlier = queue.call_next(database, clerk("C02"))  # before the board was switched on
    assert earlier is not None
    with running_board(url_of(database), clock) as (_desk, heard):
        called = queue.call_next(database, clerk("C03"))
        assert called is not None
        assert wait_for(lambda: heard.texts() == ["请A002号顾客到3号窗口办理"])
        queue.recall(database, clerk("C03"), called.ticket.id)
        assert wait_for(lambda: len(heard.texts()) == 2)
        assert heard.texts()[1] == "请A002号顾客到3号窗口办理"
        assert [call.calls for call in heard.announced] == [1, 2]
        queue.call_next(database, clerk("C01"))
        assert wait_for(lambda: len(heard.texts()) == 3)
    assert heard.texts()[2] == "请A003号顾客到1号窗口办理"
    assert heard.troubles == []
