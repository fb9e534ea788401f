"""What the day report shows, read in one unit of work: the hall's day, its voids, its close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from db.domain import ReceiptKind
from db.engine import Database
from db.models.receipts import Receipt
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.shifts.day_close import DayCloseView, close_of
from hallclient.shifts.manager import HallDay, day_of
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class VoidRow:
    void_no: str
    original_no: str
    amount: Decimal  # given back, positive
    reason: str
    approved_by: str
    at: datetime


@dataclass(frozen=True)
class DayReport:
    day: HallDay
    voids: tuple[VoidRow, ...]
    close: DayCloseView | None


def day_report(database: Database, context: Context, day: date) -> DayReport:
    context.require(Action.VIEW_REPORTS)
    with UnitOfWork(database) as uow:
        summary = day_of(uow, context.where.hall_code, day)
        ids = [line.shift.id for line in summary.shifts]
        rows = uow.session.execute(
            select(
                Receipt.receipt_no,
                Receipt.voids_receipt_no,
                Receipt.total,
                Receipt.void_reason,
                Receipt.approved_by,
                Receipt.issued_at,
            )
            .where(Receipt.shift_id.in_(ids), Receipt.kind == ReceiptKind.VOID)
            .order_by(Receipt.issued_at, Receipt.id)
        ).all()
        voids = tuple(
            VoidRow(no, original or "", -total, reason, by, at)
            for no, original, total, reason, by, at in rows
        )
        return DayReport(summary, voids, close_of(uow, context.where.hall_code, day))
