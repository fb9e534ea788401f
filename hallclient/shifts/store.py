"""Shift figures from the database: one set of aggregate queries for every screen and report.

:func:`figures_of` sums receipts and voids by method and cash moves by direction
for many shifts at once (the manager's overview, the day close, the reports) with
grouped queries, never row by row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from db.domain import MoveDirection, PaymentMethod, ReceiptKind
from db.models import TariffItem, TariffSchedule
from db.models.receipts import PrintJob, Receipt, ReceiptLine, ReceiptPayment
from db.models.shifts import CashCount, CashMove, Shift, ShiftTally
from hallclient.shifts.figures import (
    BILLS,
    LATE_FEES,
    METHODS,
    ZERO,
    MethodFigures,
    ShiftFigures,
    Tally,
    in_report_order,
)
from hallclient.shifts.views import MoveView, SeriesHead
from hallclient.tariff.rules import LATE_FEE_CODE
from hallclient.uow import UnitOfWork


def figures_of(uow: UnitOfWork, shifts: Sequence[Shift]) -> dict[int, ShiftFigures]:
    """The figures of each shift, by id."""
    ids = [s.id for s in shifts]
    if not ids:
        return {}
    payments = _payments(uow, ids)
    moves = _moves(uow, ids)
    receipts = _receipt_counts(uow, ids)
    reprints = _reprints(uow, ids)
    categories = _categories(uow, ids)
    bills_paid = _bills_paid(uow, ids)
    result = {}
    for shift in shifts:
        methods = []
        for method in METHODS:
            sales, sales_n, voids, voids_n = payments.get((shift.id, method), (ZERO, 0, ZERO, 0))
            cash = method is PaymentMethod.CASH
            moved = moves.get(shift.id, {})
            methods.append(
                MethodFigures(
                    method,
                    sales,
                    sales_n,
                    voids,
                    voids_n,
                    opening=shift.opening_float if cash else ZERO,
                    moved_in=moved.get(MoveDirection.IN, ZERO) if cash else ZERO,
                    moved_out=moved.get(MoveDirection.OUT, ZERO) if cash else ZERO,
                )
            )
        counts = receipts.get(shift.id, {})
        result[shift.id] = ShiftFigures(
            tuple(methods),
            counts.get(ReceiptKind.SALE, 0),
            counts.get(ReceiptKind.VOID, 0),
            reprints.get(shift.id, 0),
            in_report_order(categories.get(shift.id, {})),
            bills_paid.get(shift.id, 0),
        )
    return result


_Key = tuple[int, PaymentMethod]


def _payments(uow: UnitOfWork, ids: list[int]) -> dict[_Key, tuple[Decimal, int, Decimal, int]]:
    rows = uow.session.execute(
        select(
            Receipt.shift_id,
            ReceiptPayment.method,
            Receipt.kind,
            func.sum(ReceiptPayment.amount),
            func.count(),
        )
        .select_from(ReceiptPayment)
        .join(Receipt, Receipt.id == ReceiptPayment.receipt_id)
        .where(Receipt.shift_id.in_(ids))
        .group_by(Receipt.shift_id, ReceiptPayment.method, Receipt.kind)
    )
    found: dict[_Key, list[Any]] = defaultdict(lambda: [ZERO, 0, ZERO, 0])
    for shift_id, method, kind, amount, number in rows:
        entry = found[(cast(int, shift_id), method)]  # never NULL: selected by shift
        if kind is ReceiptKind.SALE:
            entry[0], entry[1] = amount, number
        else:
            entry[2], entry[3] = -amount, number
    return {key: (v[0], v[1], v[2], v[3]) for key, v in found.items()}


def _moves(uow: UnitOfWork, ids: list[int]) -> dict[int, dict[MoveDirection, Decimal]]:
    rows = uow.session.execute(
        select(CashMove.shift_id, CashMove.direction, func.sum(CashMove.amount))
        .where(CashMove.shift_id.in_(ids))
        .group_by(CashMove.shift_id, CashMove.direction)
    )
    found: dict[int, dict[MoveDirection, Decimal]] = defaultdict(dict)
    for shift_id, direction, amount in rows:
        found[shift_id][direction] = amount
    return found


def _receipt_counts(uow: UnitOfWork, ids: list[int]) -> dict[int, dict[ReceiptKind, int]]:
    rows = uow.session.execute(
        select(Receipt.shift_id, Receipt.kind, func.count())
        .where(Receipt.shift_id.in_(ids))
        .group_by(Receipt.shift_id, Receipt.kind)
    )
    found: dict[int, dict[ReceiptKind, int]] = defaultdict(dict)
    for shift_id, kind, number in rows:
        found[cast(int, shift_id)][kind] = number
    return found


def _reprints(uow: UnitOfWork, ids: list[int]) -> dict[int, int]:
    """Further copies of the shift's receipts, made before it closed (so a copy printed
    later never changes a closed shift's figures)."""
    rows = uow.session.execute(
        select(Receipt.shift_id, func.count())
        .select_from(PrintJob)
        .join(Receipt, Receipt.id == PrintJob.receipt_id)
        .join(Shift, Shift.id == Receipt.shift_id)
        .where(Receipt.shift_id.in_(ids), PrintJob.copy_no > 1)
        .where(or_(Shift.closed_at.is_(None), PrintJob.created_at <= Shift.closed_at))
        .group_by(Receipt.shift_id)
    )
    return {cast(int, shift_id): number for shift_id, number in rows}


def _line_sources(ids: list[int]) -> tuple[tuple[Any, int], ...]:
    """The receipts whose lines count for the shifts: each shift's sales (+1), and the
    originals of the voids made in it (−1: a void is counted where it was made)."""
    void = aliased(Receipt)
    sold = select(Receipt.shift_id, Receipt.id).where(
        Receipt.shift_id.in_(ids), Receipt.kind == ReceiptKind.SALE
    )
    voided = (
        select(void.shift_id, Receipt.id)
        .join(void, void.voids_receipt_no == Receipt.receipt_no)
        .where(void.shift_id.in_(ids))
    )
    return ((sold.subquery(), 1), (voided.subquery(), -1))


def _categories(uow: UnitOfWork, ids: list[int]) -> dict[int, dict[str, Decimal]]:
    """Net amount per income kind: lines sold in the shift, minus lines voided in it.

    A bill's lines are bills paid, its late fee line a late fee, whatever their item;
    other lines count in their tariff item's category (gas bought by volume, services,
    ...).  Lines are summed per item (no join to the tariff on tens of thousands of
    rows); the few distinct items are then looked up for their category.
    """
    per_item: dict[tuple[int, str, str, bool], Decimal] = defaultdict(lambda: ZERO)
    billed = ReceiptLine.bill_no.is_not(None)
    for lines, sign in _line_sources(ids):
        rows = uow.session.execute(
            select(
                lines.c.shift_id,
                ReceiptLine.schedule_code,
                ReceiptLine.item_code,
                billed,
                func.sum(ReceiptLine.amount),
            )
            .join(ReceiptLine, ReceiptLine.receipt_id == lines.c.id)
            .group_by(lines.c.shift_id, ReceiptLine.schedule_code, ReceiptLine.item_code, billed)
        )
        for shift_id, schedule, item, from_bill, amount in rows:
            per_item[(shift_id, schedule, item, bool(from_bill))] += sign * amount
    category = _item_categories(uow, {schedule for _, schedule, _, _ in per_item})
    found: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for (shift_id, schedule, item, from_bill), amount in per_item.items():
        kind = (LATE_FEES if item == LATE_FEE_CODE else BILLS) if from_bill else None
        found[shift_id][kind or category.get((schedule, item), "")] += amount
    return found


def _bills_paid(uow: UnitOfWork, ids: list[int]) -> dict[int, int]:
    """Bills settled per shift: bills its sales paid, less bills its voids reopened."""
    found: dict[int, int] = defaultdict(int)
    for lines, sign in _line_sources(ids):
        rows = uow.session.execute(
            select(lines.c.shift_id, func.count(ReceiptLine.bill_no.distinct()))
            .join(ReceiptLine, ReceiptLine.receipt_id == lines.c.id)
            .where(ReceiptLine.bill_no.is_not(None))
            .group_by(lines.c.shift_id)
        )
        for shift_id, number in rows:
            found[shift_id] += sign * number
    return found


def _item_categories(uow: UnitOfWork, schedules: set[str]) -> dict[tuple[str, str], str]:
    rows = uow.session.execute(
        select(TariffSchedule.code, TariffItem.code, TariffItem.category)
        .join(TariffItem, TariffItem.schedule_id == TariffSchedule.id)
        .where(TariffSchedule.code.in_(schedules))
    )
    return {(schedule, item): category for schedule, item, category in rows}


def moves_of(uow: UnitOfWork, shift_id: int) -> tuple[MoveView, ...]:
    rows = uow.session.scalars(
        select(CashMove).where(CashMove.shift_id == shift_id).order_by(CashMove.id)
    )
    return tuple(MoveView(m.direction, m.amount, m.reason, m.moved_at, m.employee_no) for m in rows)


def count_of(uow: UnitOfWork, shift_id: int, count_round: int) -> dict[Decimal, int]:
    rows = uow.session.execute(
        select(CashCount.denomination, CashCount.pieces).where(
            CashCount.shift_id == shift_id, CashCount.count_round == count_round
        )
    )
    return {denomination: pieces for denomination, pieces in rows}


def tallies_of(uow: UnitOfWork, shift_id: int, count_round: int) -> tuple[Tally, ...]:
    rows = uow.session.scalars(
        select(ShiftTally).where(
            ShiftTally.shift_id == shift_id, ShiftTally.count_round == count_round
        )
    )
    by_method = {r.method: r for r in rows}
    return tuple(
        Tally(m, r.expected, r.counted, r.expected_count, r.declared_count)
        for m in METHODS
        if (r := by_method.get(m)) is not None
    )


def series_heads(uow: UnitOfWork, shift_ids: Sequence[int]) -> tuple[SeriesHead, ...]:
    """Each series these shifts used: its last number in them and that receipt's hash."""
    if not shift_ids:
        return ()
    last = (
        select(Receipt.series, func.max(Receipt.number).label("number"))
        .where(Receipt.shift_id.in_(shift_ids))
        .group_by(Receipt.series)
        .subquery()
    )
    rows = uow.session.execute(
        select(Receipt.series, Receipt.number, Receipt.hash)
        .join(last, (last.c.series == Receipt.series) & (last.c.number == Receipt.number))
        .order_by(Receipt.series)
    )
    return tuple(SeriesHead(series, number, digest) for series, number, digest in rows)
