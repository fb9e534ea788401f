"""The shift manager's side: the hall's day at a glance, approving or returning shifts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from db.domain import PaymentMethod, ShiftStatus
from db.engine import Database
from db.models.shifts import Shift
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.money import format_yuan
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.shifts.figures import METHODS, ZERO, ShiftFigures, Tally, in_report_order
from hallclient.shifts.service import MAX_REASON, read_shift
from hallclient.shifts.store import figures_of, tallies_of
from hallclient.shifts.views import ShiftReading, ShiftView
from hallclient.text_input import clean_text
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShiftLine:
    """One shift in the overview: where, who, its state, its figures and its latest tallies."""

    shift: ShiftView
    figures: ShiftFigures
    tallies: tuple[Tally, ...]

    @property
    def differences(self) -> tuple[Tally, ...]:
        """The methods counted over or short (each on its own: they never net out)."""
        return tuple(t for t in self.tallies if t.difference)

    def differences_text(self, method_name: Callable[[PaymentMethod], str]) -> str:
        """Each method over or short on its own ("现金 ￥-0.03"); "—" before the close."""
        if not self.tallies:
            return "—"
        parts = [f"{method_name(t.method)} {format_yuan(t.difference)}" for t in self.differences]
        return "; ".join(parts) or format_yuan(ZERO)


@dataclass(frozen=True)
class HallDay:
    """Every shift of the hall's business day and the day's sums."""

    hall_code: str
    day: date
    shifts: tuple[ShiftLine, ...]

    @property
    def by_method(self) -> dict[PaymentMethod, Decimal]:
        return {m: sum((s.figures.method(m).net for s in self.shifts), ZERO) for m in METHODS}

    @property
    def by_category(self) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = {}
        for line in self.shifts:
            for category, amount in line.figures.by_category.items():
                totals[category] = totals.get(category, ZERO) + amount
        return in_report_order(totals)

    @property
    def bills_paid(self) -> int:
        return sum(s.figures.bills_paid for s in self.shifts)

    @property
    def net(self) -> Decimal:
        return sum((s.figures.net for s in self.shifts), ZERO)

    @property
    def receipts(self) -> int:
        return sum(s.figures.receipts for s in self.shifts)

    @property
    def voids(self) -> int:
        return sum(s.figures.voids for s in self.shifts)

    @property
    def voided(self) -> Decimal:
        return sum((m.voids for s in self.shifts for m in s.figures.methods), ZERO)

    @property
    def reprints(self) -> int:
        return sum(s.figures.reprints for s in self.shifts)

    @property
    def pending(self) -> tuple[ShiftLine, ...]:
        """Shifts that keep the day from closing: not yet approved."""
        return tuple(s for s in self.shifts if s.shift.status is not ShiftStatus.APPROVED)


def hall_day(database: Database, context: Context, day: date | None = None) -> HallDay:
    """The manager's overview of one business day (today by default)."""
    context.require(Action.VIEW_REPORTS)
    with UnitOfWork(database) as uow:
        return day_of(uow, context.where.hall_code, day or context.today())


def day_of(uow: UnitOfWork, hall_code: str, day: date) -> HallDay:
    shifts = list(
        uow.session.scalars(
            select(Shift)
            .where(Shift.hall_code == hall_code, Shift.business_day == day)
            .order_by(Shift.counter_code, Shift.id)
        )
    )
    figures = figures_of(uow, shifts)
    lines = tuple(
        ShiftLine(ShiftView.of(s), figures[s.id], tallies_of(uow, s.id, s.count_round))
        for s in shifts
    )
    return HallDay(hall_code, day, lines)


def approve_shift(database: Database, context: Context, shift_id: int) -> ShiftReading:
    """Accept a submitted shift: final, its figures frozen as counted."""
    return _decide(database, context, shift_id, ShiftStatus.APPROVED, "")


def return_shift(database: Database, context: Context, shift_id: int, reason: str) -> ShiftReading:
    """Send a submitted shift back to its clerk for a recount (recorded with the reason)."""
    reason = clean_text(reason, "reason", MAX_REASON)
    if not reason:
        raise ShiftError(ShiftProblem.NO_REASON)
    return _decide(database, context, shift_id, ShiftStatus.RETURNED, reason)


def _decide(
    database: Database, context: Context, shift_id: int, status: ShiftStatus, reason: str
) -> ShiftReading:
    context.require(Action.RECONCILE_SHIFTS)

    def use_case(uow: UnitOfWork) -> ShiftReading:
        shift = uow.session.scalar(
            select(Shift)
            .where(Shift.id == shift_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        if shift is None or shift.hall_code != context.where.hall_code:
            raise ShiftError(ShiftProblem.UNKNOWN_SHIFT, str(shift_id))
        if shift.status is not ShiftStatus.SUBMITTED:
            raise ShiftError(ShiftProblem.NOT_SUBMITTED, shift.status.value)
        if shift.clerk_employee_no == context.user.employee_no:
            raise ShiftError(ShiftProblem.OWN_SHIFT, str(shift_id))
        shift.status, shift.decided_by = status, context.user.employee_no
        shift.decided_at = context.clock.now()
        context.record(
            uow,
            f"shift.{status.value}",
            "shift",
            str(shift.id),
            {"round": shift.count_round, "reason": reason},
        )
        uow.session.flush()
        result = read_shift(uow, shift, context)
        uow.commit()
        log.info("shift %s %s by %s", shift_id, status.value, context.user.employee_no)
        return result

    return run_write(database, use_case)
