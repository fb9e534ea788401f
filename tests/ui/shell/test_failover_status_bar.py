"""After a failover the status bar names the server the counter now works on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hallclient.config import Settings
from hallclient.core import Core, open_core
from hallclient.errors import DatabaseUnavailableError
from tests.db.failover.counters import started_pair
from tests.db_fixtures import upgrade_to_head
from tests.pg_standby import PgPair
from tests.ui.sessions import clerk_after_first_login, open_window

DEMO_ACCOUNTS = 5


@pytest.fixture
def pair() -> Iterator[PgPair]:
    with started_pair(synchronous=False) as started:
        yield started


@pytest.fixture
def hall_core(pair: PgPair) -> Iterator[Core]:
    pair.create_database("hall")
    upgrade_to_head(pair.url("hall"))
    core = open_core(Settings(database_url=pair.url("hall")))
    core.load_demo(accounts=DEMO_ACCOUNTS)
    pair.wait_replayed()
    yield core
    core.close()


def test_the_status_bar_follows_the_failover_to_the_standby(qtbot, app, pair, hall_core):
    user = clerk_after_first_login(hall_core)
    window = open_window(qtbot, hall_core, user)
    primary, standby = f"127.0.0.1:{pair.primary.port}", f"127.0.0.1:{pair.standby.port}"
    assert window.database_label.toolTip().startswith(f"数据库：PostgreSQL {primary}/hall [")
    pair.wait_replayed()
    pair.primary.stop("immediate")
    pair.standby.promote()

    def works_again() -> bool:
        try:
            hall_core.access.has_users()
        except DatabaseUnavailableError:
            return False
        return True

    qtbot.waitUntil(works_again, timeout=30_000)
    qtbot.waitUntil(
        lambda: window.database_label.toolTip().startswith(f"数据库：PostgreSQL {standby}/hall"),
        timeout=5_000,
    )
