"""Voiding a receipt from the payments page (Ctrl+D): checked, approved, then the slip.

The receipt number and the reason are asked for where they are typed: a missing one puts
the cursor in its field.  The receipt is read first (the core refuses an unknown one, a
void, one voided already), so the manager approves knowing its amount and account; the
void itself then prints its slip like any receipt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from hallclient.access.approvals import ApprovalRequest
from hallclient.access.permissions import ApprovalKind
from hallclient.errors import HallError
from hallclient.money import format_yuan
from hallclient.receipts.issue import Issued
from hallclient.receipts.record import ReceiptRecord
from ui.access.approval_dialog import ApprovalDialog
from ui.kit.attempt import Attempt

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core


class VoidFlow(QObject):
    sig_voided = Signal(object)  # the void's Issued record: its slip prints
    sig_message = Signal(str)

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        fields: tuple[QLineEdit, QLineEdit],
        page: QWidget,
        refused: Callable[[HallError], None],
    ) -> None:
        super().__init__(page)
        self._core, self._user_of, self._page, self._refused = core, user_of, page, refused
        self.receipt_no, self.reason = fields
        self.approval: ApprovalDialog | None = None
        self.attempt = Attempt(page)

    def ask(self) -> None:
        """Ctrl+D: both fields filled in, the receipt checked, then a manager approves."""
        number, reason = self.receipt_no.text().strip(), self.reason.text().strip()
        for field, text in ((self.receipt_no, number), (self.reason, reason)):
            if not text:
                self.sig_message.emit(self.tr("A void needs the receipt number and a reason."))
                field.setFocus()
                return
        user = self._user_of()
        self.attempt.run(
            lambda: self._core.receipts.voidable(user, number),
            lambda record: self._ask_manager(record, reason),
            self._refused,
        )

    def _ask_manager(self, record: ReceiptRecord, reason: str) -> None:
        request = ApprovalRequest(ApprovalKind.VOID_RECEIPT, record.receipt_no, reason)
        holder = f" · {record.account_no} {record.customer_name}" if record.account_no else ""
        detail = f"{record.receipt_no} · {format_yuan(record.total)}{holder}"
        self.approval = ApprovalDialog(
            self._core, self._user_of(), request, self._page, detail=detail
        )
        self.approval.accepted.connect(lambda: self._void(record.receipt_no, reason))
        self.approval.open()

    def _void(self, number: str, reason: str) -> None:
        dialog, self.approval = self.approval, None
        grant = dialog.grant if dialog is not None else None
        if dialog is not None:
            dialog.deleteLater()
        if grant is None:
            return
        user = self._user_of()
        self.attempt.run(
            lambda: self._core.receipts.void(user, number, reason, grant.approval_id),
            self._voided,
            self._refused,
        )

    def _voided(self, issued: Issued) -> None:
        self.reason.clear()
        self.sig_message.emit(
            self.tr("Receipt {number} is void; the void slip is {slip}.").format(
                number=issued.record.voids_receipt_no, slip=issued.record.receipt_no
            )
        )
        self.sig_voided.emit(issued)
