"""The clerk's shift: open with a counted float, move cash, read (X), count and close (Z).

The shift row is locked (``FOR UPDATE``) by every writer, issuance included
(:func:`shift_for_issue`), so a close and a payment at the same counter are ordered:
a receipt is either in the figures frozen at the close, or refused because the shift
has closed.  Figures are only ever added (counts by round, moves, tallies).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from db.domain import CountPurpose, MoveDirection, PaymentMethod, ShiftStatus
from db.engine import Database
from db.models import Hall
from db.models.shifts import CashCount, CashMove, Shift, ShiftTally
from hallclient.access.approvals import use_approval
from hallclient.access.permissions import Action, ApprovalKind
from hallclient.context import Context
from hallclient.money import MAX_AMOUNT, round_fen
from hallclient.shifts.business_day import open_business_day
from hallclient.shifts.cash import checked_count, count_total
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.shifts.figures import Tally, beyond_limit, tallies
from hallclient.shifts.finding import counter_shift, return_reason, returned_shift, shift_by_id
from hallclient.shifts.store import count_of, figures_of, moves_of, series_heads, tallies_of
from hallclient.shifts.views import MoveView, ShiftReading, ShiftView

__all__ = ["Declared", "ShiftReading", "ShiftView"]
from hallclient.text_input import clean_text
from hallclient.uow import UnitOfWork, run_write

log = logging.getLogger(__name__)
MAX_REASON = 200


@dataclass(frozen=True)
class Declared:
    """A non-cash method's total and number of payments, from its terminal or statement."""

    amount: Decimal
    count: int


def open_shift(
    database: Database, context: Context, float_count: Mapping[Decimal, int]
) -> ShiftView:
    """Open this clerk's shift at this counter with the float counted by denomination."""
    context.require(Action.SERVE_CUSTOMERS)
    count = checked_count(float_count)

    def use_case(uow: UnitOfWork) -> ShiftView:
        where = context.where
        uow.session.get(Hall, where.hall_code, with_for_update=True)  # ordered with a day close
        if counter_shift(uow, context) is not None:
            raise ShiftError(ShiftProblem.ALREADY_OPEN, where.counter_code)
        day = open_business_day(uow, where.hall_code, context.today())
        shift = Shift(
            hall_code=where.hall_code,
            counter_code=where.counter_code,
            open_counter=where.counter_code,
            clerk_employee_no=context.user.employee_no,
            clerk_name=context.user.display_name,
            business_day=day,
            opened_at=context.clock.now(),
            opening_float=count_total(count),
            status=ShiftStatus.OPEN,
            count_round=0,
            decided_by="",
        )
        uow.session.add(shift)
        uow.session.flush()
        _add_count(uow, shift.id, 0, CountPurpose.FLOAT, count)
        context.record(
            uow, "shift.open", "shift", str(shift.id), {"float": str(shift.opening_float)}
        )
        uow.commit()
        log.info("shift %s opened at %s", shift.id, where.counter_code)
        return ShiftView.of(shift)

    try:
        return run_write(database, use_case)
    except IntegrityError:  # another open at this counter committed first
        raise ShiftError(ShiftProblem.ALREADY_OPEN, context.where.counter_code) from None


def current_shift(database: Database, context: Context) -> ShiftView | None:
    """The shift open at this counter (whoever's), or None."""
    with UnitOfWork(database) as uow:
        shift = counter_shift(uow, context)
        return None if shift is None else ShiftView.of(shift)


def latest_shift(database: Database, context: Context) -> ShiftView | None:
    """This clerk's most recent shift at this counter, whatever its state."""
    with UnitOfWork(database) as uow:
        shift = uow.session.scalar(
            select(Shift)
            .where(
                Shift.hall_code == context.where.hall_code,
                Shift.counter_code == context.where.counter_code,
                Shift.clerk_employee_no == context.user.employee_no,
            )
            .order_by(Shift.id.desc())
            .limit(1)
        )
        return None if shift is None else ShiftView.of(shift)


def shift_for_issue(uow: UnitOfWork, context: Context) -> Shift:
    """This clerk's open shift at this counter, locked: a cash move goes into it."""
    shift = counter_shift(uow, context, lock=True)
    if shift is None:
        raise ShiftError(ShiftProblem.NO_OPEN_SHIFT, context.where.counter_code)
    _check_own(context, shift.clerk_employee_no, shift.clerk_name)
    return shift


_OPEN_SHIFT_FOR_RECEIPT = (  # built once
    select(Shift.id, Shift.clerk_employee_no, Shift.clerk_name)
    .where(Shift.hall_code == bindparam("hall"), Shift.open_counter == bindparam("counter"))
    .with_for_update()
)


def shift_id_for_receipt(uow: UnitOfWork, context: Context) -> int:
    """:func:`shift_for_issue` for a receipt: the same lock and checks, only three columns
    read (a plain Core query; every payment makes it)."""
    where = {"hall": context.where.hall_code, "counter": context.where.counter_code}
    row = uow.connection.execute(_OPEN_SHIFT_FOR_RECEIPT, where).one_or_none()
    if row is None:
        raise ShiftError(ShiftProblem.NO_OPEN_SHIFT, context.where.counter_code)
    _check_own(context, row.clerk_employee_no, row.clerk_name)
    shift_id: int = row.id
    return shift_id


def _check_own(context: Context, clerk_employee_no: str, clerk_name: str) -> None:
    if clerk_employee_no != context.user.employee_no:
        raise ShiftError(ShiftProblem.OTHER_CLERKS_SHIFT, clerk_name)


def move_cash(
    database: Database, context: Context, direction: MoveDirection, amount: Decimal, reason: str
) -> MoveView:
    """Record cash put into or taken out of the drawer; taking out more than it holds is refused."""
    context.require(Action.SERVE_CUSTOMERS)
    reason = clean_text(reason, "reason", MAX_REASON)
    if not reason:
        raise ShiftError(ShiftProblem.NO_REASON)
    if round_fen(amount) != amount or not Decimal(0) < amount <= MAX_AMOUNT:
        raise ShiftError(ShiftProblem.BAD_AMOUNT, str(amount))

    def use_case(uow: UnitOfWork) -> MoveView:
        shift = shift_for_issue(uow, context)
        if direction is MoveDirection.OUT:
            drawer = figures_of(uow, [shift])[shift.id].method(PaymentMethod.CASH).expected
            if amount > drawer:
                raise ShiftError(ShiftProblem.CASH_SHORT, str(drawer))
        move = CashMove(
            shift_id=shift.id,
            direction=direction,
            amount=amount,
            reason=reason,
            moved_at=context.clock.now(),
            employee_no=context.user.employee_no,
        )
        uow.session.add(move)
        context.record(
            uow,
            f"shift.cash_{direction.value}",
            "shift",
            str(shift.id),
            {"amount": str(amount), "reason": reason},
        )
        uow.commit()
        return MoveView(direction, amount, reason, move.moved_at, move.employee_no)

    return run_write(database, use_case)


def reading(database: Database, context: Context, shift_id: int | None = None) -> ShiftReading:
    """An X reading of this counter's open shift: it closes nothing.  With ``shift_id``, any
    shift of the hall as it stands (the manager's and auditor's reports)."""
    context.require(Action.SERVE_CUSTOMERS if shift_id is None else Action.VIEW_REPORTS)
    with UnitOfWork(database) as uow:
        if shift_id is not None:
            asked = shift_by_id(uow, shift_id)
            if asked.hall_code != context.where.hall_code:
                raise ShiftError(ShiftProblem.UNKNOWN_SHIFT, str(shift_id))
            return read_shift(uow, asked, context)
        mine = returned_shift(uow, context, lock=False) or counter_shift(uow, context)
        if mine is None:
            raise ShiftError(ShiftProblem.NO_OPEN_SHIFT, context.where.counter_code)
        return read_shift(uow, mine, context)


def read_shift(uow: UnitOfWork, shift: Shift, context: Context) -> ShiftReading:
    figures = figures_of(uow, [shift])[shift.id]
    rounds = shift.count_round
    return ShiftReading(
        ShiftView.of(shift),
        figures,
        moves_of(uow, shift.id),
        count_of(uow, shift.id, 0),
        count_of(uow, shift.id, rounds) if rounds else {},
        tallies_of(uow, shift.id, rounds) if rounds else (),
        context.clock.now(),
        series_heads(uow, [shift.id]) if rounds else (),
        return_reason(uow, shift.id) if shift.status is ShiftStatus.RETURNED else "",
    )


def preview_close(
    database: Database,
    context: Context,
    cash_count: Mapping[Decimal, int],
    declared: Mapping[PaymentMethod, Declared],
) -> tuple[Tally, ...]:
    """The differences a close with these counts would show, without closing anything."""
    context.require(Action.SERVE_CUSTOMERS)
    with UnitOfWork(database) as uow:
        shift = _closable(uow, context, lock=False)
        return _tallies(uow, shift, cash_count, declared)


def close_shift(
    database: Database,
    context: Context,
    cash_count: Mapping[Decimal, int],
    declared: Mapping[PaymentMethod, Declared],
    limit: Decimal,
    approval_id: int | None = None,
) -> ShiftReading:
    """Count and submit the shift (or its recount): the figures are frozen, nothing more enters.

    A difference beyond ``limit`` needs a manager's approval for exactly this count
    (object ``shift-<id>-<round>``); without it the close is refused and nothing changes.
    """
    context.require(Action.SERVE_CUSTOMERS)
    count = checked_count(cash_count)

    def use_case(uow: UnitOfWork) -> ShiftReading:
        shift = _closable(uow, context, lock=True)
        rows = _tallies(uow, shift, count, declared)
        next_round = shift.count_round + 1
        used = _approval_for(
            uow, context, shift, next_round, beyond_limit(rows, limit), approval_id
        )
        now = context.clock.now()
        _add_count(uow, shift.id, next_round, CountPurpose.CLOSE, count)
        uow.session.add_all(_tally_rows(shift.id, next_round, rows, used, now))
        shift.status, shift.open_counter, shift.count_round = (
            ShiftStatus.SUBMITTED,
            None,
            next_round,
        )
        shift.closed_at = shift.closed_at or now
        differences = {t.method.value: str(t.difference) for t in rows if t.difference}
        details = {"round": next_round, "differences": differences}
        context.record(uow, "shift.close", "shift", str(shift.id), details)
        uow.session.flush()
        result = read_shift(uow, shift, context)
        uow.commit()
        log.info("shift %s closed (round %s)", shift.id, next_round)
        return result

    return run_write(database, use_case)


def _approval_for(
    uow: UnitOfWork,
    context: Context,
    shift: Shift,
    count_round: int,
    over: list[Tally],
    approval_id: int | None,
) -> int | None:
    """The approval a difference beyond the limit needs, used up; None when none is needed."""
    if not over:
        return None
    wanted = approval_object(shift.id, count_round, over)
    if approval_id is None:
        raise ShiftError(ShiftProblem.NEEDS_APPROVAL, wanted)
    kind = ApprovalKind.OVER_LIMIT_DIFFERENCE
    return use_approval(uow, context, approval_id, kind, wanted).id


def _tally_rows(
    shift_id: int,
    count_round: int,
    tallies: Sequence[Tally],
    approval_id: int | None,
    submitted_at: dt.datetime,
) -> list[ShiftTally]:
    return [
        ShiftTally(
            shift_id=shift_id,
            count_round=count_round,
            method=t.method,
            expected=t.expected,
            counted=t.counted,
            expected_count=t.expected_count,
            declared_count=t.declared_count,
            approval_id=approval_id,
            submitted_at=submitted_at,
        )
        for t in tallies
    ]


def approval_object(shift_id: int, count_round: int, over: list[Tally]) -> str:
    """What a manager approves: this count of this shift with exactly these differences
    (``shift-5-1 cash:-20.00 wechat:+3.00``), so that the approval fits no other count."""
    figures = " ".join(f"{t.method.value}:{t.difference:+}" for t in over)
    return f"shift-{shift_id}-{count_round} {figures}"


def _tallies(
    uow: UnitOfWork,
    shift: Shift,
    cash_count: Mapping[Decimal, int],
    declared: Mapping[PaymentMethod, Declared],
) -> tuple[Tally, ...]:
    for method, figure in declared.items():
        bad = method is PaymentMethod.CASH or round_fen(figure.amount) != figure.amount
        if bad or not Decimal(0) <= figure.amount <= MAX_AMOUNT or not 0 <= figure.count <= 10**6:
            raise ShiftError(ShiftProblem.BAD_AMOUNT, method.value)
    counted = {m: d.amount for m, d in declared.items()} | {
        PaymentMethod.CASH: count_total(cash_count)
    }
    counts = {m: d.count for m, d in declared.items()}
    return tallies(figures_of(uow, [shift])[shift.id], counted, counts)


def _closable(uow: UnitOfWork, context: Context, *, lock: bool) -> Shift:
    """The clerk's shift returned for a recount here, else their open shift here."""
    shift = returned_shift(uow, context, lock=lock) or counter_shift(uow, context, lock=lock)
    if shift is None:
        raise ShiftError(ShiftProblem.NO_OPEN_SHIFT, context.where.counter_code)
    _check_own(context, shift.clerk_employee_no, shift.clerk_name)
    return shift


def _add_count(
    uow: UnitOfWork,
    shift_id: int,
    count_round: int,
    purpose: CountPurpose,
    count: dict[Decimal, int],
) -> None:
    uow.session.add_all(
        CashCount(
            shift_id=shift_id, count_round=count_round, denomination=d, purpose=purpose, pieces=n
        )
        for d, n in count.items()
    )
