"""Finding a shift: the one returned to a clerk for a recount, the one open at a counter, by id.

Each query can lock the row it finds (``FOR UPDATE``, re-read), for the writers that
change the shift.
"""

from __future__ import annotations

from sqlalchemy import select

from db.domain import ShiftStatus
from db.models.shifts import Shift
from hallclient.context import Context
from hallclient.shifts.errors import ShiftError, ShiftProblem
from hallclient.uow import UnitOfWork


def returned_shift(uow: UnitOfWork, context: Context, *, lock: bool) -> Shift | None:
    query = (
        select(Shift)
        .where(
            Shift.hall_code == context.where.hall_code,
            Shift.counter_code == context.where.counter_code,
            Shift.clerk_employee_no == context.user.employee_no,
            Shift.status == ShiftStatus.RETURNED,
        )
        .order_by(Shift.id.desc())
        .limit(1)
    )
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return uow.session.scalar(query)


def counter_shift(uow: UnitOfWork, context: Context, *, lock: bool = False) -> Shift | None:
    query = select(Shift).where(
        Shift.hall_code == context.where.hall_code,
        Shift.open_counter == context.where.counter_code,
    )
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    return uow.session.scalar(query)


def shift_by_id(uow: UnitOfWork, shift_id: int, *, lock: bool = False) -> Shift:
    query = select(Shift).where(Shift.id == shift_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    shift = uow.session.scalar(query)
    if shift is None:
        raise ShiftError(ShiftProblem.UNKNOWN_SHIFT, str(shift_id))
    return shift
