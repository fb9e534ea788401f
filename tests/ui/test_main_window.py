"""The main window: status bar, pages, and a Chinese UI without untranslated text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hallclient.core import Core
from tests.ui.helpers import untranslated, visible_texts
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.pages import AREAS


@pytest.fixture
def window(qtbot, app, core: Core) -> MainWindow:
    user = core.login("1001", "demo1001")
    widget = MainWindow(user, core.workplace, core.database_description())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def test_status_bar_shows_user_counter_database_and_printer(window, core):
    assert window.user_label.text() == "王丽 · 工号 1001 · 营业员"
    workplace = core.workplace
    assert window.counter_label.text() == f"柜台：{workplace.hall_name} · {workplace.counter_name}"
    assert window.database_label.toolTip() == f"数据库：{core.database_description()}"
    assert window.database_label.text().startswith("数据库：SQLite ")
    assert window.printer_label.text() == "打印机：未设置"


def test_navigation_shows_each_page_and_its_shortcut(window):
    for row, area in enumerate(AREAS):
        item = window.nav.item(row)
        assert item.toolTip() == f"{area.nav_label} (Ctrl+{row + 1})"
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert page.area is area
        assert len(area.lines) == 2 and all(area.lines)
    assert [window.nav.item(row).text() for row in range(6)] == [
        "接待", "费用查询", "收费", "转办", "班次", "管理",
    ]  # fmt: skip


@pytest.mark.parametrize("key", [area.key for area in AREAS])
def test_every_visible_text_of_the_chinese_main_window_is_translated(window, key):
    window.show_area(key)
    problems = {text: untranslated(text) for text in visible_texts(window) if untranslated(text)}
    assert problems == {}


def test_every_visible_text_of_the_chinese_login_dialog_is_translated(qtbot, app, core):
    dialog = LoginDialog("演示营业厅 · 01 号窗口", "Asia/Shanghai", app.language)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = list(visible_texts(dialog))
    dialog.attach(core.login)
    dialog.employee.setText("7777")
    dialog.password.setText("x")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    texts += visible_texts(dialog)
    assert "工号或密码不正确，请重新输入。" in texts
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}


def test_the_walk_does_catch_english(window, app, qtbot):
    app.set_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Intake")
    assert window.user_label.text() == "王丽 · employee no. 1001 · Counter clerk"
    assert any(untranslated(text) for text in visible_texts(window))


def test_logout_action_emits_the_signal(window, qtbot):
    with qtbot.waitSignal(window.sig_logged_out):
        window.logout_action.trigger()
