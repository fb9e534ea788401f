"""Printing a job: after the commit, off the GUI thread, never undoing a payment.

The job is marked SENDING before any byte goes out and PRINTED once the printer
confirmed it; a fault leaves it PENDING (nothing sent, print again as it is) or
SENDING (perhaps printed: the clerk is asked, and a further copy is marked 重打).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from PIL import Image

from db.domain import PaymentMethod
from db.engine import Database
from hallclient.context import Context
from hallclient.printing.escpos import Job, Mode, render_job
from hallclient.printing.printers import (
    PaperStatus,
    PrinterConfig,
    PrinterFault,
    PrinterProblem,
    send_job,
)
from hallclient.printing.receipt_layout import Copy, Heading, receipt_layout
from hallclient.receipts import jobs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintResult:
    job_id: int
    receipt_no: str
    printed: bool
    problem: PrinterProblem | None = None
    maybe_printed: bool = False  # the clerk must say whether paper came out
    paper: PaperStatus = PaperStatus.UNKNOWN
    mode: Mode | None = None
    not_pending: bool = False  # printed already, or in doubt: nothing was sent
    # native mode asked for, printed as an image: a character outside the printer's set
    as_image: bool = False
    # the raster drawn for the job (the preview shows it); None when none was drawn:
    # native mode, or no printer to draw for
    image: Image.Image | None = field(default=None, compare=False, repr=False)


def print_job(
    database: Database, context: Context, config: PrinterConfig, heading: Heading, job_id: int
) -> PrintResult:
    content = jobs.job_content(database, context, job_id)
    record, copy_no = content.record, content.copy_no
    job = _render(config, content, heading) if config.configured else None
    image = job.image if job else None
    if not jobs.mark_sending(database, context, job_id):
        log.warning("receipt %s copy %d: not pending, not sent again", record.receipt_no, copy_no)
        return PrintResult(job_id, record.receipt_no, False, not_pending=True, image=image)
    try:
        if job is None:
            raise PrinterFault(PrinterProblem.NOT_CONFIGURED)
        paper = send_job(config, job.data)
    except PrinterFault as fault:
        log.warning("receipt %s copy %d not printed: %s", record.receipt_no, copy_no, fault)
        jobs.mark_failed(database, context, job_id, str(fault), maybe_printed=fault.maybe_printed)
        return PrintResult(
            job_id, record.receipt_no, False, fault.problem, fault.maybe_printed, image=image
        )
    jobs.mark_printed(database, context, job_id)
    log.info("receipt %s copy %d printed (%s)", record.receipt_no, copy_no, job.mode)
    return PrintResult(
        job_id,
        record.receipt_no,
        True,
        paper=paper,
        mode=job.mode,
        as_image=job.fell_back,
        image=image,
    )


def _render(config: PrinterConfig, content: jobs.JobContent, heading: Heading) -> Job:
    """The job's bytes for the configured printer; the cash drawer opens for an original
    copy of a receipt paid (partly) in cash."""
    copy = Copy(content.copy_no, content.voided)
    layout = receipt_layout(content.record, content.place, heading, config.paper, copy)
    cash = any(p.method is PaymentMethod.CASH for p in content.record.payments)
    options = replace(config.options, drawer=config.options.drawer and cash and copy.copy_no == 1)
    return render_job(layout, options)
