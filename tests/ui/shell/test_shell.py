"""The whole course by keyboard: login dialog, core opened behind it, main window, logout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hallclient.config import Settings
from hallclient.errors import HallError
from tests.ui.helpers import settle
from ui.shell import course as shell_module
from ui.shell.course import Shell
from ui.shell.main_window import MainWindow


def _ready(qtbot, shell: Shell) -> None:
    qtbot.waitUntil(shell.login.submit.isEnabled, timeout=15_000)


def _log_in_by_keyboard(qtbot, shell: Shell, employee_no: str, password: str) -> MainWindow:
    qtbot.waitUntil(shell.login.isActiveWindow)
    qtbot.keyClicks(shell.login.employee, employee_no)
    qtbot.keyClick(shell.login.employee, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), password)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot, shell.login)
    window = shell.main_window
    assert window is not None
    assert not shell.login.isVisible()
    return window


def _change_the_demo_password_by_keyboard(qtbot, window: MainWindow, old: str, new: str) -> None:
    """What a demo user does first: current password, Tab, new, Tab, repeat, Enter."""
    dialog = window.password_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.current)
    for text in (old, new, new):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    settle(qtbot, dialog)
    assert window.password_dialog is None


def _reach_pages_by_keyboard(qtbot, window: MainWindow, count: int) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    for number in reversed(range(1, count + 1)):
        key = Qt.Key(Qt.Key.Key_0.value + number)
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        area = window.areas[number - 1]
        assert window.current_area() == area.key
        assert window.stack.currentWidget().area is area


def test_clerk_logs_in_changes_the_password_and_reaches_every_page_by_keyboard(
    qtbot, make_shell, private_settings
):
    shell = make_shell(private_settings)
    assert shell.login.isVisible()
    _ready(qtbot, shell)
    window = _log_in_by_keyboard(qtbot, shell, "1001", "demo1001")
    assert shell.user is not None and shell.user.must_change_password
    _change_the_demo_password_by_keyboard(qtbot, window, "demo1001", "counter-2026")
    assert shell.user.must_change_password is False
    assert window.current_area() == "intake"

    _reach_pages_by_keyboard(qtbot, window, 5)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "intake"  # the clerk has no admin page

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.main_window is None and shell.user is None
    assert shell.login.isVisible()
    assert (shell.login.employee.text(), shell.login.password.text()) == ("", "")


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup offscreen: raise, grab
def test_after_the_forced_password_change_the_intake_page_loads_as_after_any_login(
    qtbot, make_shell, private_settings
):
    shell = make_shell(private_settings)
    _ready(qtbot, shell)
    window = _log_in_by_keyboard(qtbot, shell, "1001", "demo1001")
    _change_the_demo_password_by_keyboard(qtbot, window, "demo1001", "counter-2026")
    page = window.pages.intake
    assert page is not None and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.purpose.count() > 0 and page.categories != [])
    assert not page.message.text()  # no "please change your password first" left behind

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F7)
    dialog = page.tickets.ticket_dialog
    assert dialog is not None and dialog.isVisible() and dialog.buttons
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    page.purpose.setFocus()
    qtbot.keyClick(page.purpose, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.purpose.view().isVisible)
    qtbot.keyClick(page.purpose.view(), Qt.Key.Key_Escape)


def test_admin_reaches_every_page_including_admin_by_keyboard(qtbot, make_shell, private_settings):
    shell = make_shell(private_settings)
    _ready(qtbot, shell)
    window = _log_in_by_keyboard(qtbot, shell, "9001", "demo9001")
    _change_the_demo_password_by_keyboard(qtbot, window, "demo9001", "admin-pass-77")
    _reach_pages_by_keyboard(qtbot, window, 4)
    assert window.current_area() == "fees"  # no counter work: no intake, payments, referrals
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "scripts"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "directory"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "admin"


def test_only_switch_user_lets_another_person_in(qtbot, make_shell, private_settings):
    shell = make_shell(private_settings)
    _ready(qtbot, shell)
    window = _log_in_by_keyboard(qtbot, shell, "1001", "demo1001")
    _change_the_demo_password_by_keyboard(qtbot, window, "demo1001", "counter-2026")
    window.lock()
    qtbot.keyClicks(window.lock_panel.password, "demo1002")
    qtbot.keyClick(window.lock_panel.password, Qt.Key.Key_Return)
    settle(qtbot, window.lock_panel)
    assert window.is_locked() and shell.main_window is window

    qtbot.mouseClick(window.lock_panel.switch_button, Qt.MouseButton.LeftButton)
    assert shell.main_window is None
    assert shell.login.isVisible()
    second = _log_in_by_keyboard(qtbot, shell, "1002", "demo1002")
    assert second.user.employee_no == "1002"
    assert second.password_dialog is not None  # 李强 has a demo password too


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
    assert shell.core is not None and shell.core.access.has_users()


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
