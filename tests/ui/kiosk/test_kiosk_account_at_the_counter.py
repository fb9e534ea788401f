"""A ticket taken at the kiosk with an account number, called at the counter: the number is
searched for the clerk, not bound to the visit; the clerk checks the customer and takes it
with Enter (a mistyped digit at the kiosk would otherwise charge someone else's account)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallclient.kiosk.device import kiosk_context
from hallclient.kiosk.tickets import issue_kiosk_ticket
from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.helpers import settle
from tests.ui.sessions import clerk_after_first_login, open_window


def test_the_kiosk_account_is_offered_to_the_clerk_who_takes_it_with_enter(
    qtbot, app, private_core
):
    account_no = next(iter(generate_accounts(DEMO_ACCOUNTS, DEMO_SEED))).account_no
    kiosk = kiosk_context(private_core.workplace.hall_code, "K1", private_core.clock)
    issue_kiosk_ticket(private_core.database, kiosk, "payment", account_no=account_no)
    user = clerk_after_first_login(private_core)
    window = open_window(qtbot, private_core, user)
    page = window.pages.intake
    assert page is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    settle(qtbot, page)
    assert page.visit is not None and page.visit.account_no is None  # not bound by the kiosk
    assert page.search.text() == account_no
    assert page.message.text() == (
        f"客户在取号机输入的户号：{account_no}。请核对客户身份后按 Enter 确认。"
    )
    qtbot.waitUntil(lambda: page.accounts.rowCount() == 1)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.visit.account_no == account_no and account_no in page.panel.text()
