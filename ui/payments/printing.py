"""The payments page's print jobs: print a receipt, F5 for the waiting ones, the question
after an interrupted print, and without a printer the PDF copy for the customer.

Every job is kept until it printed: a printer fault never loses a receipt, and a PDF copy
saved for the customer leaves the job waiting for the printer (a PDF is not a print).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from hallclient.errors import HallError
from hallclient.printing.printers import PaperStatus, PrinterProblem
from hallclient.receipts.jobs import JobView, PrintStatus
from ui.kit.i18n import QT_TRANSLATE_NOOP, counted
from ui.kit.tasks import TaskRunner
from ui.payments.pdf_copy import PdfCopyDialog
from ui.payments.preview import ReceiptPreview
from ui.words.payments import payment_problem_text
from ui.words.printer import printer_problem_text, printer_state_text

if TYPE_CHECKING:
    from hallclient.access.auth import CurrentUser
    from hallclient.core import Core
    from hallclient.printing.print_queue import PrintResult


def pdf_folder() -> Path:
    """Where a receipt's PDF copy is offered: the clerk's documents folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def pdf_name(receipt_no: str) -> str:
    return re.sub(r"[^0-9A-Za-z_.-]", "_", receipt_no) + ".pdf"


_WAITING = (
    QT_TRANSLATE_NOOP("ReceiptPrinting", "{n} receipt waiting to be printed: press F5."),
    QT_TRANSLATE_NOOP("ReceiptPrinting", "{n} receipts waiting to be printed: press F5."),
)


class ReceiptPrinting(QObject):
    sig_printer_state = Signal(str)  # the last printing's outcome, for the status bar

    def __init__(
        self,
        core: Core,
        user_of: Callable[[], CurrentUser],
        state: QLabel,
        preview: ReceiptPreview,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._till, self._user_of, self._parent = core.receipts, user_of, parent
        self.state, self.preview = state, preview
        self.in_flight: set[int] = set()  # jobs this window is printing now (not interrupted)
        self.interrupted_box: QMessageBox | None = None
        self.pdf_dialog: PdfCopyDialog | None = None
        self._runner = TaskRunner(self)

    def print_job(self, job_id: int) -> None:
        if job_id in self.in_flight:
            return
        self.in_flight.add(job_id)
        user, till = self._user_of(), self._till
        self.state.setText(self.tr("Printing…"))

        def work(_progress: object) -> tuple[PrintResult, Image.Image]:
            result = till.print(user, job_id)
            return result, till.preview(user, result)  # the raster printed, if one was

        def failed(error: BaseException) -> None:
            self.in_flight.discard(job_id)
            self.failed(error)

        self._runner.start(work, self._printed, failed)

    def _printed(self, outcome: tuple[PrintResult, Image.Image]) -> None:
        result, image = outcome
        self.in_flight.discard(result.job_id)
        self.preview.show_image(image)
        if result.printed:
            text = self.tr("Receipt {number} printed.").format(number=result.receipt_no)
            if result.paper is PaperStatus.NO_ANSWER:
                text += " " + self.tr(
                    "The printer does not answer status queries: its paper is not checked "
                    "until the program restarts; look at what comes out."
                )
            if result.as_image:  # native mode asked for: the clerk sees why it looks different
                text += " " + self.tr(
                    "This receipt is printed as an image: it has characters the printer's "
                    "font lacks."
                )
            self.state.setText(text)
            self.sig_printer_state.emit(self.tr("ready"))
        elif result.problem is None:  # not pending: printed already, or in doubt
            self.state.setText(
                self.tr(
                    "Receipt {number} was already sent to the printer; Ctrl+P prints a marked copy."
                ).format(number=result.receipt_no)
            )
        else:
            text = printer_problem_text(result.problem)
            if result.problem is PrinterProblem.NOT_CONFIGURED:
                text += " " + self.tr("F5 saves its PDF copy for the customer.")
            elif not result.maybe_printed:
                text += " " + self.tr("F5 prints it when the printer is ready.")
            self.state.setText(text)
            self.sig_printer_state.emit(printer_state_text(result.problem))
            if result.maybe_printed:
                self._ask_interrupted(result.job_id, result.receipt_no)

    def failed(self, error: BaseException) -> None:
        self.state.setText(
            payment_problem_text(error) if isinstance(error, HallError) else str(error)
        )

    def print_waiting(self) -> None:
        """F5: the oldest receipt still waiting at this counter (without a printer: its PDF)."""
        user = self._user_of()
        self._runner.start(lambda _p: self._till.unfinished(user), self._print_first, self.failed)

    def _print_first(self, waiting: list[JobView]) -> None:
        waiting = [job for job in waiting if job.job_id not in self.in_flight]
        pending = [job for job in waiting if job.status is PrintStatus.PENDING]
        if not waiting:
            self.state.setText(self.tr("No receipt is waiting to be printed."))
        elif not self._till.has_printer:
            self._offer_pdf(waiting[0])
        elif pending:
            self.print_job(pending[0].job_id)
        else:
            self._ask_interrupted(waiting[0].job_id, waiting[0].receipt_no)

    def _offer_pdf(self, job: JobView) -> None:
        if self.pdf_dialog is not None and self.pdf_dialog.isVisible():
            return
        target = pdf_folder() / pdf_name(job.receipt_no)
        dialog = PdfCopyDialog(job.receipt_no, target, self._parent)
        dialog.accepted.connect(lambda: self._save_pdf(job, dialog.target()))
        dialog.finished.connect(lambda _answer: self._pdf_closed(dialog))
        self.pdf_dialog = dialog
        dialog.open()

    def _pdf_closed(self, dialog: PdfCopyDialog) -> None:
        if self.pdf_dialog is dialog:
            self.pdf_dialog = None
        dialog.deleteLater()

    def _save_pdf(self, job: JobView, target: Path) -> None:
        user, till = self._user_of(), self._till

        def saved(path: Path) -> None:
            text = self.tr(
                "The PDF copy of receipt {number} is saved as {path}. The receipt still "
                "waits for the printer (F5)."
            )
            self.state.setText(text.format(number=job.receipt_no, path=path))

        def not_saved(error: BaseException) -> None:
            text = self.tr(
                "The PDF copy could not be saved: {problem} Please choose another place."
            )
            self.state.setText(text.format(problem=error))

        self._runner.start(lambda _p: till.save_pdf(user, job.job_id, target), saved, not_saved)

    def check_waiting(self) -> None:
        user = self._user_of()
        self._runner.start(lambda _p: self._till.unfinished(user), self._show_waiting, self.failed)

    def _show_waiting(self, waiting: list[JobView]) -> None:
        waiting = [job for job in waiting if job.job_id not in self.in_flight]
        interrupted = [job for job in waiting if job.status is PrintStatus.SENDING]
        if interrupted:
            self._ask_interrupted(interrupted[0].job_id, interrupted[0].receipt_no)
        elif waiting:
            self.state.setText(counted("ReceiptPrinting", len(waiting), *_WAITING))

    def _ask_interrupted(self, job_id: int, receipt_no: str) -> None:
        """Only the clerk can see whether paper came out; a second copy is marked 重打."""
        text = self.tr(
            "Printing of receipt {number} was interrupted. Did the whole "
            "receipt come out of the printer?"
        ).format(number=receipt_no)
        box = question(self._parent, self.tr("Did the receipt print?"), text)
        yes = int(QMessageBox.StandardButton.Yes.value)
        box.finished.connect(lambda answer: self._settle(job_id, int(answer) == yes))
        self.interrupted_box = box
        box.open()

    def _settle(self, job_id: int, printed: bool) -> None:
        user = self._user_of()
        self._runner.start(
            lambda _p: self._till.settle_interrupted(user, job_id, printed),
            self._settled,
            self.failed,
        )

    def _settled(self, copy: JobView | None) -> None:
        if copy is None:
            self.state.setText(self.tr("Recorded as printed."))
        else:
            self.print_job(copy.job_id)


def question(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A Yes/No question shown with ``open()`` (window-modal, no nested event loop)."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
