"""The work areas of the main window and the page shown for each.

Texts are English sources marked with ``QT_TRANSLATE_NOOP`` (so lupdate finds them)
and translated each time they are shown, so a language switch only has to ask again.
Pages whose capability is not built yet say, in the app's words, what will be there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hallclient.access.permissions import Action
from ui.kit.area import Area
from ui.kit.i18n import QT_TRANSLATE_NOOP
from ui.kit.widgets import named

if TYPE_CHECKING:
    from db.domain import Role


AREAS = (
    Area(
        "intake",
        QT_TRANSLATE_NOOP("Pages", "Intake"),
        QT_TRANSLATE_NOOP("Pages", "Intake and queue"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "Here you will call the next ticket, call a number again or mark it as "
                "not present, and register customers who come straight to the counter.",
            ),
            QT_TRANSLATE_NOOP(
                "Pages",
                "The gas account is found as you type: by account number, meter number, "
                "phone, name, address or pinyin initials.",
            ),
        ),
        needs_any=(Action.SERVE_CUSTOMERS, Action.ISSUE_TICKETS),
    ),
    Area(
        "fees",
        QT_TRANSLATE_NOOP("Pages", "Fees"),
        QT_TRANSLATE_NOOP("Pages", "Fee lookup"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "Here you will look up any item of the approved tariff in force, by code, "
                "name or pinyin initials.",
            ),
            QT_TRANSLATE_NOOP(
                "Pages",
                "A calculator shows line by line how an amount is made up, including "
                "tiered residential gas prices.",
            ),
        ),
    ),
    Area(
        "payments",
        QT_TRANSLATE_NOOP("Pages", "Payments"),
        QT_TRANSLATE_NOOP("Pages", "Payments and receipts"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "Here you will charge tariff items and record cash, WeChat Pay, Alipay, "
                "UnionPay card or bank transfer, with the change to give back.",
            ),
            QT_TRANSLATE_NOOP(
                "Pages",
                "Every payment prints a numbered receipt; reprints and voids are recorded "
                "and a void needs the shift manager.",
            ),
        ),
        needs_any=(Action.SERVE_CUSTOMERS,),
    ),
    Area(
        "referrals",
        QT_TRANSLATE_NOOP("Pages", "Referrals"),
        QT_TRANSLATE_NOOP("Pages", "Referrals to departments"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "Here you will hand a matter the counter cannot settle to the department "
                "in charge, with a reference number, a due time and a printed slip.",
            ),
            QT_TRANSLATE_NOOP(
                "Pages", "Each referral is followed until the department closes it with a result."
            ),
        ),
        needs_any=(Action.REFER_MATTERS, Action.HANDLE_REFERRALS),
    ),
    Area(
        "shift",
        QT_TRANSLATE_NOOP("Pages", "Shift"),
        QT_TRANSLATE_NOOP("Pages", "Shift and reconciliation"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "Here you will open your shift with a counted float, record cash taken in "
                "or paid out, and close the shift with the cash counted.",
            ),
            QT_TRANSLATE_NOOP(
                "Pages",
                "The shift manager approves differences and prints the shift and daily reports.",
            ),
        ),
        needs_any=(Action.SERVE_CUSTOMERS,),
    ),
    Area(
        "overview",
        QT_TRANSLATE_NOOP("Pages", "Hall day"),
        QT_TRANSLATE_NOOP("Pages", "The hall's day"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "Every counter's shift today, the totals by payment method and fee category, "
                "voids, reprints and differences.",
            ),
            QT_TRANSLATE_NOOP(
                "Pages", "Approve or return shifts, close the day, print and export the reports."
            ),
        ),
        needs_any=(Action.RECONCILE_SHIFTS, Action.VIEW_REPORTS),
    ),
    Area(
        "scripts",
        QT_TRANSLATE_NOOP("Pages", "Scripts"),
        QT_TRANSLATE_NOOP("Pages", "Service scripts"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "The words the counters speak at each moment of a visit, edited with a "
                "live preview; every change is a new version.",
            ),
            QT_TRANSLATE_NOOP(
                "Pages",
                "The scripts can be exported to a file and imported at another hall.",
            ),
        ),
        needs_any=(Action.EDIT_SCRIPTS,),
    ),
    Area(
        "directory",
        QT_TRANSLATE_NOOP("Pages", "Departments"),
        QT_TRANSLATE_NOOP("Pages", "Department directory"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "The departments a matter can be referred to: duties, phone, place, hours "
                "and the time each has to respond.",
            ),
            QT_TRANSLATE_NOOP("Pages", "Every change is recorded in the audit journal."),
        ),
        needs_any=(Action.MANAGE_DEPARTMENTS,),
    ),
    Area(
        "admin",
        QT_TRANSLATE_NOOP("Pages", "Admin"),
        QT_TRANSLATE_NOOP("Pages", "Administration"),
        (
            QT_TRANSLATE_NOOP(
                "Pages",
                "Here administrators will maintain users, counters, printers, tariff "
                "schedules and departments.",
            ),
            QT_TRANSLATE_NOOP("Pages", "Every change is recorded in the audit journal."),
        ),
        needs_any=(Action.MANAGE_USERS, Action.VIEW_AUDIT),
    ),
)


def areas_for(role: Role) -> tuple[Area, ...]:
    """The areas this role may see, in navigation order (deny by default, as the core)."""
    return tuple(area for area in AREAS if area.open_to(role))


class PlaceholderPage(QFrame):
    """A page whose capability is still to come: its title and what it will offer."""

    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.area = area
        self._title = named(QLabel(), "pageTitle")
        self._lines = [named(QLabel(wordWrap=True), "pageText") for _ in area.line_sources]
        self._note = named(QLabel(wordWrap=True), "pageNote")
        card = named(QFrame(), "pageCard")
        card.setMaximumWidth(880)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 26, 32, 26)
        inner.setSpacing(12)
        inner.addWidget(self._title)
        inner.addSpacing(4)
        for label in self._lines:
            inner.addWidget(label)
        inner.addSpacing(8)
        inner.addWidget(self._note)
        row = QHBoxLayout()
        row.addWidget(card, 1)
        row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 32, 36, 32)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.area.title)
        for label, text in zip(self._lines, self.area.lines, strict=True):
            label.setText(text)
        self._note.setText(self.tr("This part of HallClient is being built."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
