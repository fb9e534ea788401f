"""The clerk's shift by keyboard: open with a float, cash out, X reading, close (with a manager)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import PaymentMethod
from hallclient.receipts.cart import Cart
from hallclient.receipts.payment import Tender
from hallclient.tariff import pricing
from tests.ui.helpers import settle
from tests.ui.sessions import (
    clerk_after_first_login,
    journal_actions,
    manager_chose_password,
    open_window,
)
from ui.shifts.page import ShiftPage

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot, app, private_core) -> ShiftPage:
    window = open_window(qtbot, private_core, clerk_after_first_login(private_core))
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    shift = window.pages.shift
    assert isinstance(shift, ShiftPage) and window.current_area() == "shift"
    return shift


def _open_with_float(qtbot, page: ShiftPage) -> None:
    """Focus starts on the 100 yuan count: 5, Tab, 2 (50 yuan), Ctrl+Enter: 600.00."""
    assert "没有营业中的班次" in page.state.text()
    assert QApplication.focusWidget() is page.float_count.boxes[Decimal(100)]
    qtbot.keyClicks(QApplication.focusWidget(), "5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    assert page.float_count.total.text() == "清点合计：￥600.00"
    qtbot.keyClick(page, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.shift is not None)


def _active(qtbot, dialog) -> None:
    """Offscreen, a window-modal dialog is not activated by itself: its shortcuts need it."""
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def test_open_move_read_and_close_by_keyboard(qtbot, page, private_core):
    _open_with_float(qtbot, page)
    assert "备用金 ￥600.00 · 营业中" in page.state.text()
    assert QApplication.focusWidget() is page.amount
    qtbot.keyClicks(page.amount, "120")
    page.reason.insert("上缴银行")
    qtbot.keyClick(page, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "钱箱应有现金 ￥480.00" in page.drawer.text())
    assert page.message.text() == "现金存取已记录。" and "−￥120.00 上缴银行" in page.moves.text()
    qtbot.keyClick(page, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: page.preview.pixmap() is not None and not page.preview.pixmap().isNull()
    )
    qtbot.keyClick(page, Qt.Key.Key_F10)
    dialog = page.close_dialog
    assert dialog is not None
    _active(qtbot, dialog)
    dialog.cash.set_count({Decimal(100): 4, Decimal(50): 1, Decimal(10): 3})  # 480.00
    assert [dialog.tallies.display(t, 3) for t in dialog.tallies._rows] == ["—"] * 5
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.close_dialog is None)
    settle(qtbot, page)
    assert "已交班，待值班长审核" in page.state.text()
    assert "shift.close" in journal_actions(private_core)


def test_a_difference_beyond_the_limit_is_approved_by_a_manager(qtbot, page, private_core):
    _open_with_float(qtbot, page)
    page.close_shift()
    dialog = page.close_dialog
    _active(qtbot, dialog)
    dialog.cash.set_count({Decimal(100): 5})  # 100.00 short
    assert dialog.tallies.display(dialog.tallies.row_at(0), 3) == "￥-100.00"
    assert "需值班长审批" in dialog.message.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "请先说明差额原因" in dialog.message.text())
    dialog.explanation.insert("一张百元钞交银行时漏记")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.approval is not None and dialog.approval.isVisible())
    approval = dialog.approval
    qtbot.keyClicks(approval.approver, "2001")
    qtbot.keyClicks(approval.password, manager_chose_password(private_core))
    qtbot.keyClick(approval.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.close_dialog is None, timeout=10_000)
    settle(qtbot, page)
    assert "已交班" in page.state.text()
    actions = journal_actions(private_core)
    assert actions.index("approval.granted") < actions.index("shift.close")


def test_charging_without_a_shift_says_to_open_one(qtbot, page, private_core):
    payments = page.window().pages.payments
    context = private_core.context(page.window().user)
    payments.cart = Cart().add(pricing.quote(private_core.database, context, "S105", Decimal(1)))
    payments.charge((Tender(PaymentMethod.CASH, Decimal("30.00")),), None)
    settle(qtbot, payments)
    assert payments.message.text() == "您在本窗口没有营业中的班次：请先在“班次”页开班。"


def _type_count(qtbot, pieces: list[str]) -> None:
    """Type each denomination's pieces from 100 yuan down, Tab between them."""
    for typed in pieces:
        if typed:
            qtbot.keyClicks(QApplication.focusWidget(), typed)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


# 100, 50, 20, 10, 5, 1 yuan; 5, 1 jiao; 5, 2, 1 fen: ￥461.35
COUNT_461_35 = ["4", "1", "", "1", "", "1", "", "2", "1", "2", "6"]


def test_a_count_with_fen_coins_matches_to_the_fen(qtbot, page, private_core):
    """Fen coins are legal tender: a float and a close of ￥461.35 leave no difference."""
    boxes = page.float_count.boxes
    assert list(boxes)[-3:] == [Decimal("0.05"), Decimal("0.02"), Decimal("0.01")]
    assert [label.text() for label in page.float_count.labels[-3:]] == ["5 分", "2 分", "1 分"]
    _type_count(qtbot, COUNT_461_35)
    assert page.float_count.total.text() == "清点合计：￥461.35"
    qtbot.keyClick(page, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.shift is not None)
    qtbot.keyClick(page, Qt.Key.Key_F10)
    dialog = page.close_dialog
    _active(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.cash.boxes[Decimal(100)]
    _type_count(qtbot, COUNT_461_35)
    assert dialog.cash.amount() == Decimal("461.35")
    cash = dialog.tallies.row_at(0)
    assert (cash.expected, cash.counted, cash.difference) == (
        Decimal("461.35"),
        Decimal("461.35"),
        Decimal("0.00"),
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.close_dialog is None)
    settle(qtbot, page)
    assert "已交班" in page.state.text()


def test_a_returned_shift_says_why_on_the_page_and_in_the_close(qtbot, app, private_core):
    """The manager's reason for the recount is where the clerk recounts: on the shift page
    and at the head of the close dialog (F10)."""
    clerk = clerk_after_first_login(private_core)
    shift = private_core.shifts.open(clerk, {Decimal(100): 5})
    private_core.shifts.close(clerk, {Decimal(100): 5}, {})
    boss = private_core.access.login("2001", manager_chose_password(private_core))
    private_core.shifts.give_back(boss, shift.id, "微信笔数不对，请重点")
    window = open_window(qtbot, private_core, clerk)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.pages.shift
    assert isinstance(page, ShiftPage)
    qtbot.waitUntil(lambda: page.shift is not None)
    assert "已退回复点，原因：微信笔数不对，请重点 请重新清点后交班（F10）。" in page.state.text()
    qtbot.keyClick(page, Qt.Key.Key_F10)
    dialog = page.close_dialog
    assert dialog is not None
    assert dialog.heading.text().startswith(
        "值班长已退回本班次要求复点，原因：微信笔数不对，请重点"
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
