"""The tariff as published, at the counter by keyboard: an abolished fee says why it is
not charged and never reaches the cart (不准乱收费 made visible), a free service is
quoted as 免费 and alone is not charged, prices show every decimal approved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import settle, untranslated
from tests.ui.sessions import clerk_with_open_shift, open_window
from ui.fees.models import BasisTableModel, ItemTableModel
from ui.fees.page import FeesPage
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
WHY = "开户费已按国办函〔2020〕129号取消，不得收取。"


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    return open_window(qtbot, private_core, clerk_with_open_shift(private_core))


@pytest.fixture
def page(qtbot, window) -> FeesPage:
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    fees = window.pages.fees
    assert isinstance(fees, FeesPage)
    qtbot.waitUntil(lambda: fees.pricer is not None)
    return fees


def _cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_an_abolished_fee_says_why_and_never_reaches_the_cart(qtbot, page):
    qtbot.keyClicks(page.search, "khf")  # 开户费 by its initials
    assert _cell(page.items, 0, ItemTableModel.COL_NAME) == "开户费"
    assert _cell(page.items, 0, ItemTableModel.COL_PRICE) == "已取消"
    assert page.detail.price.text() == "已取消" and WHY in page.detail.tiers.text()
    assert page.message.text() == WHY
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.quantity, "1")
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.quote is None and page.message.text() == WHY
    for modifier in (Qt.KeyboardModifier.NoModifier, CTRL):
        qtbot.keyClick(page.quantity, Qt.Key.Key_Return, modifier)
        assert page.cart.lines == () and page.message.text() == WHY
    assert untranslated(page.message.text()) == []


def test_a_free_service_is_quoted_as_free_and_alone_is_not_charged(qtbot, window, page):
    qtbot.keyClicks(page.search, "rhaqjc")  # 入户安全检查
    assert _cell(page.items, 0, ItemTableModel.COL_PRICE) == "免费"
    assert page.detail.price.text() == "免费"
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.quantity, "1")
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.quote is not None)
    assert page.total.text() == "金额：免费"
    assert _cell(page.basis, 0, BasisTableModel.COL_PRICE) == "免费"
    qtbot.keyClick(page.quantity, Qt.Key.Key_Return)  # in the cart, on to the payment
    payments = window.pages.payments
    assert (
        window.current_area() == "payments" and QApplication.focusWidget() is payments.form.tendered
    )
    qtbot.keyClick(payments.form.tendered, Qt.Key.Key_Return)  # Enter is F12
    assert payments.confirm_box is None
    assert payments.message.text().startswith("待收费用都是免费项目：无需收费，也不开收据。")
    assert len(payments.cart.lines) == 1


def test_prices_show_every_decimal_approved(qtbot, page):
    qtbot.keyClicks(page.search, "G101")
    assert _cell(page.items, 0, ItemTableModel.COL_PRICE) == "￥2.61 *"  # approved as 2.6100
    assert page.detail.price.text().startswith("￥2.61")
    assert "￥3.92" in page.detail.tiers.text() and "3.9200" not in page.detail.tiers.text()
