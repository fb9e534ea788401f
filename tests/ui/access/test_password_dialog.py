"""The password change: forced after the first login, and from System → Change password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import (
    CLERK_NEW_PASSWORD,
    clerk_after_first_login,
    journal_actions,
    open_window,
)
from ui.access.password_dialog import PasswordDialog
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _window(qtbot, core, user) -> MainWindow:
    return open_window(qtbot, core, user)


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    """The demo clerk just after logging in with the documented demo password."""
    return _window(qtbot, private_core, private_core.access.login("1001", "demo1001"))


def _fill(qtbot, dialog: PasswordDialog, current: str, new: str, repeat: str) -> None:
    for field, text in ((dialog.current, current), (dialog.new, new), (dialog.repeat, repeat)):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    settle(qtbot, dialog)


def test_a_demo_user_must_change_the_password_first(qtbot, window):
    dialog = window.password_dialog
    assert dialog is not None and dialog.forced
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.isModal()
    assert dialog.heading.text() == "请先修改密码"
    assert dialog.leave.text() == "退出登录"
    assert not any(action.isEnabled() for action in window.page_actions)
    assert not window.idle.is_watching()

    qtbot.keyClick(dialog.current, Qt.Key.Key_Escape)  # cannot be skipped
    dialog.close()
    assert dialog.isVisible()


def test_the_main_window_is_usable_after_a_valid_change(qtbot, window):
    dialog = window.password_dialog
    with qtbot.waitSignal(window.sig_user_changed) as changed:
        _fill(qtbot, dialog, "demo1001", CLERK_NEW_PASSWORD, CLERK_NEW_PASSWORD)
    assert window.password_dialog is None  # accepted and discarded
    assert changed.args[0].must_change_password is False
    assert window.user.must_change_password is False
    assert window.idle.is_watching()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.current_area() == "fees"
    assert "password.changed" in journal_actions(window.core)


def test_the_repeat_is_checked_before_asking_the_core(qtbot, window):
    dialog = window.password_dialog
    _fill(qtbot, dialog, "demo1001", CLERK_NEW_PASSWORD, "counter-2025")
    assert dialog.isVisible()
    assert dialog.error.text() == "两次输入的新密码不一致。"
    assert dialog.repeat.text() == "" and dialog.repeat.hasFocus()
    assert "password.changed" not in journal_actions(window.core)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("short1", "新密码至少需要 8 个字符。"),
        ("zzzzzzzzzz", "新密码不能全部由同一个字符组成。"),
        ("gas-1001-pw", "新密码不能包含您的工号。"),
    ],
)
def test_policy_refusals_are_worded_in_chinese(qtbot, window, new, message):
    dialog = window.password_dialog
    _fill(qtbot, dialog, "demo1001", new, new)
    assert dialog.error.text() == message
    assert dialog.isVisible()


def test_a_wrong_current_password_is_said_plainly(qtbot, window):
    dialog = window.password_dialog
    _fill(qtbot, dialog, "not-the-password", CLERK_NEW_PASSWORD, CLERK_NEW_PASSWORD)
    assert dialog.error.text() == "当前密码不正确。"
    assert dialog.current.text() == "" and dialog.current.hasFocus()


def test_logging_out_is_the_other_way_out(qtbot, window):
    with qtbot.waitSignal(window.sig_logged_out):
        qtbot.mouseClick(window.password_dialog.leave, Qt.MouseButton.LeftButton)
    assert journal_actions(window.core)[-1] == "logout"


def test_the_same_password_again_is_refused_from_the_menu(qtbot, app, private_core):
    window = _window(qtbot, private_core, clerk_after_first_login(private_core))
    assert window.password_dialog is None
    window.password_action.trigger()
    dialog = window.password_dialog
    assert dialog is not None and not dialog.forced
    assert dialog.leave.text() == "取消"
    _fill(qtbot, dialog, CLERK_NEW_PASSWORD, CLERK_NEW_PASSWORD, CLERK_NEW_PASSWORD)
    assert dialog.error.text() == "新密码不能与当前密码相同。"
    qtbot.keyClick(dialog.current, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_visible_text_of_the_dialog_is_translated(qtbot, window):
    dialog = window.password_dialog
    _fill(qtbot, dialog, "demo1001", "short", "short")
    texts = list(visible_texts(dialog))
    assert "修改密码" in texts
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}


def test_the_message_follows_a_language_switch(qtbot, window, app):
    dialog = window.password_dialog
    _fill(qtbot, dialog, "demo1001", "short1", "short1")
    app.set_language("en")
    qtbot.waitUntil(lambda: dialog.heading.text() == "Please change your password first")
    assert dialog.error.text() == "The new password needs at least 8 characters."
