"""One everyday errand as a clerk does it, key by key through the real main window, twice
in a row (the second customer meets nothing of the first): call the next ticket, take the
account, pay its bills (F10) or quote its gas by volume (Ctrl+G), confirm, issue and
print, rating and end.  The typed data (the account number, the volume, the cash handed
over, the rating) is not counted; every other key is, and at most 8 are allowed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.domain import VisitOutcome
from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.sessions import clerk_with_open_shift, open_window
from ui.shell.main_window import MainWindow

KEY_BUDGET = 8


@pytest.fixture
def window(qtbot, app, private_core) -> MainWindow:
    return open_window(qtbot, private_core, clerk_with_open_shift(private_core))


def _households(core, user, *, owing: bool) -> list[str]:
    """Two demo households that owe bills (or owe none), normal status."""
    found = []
    for account in generate_accounts(DEMO_ACCOUNTS, DEMO_SEED):
        if account.customer_type != "residential" or account.status != "normal":
            continue
        if bool(core.ledger.account_bills(user, account.account_no).bills) == owing:
            found.append(account.account_no)
        if len(found) == 2:
            return found
    raise AssertionError("the demo ledger lacks two such households")


class Clerk:
    """Presses keys where the cursor is, counting them; types data without counting."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window, self.keys = qtbot, window, 0

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.keys += 1
        self.wait(lambda: QApplication.focusWidget() is not None)  # the cursor is somewhere
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(QApplication.focusWidget(), text)

    def wait(self, condition) -> None:
        self.qtbot.waitUntil(condition, timeout=10_000)


def _serve(clerk: Clerk, account_no: str, volume: str | None) -> Decimal:
    """One customer from the call to the farewell; the amount charged."""
    window = clerk.window
    intake, fees, payments = window.pages.intake, window.pages.fees, window.pages.payments
    issued = []
    payments.sig_charged.connect(issued.append)
    clerk.press(Qt.Key.Key_F2)  # call the next ticket
    clerk.wait(lambda: intake.visit is not None and QApplication.focusWidget() is intake.search)
    clerk.type(account_no)
    clerk.wait(lambda: intake.accounts.rowCount() == 1)
    clerk.press(Qt.Key.Key_Return)  # take the account
    clerk.wait(lambda: intake.account is not None and fees.visit.account_no == account_no)
    if volume is None:
        clerk.press(Qt.Key.Key_F10)  # its bills into the cart, on to the payment
    else:
        clerk.press(Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # its gas
        clerk.wait(lambda: QApplication.focusWidget() is fees.quantity)
        assert fees.account.text() == account_no  # quoted on the visit's account
        clerk.type(volume)
        clerk.wait(lambda: fees.quote is not None)  # the fee follows the typing
        assert not fees.quote.estimated
        clerk.press(Qt.Key.Key_Return)  # into the cart, on to the payment
    clerk.wait(lambda: QApplication.focusWidget() is payments.form.tendered)
    total = payments.cart.total
    assert total > 0 and window.current_area() == "payments"
    clerk.type(f"{total + 50:.2f}")
    clerk.press(Qt.Key.Key_Return)  # confirm with the customer
    clerk.wait(lambda: payments.confirm_box is not None and payments.confirm_box.isActiveWindow())
    clerk.press(Qt.Key.Key_Return)  # issue and print
    clerk.wait(lambda: bool(issued) or bool(payments.message.text()))
    assert issued, payments.message.text()
    assert issued[0].record.account_no == account_no and issued[0].record.change == 50
    clerk.press(Qt.Key.Key_F9)  # the farewell: outcome and rating
    dialog = intake.tickets.close_dialog
    clerk.wait(lambda: dialog is not None and dialog.isActiveWindow())
    clerk.wait(lambda: dialog.chosen_outcome is VisitOutcome.CHARGED)  # a receipt was issued
    clerk.type("5")
    clerk.press(Qt.Key.Key_Return)  # end the visit
    clerk.wait(lambda: intake.visit is None)
    payments.sig_charged.disconnect(issued.append)
    return issued[0].record.total


@pytest.mark.parametrize("owing", [True, False], ids=["unpaid-bills", "no-bills"])
def test_bill_payment_in_eight_keys(qtbot, window, owing):
    core, user = window.core, window.user
    accounts = _households(core, user, owing=owing)
    for _ in accounts:
        core.intake.issue_ticket(user, "payment")
    volume = None if owing else "12"
    clerk = Clerk(qtbot, window)
    for number, account_no in enumerate(accounts, start=1):
        clerk.keys = 0
        owed = core.ledger.account_bills(user, account_no)
        charged = _serve(clerk, account_no, volume)
        print(f"\ncustomer {number} ({'bills' if owing else 'gas'}): {clerk.keys} keys")
        assert clerk.keys <= KEY_BUDGET
        if owing:
            assert charged == owed.arrears + owed.late_fees
            assert core.ledger.account_bills(user, account_no).bills == ()
        fees = window.pages.fees
        assert fees.visit is None and fees.cart.lines == () and fees.quantity.text() == ""
