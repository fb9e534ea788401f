"""Paying gas bills as a clerk does it, key by key through the main window: a walk-in,
the account found by its number, F10 puts its open bills (oldest first, each with its
late fee) in the cart, the cash handed over, F12, Enter: one receipt names each bill."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from hallclient.tariff.rules import LATE_FEE_CODE
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.helpers import settle
from tests.ui.sessions import (
    clerk_with_open_shift,
    journal_actions,
    manager_chose_password,
    open_window,
)
from ui.payments.page import PaymentsPage
from ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    return open_window(qtbot, private_core, clerk_with_open_shift(private_core))


def _owing_two_bills(core, user):
    """A demo household with two open bills, the older one overdue."""
    for account in generate_accounts(DEMO_ACCOUNTS, DEMO_SEED):
        if account.customer_type != "residential" or account.status != "normal":
            continue
        bills = core.ledger.account_bills(user, account.account_no)
        if len(bills.bills) == 2 and bills.bills[0].late_fee is not None:
            return bills
    raise AssertionError("the demo ledger has no household owing two bills")


def test_two_bills_with_a_late_fee_paid_by_keyboard(qtbot, window):
    core, user = window.core, window.user
    owing = _owing_two_bills(core, user)
    account_no = owing.facts.account_no
    intake = window.pages.intake
    keys = 0

    def press(key: Qt.Key) -> None:
        nonlocal keys
        keys += 1
        qtbot.keyClick(QApplication.focusWidget(), key)

    press(Qt.Key.Key_F6)  # a walk-in
    settle(qtbot, intake)
    qtbot.keyClicks(intake.search, account_no)
    qtbot.waitUntil(lambda: intake.accounts.rowCount() == 1)
    press(Qt.Key.Key_Return)
    settle(qtbot, intake)
    assert "未缴账单 2 笔" in intake.panel.text() and "违约金" in intake.panel.text()
    press(Qt.Key.Key_F10)
    settle(qtbot, intake)
    page = window.pages.payments
    assert isinstance(page, PaymentsPage) and window.current_area() == "payments"
    total = owing.arrears + owing.late_fees
    assert page.cart.total == total
    page.form.tendered.setFocus()
    qtbot.keyClicks(page.form.tendered, f"{total + 100:.2f}")
    press(Qt.Key.Key_F12)
    box = page.confirm_box
    qtbot.waitUntil(box.isVisible)
    issued = []
    page.sig_charged.connect(issued.append)
    keys += 1
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: the default button, Yes
    settle(qtbot, page)
    qtbot.waitUntil(lambda: bool(issued) or bool(page.message.text()))
    assert issued, page.message.text()
    assert core.ledger.account_bills(user, account_no).bills == ()
    record = issued[0].record
    bills = [e.bill.bill_no for e in owing.bills]
    assert [line.bill_no for line in record.lines if line.item_code == LATE_FEE_CODE] == bills[:1]
    assert {line.bill_no for line in record.lines} == set(bills)
    assert record.total == total and record.change == Decimal(100)
    print(f"\nkeys beyond the typed data: {keys}")
    assert keys <= 5


def test_a_late_fee_waived_with_a_reason_and_a_managers_approval(qtbot, window):
    core, user = window.core, window.user
    owing = _owing_two_bills(core, user)
    window.pages.intake.sig_pay_bills.emit(owing.cart_lines())
    assert window.show_area("fees")
    fees = window.pages.fees
    fees.cart_list.setFocus()
    fees.cart_list.setCurrentRow(0)
    while fees.cart.lines[fees.cart_list.currentRow()].item_code != LATE_FEE_CODE:
        qtbot.keyClick(fees.cart_list, Qt.Key.Key_Down)
    qtbot.keyClick(fees.cart_list, Qt.Key.Key_Delete)
    reason = fees.waiver.reason_box
    qtbot.waitUntil(reason.isVisible)
    qtbot.keyClick(reason, Qt.Key.Key_Return)  # no reason: nothing waived, the clerk is told
    assert fees.message.text() == "免收违约金须说明原因。" and len(fees.cart.waivers) == 0
    qtbot.keyClick(fees.cart_list, Qt.Key.Key_Delete)
    reason = fees.waiver.reason_box
    qtbot.waitUntil(reason.isVisible)
    editor = reason.findChild(QLineEdit)
    editor.insert("营业厅系统停机未能按时缴费")  # typed through an input method
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    approval = fees.waiver.approval
    qtbot.waitUntil(approval.isVisible)
    assert (
        approval.kind.text() == "免收违约金"
        and approval.object.text() == owing.bills[0].bill.bill_no
    )
    qtbot.keyClicks(approval.approver, "2001")
    qtbot.keyClick(approval.approver, Qt.Key.Key_Tab)
    qtbot.keyClicks(approval.password, manager_chose_password(core))
    qtbot.keyClick(approval.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(fees.cart.waivers) == 1)
    assert all(line.item_code != LATE_FEE_CODE for line in fees.cart.lines)
    payments = window.pages.payments
    assert payments.cart == fees.cart and payments.cart.total == owing.arrears
    assert "违约金" in fees.message.text() and "免收" in fees.message.text()
    assert window.show_area("payments")
    window.activateWindow()  # the dialogs had the window's keys
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClicks(payments.form.tendered, f"{payments.cart.total:.2f}")
    qtbot.keyClick(payments.form.tendered, Qt.Key.Key_F12)
    qtbot.waitUntil(payments.confirm_box.isVisible)
    issued = []
    payments.sig_charged.connect(issued.append)
    qtbot.keyClick(payments.confirm_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(issued) or bool(payments.message.text()))
    assert issued, payments.message.text()
    lines = issued[0].record.lines
    assert [line.bill_no for line in lines if line.item_code == LATE_FEE_CODE] == []
    assert "bill.late_fee_waived" in journal_actions(core)
