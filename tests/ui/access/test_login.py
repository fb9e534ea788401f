"""The login dialog against a real core: refusals say only what may be said."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from hallclient.access.auth import LoginRefused, RefusalReason
from hallclient.clock import local
from hallclient.core import Core
from hallclient.errors import DatabaseUnavailableError
from tests.ui.helpers import settle
from ui.access.login import LoginDialog

LEFT = Qt.MouseButton.LeftButton
NOT_WHICH_PART = "工号或密码不正确，请重新输入。"


@pytest.fixture
def dialog(qtbot, app, core: Core) -> LoginDialog:
    widget = LoginDialog("演示营业厅 · 01 号窗口", core.settings.timezone, app.language)
    widget.sig_language_chosen.connect(app.set_language)
    widget.attach(core.access.login)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _try(qtbot, dialog: LoginDialog, employee_no: str, password: str) -> None:
    dialog.employee.setText(employee_no)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    settle(qtbot, dialog)


def test_wrong_password_and_unknown_number_get_the_same_message(qtbot, dialog):
    _try(qtbot, dialog, "2001", "not-the-password")
    assert dialog.error.text() == NOT_WHICH_PART
    assert dialog.error.isVisible()
    assert dialog.password.text() == ""
    assert dialog.employee.text() == "2001"

    _try(qtbot, dialog, "7777", "whatever")
    assert dialog.error.text() == NOT_WHICH_PART
    assert dialog.password.text() == ""


def test_ten_failures_lock_the_account_until_a_local_time(qtbot, dialog, core):
    before = datetime.now(UTC)
    for _ in range(10):
        _try(qtbot, dialog, "1002", "wrong-password")
    message = dialog.error.text()
    assert "锁定" in message
    shown = re.search(r"\d\d:\d\d", message)
    assert shown is not None
    expected = {
        local(before + timedelta(minutes=30, seconds=s), core.settings.timezone).strftime("%H:%M")
        for s in (0, 60)
    }
    assert shown.group() in expected

    _try(qtbot, dialog, "1002", "demo1002")  # even the right password is refused now
    assert "锁定" in dialog.error.text()
    assert dialog.password.text() == ""


def test_a_disabled_account_is_told_so(qtbot, app):
    def refuse(employee_no: str, password: str):
        raise LoginRefused(RefusalReason.INACTIVE)

    dialog = LoginDialog("H01 · C01", "Asia/Shanghai", app.language)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.attach(refuse)
    _try(qtbot, dialog, "1001", "demo1001")
    assert dialog.error.text() == "该账户已停用，请联系系统管理员。"


def test_a_database_that_went_away_is_told_in_the_clerks_words(qtbot, app):
    def unreachable(employee_no: str, password: str):
        raise DatabaseUnavailableError("the database cannot be reached or used; nothing was saved")

    dialog = LoginDialog("H01 · C01", "Asia/Shanghai", app.language)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.attach(unreachable)
    _try(qtbot, dialog, "1001", "demo1001")
    assert dialog.error.text().startswith("无法连接数据库，本次操作未保存。")
    assert dialog.isEnabled() and dialog.password.text() == ""


def test_empty_fields_ask_for_input_without_calling_the_core(qtbot, app):
    calls = []
    dialog = LoginDialog("H01 · C01", "Asia/Shanghai", app.language)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.attach(lambda *args: calls.append(args))
    qtbot.keyClick(dialog.employee, Qt.Key.Key_Return)
    assert calls == []
    assert dialog.error.text() == "请输入工号和密码。"


def test_login_is_disabled_until_the_core_is_attached(qtbot, app):
    dialog = LoginDialog("H01 · C01", "Asia/Shanghai", app.language)
    qtbot.addWidget(dialog)
    assert not dialog.submit.isEnabled()
    assert dialog.status.text() == "正在打开数据库…"


def test_successful_login_emits_the_user(qtbot, dialog):
    with qtbot.waitSignal(dialog.sig_logged_in) as signal:
        _try(qtbot, dialog, "1001", "demo1001")
    assert signal.args[0].employee_no == "1001"
    assert dialog.password.text() == ""


def test_language_switch_retranslates_the_open_dialog(qtbot, dialog, app):
    _try(qtbot, dialog, "7777", "whatever")
    qtbot.mouseClick(dialog.language.button("en"), LEFT)
    assert app.language == "en"
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Log in — HallClient")  # posted event
    assert dialog.submit.text() == "Log in"
    assert dialog.error.text() == "Employee number or password is incorrect."

    qtbot.mouseClick(dialog.language.button("zh_CN"), LEFT)
    qtbot.waitUntil(lambda: dialog.submit.text() == "登录")
    assert dialog.error.text() == NOT_WHICH_PART


def test_escape_clears_the_form_instead_of_closing(qtbot, dialog):
    dialog.employee.setText("1001")
    dialog.password.setText("secret")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert (dialog.employee.text(), dialog.password.text()) == ("", "")


def test_enter_before_the_core_is_ready_logs_in_once_it_is(qtbot, app, core):
    dialog = LoginDialog("H01 · C01", core.settings.timezone, app.language)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.employee.setText("1001")
    qtbot.keyClicks(dialog.password, "demo1001")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # the database is still opening
    assert dialog.isVisible() and dialog.error.text() == ""
    with qtbot.waitSignal(dialog.sig_logged_in) as signal:
        dialog.attach(core.access.login)
    assert signal.args[0].employee_no == "1001"
