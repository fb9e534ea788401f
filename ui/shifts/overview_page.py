"""The shift manager's overview of the hall's day: every shift, the totals, the charts.

Keys: F5 reads the day again; F9 approves the selected shift; F8 returns it for a
recount (reason typed first); F10 closes the hall's day and prints the day close;
Ctrl+P saves the day report (PDF) and Ctrl+R the selected shift's report; Ctrl+E
exports the date range to XLSX, with a progress dialog that can cancel.  Files go to
the HallClient folder in Documents.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hallclient.access.permissions import Action, allowed
from hallclient.errors import HallError
from hallclient.money import format_yuan
from hallclient.reports.day_data import DayReport
from hallclient.shifts.day_close import DayClosePreview, DayCloseView
from hallclient.shifts.errors import ShiftError, ShiftProblem
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.i18n import counted
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named, table_view
from ui.shifts.day_charts import DayCharts
from ui.shifts.day_close_dialog import DayCloseDialog
from ui.shifts.models import ShiftsModel
from ui.shifts.report_files import ReportFiles
from ui.words.follow_up import CONTEXT as FOLLOW_UP_CONTEXT
from ui.words.follow_up import OVERDUE_CASES
from ui.words.payments import method_text
from ui.words.shifts import (
    PENDING,
    RECEIPTS,
    REPRINTS,
    SHIFT_CONTEXT,
    VOIDS,
    shift_problem_text,
)

OVERDUE_COLOUR = "#b3261e"

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.referrals.service import ReferralView


def _date_edit(name: str) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day_of(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class OverviewPage(QFrame):
    sig_day_closed = Signal()  # the hall's business day moved on
    sig_follow_up = Signal()  # the overdue cases' line was followed: the ratings page

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
        self.report: DayReport | None = None
        self.close_dialog: DayCloseDialog | None = None
        self._runner = TaskRunner(self)
        self.files = ReportFiles(core, self, self.message_text, self._refused)
        self._build()
        self.attempt = Attempt(self.table)
        self.retranslate()

    def _build(self) -> None:
        self.title = named(QLabel(), "pageTitle")
        self.day = _date_edit("overviewDay")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.until = _date_edit("exportUntil")
        self.summary = named(QLabel(wordWrap=True), "overviewSummary")
        self.escalations = named(QLabel(wordWrap=True), "feeMessage")
        self.follow_ups = named(QLabel(), "overviewFollowUps")  # shown to who follows them up
        self.follow_ups.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.follow_ups.linkActivated.connect(lambda _link: self.sig_follow_up.emit())
        self._overdue_cases: int | None = None
        self._escalated: list[ReferralView] = []
        self.shifts = ShiftsModel()
        self.table = table_view(self.shifts, "overviewShifts", ShiftsModel.COL_CLERK)
        self.methods = named(QLabel(wordWrap=True), "overviewMethods")
        self.charts = DayCharts()
        self.reason = named(QLineEdit(maxLength=200), "returnReason")
        self.message = named(QLabel(wordWrap=True), "payMessage")
        self.keys = named(QLabel(wordWrap=True), "pageNote")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        self.day_label, self.until_label = QLabel(), QLabel()
        for field in (self.day_label, self.day, self.until_label, self.until):
            top.addWidget(field)
        charts = QHBoxLayout()
        charts.addWidget(self.charts.methods, 1)
        charts.addWidget(self.charts.categories, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(top)
        for widget in (self.summary, self.follow_ups, self.escalations, self.table, self.methods):
            layout.addWidget(widget)
        layout.addLayout(charts)
        for below in (self.reason, self.message, self.keys):
            layout.addWidget(below)
        for key, slot in (
            ("F5", self.refresh),
            ("F9", self.approve),
            ("F8", self.give_back),
            ("F10", self.close_day),
            ("Ctrl+P", self.save_pdf),
            ("Ctrl+R", self.save_shift_pdf),
            ("Ctrl+E", self.export),
        ):
            QShortcut(QKeySequence(key), self, slot)
        self.reason.returnPressed.connect(self.give_back)  # the reason typed, Enter returns
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.reason, self.table.setFocus)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        for first, then in (
            (self.day, self.until),
            (self.until, self.table),
            (self.table, self.reason),
        ):
            QWidget.setTabOrder(first, then)  # reading order; the charts and labels take no focus

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None:  # first shown: the business day in progress, the list first
            day = self._core.shifts.business_day(self._user_of()).day
            self.until.setDate(_qdate(day))
            self.day.setDate(_qdate(day))
            self.refresh()
            self.table.setFocus()

    def selected_day(self) -> date:
        return _day_of(self.day)

    def refresh(self) -> None:
        user, day, core = self._user_of(), self.selected_day(), self._core
        follows_up = allowed(user.role, Action.FOLLOW_UP_RATINGS)
        self.attempt.run(
            lambda: (
                core.shifts.day(user, day),
                core.referrals.escalated(user),
                len(core.ratings.open_cases(user, overdue_only=True)) if follows_up else None,
            ),
            self._show,
            self._refused,
        )

    def _show(self, loaded: tuple[DayReport, list[ReferralView], int | None]) -> None:
        report, escalated, self._overdue_cases = loaded
        self._escalated = escalated
        self._show_follow_ups()
        self.escalations.setText(
            self.tr("Referrals overdue beyond their target, to follow up: {list}").format(
                list=", ".join(r.reference for r in escalated)
            )
            if escalated
            else ""
        )
        self.report = report
        day = report.day
        self.shifts.set_rows(day.shifts)
        if day.shifts and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        closed = report.close
        if closed is not None:
            state = self.tr("Closed; grand total {total}").format(
                total=format_yuan(closed.grand_total)
            )
        elif day.pending:
            state = counted(SHIFT_CONTEXT, len(day.pending), *PENDING)
        else:
            state = self.tr("Open; every shift approved: F10 closes the day")
        self.summary.setText(
            self.tr("Taken {net} · {receipts} · {voids} ({voided}) · {reprints} · {state}").format(
                net=format_yuan(day.net),
                receipts=counted(SHIFT_CONTEXT, day.receipts, *RECEIPTS),
                voids=counted(SHIFT_CONTEXT, day.voids, *VOIDS),
                voided=format_yuan(day.voided),
                reprints=counted(SHIFT_CONTEXT, day.reprints, *REPRINTS),
                state=state,
            )
        )
        self.methods.setText(
            "   ".join(f"{method_text(m)} {format_yuan(a)}" for m, a in day.by_method.items())
        )
        self.charts.show(day.by_method, day.by_category)

    def _selected_shift(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        line = self.shifts.row_at(rows[0].row()) if rows else None
        return line.shift.id if line else None

    def approve(self) -> None:
        shift_id, user = self._selected_shift(), self._user_of()
        if shift_id is None:
            return
        done = self.tr("Shift {id} is approved.").format(id=shift_id)
        self.attempt.run(
            lambda: self._core.shifts.approve(user, shift_id),
            lambda _r: self._done(done),
            self._refused,
        )

    def give_back(self) -> None:
        shift_id, user, reason = self._selected_shift(), self._user_of(), self.reason.text()
        if shift_id is None:
            return
        done = self.tr("Shift {id} is returned to its clerk for a recount.").format(id=shift_id)
        self.attempt.run(
            lambda: self._core.shifts.give_back(user, shift_id, reason),
            lambda _r: self._done(done),
            self._refused,
        )

    def close_day(self) -> None:
        """F10: what the close would record first; it closes only when confirmed on purpose."""
        user, day = self._user_of(), self.selected_day()
        self.attempt.run(
            lambda: self._core.shifts.preview_day_close(user, day),
            self._confirm_close,
            self._refused,
        )

    def _confirm_close(self, preview: DayClosePreview) -> None:
        self.close_dialog = DayCloseDialog(preview, self)
        self.close_dialog.finished.connect(self._close_dialog_done)
        self.close_dialog.open()

    def _close_dialog_done(self, result: int) -> None:
        """Confirmed: the day closes.  Either way the keys work on the list again."""
        dialog, self.close_dialog = self.close_dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        self.window().activateWindow()
        self.table.setFocus()
        if result == DayCloseDialog.DialogCode.Accepted:
            user, day = self._user_of(), dialog.day
            self.attempt.run(
                lambda: self._core.shifts.close_day(user, day), self._day_closed, self._refused
            )

    def _day_closed(self, view: DayCloseView) -> None:
        self.sig_day_closed.emit()
        self._done(
            self.tr(
                "The business day {day} is closed; the day close is printing. Shifts opened "
                "from now on count for the next business day."
            ).format(day=view.day.isoformat())
        )
        shifts = self._core.shifts
        self._runner.start(
            lambda _p: shifts.print_day_close(view), lambda _s: None, self._day_close_not_printed
        )

    def _day_close_not_printed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            self.files.failed(error)
            return
        failed = self.tr(
            "The day is closed, but its printout failed: {problem} "
            "Ctrl+P saves the day report as a PDF."
        ).format(problem=shift_problem_text(error))
        self.message.setText(f"{self.message.text()}\n{failed}")  # below what the close said

    def _done(self, text: str) -> None:
        self.reason.clear()
        self.message.setText(text)
        self.refresh()

    @property
    def save_dir(self) -> Path:
        return self.files.save_dir

    @save_dir.setter
    def save_dir(self, folder: Path) -> None:
        self.files.save_dir = folder

    def save_pdf(self) -> None:
        self.files.day_pdf(self._user_of(), self.selected_day())

    def save_shift_pdf(self) -> None:
        shift_id = self._selected_shift()
        if shift_id is not None:
            self.files.shift_pdf(self._user_of(), shift_id)

    def export(self) -> None:
        self.files.export(self._user_of(), self.selected_day(), _day_of(self.until))

    def _refused(self, error: HallError) -> None:
        self.message.setText(shift_problem_text(error))
        if isinstance(error, ShiftError) and error.problem is ShiftProblem.NO_REASON:
            self.reason.setFocus()  # the field the refusal names

    def message_text(self, text: str) -> None:
        self.message.setText(text)

    def retranslate(self) -> None:
        self.title.setText(self.area.title)
        self.day_label.setText(self.tr("Day"))
        self.until_label.setText(self.tr("export until"))
        self.reason.setPlaceholderText(self.tr("reason for returning the selected shift"))
        self.keys.setText(
            self.tr(
                "F5 refresh · F9 approve shift · F8 return for recount · "
                "F10 close the day · Ctrl+P day report (PDF) · "
                "Ctrl+R shift report (PDF) · Ctrl+E export (XLSX)"
            )
        )
        if self.report is not None:
            self._show((self.report, self._escalated, self._overdue_cases))

    def _show_follow_ups(self) -> None:
        """The bad ratings' cases past their due day, red when there are any; a link to them."""
        count = self._overdue_cases
        self.follow_ups.setVisible(count is not None)
        if count is None:
            return
        text = counted(FOLLOW_UP_CONTEXT, count, *OVERDUE_CASES)
        colour = OVERDUE_COLOUR if count else "palette(text)"
        self.follow_ups.setText(f'<a href="ratings" style="color:{colour}">{escape(text)}</a>')

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
