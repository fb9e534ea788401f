"""A customer's own reading told at the counter: Ctrl+R on the taken account, the figure
typed, Enter; a figure below the last stays in the dialog and changes nothing; a good
one is recorded as self-reported, billed at once, and the panel lists the new bill."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from db.domain import ReadingSource
from db.models.ledger import MeterReading
from hallclient.setup.demo import DEMO_SEED
from hallclient.setup.demo_accounts import generate_accounts
from hallclient.uow import UnitOfWork
from tests.ui.conftest import DEMO_ACCOUNTS
from tests.ui.helpers import settle
from tests.ui.sessions import clerk_with_open_shift, journal_actions, open_window
from ui.intake.reading_dialog import ReadingDialog


@pytest.fixture
def window(qtbot, app, private_core):
    return open_window(qtbot, private_core, clerk_with_open_shift(private_core))


def _last_reading(core, account_no: str):
    with UnitOfWork(core.database) as uow:
        return uow.session.scalars(
            select(MeterReading.reading)
            .where(MeterReading.account_no == account_no)
            .order_by(MeterReading.read_on.desc(), MeterReading.id.desc())
        ).first()


def _a_household_without_bills(core, user) -> str:
    for account in generate_accounts(DEMO_ACCOUNTS, DEMO_SEED):
        household = account.customer_type == "residential" and account.status == "normal"
        if household and not core.ledger.account_bills(user, account.account_no).bills:
            return account.account_no
    raise AssertionError("every demo household owes a bill")


def _readings(core, account_no: str) -> list[ReadingSource]:
    with UnitOfWork(core.database) as uow:
        return list(
            uow.session.scalars(
                select(MeterReading.source).where(MeterReading.account_no == account_no)
            )
        )


def test_the_customers_reading_is_billed_at_once(qtbot, window):
    core, user = window.core, window.user
    account_no = _a_household_without_bills(core, user)
    intake = window.pages.intake
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)  # a walk-in
    settle(qtbot, intake)
    qtbot.keyClicks(intake.search, account_no)
    qtbot.waitUntil(lambda: intake.accounts.rowCount() == 1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot, intake)
    before = _readings(core, account_no)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = intake.account_side.reading_dialog
    assert isinstance(dialog, ReadingDialog)
    qtbot.waitUntil(dialog.isVisible)
    last = _last_reading(core, account_no)
    qtbot.keyClicks(dialog.reading, f"{last - 1}")
    qtbot.keyClick(dialog.reading, Qt.Key.Key_Return)
    settle(qtbot, dialog)
    assert dialog.isVisible() and "读数" in dialog.error.text()
    assert _readings(core, account_no) == before  # refused: nothing written
    dialog.reading.clear()
    qtbot.keyClicks(dialog.reading, f"{last + 42}")
    qtbot.keyClick(dialog.reading, Qt.Key.Key_Return)
    settle(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot, intake)
    assert _readings(core, account_no) == [*before, ReadingSource.SELF]
    [bill] = core.ledger.account_bills(user, account_no).bills
    assert bill.bill.volume == 42 and dialog.bill_no == bill.bill.bill_no
    assert "未缴账单 1 笔" in intake.panel.text() and bill.bill.bill_no in intake.message.text()
    assert "ledger.reading_reported" in journal_actions(core)
