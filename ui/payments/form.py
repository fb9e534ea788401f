"""The payment entry: how the total is paid, typed by keyboard, checked as it is typed.

One amount field per non-cash method (with its reference), the cash part is what
remains of the total, and the cash handed over gives the change.  Tab moves down the
fields; the core checks everything again when the payment is issued.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from db.domain import PaymentMethod
from hallclient.errors import HallError
from hallclient.money import MoneyError, format_yuan, parse_yuan
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.payment import Tender
from ui.kit.widgets import named
from ui.words.payments import method_text

ZERO = Decimal("0.00")
NON_CASH = (
    PaymentMethod.WECHAT,
    PaymentMethod.ALIPAY,
    PaymentMethod.UNIONPAY,
    PaymentMethod.BANK_TRANSFER,
)


class PaymentForm(QFrame):
    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentForm")
        self.total = ZERO
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[PaymentMethod, QLabel] = {}
        self.amounts: dict[PaymentMethod, QLineEdit] = {}
        self.references: dict[PaymentMethod, QLineEdit] = {}
        for row, method in enumerate(NON_CASH):
            self.labels[method] = QLabel()
            self.amounts[method] = named(QLineEdit(maxLength=14), f"pay_{method.value}")
            self.references[method] = named(QLineEdit(maxLength=64), f"ref_{method.value}")
            grid.addWidget(self.labels[method], row, 0)
            grid.addWidget(self.amounts[method], row, 1)
            grid.addWidget(self.references[method], row, 2)
        row = len(NON_CASH)
        self.cash_label, self.cash = QLabel(), named(QLabel(), "payCash")
        self.tendered_label = QLabel()
        self.tendered = named(QLineEdit(maxLength=14), "payTendered")
        self.change_label, self.change = QLabel(), named(QLabel(), "payChange")
        rows = (
            (self.cash_label, self.cash),
            (self.tendered_label, self.tendered),
            (self.change_label, self.change),
        )
        for offset, (label, field) in enumerate(rows):
            grid.addWidget(label, row + offset, 0)
            grid.addWidget(field, row + offset, 1)
        for edit in (*self.amounts.values(), *self.references.values(), self.tendered):
            edit.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        for method in NON_CASH:
            self.labels[method].setText(method_text(method))
            self.amounts[method].setPlaceholderText("0.00")
            self.references[method].setPlaceholderText(self.tr("reference (optional)"))
        self.cash_label.setText(method_text(PaymentMethod.CASH))
        self.tendered_label.setText(self.tr("Cash handed over"))
        self.tendered.setPlaceholderText(self.tr("as the cash part"))
        self.change_label.setText(self.tr("Change"))
        self._update()

    def set_total(self, total: Decimal) -> None:
        self.total = total
        self.clear()

    def clear(self) -> None:
        for edit in (*self.amounts.values(), *self.references.values(), self.tendered):
            edit.clear()
        self._update()

    def _amount(self, edit: QLineEdit) -> Decimal | None:
        """The typed amount (empty: zero), or None for text that is not an amount."""
        try:
            return parse_yuan(edit.text()) if edit.text().strip() else ZERO
        except MoneyError:
            return None

    def cash_part(self) -> Decimal | None:
        amounts = [self._amount(self.amounts[m]) for m in NON_CASH]
        if any(amount is None for amount in amounts):
            return None
        return self.total - sum((a for a in amounts if a is not None), ZERO)

    def tenders(self) -> tuple[tuple[Tender, ...], Decimal | None]:
        """What was typed, for the core to check; unreadable text is passed on as it is."""
        tenders = []
        for method in NON_CASH:
            amount = self._amount(self.amounts[method])
            if amount is None or amount:
                typed = amount if amount is not None else Decimal("NaN")
                tenders.append(Tender(method, typed, self.references[method].text()))
        cash = self.cash_part()
        if cash is not None and cash > 0:  # the methods paying too much: not balanced
            tenders.append(Tender(PaymentMethod.CASH, cash))
        handed = None
        if self.tendered.text().strip():
            handed = self._amount(self.tendered)
            handed = Decimal("NaN") if handed is None else handed
        return tuple(tenders), handed

    def change_due(self) -> Decimal | None:
        cash, handed = self.cash_part(), self._amount(self.tendered)
        if cash is None or handed is None or not self.tendered.text().strip():
            return None
        return handed - cash

    def field_to_fix(self, error: HallError) -> QLineEdit:
        """The field a refusal points at: a wrong method amount or reference, else the
        cash handed over (also after a refusal that is not about the typing)."""
        problem = error.problem if isinstance(error, ReceiptError) else None
        typed = [edit for edit in self.amounts.values() if edit.text().strip()]
        if problem in (ReceiptProblem.BAD_AMOUNT, ReceiptProblem.NOT_BALANCED):
            amounts = [(edit, self._amount(edit)) for edit in typed]
            wrong = [edit for edit, amount in amounts if amount is None or amount < 0]
            cash = self.cash_part()
            if wrong or (typed and cash is not None and cash < 0):
                return (wrong or typed)[0]
        if problem is ReceiptProblem.BAD_REFERENCE:
            return next((e for e in self.references.values() if e.text().strip()), self.tendered)
        return self.tendered

    def _update(self) -> None:
        cash = self.cash_part()
        self.cash.setText(format_yuan(cash) if cash is not None else "—")
        change = self.change_due()
        self.change.setText(format_yuan(change) if change is not None and change >= 0 else "—")
        self.sig_changed.emit()
