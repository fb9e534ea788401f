"""Closing a shift: count the cash, declare each non-cash method, see the differences, submit.

The differences are the core's own (``preview``), recomputed as the clerk types.  A
difference beyond the limit asks a shift manager to approve at this counter, with the
clerk's explanation as the reason; then the close is sent again with that approval.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.domain import PaymentMethod
from hallclient.access.approvals import ApprovalRequest
from hallclient.access.permissions import ApprovalKind
from hallclient.errors import HallError
from hallclient.money import MoneyError, format_yuan, parse_yuan
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.shifts.service import Declared
from hallclient.shifts.views import ShiftReading
from ui.access.approval_dialog import ApprovalDialog
from ui.kit.attempt import Attempt
from ui.kit.widgets import named, table_view
from ui.shifts.cash_count import CashCountForm
from ui.shifts.models import TalliesModel
from ui.words.payments import method_text
from ui.words.shifts import shift_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core

NON_CASH = tuple(m for m in PaymentMethod if m is not PaymentMethod.CASH)


class CloseShiftDialog(QDialog):
    def __init__(
        self,
        core: Core,
        user: CurrentUser,
        parent: QWidget | None = None,
        *,
        return_reason: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeShiftDialog")
        self._core, self._user, self.return_reason = core, user, return_reason
        self.reading: ShiftReading | None = None  # the Z report, once submitted
        self.approval: ApprovalDialog | None = None
        self._build()
        self.attempt = Attempt(self)
        self.retranslate()
        self._update()
        self.cash.focus_first()

    def _build(self) -> None:
        self.heading = named(QLabel(wordWrap=True), "dialogHeading")
        self.cash = CashCountForm()
        self.cash.sig_changed.connect(self._update)
        grid = QGridLayout()
        self.method_labels: list[QLabel] = []
        self.amounts: dict[PaymentMethod, QLineEdit] = {}
        self.counts: dict[PaymentMethod, QSpinBox] = {}
        for row, method in enumerate(NON_CASH):
            label, amount, count = (
                QLabel(),
                named(QLineEdit(), f"declared_{method.value}"),
                QSpinBox(),
            )
            amount.setMaxLength(16)
            count.setRange(0, 100_000)
            amount.textChanged.connect(self._update)
            count.valueChanged.connect(self._update)
            grid.addWidget(label, row, 0)
            grid.addWidget(amount, row, 1)
            grid.addWidget(count, row, 2)
            self.method_labels.append(label)
            self.amounts[method], self.counts[method] = amount, count
        self.tallies = TalliesModel()
        self.tallies.setParent(self)  # Qt owns it with the view: no Python-only lifetime
        self.table = table_view(self.tallies, "closeTallies", TalliesModel.COL_METHOD)
        self.explanation = named(QLineEdit(maxLength=200), "closeExplanation")
        self.message = named(QLabel(wordWrap=True), "dialogMessage")
        self.submit = QPushButton()
        self.submit.clicked.connect(self._submit_clicked)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._submit_clicked)
        counting = QHBoxLayout()
        counting.addWidget(self.cash, 1)
        right = QVBoxLayout()
        right.addLayout(grid)
        right.addWidget(self.table, 1)
        counting.addLayout(right, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(counting)
        layout.addWidget(self.explanation)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 560)

    def declared(self) -> dict[PaymentMethod, Declared]:
        """What the clerk declared; an empty amount is zero, a bad one raises MoneyError."""
        found: dict[PaymentMethod, Declared] = {}
        for method in NON_CASH:
            text = self.amounts[method].text().strip()
            amount = parse_yuan(text) if text else Decimal("0.00")
            found[method] = Declared(amount, self.counts[method].value())
        return found

    def _update(self) -> None:
        if not hasattr(self, "tallies"):
            return
        try:
            rows = self._core.shifts.preview(self._user, self.cash.count(), self.declared())
        except MoneyError:
            self.message.setText(self.tr("Type each declared total as an amount, e.g. 1280.50."))
            return
        except HallError as error:
            self.message.setText(shift_problem_text(error))
            return
        self.tallies.set_rows(rows)
        over = [t for t in rows if abs(t.difference) > self._core.shifts.limit]
        limit = format_yuan(self._core.shifts.limit)
        text = self.tr("A difference beyond {limit} needs a shift manager: explain it above.")
        self.message.setText(text.format(limit=limit) if over else "")

    def _submit_clicked(self, _checked: bool = False) -> None:
        self.send()

    def send(self, approval_id: int | None = None) -> None:
        try:
            declared = self.declared()
        except MoneyError:
            self.message.setText(self.tr("Type each declared total as an amount, e.g. 1280.50."))
            return
        count, user = self.cash.count(), self._user
        self.attempt.run(
            lambda: self._core.shifts.close(user, count, declared, approval_id),
            self._closed,
            self._refused,
        )

    def _closed(self, reading: ShiftReading) -> None:
        self.reading = reading
        self.accept()

    def _refused(self, error: HallError) -> None:
        if isinstance(error, ShiftError) and error.problem is ShiftProblem.NEEDS_APPROVAL:
            reason = self.explanation.text().strip()
            if not reason:
                self.message.setText(
                    self.tr("Explain the difference first; a manager approves it.")
                )
                self.explanation.setFocus()
                return
            request = ApprovalRequest(ApprovalKind.OVER_LIMIT_DIFFERENCE, error.detail, reason)
            self.approval = ApprovalDialog(self._core, self._user, request, self)
            self.approval.accepted.connect(self._approved)
            self.approval.open()
            return
        self.message.setText(shift_problem_text(error))

    def _approved(self) -> None:
        dialog, self.approval = self.approval, None
        if dialog is None:
            return
        grant = dialog.grant
        dialog.deleteLater()
        if grant is not None:
            self.send(grant.approval_id)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close the shift"))
        heading = self.tr(
            "Count the cash in the drawer by denomination, and type each "
            "other method's total and number of payments from its "
            "terminal or statement."
        )
        if self.return_reason:
            returned = self.tr("The shift manager returned this shift for a recount: {reason}")
            heading = returned.format(reason=self.return_reason) + "\n" + heading
        self.heading.setText(heading)
        for label, method in zip(self.method_labels, NON_CASH, strict=True):
            label.setText(method_text(method))
        self.explanation.setPlaceholderText(
            self.tr("explanation of a difference (for the manager)")
        )
        self.submit.setText(self.tr("Close shift (Ctrl+Enter)"))
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
