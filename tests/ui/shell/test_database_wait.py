"""Start-up with the hall's server down: the waiting screen, then the login once it answers.

A real PostgreSQL cluster of its own (it is stopped and started here, which the session's
shared server must not be), with a small demo data set to log in to.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallclient.config import Settings
from hallclient.core import open_core
from tests.db_fixtures import no_postgresql, upgrade_to_head
from tests.pg_cluster import PgCluster, PgUnavailableError, _free_port
from tests.ui.helpers import settle
from ui.shell.course import Shell

WAIT_LOGGER = "ui.shell.database_wait"


@pytest.fixture(scope="module")
def hall_server() -> Iterator[tuple[PgCluster, Settings]]:
    """A cluster with a migrated hall database holding the demo users (and 20 accounts)."""
    try:
        cluster = PgCluster()
    except PgUnavailableError as error:
        no_postgresql(str(error))  # skipped here, a failure in CI
    with cluster:
        url = cluster.create_database("hall")
        upgrade_to_head(url)
        settings = Settings(database_url=url)
        core = open_core(settings)
        try:
            core.load_demo(20)
        finally:
            core.close()
        yield cluster, settings


def _waiting_screen(qtbot, shell: Shell):
    qtbot.waitUntil(lambda: shell.waiting is not None and shell.waiting.isVisible(), timeout=15_000)
    waiting = shell.waiting
    assert waiting is not None and not shell.login.isVisible()
    return waiting


def test_the_app_waits_for_a_stopped_server_and_logs_in_once_it_answers(
    qtbot, make_shell, hall_server
):
    cluster, settings = hall_server
    cluster.stop()
    try:
        shell = make_shell(settings)
        waiting = _waiting_screen(qtbot, shell)
        assert waiting.address.text() == f"PostgreSQL 127.0.0.1:{cluster.port}/hall"
        assert waiting.title.text() == "正在等待数据库"
        assert waiting.status.text().startswith("第 1 次尝试失败（")
        assert waiting.status.text().endswith("3 秒后再试。")
        qtbot.waitUntil(lambda: waiting.status.text().endswith("2 秒后再试。"))  # it counts down
        qtbot.waitUntil(lambda: waiting.failures == 2, timeout=15_000)  # and tries by itself
        assert shell.core is None
    finally:
        cluster.start()
    qtbot.waitUntil(lambda: shell.waiting is None and shell.login.isVisible(), timeout=20_000)
    qtbot.waitUntil(shell.login.submit.isEnabled, timeout=15_000)
    shell.login.activateWindow()
    qtbot.waitUntil(shell.login.isActiveWindow)
    qtbot.keyClicks(shell.login.employee, "1001")
    qtbot.keyClick(shell.login.employee, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "demo1001")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot, shell.login)
    assert shell.main_window is not None and shell.user is not None
    assert shell.user.employee_no == "1001"


def test_the_waiting_screen_logs_a_reason_once_and_quits_on_escape(
    qtbot, make_shell, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    """Nothing listens on the port: every try is refused at once, for the same reason."""
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    url = f"postgresql+psycopg://clerk:secret-word@127.0.0.1:{_free_port()}/hall"
    caplog.set_level(logging.INFO, logger=WAIT_LOGGER)
    shell = make_shell(Settings(database_url=url))
    waiting = _waiting_screen(qtbot, shell)
    assert "secret-word" not in waiting.address.text() + waiting.details.text()
    qtbot.mouseClick(waiting.try_now, Qt.MouseButton.LeftButton)  # no need to wait 3 s
    qtbot.waitUntil(lambda: waiting.failures == 2 and not waiting.trying, timeout=15_000)
    assert waiting.status.text().startswith("第 2 次尝试失败（")
    warnings = [r for r in caplog.records if r.name == WAIT_LOGGER and r.levelname == "WARNING"]
    assert len(warnings) == 1 and "try 1" in warnings[0].getMessage()
    waiting.activateWindow()
    qtbot.waitUntil(waiting.isActiveWindow)
    qtbot.keyClick(waiting, Qt.Key.Key_Escape)
    assert exits == [1]
