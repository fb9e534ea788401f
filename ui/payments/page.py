"""The payments page: charge the cart, print the receipt, keep every job until it printed.

It charges for the visit at the intake page, on the visit's account, and starts
afresh for each new visit.  Keys: type the non-cash amounts (Tab between fields) and the
cash handed over; Enter there (or F12) asks the clerk to confirm with the customer,
Enter issues the receipt; F5 prints the
oldest waiting receipt again; Ctrl+P prints a further copy (重打) of the last one.
The payment's idempotency key is made when the clerk first presses F12 and kept until
it is charged: after "could not confirm", F12 sends the same payment again and the
core returns the receipt it may already have issued.  A charge that does not answer can
be given up on with Esc (``ui.payments.waiting``): its payment keeps the key too.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hallclient.errors import DatabaseUnavailableError, HallError
from hallclient.money import format_yuan
from hallclient.receipts.cart import Cart
from hallclient.receipts.errors import ReceiptError, ReceiptProblem, SeriesStoppedError
from hallclient.receipts.issue import Issued, PaymentRequest
from hallclient.receipts.journal import SeriesGap
from hallclient.receipts.money_words import capitals
from hallclient.receipts.payment import Tender
from hallclient.shifts.errors import ShiftError
from ui.access.approval_dialog import ApprovalDialog
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.visit_bar import OnVisit, VisitBar, starts_fresh
from ui.kit.widgets import named, table_view
from ui.payments.cart_model import CartTableModel
from ui.payments.form import PaymentForm
from ui.payments.preview import ReceiptPreview
from ui.payments.printing import ReceiptPrinting, question
from ui.payments.void_flow import VoidFlow
from ui.payments.waiting import ChargeWait
from ui.words.payments import method_text, payment_problem_text, shift_note_text
from ui.words.phrase_watch import PhraseWatch
from ui.words.receipt_journal import series_stopped_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.shifts.views import ShiftView

_VOID_FIELD = (
    ReceiptProblem.UNKNOWN_RECEIPT,
    ReceiptProblem.ALREADY_VOID,
    ReceiptProblem.NOT_VOIDABLE,
)
log = logging.getLogger(__name__)


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
        self.visit: OnVisit | None = None  # the intake page's visit
        self.confirm_box: QMessageBox | None = None
        self.shift: ShiftView | None = None  # the shift open at this counter, once read
        self.shift_read = False
        self._runner = TaskRunner(self)
        self._build()
        self.attempt = Attempt(self.form)
        self.waiting = ChargeWait(self, self, self.attempt, self._charged, self._refused)
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "pageTitle")
        self.visit_bar = VisitBar()
        self.shift_note = named(QLabel(wordWrap=True), "payShiftNote")
        self.shift_note.hide()  # shown while no shift of this clerk is open here
        self.series_note = named(QLabel(wordWrap=True), "paySeriesNote")
        self.series_note.hide()  # shown while the counter's journal stops a series
        self.lines = CartTableModel()
        self.table = table_view(self.lines, "payCart", CartTableModel.COL_ITEM)
        self.total = named(QLabel(), "payTotal")
        self.words = named(QLabel(), "payWords")
        self.form = PaymentForm()
        self.form.sig_changed.connect(self._payment_changed)
        self.form.tendered.returnPressed.connect(self.ask_to_charge)
        self.keys = named(QLabel(wordWrap=True), "pageNote")
        self.message = named(QLabel(wordWrap=True), "payMessage")
        self.receipt_no = named(QLineEdit(maxLength=64), "payReceiptNo")
        self.reason = named(QLineEdit(maxLength=200), "payReason")
        left = QVBoxLayout()
        for widget in (
            self.title,
            self.visit_bar,
            self.shift_note,
            self.series_note,
            self.table,
            self.total,
            self.words,
            self.form,
            self.message,
        ):
            left.addWidget(widget)
        after = QHBoxLayout()
        after.addWidget(self.receipt_no, 1)
        after.addWidget(self.reason, 1)
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
        self._connect()

    def _connect(self) -> None:
        """The printing and the void beside the page, and the page's keys."""
        self.printing = ReceiptPrinting(
            self._core, self._user_of, self.print_state, self.preview_area, self
        )
        self.printing.sig_printer_state.connect(self.sig_printer_state)
        self.voiding = VoidFlow(
            self._core, self._user_of, (self.receipt_no, self.reason), self, self._refused
        )
        self.voiding.sig_message.connect(self.say)
        self.voiding.sig_voided.connect(lambda issued: self.printing.print_job(issued.print_job_id))
        for key, action in (
            ("F12", self.ask_to_charge),
            ("F5", self.printing.print_waiting),
            ("Ctrl+P", self.reprint),
            ("Ctrl+D", self.voiding.ask),
        ):
            QShortcut(QKeySequence(key), self, action)

    def retranslate(self) -> None:
        self.title.setText(self.area.title)
        self.form.retranslate()
        self.keys.setText(
            self.tr(
                "Enter (or F12) charge and print · F9 end the visit · F10 the account's "
                "bills · F5 print waiting receipts · Ctrl+P copy (重打) · Ctrl+D void (manager)"
            )
        )
        if self.preview.pixmap().isNull():
            self.preview.setText(self.tr("The receipt is shown here once it is issued."))
        self.receipt_no.setPlaceholderText(self.tr("receipt no. (copy or void)"))
        self.reason.setPlaceholderText(self.tr("reason (required for a void)"))
        self._show_cart()
        self._show_shift()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Waiting receipts are checked; with fees to charge the cursor is in the cash
        handed over (cash is the usual payment; Shift+Tab reaches the other methods)."""
        super().showEvent(event)
        self.printing.check_waiting()
        self._check_shift()
        self._check_journal()
        if self.cart.lines:
            self.form.tendered.setFocus()

    # -- the visit and its cart ----------------------------------------------------------------

    def set_visit(self, visit: OnVisit | None) -> None:
        """Another customer: nothing of the one before stays (the receipt shown, the
        messages, the typed numbers); a payment still unconfirmed keeps its key."""
        before, self.visit = self.visit, visit
        self.visit_bar.set_visit(visit)
        if not starts_fresh(visit, before):
            return
        self.form.clear()
        for edit in (self.receipt_no, self.reason):
            edit.clear()
        self.say("")
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("The receipt is shown here once it is issued."))

    def set_cart(self, cart: Cart) -> None:
        self.cart = cart
        self._payment_changed()
        self.form.set_total(cart.total)
        self._show_cart()
        if cart.lines:
            self._check_shift()

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

    # -- the shift ---------------------------------------------------------------------------

    def _check_shift(self) -> None:
        """The counter's shift is read off the GUI thread: no shift, no payment."""
        user = self._user_of()
        self._runner.start(
            lambda _p: self._core.shifts.current(user), self._shift_read, lambda _e: None
        )

    def _shift_read(self, shift: ShiftView | None) -> None:
        self.shift, self.shift_read = shift, True
        self._show_shift()

    def _show_shift(self) -> None:
        shift, text = self.shift, ""
        if self.shift_read and shift is None:
            text = shift_note_text(None)
        elif shift is not None and shift.clerk_employee_no != self._user_of().employee_no:
            text = shift_note_text(shift.clerk_name, shift.clerk_employee_no)
        self.shift_note.setText(text)
        self.shift_note.setVisible(bool(text))

    # -- the counter's journal --------------------------------------------------------------

    def _check_journal(self) -> None:
        """The journal compared with the server off the GUI thread: a series the server lost
        receipts of is named here before anyone tries to charge."""
        self._runner.start(
            lambda _p: self._core.receipts.check_journal(), self._journal_read, _journal_unread
        )

    def _journal_read(self, gaps: tuple[SeriesGap, ...]) -> None:
        text = "\n".join(series_stopped_text(gap.error()) for gap in gaps)
        self.series_note.setText(text)
        self.series_note.setVisible(bool(text))

    # -- charging --------------------------------------------------------------------------

    def ask_to_charge(self) -> None:
        """Confirm with the customer first (the standard asks for it), then issue."""
        if not self.cart.lines:
            self.say(self.tr("The cart is empty: add the fees on the Fees page (Ctrl+2) first."))
            return
        if self.attempt.running or (self.confirm_box is not None and self.confirm_box.isVisible()):
            return  # one payment at a time
        tenders, handed = self.form.tenders()
        try:  # the core's own rules, before the customer is asked to confirm
            settled = self._core.receipts.check_payment(self.cart.total, tenders, handed)
        except ReceiptError as error:
            self._refused(error)
            return
        parts = [f"{method_text(t.method)} {format_yuan(t.amount)}" for t in settled.tenders]
        text = self.tr("Please confirm with the customer:\n\nTotal {total}\n{parts}").format(
            total=format_yuan(self.cart.total), parts="\n".join(parts)
        )
        if settled.cash:
            text += "\n" + self.tr("Cash handed over {amount}").format(
                amount=format_yuan(settled.cash_tendered)
            )
            text += "\n" + self.tr("Change {amount}").format(amount=format_yuan(settled.change))
        self.confirm_box = question(self, self.tr("Charge"), text)
        self.confirm_box.setDefaultButton(QMessageBox.StandardButton.Yes)
        self.confirm_box.accepted.connect(lambda: self.charge(tenders, handed))
        self.confirm_box.open()
        self.confirm_box.activateWindow()  # Enter answers it, wherever the cursor was

    def charge(self, tenders: tuple[Tender, ...], handed: Decimal | None) -> None:
        self.key = self.key or uuid.uuid4().hex
        visit = self.visit
        request = PaymentRequest(
            self.key,
            self.cart,
            tenders,
            handed,
            account_no=self._account(),
            visit_id=visit.visit_id if visit else None,
        )
        user = self._user_of()
        self.attempt.run(
            lambda: self._core.receipts.charge(user, request), self._charged, self._refused
        )

    def _account(self) -> str:
        """The visit's account; without one, the account the fees were quoted for."""
        if self.visit is not None and self.visit.account_no:
            return self.visit.account_no
        return next((q.account_no for q in self.cart.lines if q.account_no), "") or ""

    def _charged(self, issued: Issued) -> None:
        self.key, self.unconfirmed = None, False
        self.receipt_no.setText(issued.record.receipt_no)
        self.sig_charged.emit(issued)
        self.set_cart(Cart())
        self.say(
            self.tr("Receipt {number} issued: {amount}.").format(
                number=issued.record.receipt_no, amount=format_yuan(issued.record.total)
            )
        )
        self.printing.print_job(issued.print_job_id)
        self.activateWindow()  # back from the confirm box (offscreen, no window manager does it)
        self.form.tendered.setFocus()  # F9 ends the visit from here; the next cash goes here

    def _refused(self, error: HallError) -> None:
        """Only a success or a reused key settles an unconfirmed payment; any other refusal
        (a typing mistake checked before the database) leaves it and its key as they are."""
        if isinstance(error, DatabaseUnavailableError):
            self.unconfirmed = True
        elif isinstance(error, ReceiptError) and error.problem is ReceiptProblem.KEY_REUSED:
            self.key, self.unconfirmed = None, False  # that earlier attempt's receipt stands
            self.receipt_no.setText(error.detail)
        elif isinstance(error, ShiftError):
            self._check_shift()
        elif isinstance(error, SeriesStoppedError):
            self._check_journal()
        self.say(payment_problem_text(error))
        voids = isinstance(error, ReceiptError) and error.problem in _VOID_FIELD
        field = self.receipt_no if voids else self.form.field_to_fix(error)
        field.setFocus()  # the keyboard is where the clerk fixes it
        field.selectAll()

    def reprint(self) -> None:
        """Ctrl+P: a further copy of the receipt named in the field, marked 重打 n."""
        number = self.receipt_no.text().strip()
        if not number:
            self.say(self.tr("Type the receipt number first."))
            return
        user = self._user_of()
        reason = self.reason.text().strip() or self.tr("copy asked for at the counter")
        self._runner.start(
            lambda _p: self._core.receipts.reprint(user, number, reason),
            lambda job: self.printing.print_job(job.job_id),
            self.printing.failed,
        )

    @property
    def approval(self) -> ApprovalDialog | None:
        """The manager's approval of a void, while it is asked for."""
        return self.voiding.approval

    def say(self, text: str) -> None:
        self.message.setText(text)


def _journal_unread(error: BaseException) -> None:
    """The database is away (it is compared again when it answers); anything else is a
    fault to find in the log, not to show the clerk (the charge checks the journal too)."""
    if isinstance(error, HallError):
        log.info("receipt journal not compared on showing the page: %s", error)
    else:
        log.error("receipt journal not compared", exc_info=error)
