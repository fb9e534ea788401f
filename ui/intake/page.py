"""The intake page: call the next ticket, find the account, set the purpose, end the visit.

Keys: F2 call next, F3 call again, F4 not present, F5 refer (Ctrl+F5 prints the
referral slip again), F6 walk-in without a ticket, F9 end the visit.  After a call the
cursor is in the account search: type an account or meter number, a phone (whole or
last four), a name or its pinyin initials, an address from its road (锦华路25号); ↓
into the list, Enter takes the account and moves to the purpose; Enter there moves on.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from hallclient.errors import HallError
from hallclient.intake.visits import VisitStage, VisitView
from hallclient.ledger.service import AccountBills
from ui.intake.account_models import AccountTableModel
from ui.intake.account_panel_text import account_panel_text
from ui.intake.close_visit_dialog import CloseVisitDialog
from ui.intake.day_view_dialog import DayViewDialog
from ui.intake.emergency_flow import EmergencyFlow
from ui.intake.layout import lay_out
from ui.intake.reading_dialog import ReadingDialog
from ui.intake.referral_flow import ReferralFlow
from ui.intake.slip_reprint import SlipKeeper
from ui.intake.ticket_dialogs import IssueTicketDialog, TransferDialog
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import is_plain, named, table_view
from ui.words.intake import intake_problem_text, stage_text
from ui.words.phrase_watch import PhraseWatch

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.account_search import AccountHit
    from hallclient.intake.queue import CalledTicket
    from hallclient.intake.service import AccountPanel, Purpose, QueueCategory
    from hallclient.referrals.service import ReferralView

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_BEFORE_CHARGE = (VisitStage.CALLED, VisitStage.GREETED, VisitStage.SERVING)
WAITING_REFRESH_MS = 15_000  # tickets issued at reception show up within this


class IntakePage(QFrame):
    sig_visit_changed = Signal(object)  # the VisitView, or None when no customer is served
    sig_closing = Signal(bool)  # the end-of-visit dialog opened (True) or went away (False)
    sig_referred = Signal(str)  # the department the visit's matter was referred to
    sig_pay_bills = Signal(object)  # the account's open bills as cart lines (list[Quote])

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
        self.visit: VisitView | None = None
        self.ticket_id: int | None = None
        self.searches = 0  # the newest search; older answers are dropped
        self._purposes: list[Purpose] = []
        self._categories: list[QueueCategory] = []
        self.close_dialog: CloseVisitDialog | None = None
        self.account: AccountPanel | None = None  # the account taken for this visit
        self.day_dialog: DayViewDialog | None = None
        self.ticket_dialog: IssueTicketDialog | None = None
        self.transfer_dialog: TransferDialog | None = None
        self.reading_dialog: ReadingDialog | None = None
        self._runner = TaskRunner(self)
        self._queue_runner = TaskRunner(self)  # the waiting count, on its own
        self._build()
        self.attempt = Attempt(self)
        self.referral_flow = ReferralFlow(self, core, user_of)
        self.slips = SlipKeeper(self, core)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F5), self, self.slips.print_again)
        self.emergency = EmergencyFlow(self, core, user_of)
        self.notes.textChanged.connect(self.emergency.notes_changed)
        self._queue_timer = QTimer(self, interval=WAITING_REFRESH_MS)
        self._queue_timer.timeout.connect(self.refresh_waiting)
        self.panel.hide()
        self.retranslate()

    def _build(self) -> None:
        self.ticket = named(QLabel(), "intakeTicket")
        self.stage = named(QLabel(), "intakeStage")
        self.waiting = named(QLabel(), "feeFound")
        self.search = named(QLineEdit(maxLength=40), "intakeSearch")
        self.search.textChanged.connect(self._search)
        self.accounts = AccountTableModel()
        self.results = table_view(self.accounts, "intakeResults", AccountTableModel.COL_ADDRESS)
        self.panel = named(QLabel(wordWrap=True), "intakePanel")
        self.panel.setTextFormat(Qt.TextFormat.PlainText)
        self.purpose = named(QComboBox(), "intakePurpose")
        self.purpose.activated.connect(self._purpose_chosen)
        self.notes = named(QPlainTextEdit(), "intakeNotes")
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.keys = named(QLabel(wordWrap=True), "feeFound")
        self._labels = [named(QLabel(), "feeFieldLabel") for _ in range(2)]
        self.notes_phrases = PhraseWatch(self.notes, self._core.scripts.check_text)
        self.setLayout(lay_out(self, self._labels))
        for widget in (self.search, self.results, self.purpose):
            widget.installEventFilter(self)
        keys = (
            (Qt.Key.Key_F2, self.call_next),
            (Qt.Key.Key_F3, self.recall),
            (Qt.Key.Key_F4, self.skip),
            (Qt.Key.Key_F6, self.walk_in),
            (Qt.Key.Key_F7, self.issue_tickets),
            (Qt.Key.Key_F8, self.transfer),
            (Qt.Key.Key_F9, self.end_visit),
            (Qt.Key.Key_F11, self.show_day),
            (Qt.Key.Key_F5, self.refer),
            (Qt.Key.Key_F10, self.pay_bills),
        )
        for key, action in keys:
            QShortcut(QKeySequence(key), self, action)
        QShortcut(QKeySequence("Ctrl+R"), self, self.report_reading)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Account or meter no., phone or last 4 digits, name, pinyin initials, address")
        )
        self._labels[0].setText(self.tr("Purpose"))
        self._labels[1].setText(self.tr("Notes"))
        self.keys.setText(
            self.tr(
                "F2 call next · F3 call again · F4 not present · F5 refer (Ctrl+F5 prints "
                "its slip again) · F6 walk-in · F7 issue tickets · F8 transfer · F9 end the "
                "visit · F10 pay the account's bills · Ctrl+R the customer's own reading · "
                "F11 today's visits"
            )
        )
        self.purpose.setPlaceholderText(self.tr("Choose the purpose"))
        self._fill_purposes()
        self._show_visit()

    def hideEvent(self, event: Any) -> None:
        self._queue_timer.stop()  # another page, or the idle lock: no polling behind it
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._queue_timer.start()
        if not self._purposes:
            self._load_purposes()
        self.refresh_waiting()

    # -- the queue ---------------------------------------------------------------------------

    def refresh_waiting(self) -> None:
        if self._queue_runner.busy():
            return  # the last count is still on its way
        user = self._user_of()
        self._queue_runner.start(
            lambda _p: len(self._core.intake.waiting(user)), self._show_waiting, self._failed
        )

    def _show_waiting(self, count: int) -> None:
        self.waiting.setText(self.tr("{count} waiting").format(count=count))

    def _load_purposes(self) -> None:
        """Purposes and queue categories, read once, off the GUI thread."""
        user = self._user_of()
        self._runner.start(
            lambda _p: (self._core.intake.purposes(user), self._core.intake.queue_categories(user)),
            self._purposes_loaded,
            self._failed,
        )

    def _purposes_loaded(self, loaded: tuple[list[Purpose], list[QueueCategory]]) -> None:
        self._purposes, self._categories = loaded
        self._fill_purposes()

    def _fill_purposes(self) -> None:
        """The purposes in the interface language, keeping the one chosen."""
        chosen = self.purpose.currentIndex()
        chinese = QLocale().language() == QLocale.Language.Chinese
        self.purpose.clear()
        for purpose in self._purposes:
            self.purpose.addItem(purpose.name_zh if chinese else purpose.name_en, purpose.code)
        self.purpose.setCurrentIndex(chosen)

    def call_next(self) -> None:
        if self.visit is not None:
            self.say(self.tr("Please end the current visit first (F9)."))
            return
        user = self._user_of()

        def work() -> tuple[CalledTicket, VisitView] | None:
            called = self._core.intake.call_next(user)
            return (
                None if called is None else (called, self._core.intake.visit(user, called.visit_id))
            )

        self.attempt.run(work, self._called, self._failed)

    def _called(self, result: tuple[CalledTicket, VisitView] | None) -> None:
        self.refresh_waiting()
        if result is None:
            self.say(self.tr("Nobody is waiting."))
            return
        self.ticket_id = result[0].ticket.id
        self._start(result[1])

    def walk_in(self) -> None:
        if self.visit is not None:
            self.say(self.tr("Please end the current visit first (F9)."))
            return
        user = self._user_of()
        self.attempt.run(lambda: self._core.intake.start_walk_in(user), self._start, self._failed)

    def _start(self, visit: VisitView) -> None:
        self.visit = visit
        self._clear_customer()
        self.say("")
        self._show_visit()
        self.refresh_waiting()
        self.search.setFocus()

    def _clear_customer(self) -> None:
        """Nothing of one customer stays on screen for the next."""
        self.search.clear()
        self.accounts.set_rows([])
        self.panel.clear()
        self.panel.hide()
        self.account = None
        self.notes.clear()
        self.purpose.setCurrentIndex(-1)

    def recall(self) -> None:
        if self.ticket_id is None:
            return
        user, ticket = self._user_of(), self.ticket_id
        self.attempt.run(
            lambda: self._core.intake.recall(user, ticket),
            lambda _t: self.say(self.tr("Called again.")),
            self._failed,
        )

    def skip(self) -> None:
        if self.ticket_id is None:
            return
        user, ticket = self._user_of(), self.ticket_id
        self.attempt.run(
            lambda: self._core.intake.skip(user, ticket),
            lambda _t: self._ended(
                self.tr("Marked as not present; it can be called again for 15 minutes.")
            ),
            self._failed,
        )

    # -- the account -------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.searches += 1
        generation, user = self.searches, self._user_of()
        self._runner.start(
            lambda _p: self._core.intake.search_accounts(user, text),
            lambda hits: self._found(generation, hits),
            self._failed,
        )

    def _found(self, generation: int, hits: list[AccountHit]) -> None:
        if generation != self.searches:
            return  # the clerk has typed on since: a newer answer is coming
        self.accounts.set_rows(hits)
        if hits:
            self.results.selectRow(0)

    def _take_account(self) -> bool:
        hit = self.accounts.row_at(self.results.currentIndex().row())
        if hit is None or self.visit is None:
            return False
        user, visit_id = self._user_of(), self.visit.id

        def work() -> tuple[VisitView, AccountPanel, list[ReferralView]]:
            visit = self._core.intake.set_visit_account(user, visit_id, hit.account_no)
            referrals = self._core.referrals.for_account(user, hit.account_no)
            return visit, self._core.intake.account_panel(user, hit.account_no), referrals

        self.attempt.run(work, self._account_taken, self._failed)
        return True

    def _account_taken(self, result: tuple[VisitView, AccountPanel, list[ReferralView]]) -> None:
        self.visit, panel, referrals = result
        self.account = panel
        self.panel.setText(account_panel_text(panel, referrals, self._core.settings.timezone))
        self.panel.show()
        self._show_visit()
        self.purpose.setFocus()

    # -- purpose and end ---------------------------------------------------------------------

    def _purpose_chosen(self, index: int) -> None:
        if self.visit is None or index < 0:
            return
        user, visit_id, code = self._user_of(), self.visit.id, self.purpose.itemData(index)
        self.attempt.run(
            lambda: self._core.intake.set_visit_purpose(user, visit_id, code),
            self._changed,
            self._failed,
        )

    def _changed(self, visit: VisitView) -> None:
        self.visit = visit
        self._show_visit()
        self.emergency.visit_changed(visit)

    def charge_pending(self, total: Decimal) -> None:
        """The fees page's cart: a visit being served moves on to the charge (once)."""
        visit = self.visit
        if visit is None or total <= 0 or visit.stage not in _BEFORE_CHARGE:
            return
        user, visit_id = self._user_of(), visit.id
        self._runner.start(
            lambda _p: self._core.intake.advance_visit(user, visit_id, VisitStage.CHARGING),
            lambda changed: self._changed(changed) if self._is_current(changed) else None,
            self._failed,
        )

    def _is_current(self, visit: VisitView) -> bool:
        return self.visit is not None and self.visit.id == visit.id

    def refer(self) -> None:
        """Hand the matter to the department that handles it (F5): the form, then the slip."""
        if self.visit is None:
            self.say(self.tr("Call a ticket or take a walk-in first."))
            return
        purpose = next((p for p in self._purposes if p.code == self.visit.purpose_code), None)
        self.referral_flow.start(
            self.visit, purpose.department_code if purpose else None, self.account
        )

    def visit_referred(self, visit: VisitView, department_code: str, text: str) -> None:
        self._changed(visit)
        self.sig_referred.emit(department_code)
        self.say(text)

    def show_problem(self, error: HallError) -> None:
        self._failed(error)

    def end_visit(self) -> None:
        """Ask outcome and rating in a dialog (window-modal, not a nested event loop)."""
        if self.visit is None:
            self.say(self.tr("There is no visit to end."))
            return
        self.close_dialog = CloseVisitDialog(self)
        self.close_dialog.accepted.connect(self._close_confirmed)
        self.close_dialog.finished.connect(lambda _result: self.sig_closing.emit(False))
        self.sig_closing.emit(True)  # the panel shows the satisfaction question and farewell
        self.close_dialog.open()
        self.close_dialog.activateWindow()

    def _close_confirmed(self) -> None:
        dialog, visit = self.close_dialog, self.visit
        if dialog is None or visit is None:
            return
        user, visit_id, notes = self._user_of(), visit.id, self.notes.toPlainText()
        outcome, rating, comment = dialog.chosen_outcome, dialog.rating, dialog.comment.text()
        self.close_dialog = None
        dialog.deleteLater()

        def work() -> VisitView:
            self._core.intake.set_visit_notes(user, visit_id, notes)
            return self._core.intake.close_visit(user, visit_id, outcome, rating, comment)

        self.attempt.run(
            work, lambda _v: self._ended(self.tr("The visit is closed.")), self._failed
        )

    def _ended(self, message: str) -> None:
        self.visit, self.ticket_id = None, None
        self._clear_customer()
        self._show_visit()
        self.say(message)
        self.refresh_waiting()

    def issue_tickets(self) -> None:
        """The reception desk's window (F7): number keys issue tickets; it stays open."""
        dialog = IssueTicketDialog(self._core, self._user_of, self._categories, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.refresh_waiting)
        self.ticket_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def transfer(self) -> None:
        """Send the called ticket to another service or counter, with a note (F8)."""
        if self.ticket_id is None or self.visit is None:
            self.say(self.tr("Only a called ticket can be transferred."))
            return
        dialog = TransferDialog(self._categories, self._core.scripts.check_text, self)
        self.transfer_dialog = dialog
        dialog.accepted.connect(lambda: self._transfer_confirmed(dialog))
        dialog.open()
        dialog.activateWindow()

    def _transfer_confirmed(self, dialog: TransferDialog) -> None:
        user, ticket = self._user_of(), self.ticket_id
        assert ticket is not None
        note, category = dialog.note.text(), dialog.category.currentData()
        counter = dialog.counter.text().strip().upper() or None
        dialog.deleteLater()
        self.attempt.run(
            lambda: self._core.intake.transfer(user, ticket, note, category, counter),
            lambda moved: self._ended(self.tr("{ticket} transferred.").format(ticket=moved.label)),
            self._failed,
        )

    def show_day(self) -> None:
        """Today's visits and counter figures, in their own window (F11)."""
        self.day_dialog = DayViewDialog(self._core, self._user_of, self)
        self.day_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.day_dialog.show()
        self.day_dialog.reload()

    def pay_bills(self) -> None:
        """F10: the taken account's open bills, oldest first with their late fees, into the
        cart for the payments page (fewer: remove the newest there)."""
        if self.account is None:
            self.say(self.tr("Take the customer's account first (search, then Enter)."))
            return
        user, account_no = self._user_of(), self.account.account_no
        self.attempt.run(
            lambda: self._core.ledger.account_bills(user, account_no),
            self._bills_taken,
            self._failed,
        )

    def report_reading(self) -> None:
        """Ctrl+R: the customer's own meter reading, billed at once (then F10 pays it)."""
        if self.account is None or self.visit is None:
            self.say(self.tr("Take the customer's account first (search, then Enter)."))
            return
        account = self.account
        dialog = self.reading_dialog = ReadingDialog(
            self._core, self._user_of, account.account_no, account.name, self
        )
        dialog.accepted.connect(lambda: self._reading_billed(account.account_no, dialog.bill_no))
        dialog.open()

    def _reading_billed(self, account_no: str, bill_no: str | None) -> None:
        user, visit = self._user_of(), self.visit
        self.attempt.run(
            lambda: (
                visit,
                self._core.intake.account_panel(user, account_no),
                self._core.referrals.for_account(user, account_no),
            ),
            self._account_taken,
            self._failed,
        )
        self.say(
            self.tr("Reading recorded and billed: bill {bill}. F10 pays it.").format(bill=bill_no)
        )

    def _bills_taken(self, bills: AccountBills) -> None:
        if not bills.bills:
            self.say(self.tr("The account has no unpaid bills."))
            return
        self.sig_pay_bills.emit(bills.cart_lines())
        self.say(
            self.tr("{count} bills in the cart: ￥{amount} with late fees ￥{fees}.").format(
                count=len(bills.bills),
                amount=f"{bills.arrears + bills.late_fees:,.2f}",
                fees=f"{bills.late_fees:,.2f}",
            )
        )

    # -- showing -----------------------------------------------------------------------------

    def _show_visit(self) -> None:
        visit = self.visit
        self.sig_visit_changed.emit(visit)
        if visit is None:
            self.ticket.setText(self.tr("No customer"))
            self.stage.setText(self.tr("Press F2 to call the next ticket"))
            return
        self.ticket.setText(visit.ticket_label or self.tr("Walk-in"))
        self.stage.setText(stage_text(visit.stage))

    def say(self, text: str) -> None:
        self.message.setText(text)

    def host_widget(self) -> QWidget:
        return self

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self.say(intake_problem_text(error))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = is_plain(event)
            if watched is self.search and event.key() == Qt.Key.Key_Down:
                self.results.setFocus()
                return False
            if watched in (self.search, self.results) and plain and event.key() in ENTER:
                return self._take_account()
            if watched is self.purpose and plain and event.key() in ENTER:
                self._purpose_chosen(self.purpose.currentIndex())
                self.notes.setFocus()
                return True
        return super().eventFilter(watched, event)
