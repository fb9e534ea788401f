"""The idle lock: after the configured time, with a fake clock; work on screen survives."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from hallclient.access.audit import recent_entries
from hallclient.core import open_core
from hallclient.uow import UnitOfWork
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import (
    CLERK_NEW_PASSWORD,
    clerk_after_first_login,
    journal_actions,
    open_window,
)
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _open_window(qtbot, core) -> MainWindow:
    return open_window(qtbot, core, clerk_after_first_login(core))


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    return _open_window(qtbot, private_core)


def _unfinished_work(qtbot, window: MainWindow) -> QLineEdit:
    """A field on the intake page with something typed in it, as a visit in progress."""
    page = window.stack.currentWidget()
    field = QLineEdit(page)
    page.layout().addWidget(field)
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "13800001111 room 402")
    return field


def _unlock(qtbot, window: MainWindow, password: str) -> None:
    qtbot.keyClicks(window.lock_panel.password, password)
    qtbot.keyClick(window.lock_panel.password, Qt.Key.Key_Return)
    settle(qtbot, window.lock_panel)


def test_the_idle_lock_engages_after_exactly_the_configured_minutes(window, clock):
    assert window.idle.is_watching()
    clock.advance(timedelta(minutes=15) - timedelta(seconds=1))
    window.idle.check()
    assert not window.is_locked()

    clock.advance(timedelta(seconds=1))
    window.idle.check()
    assert window.is_locked()
    assert not window.menuBar().isVisible()
    assert window.lock_panel.title.text() == "已锁定"
    who = "此窗口 15 分钟无人操作，已自动锁定。\n当前登录的是王丽（工号 1001）。"
    assert window.lock_panel.who.text() == who
    assert _lock_entry(window.core).details == {"by": "idle", "minutes": 15}


def test_activity_starts_the_idle_time_again(qtbot, window, clock):
    field = _unfinished_work(qtbot, window)
    clock.advance(timedelta(minutes=10))
    qtbot.keyClick(field, Qt.Key.Key_End)
    clock.advance(timedelta(minutes=10))
    window.idle.check()
    assert not window.is_locked()
    clock.advance(timedelta(minutes=5))
    window.idle.check()
    assert window.is_locked()


def test_the_idle_time_comes_from_the_settings(qtbot, app, private_settings, clock):
    core = open_core(replace(private_settings, idle_lock_minutes=3), clock)
    try:
        window = _open_window(qtbot, core)
        clock.advance(timedelta(minutes=2, seconds=59))
        window.idle.check()
        assert not window.is_locked()
        clock.advance(timedelta(seconds=1))
        window.idle.check()
        assert window.is_locked()
    finally:
        core.close()


def test_typed_work_survives_lock_and_unlock(qtbot, window, clock):
    field = _unfinished_work(qtbot, window)
    clock.advance(timedelta(minutes=15))
    window.idle.check()
    assert window.is_locked()
    assert not field.isVisible()
    assert window.lock_panel.password.hasFocus()

    _unlock(qtbot, window, CLERK_NEW_PASSWORD)
    assert not window.is_locked()
    assert field.text() == "13800001111 room 402"
    assert field.hasFocus()
    assert window.current_area() == "intake"
    assert window.menuBar().isVisible()
    assert window.idle.is_watching()
    assert journal_actions(window.core)[-1] == "session.unlocked"


def test_a_wrong_password_keeps_it_locked_without_saying_more(qtbot, window):
    window.lock()
    _unlock(qtbot, window, "not-my-password")
    assert window.is_locked()
    assert window.lock_panel.error.text() == "密码不正确，请重新输入。"
    assert window.lock_panel.password.text() == ""


def test_another_users_password_does_not_unlock(qtbot, window):
    window.lock()
    _unlock(qtbot, window, "demo1002")  # 李强 is at the counter now
    assert window.is_locked()
    assert window.user.employee_no == "1001"


def test_repeated_failures_lock_the_account_and_leave_only_switch_user(qtbot, window):
    window.lock()
    for _ in range(10):
        _unlock(qtbot, window, "wrong-password")
    message = window.lock_panel.error.text()
    assert "锁定至" in message and "只能切换用户" in message
    _unlock(qtbot, window, CLERK_NEW_PASSWORD)  # the right password is refused for now
    assert window.is_locked()
    assert window.lock_panel.switch_button.isEnabled()


def test_shortcuts_do_nothing_while_locked(qtbot, window):
    window.lock()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(window.lock_panel.password, Qt.Key.Key_3, CTRL)
    assert window.current_area() == "intake"
    assert not any(action.isEnabled() for action in window.page_actions)
    assert not window.logout_action.isEnabled()

    _unlock(qtbot, window, CLERK_NEW_PASSWORD)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.current_area() == "fees"


def test_locking_by_hand_with_ctrl_shift_l(qtbot, window, clock):
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.is_locked()
    assert not window.idle.is_watching()
    assert window.lock_panel.who.text() == "王丽（工号 1001）已锁定此窗口。"
    assert _lock_entry(window.core).details == {"by": "user"}
    _unlock(qtbot, window, CLERK_NEW_PASSWORD)
    clock.advance(timedelta(minutes=15))
    window.idle.check()  # the idle lock after a lock by hand says it locked itself
    assert window.lock_panel.who.text().startswith("此窗口 15 分钟无人操作")


def _lock_entry(core):
    """The newest ``session.locked`` entry of the journal."""
    with UnitOfWork(core.database) as uow:
        return recent_entries(uow, 1, "session.locked")[0]


def test_switch_user_logs_out_and_journals_it(qtbot, window):
    window.lock()
    with qtbot.waitSignal(window.sig_logged_out):
        qtbot.mouseClick(window.lock_panel.switch_button, Qt.MouseButton.LeftButton)
    assert journal_actions(window.core)[-1] == "logout.switch_user"


def test_every_visible_text_of_the_lock_panel_is_translated(qtbot, window):
    window.lock()
    _unlock(qtbot, window, "wrong-password")
    texts = list(visible_texts(window))
    assert "解锁" in texts and "切换用户" in texts
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}


def test_the_message_follows_a_language_switch(qtbot, window, app):
    window.lock()
    _unlock(qtbot, window, "wrong-password")
    app.set_language("en")
    qtbot.waitUntil(lambda: window.lock_panel.title.text() == "Locked")
    assert window.lock_panel.error.text() == "The password is incorrect. Please try again."
    assert window.lock_panel.switch_button.text() == "Switch user"


def test_an_open_dialog_is_cancelled_by_the_lock(qtbot, window):
    window.password_action.trigger()
    dialog = window.password_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.current, "half-typed")
    window.lock()
    assert not dialog.isVisible()
    assert window.password_dialog is None
