"""The receipt desk: charging a cart and printing its receipts (what the payments page calls).

Every capability hands over to the UI through one desk like this (see
:class:`~hallclient.core.Core`): each method is one use case of ``hallclient.receipts``
or ``hallclient.printing``, with the counter's heading and printer filled in.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from PIL import Image

from db.engine import Database
from hallclient.context import Context, CurrentUser
from hallclient.errors import HallError
from hallclient.printing.layout import Layout, Paper
from hallclient.printing.pdf import render_pdf
from hallclient.printing.print_queue import PrintResult, print_job
from hallclient.printing.printers import PrinterConfig
from hallclient.printing.raster import render_raster
from hallclient.printing.receipt_layout import Copy, Heading, receipt_layout
from hallclient.receipts import jobs
from hallclient.receipts.issue import Issued, PaymentRequest, issue_receipt
from hallclient.receipts.jobs import JobView
from hallclient.receipts.journal import CounterJournal, SeriesGap
from hallclient.receipts.payment import Settlement, Tender, settle
from hallclient.receipts.record import ReceiptRecord
from hallclient.receipts.void import void_receipt, voidable_record

log = logging.getLogger(__name__)


class ReceiptDesk:
    def __init__(
        self,
        database: Database,
        context_of: Callable[[CurrentUser], Context],
        heading: Heading,
        printer: PrinterConfig,
        journal: CounterJournal | None = None,
    ) -> None:
        self.database, self._context_of = database, context_of
        self.heading, self.printer = heading, printer
        self.journal = journal or CounterJournal.of(database)

    # -- the counter's journal -------------------------------------------------------------

    def check_journal(self) -> tuple[SeriesGap, ...]:
        """Compare the counter's journal with the server: the series stopped, named in the log
        (the payments page asks when it is shown)."""
        return self.journal.missing_on(self.database)

    def check_journal_soon(self) -> None:
        """The database answers again after an outage: compare on a thread of its own (called
        from inside the statement that succeeded, which must not wait for it)."""
        threading.Thread(target=self._check_quietly, name="journal-check", daemon=True).start()

    def _check_quietly(self) -> None:
        try:
            self.check_journal()
        except HallError as error:  # down again: the next reconnect compares
            log.warning("receipt journal not compared: %s", error)
        except Exception:  # a thread of its own: nobody else would see it
            log.exception("receipt journal not compared: unexpected fault")

    def require_journal_intact(self) -> None:
        """Before a shift closes: its figures would lack receipts the server lost."""
        for gap in self.check_journal():
            raise gap.error()

    @staticmethod
    def check_payment(
        total: Decimal, tenders: Sequence[Tender], cash_tendered: Decimal | None
    ) -> Settlement:
        """The tenders checked by the rules :meth:`charge` applies, without the database:
        the page asks before the customer confirms (a refusal is a ``ReceiptError``)."""
        return settle(total, tenders, cash_tendered)

    @property
    def has_printer(self) -> bool:
        return self.printer.backend != "none"

    def charge(self, user: CurrentUser, request: PaymentRequest) -> Issued:
        return issue_receipt(self.database, self._context_of(user), request, self.journal)

    def print(self, user: CurrentUser, job_id: int) -> PrintResult:
        """Print the job; the result carries the raster it drew, if it drew one."""
        return print_job(self.database, self._context_of(user), self.printer, self.heading, job_id)

    def preview(self, user: CurrentUser, printed: PrintResult) -> Image.Image:
        """The on-screen preview of a job just printed: the very raster sent to the printer,
        drawn here only when the print drew none (native mode, or no printer)."""
        if printed.image is not None:
            return printed.image
        return self.receipt_image(user, printed.job_id)

    def receipt_image(self, user: CurrentUser, job_id: int) -> Image.Image:
        """The job's receipt as printed in raster mode: the on-screen preview."""
        return render_raster(self._layout(user, job_id)[1])

    def _layout(self, user: CurrentUser, job_id: int) -> tuple[str, Layout]:
        content = jobs.job_content(self.database, self._context_of(user), job_id)
        paper = self.printer.paper if self.has_printer else Paper.MM80
        copy = Copy(content.copy_no, content.voided)
        layout = receipt_layout(content.record, content.place, self.heading, paper, copy)
        return content.record.receipt_no, layout

    def save_pdf(self, user: CurrentUser, job_id: int, target: Path) -> Path:
        """The job's receipt as a PDF file at ``target`` (for the customer, when no printer
        is at hand); the job itself stays as it is: a PDF is not a printed receipt."""
        receipt_no, layout = self._layout(user, job_id)
        data = render_pdf(layout, receipt_no)
        partial = target.with_name(target.name + ".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(data)
            os.replace(partial, target)
        except OSError as error:
            raise HallError(f"{target}: {error.strerror or error}") from None
        return target

    def unfinished(self, user: CurrentUser) -> list[JobView]:
        return jobs.unfinished_jobs(self.database, self._context_of(user))

    def settle_interrupted(self, user: CurrentUser, job_id: int, printed: bool) -> JobView | None:
        return jobs.resolve_interrupted(
            self.database, self._context_of(user), job_id, printed=printed
        )

    def reprint(self, user: CurrentUser, receipt_no: str, reason: str) -> JobView:
        return jobs.request_copy(self.database, self._context_of(user), receipt_no, reason)

    def voidable(self, user: CurrentUser, receipt_no: str) -> ReceiptRecord:
        return voidable_record(self.database, self._context_of(user), receipt_no)

    def void(self, user: CurrentUser, receipt_no: str, reason: str, approval_id: int) -> Issued:
        context = self._context_of(user)
        return void_receipt(self.database, context, receipt_no, reason, approval_id, self.journal)
