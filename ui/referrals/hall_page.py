"""The hall's referrals at the counter (Ctrl+4): today's and every one not done yet.

A referral the department returns comes back to the hall, not to the customer: it is at
the top of this list, in bold, until a counter takes it up (F2, with what it did written
in the note); the overdue ones follow.  The selected one shows its matter, the customer's
contact, the department's reason or result, what the counter should do, and its whole
history.  Keys: F2 taken up by the counter, Ctrl+P print the slip again, Ctrl+N the note
and Esc back to the list, F5 read the list again.  A theft report shows its redacted
reference and state only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from db.domain import ReferralStatus
from hallclient.clock import local
from hallclient.errors import HallError
from hallclient.referrals.informants import redacted_reference
from hallclient.referrals.service import ReferralError, ReferralProblem, ReferralView
from hallclient.text_input import TextInputError
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named, table_view
from ui.referrals.models import HallModel
from ui.words.referrals import (
    counter_advice,
    referral_problem_text,
    slip_fault_text,
    status_text,
)

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.referrals.directory import DepartmentEntry
    from hallclient.referrals.service import EventView

log = logging.getLogger(__name__)
REFRESH_MS = 60_000  # what the departments did meanwhile, and lateness, without a key
Loaded = tuple[list["DepartmentEntry"], list[ReferralView]]


class HallReferralsPage(QFrame):
    sig_reloaded = Signal()  # the list was read again: the status bar's count follows

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
        self.referrals = HallModel(core.settings.timezone)
        self._departments: dict[str, DepartmentEntry] = {}
        self._build()
        self.attempt = Attempt(self)
        self._reader = TaskRunner(self)  # the selected referral's history
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._focus_list = False  # opened from elsewhere: the cursor goes to the list
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "pageTitle")
        self.table = table_view(self.referrals, "hallReferrals", HallModel.COL_OUTCOME)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.detail = named(QLabel(wordWrap=True), "intakePanel")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.note = named(QLineEdit(maxLength=500), "payReason")
        self.message = named(QLabel(wordWrap=True), "feeMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.keys = named(QLabel(wordWrap=True), "feeFound")
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.table, 1, 0)
        grid.addWidget(self.detail, 1, 1)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.addWidget(self.message, 3, 0, 1, 2)
        grid.addWidget(self.keys, 4, 0, 1, 2)
        grid.setColumnStretch(0, 2)  # the list's columns first; the detail wraps
        grid.setColumnStretch(1, 1)
        QWidget.setTabOrder(self.table, self.note)
        keys: tuple[tuple[QKeySequence | Qt.Key, Callable[[], None]], ...] = (
            (Qt.Key.Key_F2, self.take_up),
            (Qt.Key.Key_F5, self.reload),
            (QKeySequence("Ctrl+P"), self.print_slip_again),
            (QKeySequence("Ctrl+N"), self.note.setFocus),
        )
        for key, slot in keys:
            QShortcut(QKeySequence(key), self, slot)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.note, self.table.setFocus)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Referrals from this hall: today's, and those not done"))
        self.note.setPlaceholderText(
            self.tr("What the counter did about a returned referral (Ctrl+N; Esc back)")
        )
        self.keys.setText(
            self.tr(
                "F2 taken up by the counter, with the note · Ctrl+P print the slip again · "
                "Ctrl+N the note · Esc back to the list · F5 refresh"
            )
        )
        self._name_departments()
        self._show_selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Read afresh each time it is opened; the cursor starts on the list."""
        super().showEvent(event)
        self._timer.start()
        focus = QApplication.focusWidget()
        self._focus_list = focus is None or not self.isAncestorOf(focus)  # once it is read
        self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        user, desk = self._user_of(), self._core.referrals

        def work() -> Loaded:
            return desk.departments(), desk.hall_referrals(user)

        self.attempt.run(work, self._loaded, self._failed)

    def _loaded(self, loaded: Loaded) -> None:
        departments, rows = loaded
        self._departments = {department.code: department for department in departments}
        self._name_departments()
        chosen = self.selected()
        self.referrals.set_rows(rows)
        at = next((i for i, r in enumerate(rows) if chosen and r.id == chosen.id), 0)
        if rows:
            self.table.selectRow(at)  # a new current row: its detail follows
        else:
            self._show_selected()
        if self._focus_list:  # opened from elsewhere: once the list is read, the cursor is on it
            self._focus_list = False
            self.table.setFocus()
        self.sig_reloaded.emit()

    def _name_departments(self) -> None:
        chinese = QLocale().language() == QLocale.Language.Chinese  # the screen's language
        self.referrals.department_names = {
            code: entry.name_zh if chinese else entry.name_en
            for code, entry in self._departments.items()
        }
        self.referrals.layoutChanged.emit()

    def selected(self) -> ReferralView | None:
        return self.referrals.row_at(self.table.currentIndex().row())

    # -- the counter's steps ---------------------------------------------------------------

    def take_up(self) -> None:
        """F2: the returned referral is the counter's again; the note says what was done."""
        referral = self.selected()
        if referral is None:
            return
        if referral.status is not ReferralStatus.RETURNED:
            self.message.setText(
                self.tr(
                    "F2 is for a referral the department returned; this one is {state}."
                ).format(state=status_text(referral.status.value))
            )
            return
        user, note = self._user_of(), self.note.text()
        self.attempt.run(
            lambda: self._core.referrals.take_up(user, referral.id, note),
            self._taken_up,
            self._failed,
        )

    def _taken_up(self, referral: ReferralView) -> None:
        self.note.clear()
        self.message.setText(
            self.tr("{reference}: taken up by the counter.").format(reference=_shown(referral))
        )
        self.table.setFocus()
        self.reload()

    def print_slip_again(self) -> None:
        """Ctrl+P: the selected referral's slip once more, marked as printed again."""
        referral = self.selected()
        if referral is None:
            return
        if referral.confidential:
            self.message.setText(self.tr("A theft report's slip is not printed again here."))
            return
        user, desk = self._user_of(), self._core.referrals
        self.attempt.run(
            lambda: desk.reprint_slip(user, referral),
            lambda saved: self._printed(referral, saved),
            lambda error: self.message.setText(slip_fault_text(error)),
        )

    def _printed(self, referral: ReferralView, saved: Path | None) -> None:
        log.info("referral slip %s printed again", referral.reference)
        text = (
            self.tr("The slip of {reference} is printed again.")
            if saved is None
            else self.tr("The slip of {reference} is saved again as {path}.")
        )
        self.message.setText(text.format(reference=referral.reference, path=saved))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            raise error
        self.message.setText(referral_problem_text(error))
        note_refused = (
            isinstance(error, ReferralError) and error.problem is ReferralProblem.NOTE_REQUIRED
        ) or (isinstance(error, TextInputError) and error.field == "note")
        if note_refused:
            self.note.setFocus()

    # -- showing ---------------------------------------------------------------------------

    def _show_selected(self) -> None:
        referral = self.selected()
        if referral is None:
            self.detail.setText(self.tr("No referral from this hall today, and none waiting."))
            return
        self.detail.setText(self._detail_text(referral, []))
        if referral.confidential:  # its history is the department's only
            return
        user = self._user_of()
        self._reader.start(  # read beside the work: the keys go on meanwhile
            lambda _progress: self._core.referrals.history(user, referral.id),
            lambda events: self._history_loaded(referral, events),
            self._failed,
        )

    def _history_loaded(self, referral: ReferralView, events: list[EventView]) -> None:
        if self.selected() == referral:
            self.detail.setText(self._detail_text(referral, events))

    def _detail_text(self, referral: ReferralView, events: list[EventView]) -> str:
        department = self._departments.get(referral.department_code)
        name = self.referrals.department_names.get(referral.department_code, "")
        phone = _phone_text(department, self.tr("{phone} ext. {extension}"))
        due = f"{local(referral.due_at, self._core.settings.timezone):%m-%d %H:%M}"
        lines = [
            f"{_shown(referral)} · {status_text(referral.status.value)} · {name}",
            *self._about(referral),
            "",
            self.tr("What the counter should do: {advice}").format(
                advice=counter_advice(
                    referral.status, referral.lateness, confidential=referral.confidential
                ).format(department=name, phone=phone or "—", due=due)
            ),
        ]
        if events:
            timezone = self._core.settings.timezone
            lines.append("")
            lines += [
                f"{local(e.at, timezone):%m-%d %H:%M}  {status_text(e.status.value)}  "
                f"{e.actor}  {e.note}".rstrip()
                for e in events
            ]
        return "\n".join(lines)

    def _about(self, referral: ReferralView) -> list[str]:
        """The matter, the customer's contact, the department's reason or result."""
        if referral.confidential:
            return [self.tr("A theft report: its matter and answer stay with the department.")]
        parts = (referral.contact_name, referral.contact_phone, referral.address)
        contact = " ".join(part for part in parts if part)
        lines = [
            self.tr("Matter: {matter}").format(matter=referral.matter),
            self.tr("Customer: {contact} · account {account}").format(
                contact=contact or "—", account=referral.account_no or "—"
            ),
        ]
        if referral.outcome:
            label = (
                self.tr("Result: {text}")
                if referral.status is ReferralStatus.CLOSED
                else self.tr("The department's reason: {text}")
            )
            lines.append(label.format(text=referral.outcome))
        return lines


def _shown(referral: ReferralView) -> str:
    return redacted_reference(referral.reference) if referral.confidential else referral.reference


def _phone_text(department: DepartmentEntry | None, with_extension: str) -> str:
    if department is None:
        return ""
    if not department.extension:
        return department.phone
    return with_extension.format(phone=department.phone, extension=department.extension)
