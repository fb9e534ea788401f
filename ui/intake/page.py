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
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from db.domain import VisitStage
from hallclient.errors import HallError
from hallclient.intake.visits import VisitView
from ui.intake.account_models import AccountTableModel
from ui.intake.account_side import AccountSide
from ui.intake.emergency_flow import EmergencyFlow
from ui.intake.layout import lay_out
from ui.intake.rating_wait import RatingWait
from ui.intake.referral_flow import ReferralFlow
from ui.intake.slip_reprint import SlipKeeper
from ui.intake.ticket_actions import TicketActions
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import is_plain, named, table_view
from ui.words.intake import intake_problem_text, stage_text
from ui.words.phrase_watch import PhraseWatch

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.intake.queue import CalledTicket
    from hallclient.intake.service import AccountPanel, Purpose, QueueCategory

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
        self._purposes: list[Purpose] = []
        self.categories: list[QueueCategory] = []
        self.account: AccountPanel | None = None  # the account taken for this visit
        self._runner = TaskRunner(self)
        self.tickets = TicketActions(self, core, user_of)
        self.tickets.sig_closing.connect(self.sig_closing)
        self.account_side = AccountSide(self, core, user_of)
        self.account_side.sig_pay_bills.connect(self.sig_pay_bills)
        self._queue_runner = TaskRunner(self)  # the waiting count, on its own
        self._build()
        self.attempt = Attempt(self)
        self.rating_wait = RatingWait(self)  # the next call, after the last customer's rating
        self.referral_flow = ReferralFlow(self, core, user_of)
        self.slips = SlipKeeper(self, core, user_of)
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
        self.search.textChanged.connect(self.account_side.search)
        self.accounts = AccountTableModel()
        self.results = table_view(self.accounts, "intakeResults", AccountTableModel.COL_ADDRESS)
        self.panel: QLabel = named(QLabel(wordWrap=True), "intakePanel")
        self.panel.setTextFormat(Qt.TextFormat.PlainText)
        self.purpose = named(QComboBox(), "intakePurpose")
        self.purpose.activated.connect(self._purpose_chosen)
        self.notes: QPlainTextEdit = named(QPlainTextEdit(), "intakeNotes")
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it may quote what was typed
        self.keys = named(QLabel(wordWrap=True), "feeFound")
        self._labels = [named(QLabel(), "feeFieldLabel") for _ in range(2)]
        self.notes_phrases = PhraseWatch(self.notes, self._core.scripts.check_text)
        self.setLayout(lay_out(self, self._labels))
        for widget in (self.search, self.results, self.purpose):
            widget.installEventFilter(self)
        tickets, account = self.tickets, self.account_side
        keys = (
            (Qt.Key.Key_F2, self.call_next),
            (Qt.Key.Key_F3, tickets.recall),
            (Qt.Key.Key_F4, tickets.skip),
            (Qt.Key.Key_F6, self.walk_in),
            (Qt.Key.Key_F7, tickets.issue_tickets),
            (Qt.Key.Key_F8, tickets.transfer),
            (Qt.Key.Key_F9, tickets.end_visit),
            (Qt.Key.Key_F11, tickets.show_day),
            (Qt.Key.Key_F5, self.refer),
            (Qt.Key.Key_F10, account.pay_bills),
        )
        for key, action in keys:
            QShortcut(QKeySequence(key), self, action)
        QShortcut(QKeySequence("Ctrl+R"), self, account.report_reading)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Account/meter no., phone or last 4, name, pinyin initials, address")
        )
        self._labels[0].setText(self.tr("Purpose"))
        self._labels[1].setText(self.tr("Notes"))
        self.keys.setText(
            self.tr(
                "F2 call next · F3 call again · F4 not present · F5 refer (Ctrl+F5 prints "
                "its slip again) · F6 walk-in · F7 issue tickets · F8 transfer · F9 end the "
                "visit · F10 pay the account's bills · Ctrl+G quote its gas by volume · "
                "Ctrl+R the customer's own reading · "
                "F11 today's visits"
            )
        )
        self.purpose.setPlaceholderText(self.tr("Choose the purpose"))
        self._fill_purposes()
        self.show_visit()

    def hideEvent(self, event: QHideEvent) -> None:
        self._queue_timer.stop()  # another page, or the idle lock: no polling behind it
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._queue_timer.start()
        self.emergency.read_words()  # ahead of any leak: the screen must not wait for them
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
        self._purposes, self.categories = loaded
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

        self.attempt.run(work, self._called, lambda error: self._refused(error, self.call_next))

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
        self.attempt.run(
            lambda: self._core.intake.start_walk_in(user),
            self._start,
            lambda error: self._refused(error, self.walk_in),
        )

    def _refused(self, error: HallError, again: Callable[[], None]) -> None:
        """A refused call or walk-in; one waiting for the last customer's rating is kept, and
        made only if the clerk is still here (not locked away) and has started no other."""

        def if_still_wanted() -> None:
            if self.visit is not None:
                return  # the clerk has started another visit meanwhile
            if self.isVisible() and not self.attempt.running:
                again()
            else:  # away from the page or busy: the clerk is told, not left waiting
                self.say(self.tr("The customer's rating is settled: call the next one (F2)."))

        self.rating_wait.hold(error, if_still_wanted)
        self._failed(error)

    def rating_settled(self, _visit_id: int) -> None:
        """The customer screen's rating is in: a call kept waiting for it goes now."""
        self.rating_wait.release()

    def _start(self, visit: VisitView) -> None:
        self.visit = visit
        self._clear_customer()
        self.say("")
        self.show_visit()
        self.refresh_waiting()
        self.search.setFocus()
        if visit.given_account_no and not visit.account_no:
            self._offer_given_account(visit.given_account_no)

    def _offer_given_account(self, account_no: str) -> None:
        """The number the customer typed at the kiosk is searched, not taken: the clerk
        checks who the customer is, then Enter takes it (a mistyped digit is someone else)."""
        self.search.setText(account_no)
        self.say(
            self.tr(
                "Account number given at the kiosk: {account}. Check the customer's identity, "
                "then press Enter to take it."
            ).format(account=account_no)
        )

    def _clear_customer(self) -> None:
        """Nothing of one customer stays on screen for the next."""
        self.search.clear()
        self.accounts.set_rows([])
        self.panel.clear()
        self.panel.hide()
        self.account = None
        self.notes.clear()
        self.purpose.setCurrentIndex(-1)

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
        self.show_visit()
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

    def visit_ended(self, message: str) -> None:
        self.visit, self.ticket_id = None, None
        self._clear_customer()
        self.show_visit()
        self.say(message)
        self.refresh_waiting()
        self.activateWindow()  # back from the farewell dialog: F2 calls the next from here
        self.search.setFocus()

    # -- showing -----------------------------------------------------------------------------

    def show_visit(self) -> None:
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
                return self.account_side.take()
            if watched is self.purpose and plain and event.key() in ENTER:
                self._purpose_chosen(self.purpose.currentIndex())
                self.notes.setFocus()
                return True
        return super().eventFilter(watched, event)
