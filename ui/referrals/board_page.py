"""The department's board: its open referrals, the most pressing first, moved on by key.

Keys: F2 acknowledge, F3 in progress, F9 close with the result written in the note,
F8 return to the hall with the reason written in the note, F5 read the board again.
Overdue referrals show in red (escalated ones say so); the selected one shows its
matter, contact and whole history.  A theft report shows only its redacted reference.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from db.domain import ReferralStatus
from hallclient.clock import local
from hallclient.errors import HallError
from hallclient.referrals.informants import redacted_reference
from hallclient.referrals.service import ReferralView
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.widgets import named, table_view
from ui.referrals.models import BoardModel
from ui.words.referrals import referral_problem_text, status_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
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
        self._build()
        self.attempt = Attempt(self)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "pageTitle")
        self.table = table_view(self.referrals, "referralBoard", BoardModel.COL_MATTER)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.detail = named(QLabel(wordWrap=True), "intakePanel")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.note = named(QLineEdit(maxLength=500), "payReason")
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.keys = named(QLabel(wordWrap=True), "feeFound")
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.table, 1, 0)
        grid.addWidget(self.detail, 1, 1)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.addWidget(self.message, 3, 0, 1, 2)
        grid.addWidget(self.keys, 4, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        steps = (
            (Qt.Key.Key_F2, ReferralStatus.ACKNOWLEDGED),
            (Qt.Key.Key_F3, ReferralStatus.IN_PROGRESS),
            (Qt.Key.Key_F9, ReferralStatus.CLOSED),
            (Qt.Key.Key_F8, ReferralStatus.RETURNED),
        )
        for key, status in steps:
            QShortcut(QKeySequence(key), self, lambda s=status: self.move_to(s))
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Referrals to my department"))
        self.note.setPlaceholderText(
            self.tr("Note: the result when closing, the reason when returning to the hall")
        )
        self.keys.setText(
            self.tr(
                "F2 acknowledge · F3 in progress · F9 close with the result · "
                "F8 return to the hall with the reason · F5 refresh"
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
        self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    # -- reading and moving ------------------------------------------------------------------

    def reload(self) -> None:
        user = self._user_of()
        self.attempt.run(lambda: self._core.referrals.board(user), self._loaded, self._failed)

    def _loaded(self, rows: list[ReferralView]) -> None:
        chosen = self.selected()
        self.referrals.set_rows(rows)
        at = next((i for i, r in enumerate(rows) if chosen and r.id == chosen.id), 0)
        if rows:
            self.table.selectRow(at)
        self._show_selected()

    def selected(self) -> ReferralView | None:
        return self.referrals.row_at(self.table.currentIndex().row())

    def move_to(self, status: ReferralStatus) -> None:
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
            self.detail.setText(self.tr("Nothing waits for your department."))
            return
        user = self._user_of()
        self.detail.setText(self._detail_text(referral, []))
        self.attempt.run(
            lambda: self._core.referrals.history(user, referral.id),
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
