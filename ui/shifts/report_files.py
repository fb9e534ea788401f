"""The overview's report files: the day report and a shift's report as PDF, the XLSX export.

Files go to the HallClient folder in Documents (``save_dir``), whole or not at all, off
the GUI thread (:class:`ui.kit.file_saver.FileSaver`); the export shows a progress dialog
that can cancel.  What happened is said through ``say``; a refusal of the core goes to
``refused``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from hallclient.errors import HallError
from hallclient.reports.export_xlsx import ExportCancelledError, ExportSummary
from ui.kit.file_saver import FileSaver

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core


class ReportFiles(FileSaver):
    def __init__(
        self,
        core: Core,
        page: QWidget,
        say: Callable[[str], None],
        refused: Callable[[HallError], None],
    ) -> None:
        super().__init__(page, say, refused)
        self._core, self._page = core, page
        self.progress: QProgressDialog | None = None
        self._cancelled = False

    def day_pdf(self, user: CurrentUser, day: date) -> None:
        writing = self.tr("Writing the day report…")
        self.save(
            f"day-report-{day.isoformat()}.pdf",
            lambda: self._core.shifts.day_pdf(user, day),
            writing,
        )

    def shift_pdf(self, user: CurrentUser, shift_id: int) -> None:
        """The shift's report (Z once counted, else an X reading) as a PDF."""
        desk = self._core.shifts
        self.save(f"shift-{shift_id}.pdf", lambda: desk.report_pdf(desk.reading(user, shift_id)))

    def export(self, user: CurrentUser, first: date, last: date) -> None:
        target = self.save_dir / f"hallclient-{first.isoformat()}-{last.isoformat()}.xlsx"
        self._cancelled = False
        self.progress = QProgressDialog(
            self.tr("Exporting to XLSX…"), self.tr("Cancel"), 0, 100, self._page
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
            work, lambda summary: self._exported(summary, target), self.failed, self._progressed
        )

    def _cancel(self) -> None:
        self._cancelled = True

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setValue(int(100 * done / max(total, 1)))

    def _exported(self, summary: ExportSummary, target: Path) -> None:
        self._close_progress()
        text = self.tr("Exported {receipts} receipts, {shifts} shifts: {path}")
        self._say(text.format(receipts=summary.receipts, shifts=summary.shifts, path=str(target)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, ExportCancelledError):
            self._say(self.tr("The export was cancelled; no file was written."))
        else:
            super().failed(error)
