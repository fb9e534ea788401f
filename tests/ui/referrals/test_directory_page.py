"""The admin's department directory by keyboard: change a phone and a target, Ctrl+S."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import open_window
from ui.referrals.directory_page import DirectoryPage

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def admin(private_core):
    user = private_core.access.login("9001", "demo9001")
    return private_core.access.change_own_password(user, "demo9001", "admin-pass-77")


@pytest.fixture
def page(qtbot, app, private_core, admin) -> DirectoryPage:
    window = open_window(qtbot, private_core, admin)
    assert window.show_area("directory")
    directory = window.pages.directory
    assert isinstance(directory, DirectoryPage)
    qtbot.waitUntil(lambda: directory.departments.rowCount() == 7)
    settle(qtbot, directory)
    return directory


def test_change_a_phone_and_a_target_and_save(qtbot, page, private_core, admin):
    row = next(i for i, d in enumerate(page.departments.rows()) if d.code == "billing")
    page.table.selectRow(row)
    assert page.fields["code"].isReadOnly() and page.fields["phone"].text() == "028-86000160"
    texts = visible_texts(page)
    assert {text: untranslated(text) for text in texts if untranslated(text)} == {}
    page.fields["phone"].setText("028-86000999")
    page.minutes["minutes_urgent"].setValue(300)
    qtbot.keyClick(page.fields["phone"], Qt.Key.Key_S, CTRL)
    settle(qtbot, page)
    assert page.message.text() == "已保存：billing。"
    saved = next(e for e in private_core.referrals.department_entries(admin) if e.code == "billing")
    assert (saved.phone, saved.minutes_urgent) == ("028-86000999", 300)


def test_targets_out_of_order_are_refused(qtbot, page, private_core, admin):
    page.minutes["minutes_emergency"].setValue(100_000)
    qtbot.keyClick(page.fields["phone"], Qt.Key.Key_S, CTRL)
    settle(qtbot, page)
    assert page.message.text().startswith("代码、中英文名称")
    assert QApplication.focusWidget() is page.minutes["minutes_normal"].hours


def test_a_target_reads_in_hours_and_minutes_and_a_refusal_names_its_field(qtbot, page):
    row = next(i for i, d in enumerate(page.departments.rows()) if d.code == "complaints")
    page.table.selectRow(row)
    target = page.minutes["minutes_urgent"]
    assert (target.hours.text(), target.minutes.text()) == ("8 小时", "0 分钟")  # 480 minutes
    target.minutes.setValue(30)
    assert target.value() == 510
    page.fields["phone"].clear()
    qtbot.keyClick(page.fields["location"], Qt.Key.Key_S, CTRL)
    settle(qtbot, page)
    assert page.message.text().startswith("代码、中英文名称")
    assert QApplication.focusWidget() is page.fields["phone"]
