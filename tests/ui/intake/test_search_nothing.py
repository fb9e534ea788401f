"""A search that finds nothing (issue 20): the page's message line says so, with what was
searched; Enter leaves the cursor in the search, its text selected, to type again; a later
search that finds something clears it; an empty search text is no complaint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import settle
from tests.ui.sessions import clerk_after_first_login, open_window
from ui.intake.page import IntakePage
from ui.shell.main_window import MainWindow

ACCOUNT_NO = "1028100001"
NOWHERE = "锦华路9999号"


@pytest.fixture
def page(qtbot, app, private_core) -> IntakePage:
    window: MainWindow = open_window(qtbot, private_core, clerk_after_first_login(private_core))
    intake = window.pages.intake
    assert isinstance(intake, IntakePage)
    return intake


def _searched(qtbot, page: IntakePage, text: str) -> None:
    page.search.setText(text)
    qtbot.waitUntil(lambda: not page.account_side._runner.busy())


def test_a_search_that_finds_nothing_says_so_and_enter_types_again(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F6)
    settle(qtbot, page)
    assert QApplication.focusWidget() is page.search
    _searched(qtbot, page, NOWHERE)
    assert page.accounts.rowCount() == 0
    assert page.message.text() == (
        "没有找到与“锦华路9999号”相符的账户，请换用户号或表号、电话后四位、姓名或地址再试。"
    )
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert QApplication.focusWidget() is page.search
    assert page.search.selectedText() == NOWHERE  # typing replaces it
    assert "锦华路9999号" in page.message.text()

    qtbot.keyClicks(page.search, ACCOUNT_NO)  # replaces the selected text
    qtbot.waitUntil(lambda: page.accounts.rowCount() == 1)
    assert page.search.text() == ACCOUNT_NO and page.message.text() == ""


def test_an_empty_search_shows_no_complaint(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F6)
    settle(qtbot, page)
    _searched(qtbot, page, NOWHERE)
    assert page.message.text()
    _searched(qtbot, page, "   ")
    assert page.accounts.rowCount() == 0 and page.message.text() == ""
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # nothing searched: nothing to say
    assert page.message.text() == ""
