"""Voiding a receipt: a new reversing record, only with a manager's approval.

The original stays exactly as issued (it is append-only) and reads 作废 wherever it
is shown or printed again.  Its tiered gas leaves the account's tier year (only the
newest gas of a year can: see :func:`~hallclient.ledger.volumes.unwind_receipt`), and
the bills it paid are open again.  The void is a receipt of its own in this counter's series
-- numbered, chained, with a print job for its slip -- whose total and payments are
the original's negated, method by method, so that shift figures are plain sums.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from db.domain import ReceiptKind
from db.engine import Database
from db.models import User
from db.models.receipts import PrintJob, Receipt
from hallclient.access.approvals import use_approval
from hallclient.access.permissions import Action, ApprovalKind
from hallclient.context import Context
from hallclient.ledger.volumes import unwind_receipt
from hallclient.receipts.errors import ReceiptError, ReceiptProblem
from hallclient.receipts.issue import Issued
from hallclient.receipts.journal import CounterJournal
from hallclient.receipts.numbering import (
    SeriesHead,
    advance_series,
    locked_series,
    next_record,
    series_code,
)
from hallclient.receipts.record import PaymentRecord, ReceiptRecord
from hallclient.receipts.store import add_first_print_job, add_receipt, load_record
from hallclient.shifts.service import shift_id_for_receipt
from hallclient.text_input import clean_text
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
MAX_REASON = 200
ZERO = Decimal("0.00")


def void_receipt(
    database: Database,
    context: Context,
    receipt_no: str,
    reason: str,
    approval_id: int,
    journal: CounterJournal | None = None,
) -> Issued:
    """Void ``receipt_no`` with the approval granted for it; the void slip waits to print.

    The void is numbered in this counter's series: checked against, and kept in, its
    ``journal`` as a receipt is (see :func:`~hallclient.receipts.issue.issue_receipt`)."""
    context.require(Action.SERVE_CUSTOMERS)
    reason = clean_text(reason, "reason", MAX_REASON)
    if not reason:
        raise ReceiptError(ReceiptProblem.NOT_VOIDABLE, "a reason is required")
    try:
        issued = run_write(
            database,
            lambda uow: _void_and_commit(uow, context, receipt_no, reason, approval_id, journal),
        )
    except IntegrityError:  # another counter voided it at the same moment: that void stands
        log.warning("receipt %s: voided concurrently", receipt_no)
        raise ReceiptError(ReceiptProblem.ALREADY_VOID, receipt_no) from None
    if journal is not None and issued.record.counter_code == context.where.counter_code:
        journal.append(issued.journal_entry())
    return issued


def voidable_record(database: Database, context: Context, receipt_no: str) -> ReceiptRecord:
    """The sale a void would reverse, refused as :func:`void_receipt` would refuse it: the
    counter shows it (amount, account) before a manager is asked to approve."""
    context.require(Action.SERVE_CUSTOMERS)
    number = receipt_no.strip()
    with UnitOfWork(database) as uow:
        original = _voidable(uow, context, number, f"void-{number}"[:64])
        if isinstance(original, Issued):
            raise ReceiptError(ReceiptProblem.ALREADY_VOID, number)
        return load_record(uow, original)


def _void_and_commit(
    uow: UnitOfWork,
    context: Context,
    receipt_no: str,
    reason: str,
    approval_id: int,
    journal: CounterJournal | None,
) -> Issued:
    """The void in one transaction: series, original, shift, approval, account, in that order."""
    key = f"void-{receipt_no}"[:64]  # one void per receipt: a retry finds the first
    series = locked_series(uow, series_code(context))
    original = _voidable(uow, context, receipt_no, key)
    if isinstance(original, Issued):
        return original
    if journal is not None:
        journal.check_series(uow, series)
    shift_id = shift_id_for_receipt(uow, context)
    approved_by = _approver(uow, context, approval_id, receipt_no)
    first = load_record(uow, original)
    unwind_receipt(uow, first)  # the account locked after the shift; bills reopen
    record = _reversal(series, context, first, receipt_no, reason, approved_by)
    receipt_id = add_receipt(uow, record, key, original.visit_id, shift_id)
    job_id = add_first_print_job(uow, context, receipt_id)
    advance_series(uow, series.code, record.number, record.hash)
    details = {"void": record.receipt_no, "reason": reason}
    context.record(uow, "receipt.void", "receipt", receipt_no, details)
    uow.commit()
    log.info("receipt %s voided by %s", receipt_no, record.receipt_no)
    return Issued(record, job_id, False, key, original.visit_id, shift_id)


def _approver(uow: UnitOfWork, context: Context, approval_id: int, receipt_no: str) -> str:
    """The employee number of the manager whose approval for this void is used up now."""
    approval = use_approval(uow, context, approval_id, ApprovalKind.VOID_RECEIPT, receipt_no)
    approver = uow.session.get(User, approval.approver_id)
    assert approver is not None
    return approver.employee_no


def _reversal(
    series: SeriesHead,
    context: Context,
    first: ReceiptRecord,
    receipt_no: str,
    reason: str,
    approved_by: str,
) -> ReceiptRecord:
    """The void of ``first``: no lines, its total and payments negated, method by method."""
    return next_record(
        series,
        context,
        ReceiptKind.VOID,
        account_no=first.account_no,
        customer_name=first.customer_name,
        total=-first.total,
        cash_tendered=ZERO,
        change=ZERO,
        lines=(),
        payments=tuple(PaymentRecord(p.method, -p.amount, p.reference) for p in first.payments),
        voids_receipt_no=receipt_no,
        void_reason=reason,
        approved_by=approved_by,
    )


def _voidable(uow: UnitOfWork, context: Context, receipt_no: str, key: str) -> Receipt | Issued:
    """The sale to void, or the void already made for it (a retry after an unknown outcome)."""
    session = uow.session
    done = session.scalar(select(Receipt).where(Receipt.idempotency_key == key))
    if done is not None:
        job = session.scalar(select(PrintJob.id).where(PrintJob.receipt_id == done.id))
        record = load_record(uow, done)
        return Issued(record, job or 0, True, done.idempotency_key, done.visit_id, done.shift_id)
    original = session.scalar(select(Receipt).where(Receipt.receipt_no == receipt_no))
    if original is None:
        raise ReceiptError(ReceiptProblem.UNKNOWN_RECEIPT, receipt_no)
    if original.kind is not ReceiptKind.SALE or original.hall_code != context.where.hall_code:
        # a void, or another hall's receipt (any counter of this hall may void)
        raise ReceiptError(ReceiptProblem.NOT_VOIDABLE, receipt_no)
    voids = session.scalar(select(func.count()).where(Receipt.voids_receipt_no == receipt_no))
    if voids:
        raise ReceiptError(ReceiptProblem.ALREADY_VOID, receipt_no)
    return original
