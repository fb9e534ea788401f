"""The window facing the customer: who serves them, their ticket, the fees, the rating.

Four states, one at a time: the welcome between customers; the visit (ticket, the fees
line by line with their tier, unit price and approval document, the total, and after
the charge what was paid and the change); the rating question; the thanks.  Each state
is filled from nothing, so no text of one customer stays for the next.  The window is
shown without taking the keyboard from the clerk's window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallclient.money import format_yuan
from ui.customer_screen.lines import ScreenLine, ScreenLinesModel, Settled, total_of
from ui.customer_screen.look import LOOK
from ui.customer_screen.rating_panel import RatingPanel
from ui.kit.widgets import named, table_view

SMALLEST = (1024, 600)  # the smallest customer screen sold for counters


def _label(name: str, *, wrap: bool = False) -> QLabel:
    label = named(QLabel(wordWrap=wrap), name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class CustomerScreen(QWidget):
    def __init__(self, company: str, counter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet(LOOK)
        self._company, self._counter = company, counter
        self._clerk: tuple[str, str] | None = None
        self._ticket: str | None = None
        self._settled: Settled | None = None
        self.lines = ScreenLinesModel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._welcome_page())
        self.stack.addWidget(self._visit_page())
        self.rating = RatingPanel()
        self.stack.addWidget(self._padded(self.rating))
        self.thanks = _label("customerGreeting", wrap=True)
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.thanks)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header())
        layout.addWidget(self.stack, 1)
        self.setMinimumSize(*SMALLEST)
        self.retranslate()

    # -- building ----------------------------------------------------------------------------

    def _header(self) -> QFrame:
        header = named(QFrame(), "customerHeader")
        self.company = _label("customerCompany")
        self.clerk = _label("customerClerk")
        self.clerk.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 12, 24, 12)
        row.addWidget(self.company, 1)
        row.addWidget(self.clerk)
        return header

    def _padded(self, inner: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(inner)
        return page

    def _welcome_page(self) -> QWidget:
        self.greeting = _label("customerGreeting", wrap=True)
        self.welcome_note = _label("customerNote", wrap=True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for label in (self.greeting, self.welcome_note):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        return page

    def _visit_page(self) -> QWidget:
        self.ticket = _label("customerTicket")
        self.fees_note = _label("customerNote", wrap=True)
        self.table: QTableView = table_view(self.lines, "customerLines", ScreenLinesModel.COL_ITEM)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.totals = _label("customerTotals", wrap=True)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(10)
        layout.addWidget(self.ticket)
        layout.addWidget(self.fees_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        return page

    # -- words -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("{company} · customer screen").format(company=self._company))
        self.company.setText(f"{self._company} · {self._counter}")
        self.greeting.setText(self.tr("Hello, welcome!"))
        self.welcome_note.setText(
            self.tr(
                "{company} is glad to serve you. Please wait for your number to be called."
            ).format(company=self._company)
        )
        self.thanks.setText(self.tr("Thank you for your rating!"))
        self._show_clerk()
        self._show_ticket()
        self._show_totals()
        self.rating.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_clerk(self) -> None:
        if self._clerk is None:
            self.clerk.clear()
            return
        name, number = self._clerk
        self.clerk.setText(
            self.tr("Serving you: {name} · employee no. {number}").format(name=name, number=number)
        )

    def _show_ticket(self) -> None:
        self.ticket.setText(
            self.tr("Your number: {ticket}").format(ticket=self._ticket)
            if self._ticket
            else self.tr("Served without a ticket")
        )
        self.fees_note.setText(
            self.tr("The fees for you, line by line, as approved by the price authority:")
            if self.lines.rowCount()
            else self.tr("We are handling your matter. Fees, if any, are shown here.")
        )

    def _show_totals(self) -> None:
        settled, rows = self._settled, self.lines.rows()
        if not rows:
            self.totals.clear()
            return
        total = self.tr("Total {amount}").format(amount=format_yuan(total_of(rows)))
        if settled is None:
            self.totals.setText(total)
            return
        self.totals.setText(
            self.tr("Total {total}   Paid {paid}   Change {change}").format(
                total=format_yuan(settled.total),
                paid=format_yuan(settled.paid),
                change=format_yuan(settled.change),
            )
        )

    # -- states ------------------------------------------------------------------------------

    def set_clerk(self, name: str, employee_no: str) -> None:
        """The standard asks staff to show who they are: on every state of the screen."""
        self._clerk = (name, employee_no)
        self._show_clerk()

    def show_welcome(self) -> None:
        self._forget_customer()
        self.stack.setCurrentIndex(0)

    def show_visit(self, ticket_label: str | None) -> None:
        """A new customer: their ticket, nothing else yet."""
        self._forget_customer()
        self._ticket = ticket_label
        self._show_ticket()
        self.stack.setCurrentIndex(1)

    def show_fees(self, lines: Sequence[ScreenLine]) -> None:
        """The cart as it stands: its lines and total, nothing paid yet."""
        self._settled = None
        self.lines.set_rows(lines)
        self._show_ticket()
        self._show_totals()

    def show_settled(self, lines: Sequence[ScreenLine], settled: Settled) -> None:
        """The charge went through: its lines, the total, what was paid and the change."""
        self._settled = settled
        self.lines.set_rows(lines)
        self._show_ticket()
        self._show_totals()

    def ask_rating(self) -> None:
        self._forget_customer()
        self.rating.reset()
        self.stack.setCurrentIndex(2)

    def show_thanks(self) -> None:
        self._forget_customer()
        self.stack.setCurrentIndex(3)

    def is_asking(self) -> bool:
        return self.stack.currentIndex() == 2

    def _forget_customer(self) -> None:
        self._ticket, self._settled = None, None
        self.lines.set_rows([])
        self._show_ticket()
        self._show_totals()
