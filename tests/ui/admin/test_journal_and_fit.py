"""The audit journal as the shift manager reads it (the only tab a manager has), by keys;
and the admin page and its form fit 1366×768 in both languages, nothing clipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import manager_chose_password, open_window
from tests.ui.shell.test_no_clipping import clipped
from ui.admin.journal_tab import JournalTab
from ui.admin.page import AdminPage
from ui.admin.users_tab import UsersTab

CTRL = Qt.KeyboardModifier.ControlModifier


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _admin_page(qtbot, window) -> AdminPage:
    row = [area.key for area in window.areas].index("admin")
    _key(qtbot, Qt.Key(Qt.Key.Key_1.value + row), CTRL)
    page = window.pages.admin
    assert isinstance(page, AdminPage)
    return page


def test_the_manager_reads_the_journal_by_person_and_action(qtbot, app, private_core):
    password = manager_chose_password(private_core)
    manager = private_core.access.login("2001", password)
    window = open_window(qtbot, private_core, manager)
    page = _admin_page(qtbot, window)
    assert (page.users, page.counters) == (None, None) and page.tabs.count() == 1
    journal = page.journal
    assert isinstance(journal, JournalTab)
    qtbot.waitUntil(lambda: journal.entries.rowCount() > 0)
    settle(qtbot, journal)
    assert QApplication.focusWidget() is journal.table
    newest = journal.entries.rows()[0]
    assert (newest.actor, newest.action) == ("2001", "login.succeeded")
    assert journal.entries.display(newest, journal.entries.COL_WHO) == "2001 陈静"

    _key(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is journal.person
    qtbot.keyClicks(journal.person, "2001")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is journal.action
    qtbot.keyClicks(journal.action, "password")
    _key(qtbot, Qt.Key.Key_Return)
    settle(qtbot, journal)
    assert [(e.actor, e.action) for e in journal.entries.rows()] == [("2001", "password.changed")]
    assert journal.shown.text().startswith("第 ") and "F8" not in journal.shown.text()
    texts = [text for text in visible_texts(window) if untranslated(text)]
    assert texts == []


@pytest.fixture(params=["zh_CN", "en"])
def language(request, app):
    app.set_language(request.param)
    return request.param


def test_the_users_page_and_its_form_fit_1366_by_768(qtbot, language, private_core):
    user = private_core.access.login("9001", "demo9001")
    admin = private_core.access.change_own_password(user, "demo9001", "admin-pass-77")
    window = open_window(qtbot, private_core, admin)
    page = _admin_page(qtbot, window)
    users = page.users
    assert isinstance(users, UsersTab)
    qtbot.waitUntil(lambda: users.users.rowCount() == 6)
    found = {"users": clipped(page)}
    _key(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: users.dialog is not None and users.dialog.isVisible())
    found["add a user"] = clipped(users.dialog)
    if language == "zh_CN":
        texts = [*visible_texts(window), *visible_texts(users.dialog)]
        assert [text for text in texts if untranslated(text)] == []
    users.dialog.reject()
    page.tabs.setCurrentWidget(page.counters)
    qtbot.waitUntil(lambda: page.counters.hall is not None)
    found["counters"] = clipped(page)
    page.tabs.setCurrentWidget(page.journal)
    qtbot.waitUntil(lambda: page.journal.page is not None)
    found["journal"] = clipped(page)
    report = [f"{tab} · {line}" for tab, lines in found.items() for line in lines]
    assert not report, f"clipped at 1366×768 ({language}):\n" + "\n".join(report)
