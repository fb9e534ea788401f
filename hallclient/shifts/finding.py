"""Finding a shift: the one returned to a clerk for a recount (and why), the one open at a
counter, by id.

Each query can lock the row it finds (``FOR UPDATE``, re-read), for the writers that
change the shift.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from db.domain import ShiftStatus
from db.models import AuditEntry
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


def return_reason(uow: UnitOfWork, shift_id: int) -> str:
    """Why the manager returned the shift for a recount: the reason journaled with the
    newest return (the journal is its record; the shift row keeps only who decided)."""
    details = uow.session.scalar(
        select(AuditEntry.details)
        .where(
            AuditEntry.action == f"shift.{ShiftStatus.RETURNED.value}",
            AuditEntry.object_type == "shift",
            AuditEntry.object_id == str(shift_id),
        )
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    )
    return str(json.loads(details).get("reason", "")) if details else ""
