"""The main window: status bar, pages, and a Chinese UI without untranslated text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hallclient.core import Core
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import journal_actions
from ui.access.login import LoginDialog
from ui.shell.main_window import MainWindow
from ui.shell.pages import AREAS


def _open(qtbot, core: Core, employee_no: str) -> MainWindow:
    user = core.access.login(employee_no, f"demo{employee_no}")
    widget = MainWindow(core, user)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


@pytest.fixture
def window(qtbot, app, core: Core) -> MainWindow:
    """The demo clerk's window (the password change is not started: see test_password_dialog)."""
    return _open(qtbot, core, "1001")


@pytest.fixture
def manager_window(qtbot, app, core: Core) -> MainWindow:
    """The shift manager's window: every area but the admin's script editor."""
    return _open(qtbot, core, "2001")


def test_status_bar_shows_user_counter_database_and_printer(window, core):
    assert window.user_label.text() == "王丽 · 工号 1001 · 营业员"
    workplace = core.workplace
    assert window.counter_label.text() == f"柜台：{workplace.hall_name} · {workplace.counter_name}"
    assert window.database_label.toolTip() == f"数据库：{core.database_description()}"
    assert window.database_label.text().startswith("数据库：SQLite ")
    assert window.printer_label.text() == "打印机：未设置"


def test_navigation_shows_each_page_and_its_shortcut(manager_window):
    window = manager_window
    for row, area in enumerate(window.areas):
        item = window.nav.item(row)
        assert item.toolTip() == f"{area.nav_label} (Ctrl+{row + 1})"
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert page.area is area
        assert area.title and area.nav_label
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == [
        "接待",
        "费用查询",
        "收费",
        "转办",
        "班次",
        "当日总览",
        "评价回访",
        "管理",
    ]
    assert window.user_label.text() == "陈静 · 工号 2001 · 值班长"


def test_the_admin_page_is_hidden_from_the_clerk(window):
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == [
        "接待",
        "费用查询",
        "收费",
        "转办",
        "班次",
    ]
    assert len(window.page_actions) == 5
    assert [action.text() for action in window.go_menu.actions()] == [
        area.title for area in AREAS[:5]
    ]
    assert window.show_area("admin") is False
    assert window.current_area() == "intake"


@pytest.mark.parametrize(
    ("employee_no", "keys"),
    [
        ("1001", "intake fees payments referrals shift"),
        ("2001", "intake fees payments referrals shift overview ratings admin"),
        ("3001", "fees referrals"),
        ("4001", "fees overview admin"),
        ("9001", "fees scripts directory admin"),
    ],
)
def test_the_areas_follow_the_permission_table(qtbot, app, core, employee_no, keys):
    window = _open(qtbot, core, employee_no)
    assert [area.key for area in window.areas] == keys.split()
    assert window.stack.count() == window.nav.count() == len(window.page_actions)
    landing = "referrals" if employee_no == "3001" else keys.split()[0]  # staff: their board
    assert window.current_area() == landing


@pytest.mark.parametrize("key", [area.key for area in AREAS])
def test_every_visible_text_of_the_chinese_main_window_is_translated(qtbot, app, core, key):
    window = _open(qtbot, core, "9001" if key in ("scripts", "directory") else "2001")
    assert window.show_area(key)
    texts = visible_texts(window)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}


def test_every_visible_text_of_the_chinese_login_dialog_is_translated(qtbot, app, core):
    dialog = LoginDialog("演示营业厅 · 01 号窗口", "Asia/Shanghai", app.language)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = list(visible_texts(dialog))
    dialog.attach(core.access.login)
    dialog.employee.setText("7777")
    dialog.password.setText("x")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    settle(qtbot, dialog)
    texts += visible_texts(dialog)
    assert "工号或密码不正确，请重新输入。" in texts
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}


def test_the_walk_does_catch_english(window, app, qtbot):
    app.set_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Intake")
    assert window.user_label.text() == "王丽 · employee no. 1001 · Counter clerk"
    assert any(untranslated(text) for text in visible_texts(window))


def test_logout_action_journals_the_logout_and_emits_the_signal(window, qtbot, core):
    with qtbot.waitSignal(window.sig_logged_out):
        window.logout_action.trigger()
    [last] = journal_actions(core, limit=1)
    assert last == "logout"


def test_system_menu_offers_lock_and_password_change(window):
    assert [action.text() for action in window.system_menu.actions() if action.text()] == [
        "锁定屏幕(&S)",
        "修改密码(&C)…",
        "退出登录(&L)",
        "退出程序(&Q)",
    ]
    assert window.lock_action.shortcut().toString() == "Ctrl+Shift+L"
