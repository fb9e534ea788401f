"""The shift manager's day by keyboard alone, in the real main window: return a shift for a
recount with a reason, approve the recount, close the hall's day through its confirmation;
the counters then carry on into the next business day, and every page says so."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import PaymentMethod
from hallclient.receipts.cart import Cart
from hallclient.receipts.issue import PaymentRequest
from hallclient.receipts.payment import Tender
from tests.ui.helpers import settle
from tests.ui.sessions import clerk_with_open_shift, journal_actions, manager_chose_password
from tests.ui.sessions import open_window as open_main_window
from ui.shifts.overview_page import OverviewPage

CTRL = Qt.KeyboardModifier.ControlModifier
FLOAT = {Decimal(100): 5}
REASON = "count the 100s again"  # QTest types no Chinese


def _overview(qtbot, core) -> tuple[object, OverviewPage]:
    boss = core.access.login("2001", manager_chose_password(core))
    window = open_main_window(qtbot, core, boss)
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    page = window.pages.overview
    assert isinstance(page, OverviewPage) and window.current_area() == "overview"
    qtbot.waitUntil(lambda: page.report is not None and page.shifts.rowCount() == 1)
    settle(qtbot, page)
    return window, page


def _status(page: OverviewPage) -> str:
    return page.shifts.display(page.shifts.row_at(0), page.shifts.COL_STATUS)


def _take_a_fee(core, clerk) -> None:
    """The clerk's day had a customer: a 过户费 of 30.00 in cash (through the core)."""
    cart = Cart().add(core.tariff.fee_pricer(clerk).quote("S105", Decimal(1)))
    tender = Tender(PaymentMethod.CASH, cart.total)
    core.receipts.charge(clerk, PaymentRequest(uuid.uuid4().hex, cart, (tender,)))


def test_manager_day_by_keyboard(qtbot, app, private_core):
    clerk = clerk_with_open_shift(private_core)
    _take_a_fee(private_core, clerk)
    private_core.shifts.close(clerk, {Decimal(100): 5, Decimal(10): 3}, {})
    window, page = _overview(qtbot, private_core)
    assert QApplication.focusWidget() is page.table  # the list first, not the date's year

    qtbot.keyClick(page.table, Qt.Key.Key_F8)  # no reason yet: the refusal names the field
    qtbot.waitUntil(lambda: page.message.text() == "请填写原因。")
    assert QApplication.focusWidget() is page.reason
    qtbot.keyClicks(page.reason, REASON)
    qtbot.keyClick(page.reason, Qt.Key.Key_Return)  # Enter in the reason returns the shift
    qtbot.waitUntil(lambda: _status(page) == "已退回复点")
    assert private_core.shifts.reading(clerk).return_reason == REASON

    private_core.shifts.close(clerk, {Decimal(100): 5, Decimal(10): 3}, {})  # counted again
    qtbot.keyClick(page.reason, Qt.Key.Key_Escape)  # back to the list
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: _status(page) == "已交班，待值班长审核")
    qtbot.keyClick(page.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: _status(page) == "已审核")

    qtbot.keyClick(page.table, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: page.close_dialog is not None and page.close_dialog.isVisible())
    dialog = page.close_dialog
    day = page.selected_day()
    assert dialog.heading.text() == f"确认对营业日 {day.isoformat()} 日结？"
    assert (
        "C01 王丽（工号 1001）" in dialog.facts.text() and "将记录的票据链头" in dialog.facts.text()
    )
    assert QApplication.focusWidget() is dialog.confirmation
    qtbot.keyClicks(dialog.confirmation, "0101")  # a stray Enter closes nothing
    qtbot.keyClick(dialog.confirmation, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.text().startswith(f"输入 {day:%m%d} 确认日结")
    qtbot.keyClicks(dialog.confirmation, f"{day:%m%d}")  # the wrong text is selected: replaced
    qtbot.keyClick(dialog.confirmation, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.report is not None and page.report.close is not None)
    assert page.message.text().startswith(f"营业日 {day.isoformat()} 已日结")
    assert "day.close" in journal_actions(private_core)

    label = window.business_day_label
    next_day = (day + timedelta(days=1)).isoformat()
    qtbot.waitUntil(label.isVisible)
    assert label.text() == f"今日已日结 · 收款计入 {next_day} 营业日"
    qtbot.waitUntil(  # no printer at this test's counter: the day report's PDF is offered
        lambda: page.message.text().endswith(
            "\n日结已完成，但打印失败：本窗口未设置打印机。 可按 Ctrl+P 将日报表保存为 PDF。"
        )
    )
    later = private_core.shifts.open(clerk, FLOAT)  # the counter carries on
    assert later.business_day.isoformat() == next_day

    qtbot.keyClick(page.table, Qt.Key.Key_F10)  # nothing left to close today
    qtbot.waitUntil(lambda: page.message.text().startswith(f"营业日 {day.isoformat()} 已日结。"))
    assert page.close_dialog is None
