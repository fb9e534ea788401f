"""A board on PostgreSQL lives through a server restart: it waits, listens again, hears on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.domain import Role
from db.engine import Database
from hallclient.clock import FixedClock
from hallclient.intake import queue
from tests.db.board.board_helpers import running_board, wait_for
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import START, add_users
from tests.db_fixtures import no_postgresql, upgrade_to_head
from tests.pg_cluster import PgCluster, PgUnavailableError


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    try:
        server = PgCluster()
    except PgUnavailableError as error:
        no_postgresql(str(error))
    with server:
        yield server


def test_the_board_listens_again_after_a_restart(cluster: PgCluster) -> None:
    url = cluster.create_database("board_restart")
    upgrade_to_head(url)
    clock = FixedClock(START)
    database = Database.connect(url)
    try:
        add_hall(database)
        clerk = at_counter(add_users(database)[Role.CLERK], clock, "C02")
        for _ in range(2):
            queue.issue_ticket(database, clerk, "payment")
        with running_board(url, clock) as (desk, heard):
            assert desk.listener is not None
            listener = desk.listener
            cluster.stop("fast")
            assert wait_for(lambda: not listener.listening.is_set() and bool(heard.troubles))
            cluster.start()
            assert wait_for(listener.listening.is_set, 30)
            queue.call_next(database, clerk)
            assert wait_for(lambda: heard.texts() == ["请A001号顾客到2号窗口办理"])
    finally:
        database.dispose()
