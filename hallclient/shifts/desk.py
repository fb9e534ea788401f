"""The shift desk: a clerk's shift and the manager's day (what the shift and overview pages call).

A thin hand-over like :class:`~hallclient.receipts.desk.ReceiptDesk`: each method is one use case of
``hallclient.shifts`` or ``hallclient.reports``, with the settings' difference limit,
the receipt heading and the counter's printer filled in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path

from PIL import Image

from db.domain import MoveDirection, PaymentMethod
from db.engine import Database
from hallclient.context import Context, CurrentUser
from hallclient.printing.escpos import job_bytes
from hallclient.printing.layout import Layout, Paper
from hallclient.printing.pdf import render_pdf
from hallclient.printing.printers import PaperStatus, PrinterConfig, send_job
from hallclient.printing.raster import render_raster
from hallclient.printing.receipt_layout import Heading
from hallclient.reports.day_data import DayReport, day_report
from hallclient.reports.day_pdf import day_report_pdf
from hallclient.reports.export_xlsx import ExportSummary, Progress, export_days
from hallclient.shifts import day_close, manager
from hallclient.shifts import service as shifts
from hallclient.shifts.business_day import BusinessDay, business_day
from hallclient.shifts.day_close import DayClosePreview, DayCloseView
from hallclient.shifts.figures import Tally
from hallclient.shifts.report_layout import day_close_layout, shift_report_layout
from hallclient.shifts.service import Declared
from hallclient.shifts.views import MoveView, ShiftReading, ShiftView


class ShiftDesk:
    def __init__(
        self,
        database: Database,
        context_of: Callable[[CurrentUser], Context],
        heading: Heading,
        printer: PrinterConfig,
        limit: Decimal,
        before_close: Callable[[], None] = lambda: None,
    ) -> None:
        """``before_close`` refuses a close whose figures cannot be trusted (the receipt desk
        checks its journal: the server may have lost receipts of the shift)."""
        self.database, self._context_of = database, context_of
        self.heading, self.printer, self.limit = heading, printer, limit
        self._before_close = before_close

    @property
    def paper(self) -> Paper:
        return self.printer.paper if self.printer.backend != "none" else Paper.MM80

    # -- the clerk's shift -----------------------------------------------------------------

    def current(self, user: CurrentUser) -> ShiftView | None:
        return shifts.current_shift(self.database, self._context_of(user))

    def latest(self, user: CurrentUser) -> ShiftView | None:
        return shifts.latest_shift(self.database, self._context_of(user))

    def open(self, user: CurrentUser, count: Mapping[Decimal, int]) -> ShiftView:
        return shifts.open_shift(self.database, self._context_of(user), count)

    def move(
        self, user: CurrentUser, direction: MoveDirection, amount: Decimal, reason: str
    ) -> MoveView:
        return shifts.move_cash(self.database, self._context_of(user), direction, amount, reason)

    def reading(self, user: CurrentUser, shift_id: int | None = None) -> ShiftReading:
        return shifts.reading(self.database, self._context_of(user), shift_id)

    def preview(
        self,
        user: CurrentUser,
        count: Mapping[Decimal, int],
        declared: Mapping[PaymentMethod, Declared],
    ) -> tuple[Tally, ...]:
        return shifts.preview_close(self.database, self._context_of(user), count, declared)

    def close(
        self,
        user: CurrentUser,
        count: Mapping[Decimal, int],
        declared: Mapping[PaymentMethod, Declared],
        approval_id: int | None = None,
    ) -> ShiftReading:
        context = self._context_of(user)
        self._before_close()
        return shifts.close_shift(self.database, context, count, declared, self.limit, approval_id)

    def report_image(self, reading: ShiftReading) -> Image.Image:
        return render_raster(self._report(reading))

    def report_pdf(self, reading: ShiftReading) -> bytes:
        return render_pdf(self._report(reading), f"班次 {reading.shift.id}")

    def print_report(self, reading: ShiftReading) -> PaperStatus:
        """Print an X or Z report (no fiscal job: a lost one is simply printed again)."""
        return self._send(self._report(reading))

    def _report(self, reading: ShiftReading) -> Layout:
        return shift_report_layout(reading, self.heading, self.paper)

    def _send(self, layout: Layout) -> PaperStatus:
        data, _mode = job_bytes(layout, self.printer.options)
        return send_job(self.printer, data)

    # -- the manager's day -----------------------------------------------------------------

    def day(self, user: CurrentUser, day: date) -> DayReport:
        return day_report(self.database, self._context_of(user), day)

    def approve(self, user: CurrentUser, shift_id: int) -> ShiftReading:
        return manager.approve_shift(self.database, self._context_of(user), shift_id)

    def give_back(self, user: CurrentUser, shift_id: int, reason: str) -> ShiftReading:
        return manager.return_shift(self.database, self._context_of(user), shift_id, reason)

    def close_day(self, user: CurrentUser, day: date) -> DayCloseView:
        return day_close.close_day(self.database, self._context_of(user), day)

    def preview_day_close(self, user: CurrentUser, day: date) -> DayClosePreview:
        return day_close.preview_day_close(self.database, self._context_of(user), day)

    def business_day(self, user: CurrentUser) -> BusinessDay:
        return business_day(self.database, self._context_of(user))

    def print_day_close(self, view: DayCloseView) -> PaperStatus:
        return self._send(day_close_layout(view, self.heading, self.paper))

    def day_pdf(self, user: CurrentUser, day: date) -> bytes:
        return day_report_pdf(self.day(user, day), self.heading)

    def export(
        self, user: CurrentUser, first: date, last: date, target: Path, progress: Progress
    ) -> ExportSummary:
        return export_days(self.database, self._context_of(user), first, last, target, progress)
