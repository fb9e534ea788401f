"""The fee lookup by keyboard: find by pinyin initials, calculate, read the basis, add to cart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.helpers import settle, untranslated, visible_texts
from tests.ui.sessions import CLERK_NEW_PASSWORD, clerk_after_first_login, open_window
from ui.fees.models import BasisTableModel, ItemTableModel
from ui.fees.page import FeesPage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    return open_window(qtbot, private_core, clerk_after_first_login(private_core))


@pytest.fixture
def page(qtbot, window) -> FeesPage:
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    fees = window.pages.fees
    assert isinstance(fees, FeesPage) and window.current_area() == "fees"
    qtbot.waitUntil(lambda: fees.pricer is not None)
    return fees


def _residential(large: bool) -> str:
    return next(
        a.account_no
        for a in generate_accounts(DEMO_ACCOUNTS, DEMO_SEED)
        if a.customer_type == "residential"
        and a.status == "normal"
        and (a.household_size > 4) == large
    )


def _cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_a_clerk_finds_the_transfer_fee_by_initials_and_adds_it(qtbot, page):
    page.search.setFocus()
    qtbot.keyClicks(page.search, "ghf")
    assert _cell(page.items, 0, ItemTableModel.COL_NAME) == "过户费"
    assert page.detail.title.text() == "过户费"
    assert "演示-2026-001" in [label.text() for label in page.detail.values][4]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.quantity
    qtbot.keyClicks(page.quantity, "1")
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.quote is not None and page.quote.amount == Decimal("30.00")
    assert _cell(page.basis, 0, BasisTableModel.COL_DOCUMENT) == "演示-2026-001"
    assert page.total.text() == "金额：￥30.00"
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return, CTRL)
    assert [line.item_code for line in page.cart.lines] == ["S105"]
    assert QApplication.focusWidget() is page.search


def test_tiered_gas_shows_each_band_for_the_account(qtbot, page):
    qtbot.keyClicks(page.search, "jmsh")
    assert _cell(page.items, 0, ItemTableModel.COL_CODE) == "G101"
    assert "阶梯" in page.detail.tiers.text()
    page.account.setText(_residential(large=True))
    page.quantity.setText("700")
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return)
    settle(qtbot, page)
    quote = page.quote
    assert quote is not None and not quote.estimated
    assert [line.band for line in quote.lines] == list(range(1, len(quote.lines) + 1))
    assert sum(line.quantity for line in quote.lines) == 700
    assert page.basis.rowCount() == len(quote.lines) >= 2
    assert f"户籍 {quote.household_size} 人" in page.message.text()


def test_without_an_account_gas_is_an_estimate_that_cannot_go_in_the_cart(qtbot, page):
    qtbot.keyClicks(page.search, "G101")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.quantity, "10")
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.quote is not None and page.quote.estimated
    assert "估算" in page.message.text()
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return, CTRL)
    assert page.cart.lines == ()
    assert "户号" in page.message.text()


@pytest.mark.parametrize("typed", ["0", "-2", "1.5", "abc", "１２"])
def test_a_bad_quantity_is_explained_and_nothing_is_quoted(qtbot, page, typed):
    qtbot.keyClicks(page.search, "S105")
    page.quantity.setText(typed)
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return)
    settle(qtbot, page)
    if typed == "１２":  # full-width digits are read as 12
        assert page.quote is not None and page.quote.amount == Decimal("360.00")
        return
    assert page.quote is None
    assert "数量" in page.message.text()


def test_an_unknown_account_is_told(qtbot, page):
    qtbot.keyClicks(page.search, "G101")
    page.account.setText("999999999")
    page.quantity.setText("10")
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.quote is None and page.message.text() == "没有这个燃气户号。"


def test_the_cart_survives_the_idle_lock(qtbot, window, page):
    qtbot.keyClicks(page.search, "S105")
    page.quantity.setText("2")
    page.calculate()
    settle(qtbot, page)
    page.add_to_cart()
    window.lock()
    qtbot.keyClicks(window.lock_panel.password, CLERK_NEW_PASSWORD)
    qtbot.keyClick(window.lock_panel.password, Qt.Key.Key_Return)
    settle(qtbot, window.lock_panel)
    assert not window.is_locked()
    assert window.pages.fees is page and page.cart.total == Decimal("60.00")
    assert page.cart_list.count() == 1


def test_every_visible_text_is_translated(qtbot, page):
    qtbot.keyClicks(page.search, "G101")
    texts = [text for text in visible_texts(page) if text]
    assert not [t for t in texts if untranslated(t)], texts
