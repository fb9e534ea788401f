"""A business day of many receipts at several counters, written in bulk for the benchmarks.

Every receipt is a real record (lines from the pricing service, payments, the chain
hash over the series) and goes into its counter's shift, with a print job; 1% are
voided.  Rows are inserted with executemany rather than one issuance each, so a day
of 50,000 receipts takes seconds to build; the shifts are then closed and approved
through the services.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import insert

from db.domain import PaymentMethod, PrintStatus, ReceiptKind, Role
from db.engine import Database
from db.models.receipts import PrintJob, Receipt, ReceiptLine, ReceiptPayment, ReceiptSeries
from hallclient.context import Context
from hallclient.receipts.record import (
    GENESIS,
    LineRecord,
    PaymentRecord,
    ReceiptRecord,
    lines_from_quotes,
)
from hallclient.shifts import manager
from hallclient.shifts import service as shifts
from hallclient.uow import UnitOfWork
from tests.db.receipt_helpers import ACCOUNT_NO, Till

METHODS = tuple(PaymentMethod)
BATCH = 5_000


def build_day(till: Till, receipts: int, counters: int = 8) -> list[int]:
    """Issue ``receipts`` receipts spread over ``counters`` shifts; close and approve them."""
    carts = [till.cart(("S105", "1")), till.cart(("G101", "12.5"), ("M101", "1"))]
    contexts = [till.context(counter=f"C{n:02d}") for n in range(1, counters + 1)]
    shift_ids = [shifts.reading(till.database, c).shift.id for c in contexts]
    per_counter = receipts // counters
    for context, shift_id in zip(contexts, shift_ids, strict=True):
        _write(till.database, context, shift_id, carts, per_counter)
    if till.database.backend == "postgresql":  # what autovacuum does after such a day
        with till.database.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    boss = till.context(Role.SHIFT_MANAGER, counter="C99")
    for context in contexts:
        figures = shifts.reading(till.database, context).figures
        declared = {
            m.method: shifts.Declared(m.expected, m.expected_count)
            for m in figures.methods
            if m.method is not PaymentMethod.CASH
        }
        cash = {Decimal(100): int(figures.method(PaymentMethod.CASH).expected // 100)}
        z = shifts.close_shift(till.database, context, cash, declared, Decimal(10**6))
        manager.approve_shift(till.database, boss, z.shift.id)
    return shift_ids


def _write(database: Database, context: Context, shift_id: int, carts, count: int) -> None:  # type: ignore[no-untyped-def]
    series = f"{context.where.hall_code}-{context.where.counter_code}-{context.today().year}"
    with UnitOfWork(database, write=True) as uow:  # the series row first: receipts refer to it
        uow.session.merge(ReceiptSeries(code=series, last_number=0, head_hash=GENESIS))
        uow.commit()
    head, rows = GENESIS, _Rows()
    sold: list[ReceiptRecord] = []
    for number in range(1, count + 1):
        void_of = sold[-1] if number % 100 == 0 else None
        record = _record(context, series, number, head, carts[number % 2], void_of)
        if void_of is None:
            sold.append(record)
        head = record.hash
        rows.add(record, shift_id, context)
        if len(rows.receipts) >= BATCH:
            rows.flush(database)
    rows.flush(database)
    with UnitOfWork(database, write=True) as uow:
        uow.session.merge(ReceiptSeries(code=series, last_number=count, head_hash=head))
        uow.commit()


def _record(context, series, number, head, cart, void_of):  # type: ignore[no-untyped-def]
    method = METHODS[number % len(METHODS)]
    common = dict(
        series=series,
        number=number,
        receipt_no=f"{series}-{number:06d}",
        hall_code=context.where.hall_code,
        counter_code=context.where.counter_code,
        clerk_employee_no=context.user.employee_no,
        clerk_name=context.user.display_name,
        account_no=ACCOUNT_NO,
        customer_name="张伟",
        issued_at=context.clock.now(),
        cash_tendered=Decimal("0.00"),
        change=Decimal("0.00"),
        prev_hash=head,
    )
    if void_of is not None:
        payments = tuple(PaymentRecord(p.method, -p.amount, p.reference) for p in void_of.payments)
        return ReceiptRecord(
            **common,
            kind=ReceiptKind.VOID,
            total=-void_of.total,
            lines=(),
            payments=payments,
            voids_receipt_no=void_of.receipt_no,
            void_reason="重复收费",
            approved_by="2001",
        ).sealed()
    payments = (PaymentRecord(method, cart.total, "" if method is PaymentMethod.CASH else "R"),)
    return ReceiptRecord(
        **common,
        kind=ReceiptKind.SALE,
        total=cart.total,
        lines=lines_from_quotes(cart.lines),
        payments=payments,
    ).sealed()


class _Rows:
    """Records waiting to be written: one executemany per table and batch."""

    def __init__(self) -> None:
        self.receipts: list[tuple[ReceiptRecord, int]] = []

    def add(self, record: ReceiptRecord, shift_id: int, _context: Context) -> None:
        self.receipts.append((record, shift_id))

    def flush(self, database: Database) -> None:
        if not self.receipts:
            return
        with UnitOfWork(database, write=True) as uow:
            statement = insert(Receipt).returning(Receipt.id, sort_by_parameter_order=True)
            ids = uow.session.scalars(statement, [_receipt(r, s) for r, s in self.receipts]).all()
            pairs = list(zip(ids, (r for r, _ in self.receipts), strict=True))
            lines = [_line(i, n, line) for i, r in pairs for n, line in enumerate(r.lines, 1)]
            payments = [
                dict(
                    receipt_id=i, line_no=n, method=p.method, amount=p.amount, reference=p.reference
                )
                for i, r in pairs
                for n, p in enumerate(r.payments, 1)
            ]
            jobs = [
                dict(
                    receipt_id=i,
                    hall_code=r.hall_code,
                    counter_code=r.counter_code,
                    copy_no=1,
                    status=PrintStatus.PRINTED,
                    attempts=1,
                    last_error="",
                    created_at=r.issued_at,
                    requested_by=r.clerk_employee_no,
                    printed_at=r.issued_at,
                )
                for i, r in pairs
            ]
            for model, rows in ((ReceiptLine, lines), (ReceiptPayment, payments), (PrintJob, jobs)):
                if rows:
                    uow.session.execute(insert(model), rows)
            uow.commit()
        self.receipts = []


def _receipt(record: ReceiptRecord, shift_id: int) -> dict[str, object]:
    return dict(
        series=record.series,
        number=record.number,
        receipt_no=record.receipt_no,
        idempotency_key=f"bench-{record.receipt_no}",
        kind=record.kind,
        voids_receipt_no=record.voids_receipt_no,
        void_reason=record.void_reason,
        approved_by=record.approved_by,
        hall_code=record.hall_code,
        counter_code=record.counter_code,
        clerk_employee_no=record.clerk_employee_no,
        clerk_name=record.clerk_name,
        visit_id=None,
        shift_id=shift_id,
        account_no=record.account_no,
        customer_name=record.customer_name,
        issued_at=record.issued_at,
        total=record.total,
        cash_tendered=record.cash_tendered,
        change=record.change,
        chain_version=record.chain_version,
        prev_hash=record.prev_hash,
        hash=record.hash,
    )


def _line(receipt_id: int, line_no: int, line: LineRecord) -> dict[str, object]:
    fields = (
        "cart_line",
        "item_code",
        "item_name",
        "band",
        "schedule_code",
        "approval_doc_no",
        "quantity",
        "unit",
        "unit_price",
        "amount",
    )
    return {"receipt_id": receipt_id, "line_no": line_no, **{k: getattr(line, k) for k in fields}}
