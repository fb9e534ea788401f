"""Waiving a bill's late fee at the counter: the clerk's reason, then a manager's approval.

Delete on a late fee line in the cart starts it (a late fee cannot simply be removed:
the payment would be refused).  The clerk types why (the reason is journaled with
the waiver); a shift manager approves at this counter; the cart then carries the
waiver to the payment, which uses the approval up.  Cancelling either step changes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from hallclient.access.approvals import ApprovalRequest
from hallclient.access.permissions import ApprovalKind
from hallclient.receipts.cart import Waiver
from ui.access.approval_dialog import ApprovalDialog

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core

MAX_REASON = 200


class LateFeeWaiver(QObject):
    """One waiver at a time for the page that owns the cart; :attr:`sig_waived` gives it."""

    sig_waived = Signal(object)  # the Waiver, once a manager approved
    sig_message = Signal(str)  # what the clerk is told when nothing was waived

    def __init__(self, core: Core, user_of: Callable[[], CurrentUser], parent: QWidget) -> None:
        super().__init__(parent)
        self._core, self._user_of, self._parent = core, user_of, parent
        self.reason_box: QInputDialog | None = None
        self.approval: ApprovalDialog | None = None

    def ask(self, bill_no: str) -> None:
        """Ask for the reason to waive the late fee of ``bill_no`` (window-modal)."""
        box = self.reason_box = QInputDialog(self._parent)
        box.setObjectName("waiverReason")
        box.setInputMode(QInputDialog.InputMode.TextInput)
        box.setWindowTitle(self.tr("Waive a late fee"))
        box.setLabelText(
            self.tr(
                "Why is the late fee of bill {bill} waived? A shift manager approves next."
            ).format(bill=bill_no)
        )
        editor = box.findChild(QLineEdit)
        if editor is not None:
            editor.setMaxLength(MAX_REASON)
        box.textValueSelected.connect(lambda reason: self._approve(bill_no, reason))
        box.open()

    def _approve(self, bill_no: str, reason: str) -> None:
        reason = reason.strip()
        if not reason:
            self.sig_message.emit(self.tr("A late fee is waived only with a reason."))
            return
        request = ApprovalRequest(ApprovalKind.WAIVE_LATE_FEE, bill_no, reason)
        dialog = self.approval = ApprovalDialog(self._core, self._user_of(), request, self._parent)
        dialog.accepted.connect(lambda: self._granted(bill_no))
        dialog.rejected.connect(lambda: self.sig_message.emit(self.tr("The late fee stays.")))
        dialog.open()

    def _granted(self, bill_no: str) -> None:
        dialog, self.approval = self.approval, None
        if dialog is None or dialog.grant is None:
            return
        dialog.deleteLater()
        self.sig_waived.emit(Waiver(bill_no, dialog.grant.approval_id))
