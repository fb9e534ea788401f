"""The visit at the top of the pages that work for it: ticket, account, holder.

The intake page owns the visit; the fees and payments pages are told of it as an
``OnVisit`` (what they need of it, nothing of the account's other data) and start fresh
when another visit begins.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from hallclient.money import format_yuan

if TYPE_CHECKING:
    from hallclient.intake.service import AccountPanel
    from hallclient.intake.visits import VisitView


@dataclass(frozen=True)
class OnVisit:
    """The visit as the fees and payments pages work on it."""

    visit_id: int
    ticket: str  # the ticket's label, "" for a walk-in
    account_no: str | None  # the account taken for the visit, if any
    holder: str  # the account holder's name ("" before the account is taken)
    customer_type: str | None  # the account's type (the gas item it buys)
    bills: int = 0  # the account's unpaid bills
    owed: Decimal = Decimal("0.00")  # what they come to today, late fees included


def on_visit(visit: VisitView | None, account: AccountPanel | None) -> OnVisit | None:
    """What the pages need of the intake page's visit and the account taken for it."""
    if visit is None:
        return None
    taken = account if account is not None and account.account_no == visit.account_no else None
    return OnVisit(
        visit.id,
        visit.ticket_label or "",
        visit.account_no,
        taken.name if taken else "",
        taken.customer_type if taken else None,
        len(taken.open_bills) if taken else 0,
        taken.arrears + taken.late_fees if taken else Decimal("0.00"),
    )


def starts_fresh(now: OnVisit | None, before: OnVisit | None) -> bool:
    """Another customer since ``before`` (None: nobody being served): nothing of the one
    before stays on the page."""
    if now is None or before is None:
        return now is not before
    return now.visit_id != before.visit_id


class VisitBar(QLabel):
    """One line: who is being served, or that nobody is (fees are then charged without a
    visit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitBar")
        self.visit: OnVisit | None = None
        self.retranslate()

    def set_visit(self, visit: OnVisit | None) -> None:
        self.visit = visit
        self.retranslate()

    def retranslate(self) -> None:
        visit = self.visit
        self.setProperty("serving", visit is not None)
        self.style().unpolish(self)
        self.style().polish(self)
        if visit is None:
            self.setText(self.tr("No customer is being served (Ctrl+1, F2 calls the next)"))
            return
        ticket = visit.ticket or self.tr("Walk-in")
        if visit.account_no is None:
            text = self.tr("Serving {ticket} · no account taken yet (Ctrl+1 to find it)")
        else:
            text = self.tr("Serving {ticket} · account {account} · {holder}")
        text = text.format(ticket=ticket, account=visit.account_no, holder=visit.holder)
        if visit.bills:
            text += self.tr(" · unpaid bills: {count}, {amount} (F10 pays them)").format(
                count=visit.bills, amount=format_yuan(visit.owed)
            )
        self.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
