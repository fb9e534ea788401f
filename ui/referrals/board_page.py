"""The department's board: its open referrals, the most pressing first, moved on by key.

Keys: F2 acknowledge, F3 in progress, F9 close with the result written in the note,
F8 return to the hall with the reason written in the note, F5 read the board again,
Ctrl+N the note and Esc back to the list, F6 the history (what the department closed or
returned in the last 30 days, newest first) and back.  Overdue referrals show in red
(escalated ones say so); the selected one shows its matter, contact and whole history.
A theft report shows only its redacted reference.  Department staff land here at login.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QWidget,
)

from db.domain import ReferralStatus
from hallclient.clock import local
from hallclient.errors import HallError
from hallclient.referrals.board_history import HISTORY_DAYS
from hallclient.referrals.informants import redacted_reference
from hallclient.referrals.service import ReferralError, ReferralProblem, ReferralView
from hallclient.text_input import TextInputError
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named, table_view
from ui.referrals.models import BoardModel, HistoryModel
from ui.words.referrals import referral_problem_text, status_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.referrals.board_history import Finished
    from hallclient.referrals.service import EventView

REFRESH_MS = 60_000  # new referrals and lateness, without a key


class ReferralBoardPage(QFrame):
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
        self.referrals = BoardModel(core.settings.timezone)
        self.finished = HistoryModel(core.settings.timezone)
        self._build()
        self.attempt = Attempt(self)
        self._reader = TaskRunner(self)  # the selected referral's history
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._focus_list = False  # opened from elsewhere: the cursor goes to the list
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "pageTitle")
        self.table = table_view(self.referrals, "referralBoard", BoardModel.COL_MATTER)
        self.history = table_view(self.finished, "referralHistory", HistoryModel.COL_OUTCOME)
        self.tables = QStackedWidget()
        for table in (self.table, self.history):
            table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
            self.tables.addWidget(table)
        self.detail = named(QLabel(wordWrap=True), "intakePanel")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.note = named(QLineEdit(maxLength=500), "payReason")
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.keys = named(QLabel(wordWrap=True), "feeFound")
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.tables, 1, 0)
        grid.addWidget(self.detail, 1, 1)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.addWidget(self.message, 3, 0, 1, 2)
        grid.addWidget(self.keys, 4, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        QWidget.setTabOrder(self.table, self.history)
        QWidget.setTabOrder(self.history, self.note)
        steps = (
            (Qt.Key.Key_F2, ReferralStatus.ACKNOWLEDGED),
            (Qt.Key.Key_F3, ReferralStatus.IN_PROGRESS),
            (Qt.Key.Key_F9, ReferralStatus.CLOSED),
            (Qt.Key.Key_F8, ReferralStatus.RETURNED),
        )
        for key, status in steps:
            QShortcut(QKeySequence(key), self, lambda s=status: self.move_to(s))
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, self.toggle_history)
        QShortcut(QKeySequence("Ctrl+N"), self, self.note.setFocus)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.note, self.back_to_list)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)

    @property
    def showing_history(self) -> bool:
        return self.tables.currentWidget() is self.history

    def list_view(self) -> QTableView:
        """The table shown: the open referrals, or the history."""
        return self.history if self.showing_history else self.table

    def back_to_list(self) -> None:
        self.list_view().setFocus()

    def retranslate(self) -> None:
        if self.showing_history:
            self.title.setText(
                self.tr("My department's closed and returned referrals, last {days} days").format(
                    days=HISTORY_DAYS
                )
            )
        else:
            self.title.setText(self.tr("Referrals to my department"))
        self.note.setPlaceholderText(
            self.tr(
                "Note: the result when closing, the reason when returning to the hall "
                "(Ctrl+N; Esc back)"
            )
        )
        self.keys.setText(
            self.tr(
                "F2 acknowledge · F3 in progress · F9 close with the result · "
                "F8 return to the hall with the reason · F6 history · F5 refresh"
            )
        )
        self._show_selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()
        focus = QApplication.focusWidget()
        self._focus_list = focus is None or not self.isAncestorOf(focus)  # once it is read
        self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    # -- reading and moving ------------------------------------------------------------------

    def reload(self) -> None:
        user, desk = self._user_of(), self._core.referrals
        if self.showing_history:
            self.attempt.run(lambda: desk.finished(user), self._history_read, self._failed)
        else:
            self.attempt.run(lambda: desk.board(user), self._loaded, self._failed)

    def _loaded(self, rows: list[ReferralView]) -> None:
        chosen = self.selected()
        self.referrals.set_rows(rows)
        at = next((i for i, r in enumerate(rows) if chosen and r.id == chosen.id), 0)
        if rows:
            self.table.selectRow(at)  # a new current row: its detail follows
        else:
            self._show_selected()
        self._take_focus()

    def _history_read(self, rows: list[Finished]) -> None:
        chosen = self.selected()
        self.finished.set_rows(rows)
        at = next((i for i, r in enumerate(rows) if chosen and r.referral.id == chosen.id), 0)
        if rows:
            self.history.selectRow(at)  # a new current row: its detail follows
        else:
            self._show_selected()
        self._take_focus()

    def _take_focus(self) -> None:
        """Opened from elsewhere: once the list is read, the cursor is on it."""
        if self._focus_list:
            self._focus_list = False
            self.list_view().setFocus()

    def toggle_history(self) -> None:
        """F6: the history of what the department closed or returned, and back."""
        self.tables.setCurrentWidget(self.table if self.showing_history else self.history)
        self.list_view().setFocus()
        self.message.clear()
        self.retranslate()
        self.reload()

    def selected(self) -> ReferralView | None:
        if self.showing_history:
            finished = self.finished.row_at(self.history.currentIndex().row())
            return None if finished is None else finished.referral
        return self.referrals.row_at(self.table.currentIndex().row())

    def move_to(self, status: ReferralStatus) -> None:
        if self.showing_history:
            self.message.setText(self.tr("This is the history: F6 back to the open referrals."))
            return
        referral = self.selected()
        if referral is None:
            return
        user, note = self._user_of(), self.note.text()
        self.attempt.run(
            lambda: self._core.referrals.move(user, referral.id, status, note),
            self._moved,
            self._failed,
        )

    def _moved(self, referral: ReferralView) -> None:
        self.note.clear()
        self.table.setFocus()
        state = status_text(referral.status.value)
        self.message.setText(
            self.tr("{reference}: {state}.").format(
                reference=self._reference(referral), state=state
            )
        )
        self.reload()

    # -- showing -----------------------------------------------------------------------------

    @staticmethod
    def _reference(referral: ReferralView) -> str:
        return (
            redacted_reference(referral.reference)
            if referral.confidential
            else (referral.reference)
        )

    def _show_selected(self) -> None:
        referral = self.selected()
        if referral is None:
            self.detail.setText(
                self.tr("Nothing closed or returned lately.")
                if self.showing_history
                else self.tr("Nothing waits for your department.")
            )
            return
        user = self._user_of()
        self.detail.setText(self._detail_text(referral, []))
        self._reader.start(  # read beside the work: the keys go on meanwhile
            lambda _progress: self._core.referrals.history(user, referral.id),
            lambda events: self._history_loaded(referral, events),
            self._failed,
        )

    def _history_loaded(self, referral: ReferralView, events: list[EventView]) -> None:
        if self.selected() == referral:
            self.detail.setText(self._detail_text(referral, events))

    def _detail_text(self, referral: ReferralView, events: list[EventView]) -> str:
        timezone = self._core.settings.timezone
        parts = (
            referral.contact_name,
            referral.contact_phone,
            referral.address,
            referral.appointment,
        )
        contact = " ".join(part for part in parts if part)
        lines = [
            self._reference(referral),
            referral.matter,
            self.tr("Account: {account}").format(account=referral.account_no or "—"),
            self.tr("Contact: {contact}").format(contact=contact or "—"),
        ]
        lines += [
            f"{local(e.at, timezone):%m-%d %H:%M}  {status_text(e.status.value)}  "
            f"{e.actor}  {e.note}".rstrip()
            for e in events
        ]
        return "\n".join(lines)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self.message.setText(referral_problem_text(error))
        note_refused = (
            isinstance(error, ReferralError) and error.problem is ReferralProblem.OUTCOME_REQUIRED
        ) or (isinstance(error, TextInputError) and error.field == "note")
        if note_refused:  # the refusal names the note: the cursor goes there
            self.note.setFocus()
