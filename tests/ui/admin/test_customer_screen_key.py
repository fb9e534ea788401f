"""Ctrl+K on the counters tab: the administrator attaches a customer screen to the counter
selected (the column says so, the journal keeps it) and detaches it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.customer_screen.conftest import ADMIN_PASSWORD
from tests.ui.helpers import settle
from tests.ui.sessions import journal_actions, open_window
from ui.admin.models import CountersModel
from ui.admin.page import AdminPage

CTRL = Qt.KeyboardModifier.ControlModifier


def _screen_column(page: AdminPage) -> dict[str, str]:
    counters = page.counters
    assert counters is not None
    model = counters.counters
    return {row.code: model.display(row, CountersModel.COL_SCREEN) for row in model.rows()}


def test_ctrl_k_attaches_and_detaches_the_selected_counters_screen(qtbot, app, private_core):
    admin = private_core.access.login("9001", "demo9001")
    admin = private_core.access.change_own_password(admin, "demo9001", ADMIN_PASSWORD)
    window = open_window(qtbot, private_core, admin)
    window.show_area("admin")
    page = window.pages.admin
    assert isinstance(page, AdminPage) and page.counters is not None
    counters = page.counters
    page.tabs.setCurrentWidget(counters)
    qtbot.waitUntil(lambda: counters.hall is not None)
    settle(qtbot, counters)
    assert _screen_column(page)["C01"] == "—"
    counters.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: _screen_column(page)["C01"] == "已接入")
    settle(qtbot, counters)
    assert counters.counters.row_at(counters.table.currentIndex().row()).code == "C01"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: _screen_column(page)["C01"] == "—")
    assert journal_actions(private_core).count("counter.customer_screen") == 2
