"""The whole course by keyboard: login dialog, core opened behind it, main window, logout."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hallclient.config import Settings
from hallclient.errors import HallError
from ui import shell as shell_module
from ui.pages import AREAS
from ui.shell import Shell


@pytest.fixture
def make_shell(qtbot, app) -> Iterator:
    shells: list[Shell] = []

    def make(settings: Settings) -> Shell:
        shell = Shell(settings, app)
        qtbot.addWidget(shell.login)
        shells.append(shell)
        shell.start()
        return shell

    yield make
    for shell in shells:
        if shell.main_window is not None:
            shell.main_window.close()
        shell.shutdown()


def _ready(qtbot, shell: Shell) -> None:
    qtbot.waitUntil(shell.login.submit.isEnabled, timeout=15_000)


def test_clerk_logs_in_and_reaches_every_page_by_keyboard(qtbot, make_shell, demo_settings):
    shell = make_shell(demo_settings)
    assert shell.login.isVisible()
    _ready(qtbot, shell)
    qtbot.keyClicks(shell.login.employee, "1001")
    qtbot.keyClick(shell.login.employee, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "demo1001")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(window.isActiveWindow)
    assert not shell.login.isVisible()
    assert window.current_area() == "intake"
    for number, area in reversed(list(enumerate(AREAS, start=1))):
        key = Qt.Key(Qt.Key.Key_0.value + number)
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() == area.key
        assert window.stack.currentWidget().area is area

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.main_window is None
    assert shell.login.isVisible()
    assert (shell.login.employee.text(), shell.login.password.text()) == ("", "")


def test_first_run_offers_and_builds_the_demo_data(
    qtbot, make_shell, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    questions: list[str] = []

    def answer_yes(parent, title, text, *args):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    monkeypatch.setattr(shell_module, "DEMO_ACCOUNTS", 20)
    shell = make_shell(Settings(database_url=f"sqlite:///{tmp_path.as_posix()}/new.sqlite3"))
    _ready(qtbot, shell)
    assert "演示数据" in questions[0]
    assert shell.login.status.text() == "演示数据已载入。演示营业员：工号 1001，密码 demo1001。"
    assert shell.core is not None and shell.core.has_users()


def test_declining_the_demo_data_says_that_nobody_can_log_in_yet(
    qtbot, make_shell, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    shell = make_shell(Settings(database_url=f"sqlite:///{tmp_path.as_posix()}/new.sqlite3"))
    _ready(qtbot, shell)
    assert shell.login.status.text() == "还没有任何用户，请由系统管理员创建。"


def test_a_database_that_cannot_be_opened_is_explained_and_ends_the_app(
    qtbot, make_shell, demo_settings, monkeypatch: pytest.MonkeyPatch
):
    shown: list[tuple[str, str]] = []
    exits: list[int] = []

    def refuse(settings):
        raise HallError("the database at PostgreSQL db:5432/hall is not at schema head")

    monkeypatch.setattr("hallclient.core.open_core", refuse)
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, title, text: shown.append((title, text))
    )
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    make_shell(demo_settings)
    qtbot.waitUntil(lambda: exits == [1], timeout=15_000)
    assert shown == [
        ("无法打开数据库", "the database at PostgreSQL db:5432/hall is not at schema head")
    ]
