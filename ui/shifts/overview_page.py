"""The shift manager's overview of the hall's day: every shift, the totals, the charts.

Keys: F5 reads the day again; F9 approves the selected shift; F8 returns it for a
recount (reason typed first); F10 closes the hall's day and prints the day close;
Ctrl+P saves the day report (PDF) and Ctrl+R the selected shift's report; Ctrl+E
exports the date range to XLSX, with a progress dialog that can cancel.  Files go to
the HallClient folder in Documents.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from hallclient import paths
from hallclient.errors import HallError
from hallclient.money import format_yuan
from hallclient.reports.day_data import DayReport
from hallclient.reports.export_xlsx import ExportCancelledError, ExportSummary
from hallclient.shifts.day_close import DayCloseView
from ui.kit.area import Area
from ui.kit.attempt import Attempt
from ui.kit.tasks import TaskRunner
from ui.kit.widgets import named, table_view
from ui.shifts.day_charts import DayCharts
from ui.shifts.models import ShiftsModel
from ui.words.payments import method_text
from ui.words.shifts import shift_problem_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.referrals.service import ReferralView

log = logging.getLogger(__name__)


def _write(target: Path, data: bytes) -> Path:
    """Write beside the target, then rename: a failure never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


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
        self.save_dir: Path = paths.reports_dir()
        self.progress: QProgressDialog | None = None
        self._cancelled = False
        self._runner = TaskRunner(self)
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
        for widget in (self.summary, self.escalations, self.table, self.methods):
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None:
            today = self._core.context(self._user_of()).today()
            self.until.setDate(_qdate(today))
            self.day.setDate(_qdate(today))
            self.refresh()

    def selected_day(self) -> date:
        return _day_of(self.day)

    def refresh(self) -> None:
        user, day = self._user_of(), self.selected_day()
        self.attempt.run(
            lambda: (self._core.shifts.day(user, day), self._core.referrals.escalated(user)),
            self._show,
            self._refused,
        )

    def _show(self, loaded: tuple[DayReport, list[ReferralView]]) -> None:
        report, escalated = loaded
        self._escalated = escalated
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
        else:
            state = self.tr("Open; {n} shift(s) still to approve").format(n=len(day.pending))
        self.summary.setText(
            self.tr(
                "Taken {net} · {receipts} receipts · {voids} voids ({voided}) · "
                "{reprints} reprints · {state}"
            ).format(
                net=format_yuan(day.net),
                receipts=day.receipts,
                voids=day.voids,
                voided=format_yuan(day.voided),
                reprints=day.reprints,
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
        user, day = self._user_of(), self.selected_day()
        self.attempt.run(
            lambda: self._core.shifts.close_day(user, day), self._day_closed, self._refused
        )

    def _day_closed(self, view: DayCloseView) -> None:
        self._done(self.tr("The day is closed; the day close is printing."))
        shifts = self._core.shifts
        self._runner.start(
            lambda _p: shifts.print_day_close(view), lambda _s: None, self._day_close_not_printed
        )

    def _day_close_not_printed(self, error: BaseException) -> None:
        if not isinstance(error, HallError):
            self._failed(error)
            return
        self.message.setText(
            self.tr(
                "The day is closed, but its printout failed: {problem} "
                "Ctrl+P saves the day report as a PDF."
            ).format(problem=shift_problem_text(error))
        )

    def _done(self, text: str) -> None:
        self.reason.clear()
        self.message.setText(text)
        self.refresh()

    def save_pdf(self) -> None:
        user, day, folder = self._user_of(), self.selected_day(), self.save_dir
        target = folder / f"day-report-{day.isoformat()}.pdf"

        def work(_progress: object) -> Path:
            return _write(target, self._core.shifts.day_pdf(user, day))

        self.message.setText(self.tr("Writing the day report…"))
        self._runner.start(work, self._saved, self._failed)

    def save_shift_pdf(self) -> None:
        """The selected shift's report (Z once counted, else an X reading) as a PDF."""
        shift_id, user, folder = self._selected_shift(), self._user_of(), self.save_dir
        if shift_id is None:
            return
        target = folder / f"shift-{shift_id}.pdf"

        def work(_progress: object) -> Path:
            desk = self._core.shifts
            return _write(target, desk.report_pdf(desk.reading(user, shift_id)))

        self._runner.start(work, self._saved, self._failed)

    def _saved(self, target: Path) -> None:
        self.message.setText(self.tr("Saved: {path}").format(path=str(target)))

    def export(self) -> None:
        user, first, last = self._user_of(), self.selected_day(), _day_of(self.until)
        target = self.save_dir / f"hallclient-{first.isoformat()}-{last.isoformat()}.xlsx"
        self._cancelled = False
        self.progress = QProgressDialog(
            self.tr("Exporting to XLSX…"), self.tr("Cancel"), 0, 100, self
        )
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.canceled.connect(self._cancel)
        self.progress.show()

        def work(report: Callable[[int, int], None]) -> ExportSummary:
            def progress(done: int, total: int) -> bool:  # called on the pool thread
                report(done, total)
                return not self._cancelled

            return self._core.shifts.export(user, first, last, target, progress)

        self._runner.start(
            work, lambda summary: self._exported(summary, target), self._failed, self._progressed
        )

    def _cancel(self) -> None:
        self._cancelled = True

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setValue(int(100 * done / max(total, 1)))

    def _exported(self, summary: ExportSummary, target: Path) -> None:
        self._close_progress()
        text = self.tr("Exported {receipts} receipts, {shifts} shifts: {path}")
        self.message.setText(
            text.format(receipts=summary.receipts, shifts=summary.shifts, path=str(target))
        )

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, ExportCancelledError):
            self.message.setText(self.tr("The export was cancelled; no file was written."))
        elif isinstance(error, HallError):
            self._refused(error)
        elif isinstance(error, OSError | UnicodeError):  # e.g. the file is open in a viewer
            log.warning("report not written: %s", error)
            self.message.setText(
                self.tr("The file could not be written: {problem}").format(
                    problem=getattr(error, "strerror", None) or str(error)
                )
            )
        else:
            raise error

    def _refused(self, error: HallError) -> None:
        self.message.setText(shift_problem_text(error))

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
            self._show((self.report, self._escalated))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
