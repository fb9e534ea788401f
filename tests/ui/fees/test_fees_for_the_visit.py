"""The fees and payments pages work for the intake page's visit: they show it, quote on its
account, start afresh for the next customer, and refuse a fee for another account."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.helpers import serve_account, settle
from tests.ui.sessions import clerk_with_open_shift, journal_actions, open_window
from ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    window = open_window(qtbot, private_core, clerk_with_open_shift(private_core))
    for _ in range(2):
        private_core.intake.issue_ticket(window.user, "payment")
    return window


def _households(count: int = 2):
    found = [
        a
        for a in generate_accounts(DEMO_ACCOUNTS, DEMO_SEED)
        if a.customer_type == "residential" and a.status == "normal"
    ]
    return found[:count]


def _quote_gas(qtbot, window, volume: str):
    fees = window.pages.fees
    qtbot.keyClick(window.pages.intake, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(fees.quantity.hasFocus)
    qtbot.keyClicks(fees.quantity, volume)
    qtbot.waitUntil(lambda: fees.quote is not None)
    return fees


def test_the_pages_show_the_visit_and_quote_on_its_account(qtbot, window):
    first = _households(1)[0]
    serve_account(qtbot, window, first.account_no)
    fees, payments = window.pages.fees, window.pages.payments
    for page in (fees, payments):
        text = page.visit_bar.text()
        assert first.account_no in text and first.name in text and "A" in text, text
    fees = _quote_gas(qtbot, window, "20")
    assert fees.account.text() == first.account_no
    assert fees.quote.account_no == first.account_no and not fees.quote.estimated
    assert fees.results.currentIndex().isValid() and fees.current_item().code == "G101"


def test_the_next_customer_meets_nothing_of_the_one_before(qtbot, window):
    first, second = _households()
    intake = serve_account(qtbot, window, first.account_no)
    fees = _quote_gas(qtbot, window, "20")
    fees.add_to_cart()
    fees.search.setText("ghf")
    payments = window.pages.payments
    payments.say("something about the first customer")
    payments.form.tendered.setText("100")
    assert fees.cart.lines and payments.cart.lines
    intake.visit_ended("")  # as after F9
    serve_account(qtbot, window, second.account_no)
    assert fees.search.text() == "" and fees.quantity.text() == "" and fees.quote is None
    assert fees.message.text() == "" and fees.cart.lines == () and fees.cart_list.count() == 0
    assert fees.account.text() == second.account_no
    assert payments.cart.lines == () and payments.message.text() == ""
    assert payments.form.tendered.text() == "" and payments.preview.pixmap().isNull()
    assert second.name in payments.visit_bar.text() and first.name not in fees.visit_bar.text()


def test_a_fee_for_another_account_is_refused_until_the_visit_takes_it(qtbot, window):
    first, second = _households()
    intake = serve_account(qtbot, window, first.account_no)
    fees = _quote_gas(qtbot, window, "20")
    fees.account.setText(second.account_no)  # a stale or mistyped account
    qtbot.waitUntil(lambda: fees.quote is not None and fees.quote.account_no == second.account_no)
    qtbot.keyClick(fees.quantity, Qt.Key.Key_Return)
    assert fees.cart.lines == () and window.current_area() == "fees"
    assert first.account_no in fees.message.text() and "Ctrl+1" in fees.message.text()
    assert fees.account.hasFocus()
    fees.account.setText(first.account_no)
    qtbot.waitUntil(lambda: fees.quote is not None)
    fees.add_to_cart()
    assert len(fees.cart.lines) == 1
    intake.search.setText(second.account_no)  # the visit's account changed at the intake page
    qtbot.waitUntil(lambda: [h.account_no for h in intake.accounts.rows()] == [second.account_no])
    intake.account_side.take()
    settle(qtbot, intake)
    assert fees.account.text() == second.account_no and fees.cart.lines == ()
    assert second.account_no in fees.message.text()
    assert "visit.account_changed" in journal_actions(window.core)
