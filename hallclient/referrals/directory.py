"""The department directory as the admin edits it: contacts, duties and response targets.

Every change is journaled with each field's old and new value (the directory is not
personal data).  A change applies to referrals made from then on; those already made
keep their due times.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.engine import Database
from db.models import Department
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.referrals.service import ReferralError, ReferralProblem
from hallclient.text_input import clean_code, clean_text
from hallclient.uow import UnitOfWork, run_write


@dataclass(frozen=True)
class DepartmentEntry:
    """A department of the directory: its contacts, duties and response targets (minutes)."""

    code: str
    name_zh: str
    name_en: str
    duties: str
    phone: str
    extension: str
    location: str
    hours: str
    hotline: str
    minutes_normal: int
    minutes_urgent: int
    minutes_emergency: int


def department_entry(row: Department) -> DepartmentEntry:
    return DepartmentEntry(
        row.code,
        row.name_zh,
        row.name_en,
        row.duties,
        row.phone,
        row.extension,
        row.location,
        row.hours,
        row.hotline,
        row.response_minutes_normal,
        row.response_minutes_urgent,
        row.response_minutes_emergency,
    )


def departments(database: Database) -> list[DepartmentEntry]:
    """The directory, in its own order (no permission: it is printed on every slip)."""
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(Department).order_by(Department.code))
        return [department_entry(row) for row in rows]


_ENTRY_TEXTS = {
    "code": 32,
    "name_zh": 100,
    "name_en": 100,
    "duties": 1000,
    "phone": 32,
    "extension": 16,
    "location": 200,
    "hours": 100,
    "hotline": 32,
}


def department_entries(database: Database, context: Context) -> list[DepartmentEntry]:
    context.require(Action.MANAGE_DEPARTMENTS)
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(Department).order_by(Department.code))
        return [department_entry(row) for row in rows]


def _checked(entry: DepartmentEntry) -> DepartmentEntry:
    texts = {
        field: (clean_code if field == "code" else clean_text)(getattr(entry, field), field, limit)
        for field, limit in _ENTRY_TEXTS.items()
    }
    for field in ("code", "name_zh", "name_en", "phone", "location", "hours"):
        if not texts[field]:
            raise ReferralError(ReferralProblem.BAD_DEPARTMENT, f"{field} is required")
    minutes = (entry.minutes_normal, entry.minutes_urgent, entry.minutes_emergency)
    if not all(isinstance(m, int) and 1 <= m <= 525_600 for m in minutes) or not (
        entry.minutes_emergency <= entry.minutes_urgent <= entry.minutes_normal
    ):
        raise ReferralError(ReferralProblem.BAD_DEPARTMENT, "targets")
    return DepartmentEntry(
        **texts, minutes_normal=minutes[0], minutes_urgent=minutes[1], minutes_emergency=minutes[2]
    )


def save_department(
    database: Database, context: Context, entry: DepartmentEntry, *, new: bool = False
) -> None:
    """Add a department or change one; the journal keeps what changed, from what to what.
    Referrals already made keep their due times."""
    context.require(Action.MANAGE_DEPARTMENTS)
    clean = _checked(entry)

    def use_case(uow: UnitOfWork) -> None:
        row = uow.session.get(Department, clean.code, with_for_update=True)
        if new and row is not None:
            raise ReferralError(ReferralProblem.DEPARTMENT_EXISTS, clean.code)
        before = department_entry(row) if row is not None else None
        if row is None:
            row = Department(code=clean.code)
            uow.session.add(row)
        for field, value in _columns(clean).items():
            setattr(row, field, value)
        changes = {
            field: [getattr(before, field) if before else None, getattr(clean, field)]
            for field in DepartmentEntry.__dataclass_fields__
            if before is None or getattr(before, field) != getattr(clean, field)
        }
        if changes:
            context.record(uow, "department.saved", "department", clean.code, changes)
        uow.commit()

    run_write(database, use_case)


def _columns(entry: DepartmentEntry) -> dict[str, object]:
    return {
        "name_zh": entry.name_zh,
        "name_en": entry.name_en,
        "duties": entry.duties,
        "phone": entry.phone,
        "extension": entry.extension,
        "location": entry.location,
        "hours": entry.hours,
        "hotline": entry.hotline,
        "response_minutes_normal": entry.minutes_normal,
        "response_minutes_urgent": entry.minutes_urgent,
        "response_minutes_emergency": entry.minutes_emergency,
    }
