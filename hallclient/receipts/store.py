"""Receipt records to rows and back (the tables are append-only: rows are only added).

The one mapping each way: :func:`add_receipt` writes a record's rows (receipt, lines,
payments) and :func:`record_of` reads them back into a record.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select

from db.domain import PrintStatus
from db.models.receipts import PrintJob, Receipt, ReceiptLine, ReceiptPayment
from hallclient.context import Context
from hallclient.receipts.record import LineRecord, PaymentRecord, ReceiptRecord
from hallclient.uow import UnitOfWork

# built once: these run for every receipt, and building a statement costs more than sending it
_INSERT_RECEIPT = insert(Receipt).returning(Receipt.id)
_INSERT_LINES = insert(ReceiptLine)
_INSERT_PAYMENTS = insert(ReceiptPayment)
_INSERT_JOB = insert(PrintJob).returning(PrintJob.id)

_Row = dict[str, object]


def add_receipt(
    uow: UnitOfWork, record: ReceiptRecord, key: str, visit_id: int | None, shift_id: int | None
) -> int:
    """Write the receipt, its lines and payments; return the receipt's id.

    Core inserts on the unit of work's connection (lines and payments each as one
    ``executemany``, which psycopg sends in one pipeline): this runs for every payment.
    """
    connection = uow.connection
    row = _receipt_row(record, key, visit_id, shift_id)
    receipt_id: int = connection.execute(_INSERT_RECEIPT, row).scalar_one()
    if record.lines:
        connection.execute(_INSERT_LINES, _line_rows(receipt_id, record.lines))
    if record.payments:
        connection.execute(_INSERT_PAYMENTS, _payment_rows(receipt_id, record.payments))
    return receipt_id


def _receipt_row(
    record: ReceiptRecord, key: str, visit_id: int | None, shift_id: int | None
) -> _Row:
    return {
        "series": record.series,
        "number": record.number,
        "receipt_no": record.receipt_no,
        "idempotency_key": key,
        "kind": record.kind,
        "voids_receipt_no": record.voids_receipt_no,
        "void_reason": record.void_reason,
        "approved_by": record.approved_by,
        "hall_code": record.hall_code,
        "counter_code": record.counter_code,
        "clerk_employee_no": record.clerk_employee_no,
        "clerk_name": record.clerk_name,
        "visit_id": visit_id,
        "shift_id": shift_id,
        "account_no": record.account_no,
        "customer_name": record.customer_name,
        "issued_at": record.issued_at,
        "total": record.total,
        "cash_tendered": record.cash_tendered,
        "change": record.change,
        "chain_version": record.chain_version,
        "prev_hash": record.prev_hash,
        "hash": record.hash,
    }


def _line_rows(receipt_id: int, lines: Iterable[LineRecord]) -> list[_Row]:
    """The lines numbered from 1 in the record's order."""
    return [
        {
            "receipt_id": receipt_id,
            "line_no": number,
            "cart_line": line.cart_line,
            "item_code": line.item_code,
            "item_name": line.item_name,
            "band": line.band,
            "schedule_code": line.schedule_code,
            "approval_doc_no": line.approval_doc_no,
            "quantity": line.quantity,
            "unit": line.unit,
            "unit_price": line.unit_price,
            "amount": line.amount,
            "bill_no": line.bill_no,
            "tier_year": line.tier_year,
            "used_before": line.used_before,
        }
        for number, line in enumerate(lines, start=1)
    ]


def _payment_rows(receipt_id: int, payments: Iterable[PaymentRecord]) -> list[_Row]:
    return [
        {
            "receipt_id": receipt_id,
            "line_no": number,
            "method": payment.method,
            "amount": payment.amount,
            "reference": payment.reference,
        }
        for number, payment in enumerate(payments, start=1)
    ]


def add_first_print_job(uow: UnitOfWork, context: Context, receipt_id: int) -> int:
    """The pending job for a new receipt's first copy, in the issuing transaction; its id."""
    job_id: int = uow.connection.execute(
        _INSERT_JOB,
        {
            "receipt_id": receipt_id,
            "hall_code": context.where.hall_code,
            "counter_code": context.where.counter_code,
            "copy_no": 1,
            "status": PrintStatus.PENDING,
            "attempts": 0,
            "last_error": "",
            "created_at": context.clock.now(),
            "requested_by": context.user.employee_no,
        },
    ).scalar_one()
    return job_id


def load_record(uow: UnitOfWork, receipt: Receipt) -> ReceiptRecord:
    """The record as stored, hash included (the verifier recomputes it)."""
    session = uow.session
    lines = session.scalars(
        select(ReceiptLine)
        .where(ReceiptLine.receipt_id == receipt.id)
        .order_by(ReceiptLine.line_no)
    )
    payments = session.scalars(
        select(ReceiptPayment)
        .where(ReceiptPayment.receipt_id == receipt.id)
        .order_by(ReceiptPayment.line_no)
    )
    return record_of(receipt, lines, payments)


def record_of(
    receipt: Receipt, lines: Iterable[ReceiptLine], payments: Iterable[ReceiptPayment]
) -> ReceiptRecord:
    """The record of a receipt row and its line and payment rows (each in line order)."""
    return ReceiptRecord(
        series=receipt.series,
        number=receipt.number,
        receipt_no=receipt.receipt_no,
        kind=receipt.kind,
        hall_code=receipt.hall_code,
        counter_code=receipt.counter_code,
        clerk_employee_no=receipt.clerk_employee_no,
        clerk_name=receipt.clerk_name,
        account_no=receipt.account_no,
        customer_name=receipt.customer_name,
        issued_at=receipt.issued_at,
        total=receipt.total,
        cash_tendered=receipt.cash_tendered,
        change=receipt.change,
        lines=tuple(_line_of(row) for row in lines),
        payments=tuple(PaymentRecord(p.method, p.amount, p.reference) for p in payments),
        prev_hash=receipt.prev_hash,
        voids_receipt_no=receipt.voids_receipt_no,
        void_reason=receipt.void_reason,
        approved_by=receipt.approved_by,
        chain_version=receipt.chain_version,
        hash=receipt.hash,
    )


def _line_of(row: ReceiptLine) -> LineRecord:
    return LineRecord(
        cart_line=row.cart_line,
        item_code=row.item_code,
        item_name=row.item_name,
        band=row.band,
        schedule_code=row.schedule_code,
        approval_doc_no=row.approval_doc_no,
        quantity=row.quantity,
        unit=row.unit,
        unit_price=row.unit_price,
        amount=row.amount,
        bill_no=row.bill_no,
        tier_year=row.tier_year,
        used_before=row.used_before,
    )
