"""The payments page: charge the cart, print the receipt, keep every job until it printed.

Keys: type the non-cash amounts (Tab between fields) and the cash handed over; F12
asks the clerk to confirm with the customer, Enter issues the receipt; F5 prints the
oldest waiting receipt again; Ctrl+P prints a further copy (重打) of the last one.
The payment's idempotency key is made when the clerk first presses F12 and kept until
it is charged: after "could not confirm", F12 sends the same payment again and the
core returns the receipt it may already have issued.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db.domain import PrintStatus
from hallclient.access.approvals import ApprovalRequest
from hallclient.access.permissions import ApprovalKind
from hallclient.errors import DatabaseUnavailableError, HallError
from hallclient.money import format_yuan
from hallclient.printing.printers import PrinterProblem
from hallclient.receipts.cart import Cart
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.issue import Issued, PaymentRequest
from hallclient.receipts.jobs import JobView
from hallclient.receipts.money_words import capitals
from hallclient.receipts.payment import Tender
from ui.access.approval_dialog import ApprovalDialog
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named, table_view
from ui.payments.cart_model import CartTableModel
from ui.payments.form import PaymentForm
from ui.payments.preview import ReceiptPreview
from ui.words.payments import method_text, payment_problem_text
from ui.words.phrase_watch import PhraseWatch
from ui.words.printer import printer_problem_text, printer_state_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.printing.print_queue import PrintResult


class PaymentsPage(QFrame):
    sig_charged = Signal(object)  # the Issued receipt: the fees page empties its cart
    sig_printer_state = Signal(str)  # the last printing's outcome, for the status bar

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        area: Area,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.area, self._core, self._user_of = area, core, user_of
        self.cart = Cart()
        self.key: str | None = None
        self.unconfirmed = False  # the last attempt could not be confirmed either way
        self.in_flight: set[int] = set()  # jobs this window is printing now (not interrupted)
        self.approval: ApprovalDialog | None = None
        self.visit_of: Callable[[], int | None] = lambda: None  # the intake page's visit
        self.confirm_box: QMessageBox | None = None
        self.interrupted_box: QMessageBox | None = None
        self._runner = TaskRunner(self)
        self._build()
        self.attempt = Attempt(self.form)
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "pageTitle")
        self.lines = CartTableModel()
        self.table = table_view(self.lines, "payCart", CartTableModel.COL_ITEM)
        self.total = named(QLabel(), "payTotal")
        self.words = named(QLabel(), "payWords")
        self.form = PaymentForm()
        self.form.sig_changed.connect(self._payment_changed)
        self.keys = named(QLabel(wordWrap=True), "pageNote")
        self.message = named(QLabel(wordWrap=True), "payMessage")
        self.receipt_no = named(QLineEdit(maxLength=64), "payReceiptNo")
        self.reason = named(QLineEdit(maxLength=200), "payReason")
        left = QVBoxLayout()
        for widget in (self.title, self.table, self.total, self.words, self.form, self.message):
            left.addWidget(widget)
        after = QHBoxLayout()
        after.addWidget(self.receipt_no, 2)
        after.addWidget(self.reason, 3)
        left.addLayout(after)
        self.reason_phrases = PhraseWatch(self.reason, self._core.scripts.check_text)
        left.addWidget(self.reason_phrases.label)
        left.addWidget(self.keys)
        self.preview_area = ReceiptPreview()
        self.preview = self.preview_area.label
        self.print_state = named(QLabel(wordWrap=True), "printState")
        right = QVBoxLayout()
        right.addWidget(self.preview_area, 1)
        right.addWidget(self.print_state)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        for key, action in (
            ("F12", self.ask_to_charge),
            ("F5", self.print_waiting),
            ("Ctrl+P", self.reprint),
            ("Ctrl+D", self.ask_to_void),
        ):
            QShortcut(QKeySequence(key), self, action)

    def retranslate(self) -> None:
        self.title.setText(self.area.title)
        self.form.retranslate()
        self.keys.setText(
            self.tr(
                "F12 charge and print · F5 print waiting receipts · "
                "Ctrl+P copy (重打) · Ctrl+D void (manager)"
            )
        )
        if self.preview.pixmap().isNull():
            self.preview.setText(self.tr("The receipt is shown here once it is issued."))
        self.receipt_no.setPlaceholderText(self.tr("receipt number (for a copy or a void)"))
        self.reason.setPlaceholderText(self.tr("reason (required for a void)"))
        self._show_cart()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Waiting receipts are checked; with fees to charge the cursor is in the cash
        handed over (cash is the usual payment; Shift+Tab reaches the other methods)."""
        super().showEvent(event)
        self._check_waiting()
        if self.cart.lines:
            self.form.tendered.setFocus()

    # -- the cart --------------------------------------------------------------------------

    def set_cart(self, cart: Cart) -> None:
        self.cart = cart
        self._payment_changed()
        self.form.set_total(cart.total)
        self._show_cart()

    def _show_cart(self) -> None:
        self.lines.set_rows(self.cart.lines)
        total = self.cart.total
        self.total.setText(self.tr("Total {amount}").format(amount=format_yuan(total)))
        self.words.setText(capitals(total) if self.cart.lines else "")

    def _payment_changed(self) -> None:
        """A different payment gets a different key -- unless the last attempt's outcome is
        unknown: then the key stays, so that the payment cannot be charged a second time."""
        if not self.unconfirmed and not self.attempt.running:
            self.key = None

    # -- charging --------------------------------------------------------------------------

    def ask_to_charge(self) -> None:
        """Confirm with the customer first (the standard asks for it), then issue."""
        if not self.cart.lines:
            self._say(self.tr("The cart is empty: add the fees on the Fees page (Ctrl+2) first."))
            return
        if self.attempt.running or (self.confirm_box is not None and self.confirm_box.isVisible()):
            return  # one payment at a time
        tenders, handed = self.form.tenders()
        parts = [
            f"{method_text(t.method)} {format_yuan(t.amount)}"
            for t in tenders
            if t.amount.is_finite()
        ]
        change = self.form.change_due()
        text = self.tr("Please confirm with the customer:\n\nTotal {total}\n{parts}").format(
            total=format_yuan(self.cart.total), parts="\n".join(parts)
        )
        if change is not None and change >= 0:
            text += "\n" + self.tr("Change {amount}").format(amount=format_yuan(change))
        self.confirm_box = _question(self, self.tr("Charge"), text)
        self.confirm_box.setDefaultButton(QMessageBox.StandardButton.Yes)
        self.confirm_box.accepted.connect(lambda: self.charge(tenders, handed))
        self.confirm_box.open()

    def charge(self, tenders: tuple[Tender, ...], handed: Decimal | None) -> None:
        self.key = self.key or uuid.uuid4().hex
        account = next((q.account_no for q in self.cart.lines if q.account_no), "") or ""
        request = PaymentRequest(
            self.key, self.cart, tenders, handed, account_no=account, visit_id=self.visit_of()
        )
        user = self._user_of()
        self.attempt.run(
            lambda: self._core.receipts.charge(user, request), self._charged, self._refused
        )

    def _charged(self, issued: Issued) -> None:
        self.key, self.unconfirmed = None, False
        self.receipt_no.setText(issued.record.receipt_no)
        self.sig_charged.emit(issued)
        self.set_cart(Cart())
        self._say(
            self.tr("Receipt {number} issued: {amount}.").format(
                number=issued.record.receipt_no, amount=format_yuan(issued.record.total)
            )
        )
        self._print(issued.print_job_id)

    def _refused(self, error: HallError) -> None:
        """Only a success or a reused key settles an unconfirmed payment; any other refusal
        (a typing mistake checked before the database) leaves it and its key as they are."""
        if isinstance(error, DatabaseUnavailableError):
            self.unconfirmed = True
        elif isinstance(error, ReceiptError) and error.problem is ReceiptProblem.KEY_REUSED:
            self.key, self.unconfirmed = None, False  # that earlier attempt's receipt stands
            self.receipt_no.setText(error.detail)
        self._say(payment_problem_text(error))

    # -- printing ----------------------------------------------------------------------------

    def _print(self, job_id: int) -> None:
        if job_id in self.in_flight:
            return
        self.in_flight.add(job_id)
        user, till = self._user_of(), self._core.receipts
        self.print_state.setText(self.tr("Printing…"))

        def work(_progress: object) -> tuple[PrintResult, Image.Image]:
            result = till.print(user, job_id)
            return result, till.preview(user, result)  # the raster printed, if one was

        def failed(error: BaseException) -> None:
            self.in_flight.discard(job_id)
            self._print_failed(error)

        self._runner.start(work, self._printed, failed)

    def _printed(self, outcome: tuple[PrintResult, Image.Image]) -> None:
        result, image = outcome
        self.in_flight.discard(result.job_id)
        self.preview_area.show_image(image)
        if result.printed:
            text = self.tr("Receipt {number} printed.").format(number=result.receipt_no)
            self.print_state.setText(text)
            self.sig_printer_state.emit(self.tr("ready"))
        elif result.problem is None:  # not pending: printed already, or in doubt
            self.print_state.setText(
                self.tr(
                    "Receipt {number} was already sent to the printer; Ctrl+P prints a marked copy."
                ).format(number=result.receipt_no)
            )
        else:
            text = printer_problem_text(result.problem)
            if result.problem is not PrinterProblem.NOT_CONFIGURED and not result.maybe_printed:
                text += " " + self.tr("F5 prints it when the printer is ready.")
            self.print_state.setText(text)
            self.sig_printer_state.emit(printer_state_text(result.problem))
            if result.maybe_printed:
                self._ask_interrupted(result.job_id, result.receipt_no)

    def _print_failed(self, error: BaseException) -> None:
        self.print_state.setText(
            payment_problem_text(error) if isinstance(error, HallError) else str(error)
        )

    def print_waiting(self) -> None:
        """F5: the oldest receipt still waiting at this counter."""
        user = self._user_of()
        self._runner.start(
            lambda _p: self._core.receipts.unfinished(user), self._print_first, self._print_failed
        )

    def _print_first(self, waiting: list[JobView]) -> None:
        waiting = [job for job in waiting if job.job_id not in self.in_flight]
        pending = [job for job in waiting if job.status is PrintStatus.PENDING]
        if pending:
            self._print(pending[0].job_id)
        elif not waiting:
            self.print_state.setText(self.tr("No receipt is waiting to be printed."))
        else:
            self._ask_interrupted(waiting[0].job_id, waiting[0].receipt_no)

    def _check_waiting(self) -> None:
        user = self._user_of()
        self._runner.start(
            lambda _p: self._core.receipts.unfinished(user), self._show_waiting, self._print_failed
        )

    def _show_waiting(self, waiting: list[JobView]) -> None:
        waiting = [job for job in waiting if job.job_id not in self.in_flight]
        interrupted = [job for job in waiting if job.status is PrintStatus.SENDING]
        if interrupted:
            self._ask_interrupted(interrupted[0].job_id, interrupted[0].receipt_no)
        elif waiting:
            text = self.tr("{count} receipt(s) waiting to be printed: press F5.")
            self.print_state.setText(text.format(count=len(waiting)))

    def _ask_interrupted(self, job_id: int, receipt_no: str) -> None:
        """Only the clerk can see whether paper came out; a second copy is marked 重打."""
        text = self.tr(
            "Printing of receipt {number} was interrupted. Did the whole "
            "receipt come out of the printer?"
        ).format(number=receipt_no)
        box = _question(self, self.tr("Did the receipt print?"), text)
        yes = int(QMessageBox.StandardButton.Yes.value)
        box.finished.connect(lambda answer: self._settle(job_id, int(answer) == yes))
        self.interrupted_box = box
        box.open()

    def _settle(self, job_id: int, printed: bool) -> None:
        user = self._user_of()
        self._runner.start(
            lambda _p: self._core.receipts.settle_interrupted(user, job_id, printed),
            self._settled,
            self._print_failed,
        )

    def _settled(self, copy: JobView | None) -> None:
        if copy is None:
            self.print_state.setText(self.tr("Recorded as printed."))
        else:
            self._print(copy.job_id)

    def reprint(self) -> None:
        """Ctrl+P: a further copy of the receipt named in the field, marked 重打 n."""
        number = self.receipt_no.text().strip()
        if not number:
            self._say(self.tr("Type the receipt number first."))
            return
        user = self._user_of()
        reason = self.reason.text().strip() or self.tr("copy asked for at the counter")
        self._runner.start(
            lambda _p: self._core.receipts.reprint(user, number, reason),
            lambda job: self._print(job.job_id),
            self._print_failed,
        )

    def ask_to_void(self) -> None:
        """Ctrl+D: a manager approves at this counter, then the void slip prints."""
        number, reason = self.receipt_no.text().strip(), self.reason.text().strip()
        if not number or not reason:
            self._say(self.tr("A void needs the receipt number and a reason."))
            return
        request = ApprovalRequest(ApprovalKind.VOID_RECEIPT, number, reason)
        self.approval = ApprovalDialog(self._core, self._user_of(), request, self)
        self.approval.accepted.connect(lambda: self._void(number, reason))
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
        self._say(
            self.tr("Receipt {number} is void; the void slip is {slip}.").format(
                number=issued.record.voids_receipt_no, slip=issued.record.receipt_no
            )
        )
        self._print(issued.print_job_id)

    def _say(self, text: str) -> None:
        self.message.setText(text)


def _question(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A Yes/No question shown with ``open()`` (window-modal, no nested event loop)."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
