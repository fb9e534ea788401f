"""Across processes on PostgreSQL: a ticket taken at the kiosk and called at this counter
reaches a board running elsewhere, which shows and announces it."""

from __future__ import annotations

import time

import pytest

from db.domain import Role
from db.engine import Database
from hallclient.clock import SystemClock
from hallclient.intake import queue
from hallclient.kiosk.device import kiosk_context
from hallclient.kiosk.tickets import issue_kiosk_ticket
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import add_users
from tests.db_fixtures import upgrade_to_head
from tests.ui.board.board_process import board_process, call_until_heard, heard


@pytest.fixture
def hall(pg_database_url: str):
    upgrade_to_head(pg_database_url)
    database = Database.connect(pg_database_url)
    add_hall(database)
    clerk = at_counter(add_users(database)[Role.CLERK], SystemClock(), "C05")
    yield pg_database_url, database, clerk
    database.dispose()


def call_one(database: Database, clerk) -> int:
    """A customer takes a ticket at the kiosk and the counter calls it."""
    kiosk = kiosk_context("H01", "K1", clerk.clock)
    taken = issue_kiosk_ticket(database, kiosk, "business")
    called = queue.call_next(database, clerk)
    assert called is not None and called.ticket.label == taken.label
    return called.ticket.id


def test_a_call_here_is_announced_by_a_board_in_another_process(hall, tmp_path):
    url, database, clerk = hall
    with board_process(url, tmp_path) as announced:
        assert call_until_heard(lambda: call_one(database, clerk), announced)
        ticket = call_one(database, clerk)
        deadline = time.monotonic() + 30
        while not any(item.ticket_id == ticket for item in heard(announced)):
            assert time.monotonic() < deadline, (tmp_path / "board.err").read_text()
            time.sleep(0.05)
    said = next(item for item in heard(announced) if item.ticket_id == ticket)
    assert said.calls == 1 and said.text.endswith("号顾客到5号窗口办理")
