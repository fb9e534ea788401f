"""The hall's day close: the day's totals, the perpetual grand total, the receipt chain heads.

Closed once per hall and business day, when every shift of the day is approved.  The
record is append-only and chained (SHA-256 over its canonical JSON, which includes the
previous close's hash), and it carries the head hash of every receipt series the day
used: printed on paper, it makes a rewrite of the receipt history detectable.  The
chain is per series (each counter's year, so counters never wait for each other);
that is why the close prints one head per series rather than one for the hall.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from db.domain import ShiftStatus
from db.engine import Database
from db.models import Hall
from db.models.receipts import Receipt
from db.models.shifts import DayClose, Shift
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.money import from_fen, to_fen
from hallclient.receipts.heads import ExpectedHead
from hallclient.receipts.record import GENESIS
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.shifts.figures import ZERO, in_report_order
from hallclient.shifts.manager import HallDay, day_of
from hallclient.shifts.store import series_heads
from hallclient.shifts.views import SeriesHead
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
CONTENT_VERSION = 2  # 2: the income kinds and the bills paid


@dataclass(frozen=True)
class DayCloseView:
    hall_code: str
    day: date
    closed_at: datetime
    closed_by: str
    day_total: Decimal
    previous_grand_total: Decimal
    grand_total: Decimal
    by_method: dict[str, Decimal]
    receipts: int
    voids: int
    heads: tuple[SeriesHead, ...]
    prev_hash: str
    hash: str
    by_income: dict[str, Decimal] | None = None  # None: closed before version 2
    bills_paid: int = 0


@dataclass(frozen=True)
class PendingShift:
    """A shift that keeps the day from closing: where, whose, in what state."""

    shift_id: int
    counter_code: str
    clerk_name: str
    clerk_employee_no: str
    status: ShiftStatus


class PendingShiftsError(ShiftError):
    """The day closes when every shift is approved: these are not (named for the manager)."""

    def __init__(self, shifts: tuple[PendingShift, ...]) -> None:
        self.shifts = shifts
        detail = ", ".join(f"{s.counter_code} {s.clerk_employee_no} #{s.shift_id}" for s in shifts)
        super().__init__(ShiftProblem.SHIFTS_PENDING, detail)


@dataclass(frozen=True)
class DayClosePreview:
    """What closing the day would record, shown before the manager confirms."""

    summary: HallDay
    heads: tuple[SeriesHead, ...]
    previous_grand_total: Decimal

    @property
    def grand_total(self) -> Decimal:
        return self.previous_grand_total + self.summary.net


def preview_day_close(database: Database, context: Context, day: date) -> DayClosePreview:
    """The day close as it would be recorded now, refused as :func:`close_day` would be."""
    context.require(Action.RECONCILE_SHIFTS)
    with UnitOfWork(database) as uow:
        last, summary = _closable_day(uow, context, day)
        heads = series_heads(uow, [line.shift.id for line in summary.shifts])
        return DayClosePreview(summary, heads, _grand_total(last))


def _closable_day(uow: UnitOfWork, context: Context, day: date) -> tuple[DayClose | None, HallDay]:
    """The last close and the day's summary, or the reason the day cannot close: a day not
    begun, one closed already, an earlier day still open, a shift not approved."""
    if day > context.today():
        raise ShiftError(ShiftProblem.FUTURE_DAY, day.isoformat())
    hall = context.where.hall_code
    last = _last_close(uow, hall)
    if last is not None and last.business_day >= day:
        raise ShiftError(ShiftProblem.DAY_CLOSED, last.business_day.isoformat())
    _refuse_open_days(uow, hall, day, last.business_day if last is not None else None)
    return last, day_of(uow, hall, day)


def close_day(database: Database, context: Context, day: date) -> DayCloseView:
    """Close the hall's ``day``; refused while any of its shifts is not approved, or while an
    earlier day with shifts is not closed (days close in order, none is skipped)."""
    context.require(Action.RECONCILE_SHIFTS)

    def use_case(uow: UnitOfWork) -> DayCloseView:
        hall = context.where.hall_code
        uow.session.get(Hall, hall, with_for_update=True)  # one day close at a time per hall
        last, summary = _closable_day(uow, context, day)
        previous = _grand_total(last)
        content = _content(
            summary,
            previous,
            series_heads(uow, [line.shift.id for line in summary.shifts]),
            context,
            last.hash if last is not None else GENESIS,
        )
        text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        row = DayClose(
            hall_code=hall,
            business_day=day,
            closed_at=context.clock.now(),
            closed_by=context.user.employee_no,
            day_total=summary.net,
            grand_total=previous + summary.net,
            content=text,
            prev_hash=content["prev"],
            hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        uow.session.add(row)
        context.record(
            uow,
            "day.close",
            "day",
            f"{hall}-{day.isoformat()}",
            {"total": str(summary.net), "chain_head": row.hash},
        )
        uow.commit()
        log.info("day %s closed for hall %s", day, hall)
        return view_of(row)

    return run_write(database, use_case)


def close_of(uow: UnitOfWork, hall_code: str, day: date) -> DayCloseView | None:
    row = uow.session.scalar(
        select(DayClose).where(DayClose.hall_code == hall_code, DayClose.business_day == day)
    )
    return None if row is None else view_of(row)


def recorded_heads(database: Database) -> list[ExpectedHead]:
    """Every series head every hall's day closes recorded, for ``receipts verify``."""
    with UnitOfWork(database) as uow:
        rows = uow.session.execute(
            select(DayClose.hall_code, DayClose.business_day, DayClose.content).order_by(
                DayClose.hall_code, DayClose.business_day
            )
        ).all()
    return [
        ExpectedHead(series, number, digest, f"the day close of {hall} {day.isoformat()}")
        for hall, day, content in rows
        for series, number, digest in json.loads(content)["series"]
    ]


def verify_day_closes(database: Database, hall_code: str) -> str | None:
    """The first day close that is wrong, or None when the chain holds.

    Each close must hash to its hash, link to the one before, agree with its own
    columns, carry the previous grand total on, and name receipt heads that are the
    receipts' own hashes (a re-hashed receipt chain no longer matches the paper).
    """
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(
            select(DayClose).where(DayClose.hall_code == hall_code).order_by(DayClose.business_day)
        )
        prev, total = GENESIS, 0
        for row in rows:
            fault = _fault(uow, row, prev, total)
            if fault is not None:
                return f"{row.business_day}: {fault}"
            prev, total = row.hash, json.loads(row.content)["grand_total"]
    return None


def _fault(uow: UnitOfWork, row: DayClose, prev: str, total: int) -> str | None:
    if hashlib.sha256(row.content.encode()).hexdigest() != row.hash:
        return "changed"
    content = json.loads(row.content)
    if row.prev_hash != prev or content["prev"] != prev:
        return "broken link"
    columns = (
        row.hall_code,
        row.business_day.isoformat(),
        to_fen(row.day_total),
        to_fen(row.grand_total),
    )
    if columns != (content["hall"], content["day"], content["day_total"], content["grand_total"]):
        return "columns differ from the record"
    if content["previous_grand_total"] != total or content["grand_total"] != (
        total + content["day_total"]
    ):
        return "grand total not carried on"
    for series, number, digest in content["series"]:
        found = uow.session.scalar(
            select(Receipt.hash).where(Receipt.series == series, Receipt.number == number)
        )
        if found != digest:
            return f"receipt {series}-{number:06d} differs from the head on paper"
    return None


def _refuse_open_days(uow: UnitOfWork, hall: str, day: date, last_closed: date | None) -> None:
    """An earlier day with shifts must be closed first; every shift of the day approved."""
    since = [Shift.hall_code == hall] + ([Shift.business_day > last_closed] if last_closed else [])
    earlier = uow.session.scalar(
        select(func.min(Shift.business_day)).where(*since, Shift.business_day < day)
    )
    if earlier is not None:
        raise ShiftError(ShiftProblem.EARLIER_DAY_OPEN, earlier.isoformat())
    pending = uow.session.scalars(
        select(Shift)
        .where(
            Shift.hall_code == hall,
            Shift.business_day == day,
            Shift.status != ShiftStatus.APPROVED,
        )
        .order_by(Shift.counter_code, Shift.id)
    ).all()
    if pending:
        raise PendingShiftsError(
            tuple(
                PendingShift(s.id, s.counter_code, s.clerk_name, s.clerk_employee_no, s.status)
                for s in pending
            )
        )


def _grand_total(last: DayClose | None) -> Decimal:
    """Carried on from the last close's own record (its hash covers it), not a column."""
    return ZERO if last is None else from_fen(json.loads(last.content)["grand_total"])


def _last_close(uow: UnitOfWork, hall: str) -> DayClose | None:
    return uow.session.scalar(
        select(DayClose)
        .where(DayClose.hall_code == hall)
        .order_by(DayClose.business_day.desc())
        .limit(1)
    )


def _content(
    summary: HallDay,
    previous: Decimal,
    heads: tuple[SeriesHead, ...],
    context: Context,
    prev_hash: str,
) -> dict[str, Any]:
    return {
        "v": CONTENT_VERSION,
        "hall": summary.hall_code,
        "day": summary.day.isoformat(),
        "closed_by": context.user.employee_no,
        "closed_at": context.clock.now().isoformat(timespec="microseconds"),
        "methods": {m.value: to_fen(a) for m, a in summary.by_method.items()},
        "receipts": summary.receipts,
        "voids": summary.voids,
        "income": {kind: to_fen(a) for kind, a in summary.by_category.items()},
        "bills_paid": summary.bills_paid,
        "day_total": to_fen(summary.net),
        "previous_grand_total": to_fen(previous),
        "grand_total": to_fen(previous + summary.net),
        "shifts": [line.shift.id for line in summary.shifts],
        "series": [[h.series, h.last_number, h.head_hash] for h in heads],
        "prev": prev_hash,
    }


def view_of(row: DayClose) -> DayCloseView:
    content = json.loads(row.content)
    return DayCloseView(
        row.hall_code,
        row.business_day,
        row.closed_at,
        row.closed_by,
        row.day_total,
        from_fen(content["previous_grand_total"]),
        row.grand_total,
        {m: from_fen(v) for m, v in content["methods"].items()},
        content["receipts"],
        content["voids"],
        tuple(SeriesHead(*h) for h in content["series"]),
        row.prev_hash,
        row.hash,
        _income(content),
        content.get("bills_paid", 0),
    )


def _income(content: dict[str, Any]) -> dict[str, Decimal] | None:
    income = content.get("income")
    if income is None:
        return None
    return in_report_order({kind: from_fen(fen) for kind, fen in income.items()})
