"""Print jobs: the state of each paper copy, kept apart from the receipt itself.

A job is PENDING until it is handed to the printer; it is marked SENDING just before
the bytes go out and PRINTED when the printer took them.  A fault puts it back to
PENDING with the message.  A job found SENDING at start-up was interrupted (crash,
power cut): nobody knows whether paper came out, so the clerk is asked; "not printed"
prints it again, and because a copy may exist after all, that copy is marked 重打.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from db.domain import PrintStatus
from db.engine import Database
from db.models.receipts import PrintJob, Receipt
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.record import ReceiptRecord
from hallclient.receipts.store import load_record
from hallclient.setup.workplace import Workplace, workplace_of
from hallclient.uow import UnitOfWork, run_write

__all__ = ["JobContent", "JobView", "PrintStatus"]  # and the use cases below
log = logging.getLogger(__name__)
MAX_ERROR = 200


@dataclass(frozen=True)
class JobView:
    job_id: int
    receipt_no: str
    copy_no: int  # 1 the original; n > 1 prints 重打 n-1
    status: PrintStatus
    attempts: int
    last_error: str

    @property
    def reprint_count(self) -> int:
        return self.copy_no - 1


def _view(job: PrintJob, receipt_no: str) -> JobView:
    return JobView(job.id, receipt_no, job.copy_no, job.status, job.attempts, job.last_error)


@dataclass(frozen=True)
class JobContent:
    """What a job prints: the receipt, the hall and counter it was issued at (named by
    its codes, whichever counter prints the copy), its copy number, whether it is void."""

    record: ReceiptRecord
    place: Workplace
    copy_no: int
    voided: bool


def job_content(database: Database, context: Context, job_id: int) -> JobContent:
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        job = uow.session.get(PrintJob, job_id)
        receipt = uow.session.get(Receipt, job.receipt_id) if job else None
        if job is None or receipt is None:
            raise ReceiptError(ReceiptProblem.UNKNOWN_RECEIPT, f"print job {job_id}")
        voided = uow.session.scalar(
            select(func.count()).where(Receipt.voids_receipt_no == receipt.receipt_no)
        )
        place = workplace_of(uow, receipt.hall_code, receipt.counter_code)
        return JobContent(load_record(uow, receipt), place, job.copy_no, bool(voided))


def unfinished_jobs(database: Database, context: Context) -> list[JobView]:
    """This counter's jobs waiting or interrupted, oldest first (SENDING ones need the clerk)."""
    context.require(Action.SERVE_CUSTOMERS)
    where = context.where
    with UnitOfWork(database) as uow:
        rows = uow.session.execute(
            select(PrintJob, Receipt.receipt_no)
            .join(Receipt, Receipt.id == PrintJob.receipt_id)
            .where(
                PrintJob.hall_code == where.hall_code,
                PrintJob.counter_code == where.counter_code,
                PrintJob.status.in_((PrintStatus.PENDING, PrintStatus.SENDING)),
            )
            .order_by(PrintJob.id)
        ).all()
        return [_view(job, number) for job, number in rows]


def _job(uow: UnitOfWork, job_id: int) -> PrintJob:
    job = uow.session.get(PrintJob, job_id, with_for_update=True)
    if job is None:
        raise ReceiptError(ReceiptProblem.UNKNOWN_RECEIPT, f"print job {job_id}")
    return job


def mark_sending(database: Database, context: Context, job_id: int) -> bool:
    """Claim a PENDING job for the printer; False if it is not pending (already printed,
    or being printed or in doubt): the same copy is never sent twice."""

    def use_case(uow: UnitOfWork) -> bool:
        job = _job(uow, job_id)
        if job.status is not PrintStatus.PENDING:
            return False
        job.status, job.attempts = PrintStatus.SENDING, job.attempts + 1
        uow.commit()
        return True

    return run_write(database, use_case)


def mark_printed(database: Database, context: Context, job_id: int) -> None:
    def use_case(uow: UnitOfWork) -> None:
        job = _job(uow, job_id)
        if job.status is not PrintStatus.SENDING:  # settled meanwhile (the clerk answered)
            return
        job.status, job.printed_at, job.last_error = PrintStatus.PRINTED, context.clock.now(), ""
        uow.commit()

    run_write(database, use_case)


def mark_failed(
    database: Database, context: Context, job_id: int, message: str, *, maybe_printed: bool
) -> None:
    """Record a fault; the receipt stands.  Nothing sent: PENDING, to print again as it is.
    Perhaps printed (timeout, dropped): it stays SENDING until the clerk says what came out."""

    def use_case(uow: UnitOfWork) -> None:
        job = _job(uow, job_id)
        if job.status is not PrintStatus.SENDING:  # settled meanwhile (the clerk answered)
            return
        job.status = PrintStatus.SENDING if maybe_printed else PrintStatus.PENDING
        job.last_error = message[:MAX_ERROR]
        uow.commit()

    log.warning("print job %d failed: %s", job_id, message)
    run_write(database, use_case)


def request_copy(database: Database, context: Context, receipt_no: str, reason: str) -> JobView:
    """A further copy (重打 n): a new job, counted and recorded in the audit journal."""
    context.require(Action.SERVE_CUSTOMERS)

    def use_case(uow: UnitOfWork) -> JobView:
        receipt = uow.session.scalar(select(Receipt).where(Receipt.receipt_no == receipt_no))
        if receipt is None:
            raise ReceiptError(ReceiptProblem.UNKNOWN_RECEIPT, receipt_no)
        job = _add_copy(uow, context, receipt, reason)
        uow.commit()
        return job

    try:
        return run_write(database, use_case)
    except IntegrityError:  # two copies asked at the same moment: the next number, once more
        return run_write(database, use_case)


def _add_copy(uow: UnitOfWork, context: Context, receipt: Receipt, reason: str) -> JobView:
    copies = uow.session.scalar(
        select(func.max(PrintJob.copy_no)).where(PrintJob.receipt_id == receipt.id)
    )
    job = PrintJob(
        receipt_id=receipt.id,
        hall_code=context.where.hall_code,
        counter_code=context.where.counter_code,
        copy_no=(copies or 0) + 1,
        status=PrintStatus.PENDING,
        attempts=0,
        last_error="",
        created_at=context.clock.now(),
        requested_by=context.user.employee_no,
    )
    uow.session.add(job)
    uow.session.flush()
    details = {"copy": job.copy_no, "reason": reason}
    context.record(uow, "receipt.reprint", "receipt", receipt.receipt_no, details)
    return _view(job, receipt.receipt_no)


def resolve_interrupted(
    database: Database, context: Context, job_id: int, *, printed: bool
) -> JobView | None:
    """The clerk's answer for a job found SENDING: printed, or lost and a 重打 copy queued."""
    context.require(Action.SERVE_CUSTOMERS)

    def use_case(uow: UnitOfWork) -> JobView | None:
        job = _job(uow, job_id)
        if job.status is not PrintStatus.SENDING:
            raise ReceiptError(ReceiptProblem.UNKNOWN_RECEIPT, f"print job {job_id} not sending")
        receipt = uow.session.get(Receipt, job.receipt_id)
        assert receipt is not None
        job.status = PrintStatus.PRINTED if printed else PrintStatus.LOST
        job.printed_at = context.clock.now() if printed else None
        context.record(
            uow,
            "receipt.print_interrupted",
            "receipt",
            receipt.receipt_no,
            {"copy": job.copy_no, "printed": printed},
        )
        copy = None if printed else _add_copy(uow, context, receipt, "interrupted print")
        uow.commit()
        return copy

    return run_write(database, use_case)
