"""Export receipts, their lines, voids and shifts of a range of business days to XLSX.

One sheet each, money as numbers with a yuan format (never text), times in the hall's
time zone.  Rows are read in batches and streamed into the file (:mod:`.xlsx_writer`),
so a month of receipts never sits in memory.  ``progress`` is called as rows are
written; returning False cancels the export, and nothing is left at ``target``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, Row, Select, func, select, type_coerce

from db.domain import PaymentMethod, ReceiptKind, ShiftStatus
from db.engine import Database
from db.models.receipts import Receipt, ReceiptLine, ReceiptPayment
from db.models.shifts import Shift, ShiftTally
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.errors import HallError
from hallclient.reports.export_columns import LINES, RECEIPTS, SHIFTS, VOIDS, money, titles, widths
from hallclient.reports.xlsx_writer import Book, Cents
from hallclient.shifts.figures import INCOME_ORDER, METHODS, ZERO, ShiftFigures
from hallclient.shifts.store import figures_of
from hallclient.uow import UnitOfWork

BATCH = 2_000
Progress = Callable[[int, int], bool]  # (rows done, rows in all) -> go on?


class ExportCancelledError(HallError):
    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")


@dataclass(frozen=True)
class ExportSummary:
    receipts: int
    lines: int
    voids: int
    shifts: int


def export_days(
    database: Database,
    context: Context,
    first: date,
    last: date,
    target: Path,
    progress: Progress = lambda _done, _total: True,
) -> ExportSummary:
    """Write the XLSX for business days ``first`` to ``last`` (inclusive) to ``target``."""
    context.require(Action.VIEW_REPORTS)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as file, UnitOfWork(database) as uow, Book(file) as book:
            shift_ids = select(Shift.id).where(
                Shift.hall_code == context.where.hall_code,
                Shift.business_day.between(first, last),
            )
            export = _Export(uow, book, ZoneInfo(context.timezone), progress)
            in_range = select(Receipt.id).where(Receipt.shift_id.in_(shift_ids))
            export.total = export.count(in_range) * 2 + export.count(shift_ids)
            summary = ExportSummary(
                export.receipts(in_range),
                export.lines(in_range),
                export.voids(in_range),
                export.shifts(shift_ids),
            )
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)  # cancelled or failed: no half file
    return summary


IdQuery = Select[int]


class _Export:
    """The sheets of one export, written in order, with the progress shared between them."""

    def __init__(self, uow: UnitOfWork, book: Book, zone: ZoneInfo, progress: Progress):
        self.uow, self.book, self.zone, self.progress = uow, book, zone, progress
        self.total = self.done = 0

    def count(self, query: IdQuery) -> int:
        return self.uow.session.scalar(select(func.count()).select_from(query.subquery())) or 0

    def advance(self, rows: int) -> None:
        self.done += rows
        if not self.progress(min(self.done, self.total), max(self.total, 1)):
            raise ExportCancelledError()

    def batches(self, query: Any) -> Iterator[Sequence[Any]]:
        rows = self.uow.session.execute(query.execution_options(yield_per=BATCH))
        for batch in rows.partitions(BATCH):
            yield batch
            self.advance(len(batch))  # rows done are dropped: the session holds them weakly

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone).replace(tzinfo=None)  # Excel has no time zones

    def receipts(self, in_range: IdQuery) -> int:
        sheet = self.book.sheet("收据", titles(RECEIPTS), widths(RECEIPTS))
        payments = self.payments_by_receipt(in_range)
        # plain rows, money as whole fen: a day is 50,000 receipts
        query = select(*_RECEIPT_FIELDS).where(Receipt.id.in_(in_range))
        written = 0
        for batch in self.batches(query.order_by(Receipt.series, Receipt.number)):
            rows = [self.receipt_row(r, payments.get(r.id, {})) for r in batch]
            sheet.rows(rows, money(RECEIPTS))
            written += len(batch)
        return written

    def receipt_row(self, r: Row[Any], paid: dict[PaymentMethod, Cents]) -> list[object]:
        return [
            r.receipt_no,
            _KIND[r.kind],
            self.local(r.issued_at),
            r.counter_code,
            r.clerk_employee_no,
            r.clerk_name,
            r.account_no,
            r.customer_name,
            Cents(r.total),
            *[paid.get(m) for m in METHODS],
            Cents(r.cash_tendered),
            Cents(r.change),
            r.shift_id,
            r.voids_receipt_no or "",
            r.hash,
        ]

    def payments_by_receipt(self, in_range: IdQuery) -> dict[int, dict[PaymentMethod, Cents]]:
        found: dict[int, dict[PaymentMethod, Cents]] = {}
        rows = self.uow.session.execute(
            select(ReceiptPayment.receipt_id, ReceiptPayment.method, _fen(ReceiptPayment.amount))
            .where(ReceiptPayment.receipt_id.in_(in_range))
            .execution_options(yield_per=BATCH)
        )
        for receipt_id, method, fen in rows:
            by_method = found.setdefault(receipt_id, {})
            by_method[method] = Cents(by_method.get(method, 0) + fen)
        return found

    def lines(self, in_range: IdQuery) -> int:
        sheet = self.book.sheet("明细", titles(LINES), widths(LINES))
        query = (
            select(
                Receipt.receipt_no,
                *(getattr(ReceiptLine, c) for c in _LINE_COLUMNS),
                _fen(ReceiptLine.amount),
            )
            .join(Receipt, Receipt.id == ReceiptLine.receipt_id)
            .where(ReceiptLine.receipt_id.in_(in_range))
            .order_by(Receipt.series, Receipt.number, ReceiptLine.line_no)
        )
        written = 0
        for batch in self.batches(query):
            sheet.rows([[*row[:-1], Cents(row[-1])] for row in batch])
            written += len(batch)
        return written

    def voids(self, in_range: IdQuery) -> int:
        sheet = self.book.sheet("作废", titles(VOIDS), widths(VOIDS))
        query = select(Receipt).where(Receipt.id.in_(in_range), Receipt.kind == ReceiptKind.VOID)
        rows = self.uow.session.scalars(query.order_by(Receipt.issued_at, Receipt.id)).all()
        for r in rows:
            values = [
                r.receipt_no,
                r.voids_receipt_no,
                -r.total,
                r.void_reason,
                r.approved_by,
                r.clerk_employee_no,
                self.local(r.issued_at),
            ]
            sheet.row(values, money(VOIDS))
        return len(rows)

    def shifts(self, shift_ids: IdQuery) -> int:
        sheet = self.book.sheet("班次", titles(SHIFTS), widths(SHIFTS))
        session = self.uow.session
        query = select(Shift).where(Shift.id.in_(shift_ids)).order_by(Shift.id)
        shifts = session.scalars(query).all()
        tallies = {
            (t.shift_id, t.count_round, t.method): t
            for t in session.scalars(select(ShiftTally).where(ShiftTally.shift_id.in_(shift_ids)))
        }
        figures = figures_of(self.uow, shifts)
        for s in shifts:
            counted = [tallies.get((s.id, s.count_round, m)) for m in METHODS]
            sheet.row(self.shift_row(s, counted, figures[s.id]), money(SHIFTS))
        self.advance(len(shifts))
        return len(shifts)

    def shift_row(
        self, s: Shift, counted: list[ShiftTally | None], figures: ShiftFigures
    ) -> list[object]:
        kinds = figures.by_category
        return [
            s.id,
            s.business_day,
            s.counter_code,
            s.clerk_employee_no,
            s.clerk_name,
            self.local(s.opened_at),
            self.local(s.closed_at) if s.closed_at else None,
            SHIFT_STATES[s.status],
            s.opening_float,
            s.count_round,
            *[t.expected if t else None for t in counted],
            *[t.counted if t else None for t in counted],
            s.decided_by,
            *[kinds.get(kind, ZERO) for kind in INCOME_ORDER],
            figures.bills_paid,
        ]


def _fen(column: Any) -> Any:
    """The money column as its stored whole fen (skipping the Decimal conversion)."""
    return type_coerce(column, Integer)


_KIND = {ReceiptKind.SALE: "收费", ReceiptKind.VOID: "作废"}
#: a shift's state in the workbook's language (its titles are Chinese), as the screens say it
SHIFT_STATES = {
    ShiftStatus.OPEN: "营业中",
    ShiftStatus.SUBMITTED: "已交班，待值班长审核",
    ShiftStatus.RETURNED: "已退回复点",
    ShiftStatus.APPROVED: "已审核",
}
_RECEIPT_FIELDS = (
    Receipt.id,
    Receipt.receipt_no,
    Receipt.kind,
    Receipt.issued_at,
    Receipt.counter_code,
    Receipt.clerk_employee_no,
    Receipt.clerk_name,
    Receipt.account_no,
    Receipt.customer_name,
    _fen(Receipt.total),
    _fen(Receipt.cash_tendered),
    _fen(Receipt.change),
    Receipt.shift_id,
    Receipt.voids_receipt_no,
    Receipt.hash,
)
_LINE_COLUMNS = (
    "line_no",
    "item_code",
    "item_name",
    "band",
    "schedule_code",
    "approval_doc_no",
    "quantity",
    "unit",
    "unit_price",
    "bill_no",
)
