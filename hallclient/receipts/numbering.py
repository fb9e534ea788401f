"""Receipt series: the row that numbers a counter's receipts and holds its chain head.

The row is locked in the issuing transaction (``SELECT … FOR UPDATE`` on PostgreSQL,
the write lock of ``BEGIN IMMEDIATE`` on SQLite), so a rollback never leaves a gap.
These are plain Core statements on the unit of work's connection: they run for every
receipt, and the ORM's bookkeeping cost more than the statements themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.domain import ReceiptKind
from db.models.receipts import ReceiptSeries
from hallclient.context import Context
from hallclient.receipts.record import GENESIS, LineRecord, PaymentRecord, ReceiptRecord
from hallclient.uow import UnitOfWork

# built once: this runs for every receipt, and building a statement costs more than sending it
_LOCK = (
    select(ReceiptSeries.code, ReceiptSeries.last_number, ReceiptSeries.head_hash)
    .where(ReceiptSeries.code == bindparam("series"))
    .with_for_update()
)
_ADVANCE = (
    update(ReceiptSeries)
    .where(ReceiptSeries.code == bindparam("series"))
    .values(last_number=bindparam("number"), head_hash=bindparam("head"))
)


@dataclass(frozen=True)
class SeriesHead:
    """A locked series as it stands: the last number drawn and the chain head."""

    code: str
    last_number: int
    head_hash: str


def series_code(context: Context) -> str:
    """The numbering series: this counter's year (``HALL-C01-2026``)."""
    where = context.where
    return f"{where.hall_code}-{where.counter_code}-{context.today().year}"


def locked_series(uow: UnitOfWork, code: str) -> SeriesHead:
    """The series row, locked; created first if missing (two first issuers cannot both)."""
    head = _lock(uow, code)
    if head is None:
        insert = postgresql_insert if uow.database.backend == "postgresql" else sqlite_insert
        uow.connection.execute(
            insert(ReceiptSeries)
            .values(code=code, last_number=0, head_hash=GENESIS)
            .on_conflict_do_nothing()
        )
        head = _lock(uow, code)
    assert head is not None
    return head


def _lock(uow: UnitOfWork, code: str) -> SeriesHead | None:
    row = uow.connection.execute(_LOCK, {"series": code}).one_or_none()
    return None if row is None else SeriesHead(row.code, row.last_number, row.head_hash)


def advance_series(uow: UnitOfWork, code: str, number: int, head_hash: str) -> None:
    """Record ``number`` as drawn and ``head_hash`` as the new chain head (row still locked)."""
    uow.connection.execute(_ADVANCE, {"series": code, "number": number, "head": head_hash})


def next_record(
    series: SeriesHead,
    context: Context,
    kind: ReceiptKind,
    *,
    account_no: str,
    customer_name: str,
    total: Decimal,
    cash_tendered: Decimal,
    change: Decimal,
    lines: tuple[LineRecord, ...],
    payments: tuple[PaymentRecord, ...],
    voids_receipt_no: str | None = None,
    void_reason: str = "",
    approved_by: str = "",
) -> ReceiptRecord:
    """The series' next receipt, issued here and now by the context's clerk, sealed
    (its number and hash are what :func:`advance_series` records next)."""
    number = series.last_number + 1
    return ReceiptRecord(
        series=series.code,
        number=number,
        receipt_no=f"{series.code}-{number:06d}",
        kind=kind,
        hall_code=context.where.hall_code,
        counter_code=context.where.counter_code,
        clerk_employee_no=context.user.employee_no,
        clerk_name=context.user.display_name,
        account_no=account_no,
        customer_name=customer_name,
        issued_at=context.clock.now(),
        total=total,
        cash_tendered=cash_tendered,
        change=change,
        lines=lines,
        payments=payments,
        prev_hash=series.head_hash,
        voids_receipt_no=voids_receipt_no,
        void_reason=void_reason,
        approved_by=approved_by,
    ).sealed()
