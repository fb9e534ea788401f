"""The receipt verifier: numbering without gaps, the hash chain, and whole receipts.

For every series it walks the receipts in number order and names the first fault:
a missing or repeated number, a hash that does not match the record, a link that
does not point at the previous receipt, lines or payments that do not add up to the
total, a receipt without its print job, or a series row whose count or chain head
disagrees with the receipts.  Reading only; the tables are append-only anyway.

Given heads from outside the receipts (printed by a day close or a Z report, recorded
by a day close) it also names a receipt removed below a head (the series rewound) and a
head whose receipt is no longer the one printed (rewritten, or forged into a closed
range with a recomputed hash): an intact chain up to a matching head anchors every
receipt before it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from db.domain import ReceiptKind
from db.engine import Database
from db.models.receipts import PrintJob, Receipt, ReceiptLine, ReceiptPayment, ReceiptSeries
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.receipts.heads import ExpectedHead, head_text
from hallclient.receipts.record import GENESIS, ReceiptRecord, chain_hash
from hallclient.receipts.store import record_of
from hallclient.uow import UnitOfWork

_BATCH = 2_000


@dataclass(frozen=True)
class SeriesCheck:
    series: str
    receipts: int
    head_hash: str
    fault: str | None  # the first fault, in words for the log and the command line

    @property
    def head(self) -> str:
        """The head reached, as printed and typed back (``SERIES:NUMBER:HASH``)."""
        return head_text(self.series, self.receipts, self.head_hash)


@dataclass(frozen=True)
class Verification:
    series: tuple[SeriesCheck, ...]

    @property
    def ok(self) -> bool:
        return all(check.fault is None for check in self.series)

    @property
    def first_fault(self) -> str | None:
        return next((c.fault for c in self.series if c.fault), None)


def verify_receipts(database: Database, context: Context) -> Verification:
    context.require(Action.VERIFY_AUDIT)
    return check_all(database)


def check_all(database: Database, heads: Sequence[ExpectedHead] = ()) -> Verification:
    """The verification without a permission check (tests, and the command as admin),
    against ``heads`` recorded or printed earlier."""
    by_series: dict[str, dict[int, list[ExpectedHead]]] = defaultdict(lambda: defaultdict(list))
    for head in heads:
        by_series[head.series][head.number].append(head)
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(ReceiptSeries).order_by(ReceiptSeries.code)).all()
        checks = [_check_series(uow, row, by_series.pop(row.code, {})) for row in rows]
    for code, lost in sorted(by_series.items()):  # heads of a series whose row is gone
        head = min((h for at in lost.values() for h in at), key=lambda h: h.number)
        fault = f"{code}: the series is missing ({head.source} recorded head {head})"
        checks.append(SeriesCheck(code, 0, GENESIS, fault))
    return Verification(tuple(checks))


def _check_series(
    uow: UnitOfWork, series: ReceiptSeries, heads: dict[int, list[ExpectedHead]]
) -> SeriesCheck:
    expected, previous = 1, GENESIS
    for record, jobs in _records(uow, series.code):
        fault = _fault(record, expected, previous, jobs) or _head_fault(record, heads)
        if fault:
            return SeriesCheck(series.code, expected - 1, previous, f"{record.receipt_no}: {fault}")
        expected, previous = expected + 1, record.hash
    count = expected - 1
    beyond = [head for number in sorted(heads) if number > count for head in heads[number]]
    if beyond:
        fault = (
            f"receipts after {count} were removed ({beyond[-1].source} recorded head "
            f"{beyond[-1]}; the series was rewound)"
        )
        return SeriesCheck(series.code, count, previous, f"{series.code}: {fault}")
    if (series.last_number, series.head_hash) != (count, previous):
        fault = f"series row says {series.last_number} receipts, found {count}, or another head"
        return SeriesCheck(series.code, count, previous, f"{series.code}: {fault}")
    return SeriesCheck(series.code, count, previous, None)


def _fault(record: ReceiptRecord, number: int, previous: str, jobs: int) -> str | None:
    return _chain_fault(record, number, previous) or _content_fault(record, jobs)


def _head_fault(record: ReceiptRecord, heads: dict[int, list[ExpectedHead]]) -> str | None:
    for head in heads.get(record.number, ()):
        if not head.matches(record.hash):
            return (
                f"is not the receipt {head.source} recorded (head {head}, found "
                f"{head_text(head.series, record.number, record.hash)}): rewritten, or forged "
                "into a closed range"
            )
    return None


def _chain_fault(record: ReceiptRecord, number: int, previous: str) -> str | None:
    if record.number != number:
        what = "repeated" if record.number < number else "missing"
        return f"number {number} {what} (found {record.number})"
    if record.prev_hash != previous:
        return "does not link to the previous receipt"
    if chain_hash(record) != record.hash:
        return "contents do not match the hash"
    return None


def _content_fault(record: ReceiptRecord, jobs: int) -> str | None:
    zero = Decimal("0.00")
    lines_total = sum((x.amount for x in record.lines), zero)
    if record.kind is ReceiptKind.SALE and (not record.lines or lines_total != record.total):
        return "lines do not add up to the total"
    if sum((p.amount for p in record.payments), zero) != record.total:
        return "payments do not add up to the total"
    if jobs == 0:
        return "no print job"
    return None


def _records(uow: UnitOfWork, series: str) -> Iterator[tuple[ReceiptRecord, int]]:
    """The series' records in number order, a batch of rows at a time."""
    after = 0
    session = uow.session
    while True:
        batch = session.scalars(
            select(Receipt)
            .where(Receipt.series == series, Receipt.number > after)
            .order_by(Receipt.number)
            .limit(_BATCH)
        ).all()
        if not batch:
            return
        ids = [receipt.id for receipt in batch]
        lines, payments, jobs = _children(uow, ids)
        for receipt in batch:
            yield record_of(receipt, lines[receipt.id], payments[receipt.id]), jobs[receipt.id]
        after = batch[-1].number


_Children = tuple[dict[int, list[ReceiptLine]], dict[int, list[ReceiptPayment]], dict[int, int]]


def _children(uow: UnitOfWork, ids: list[int]) -> _Children:
    """Lines, payments and the number of print jobs of these receipts, by receipt id."""
    session = uow.session
    lines: dict[int, list[ReceiptLine]] = defaultdict(list)
    payments: dict[int, list[ReceiptPayment]] = defaultdict(list)
    jobs: dict[int, int] = defaultdict(int)
    for line in session.scalars(
        select(ReceiptLine).where(ReceiptLine.receipt_id.in_(ids)).order_by(ReceiptLine.line_no)
    ):
        lines[line.receipt_id].append(line)
    for pay in session.scalars(
        select(ReceiptPayment)
        .where(ReceiptPayment.receipt_id.in_(ids))
        .order_by(ReceiptPayment.line_no)
    ):
        payments[pay.receipt_id].append(pay)
    for receipt_id in session.scalars(
        select(PrintJob.receipt_id).where(PrintJob.receipt_id.in_(ids))
    ):
        jobs[receipt_id] += 1
    return lines, payments, jobs
