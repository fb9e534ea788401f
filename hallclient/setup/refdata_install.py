"""Writing validated reference data into the database (missing rows only)."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select

from db.domain import ScheduleStatus
from db.models import Department, ServiceCategory, TariffSchedule, VisitPurpose
from hallclient.setup.reference import ReferenceData
from hallclient.tariff.schedules import add_items
from hallclient.uow import UnitOfWork


def _add_missing(uow: UnitOfWork, model: type, rows: tuple[object, ...]) -> None:
    session = uow.session
    known = set(session.scalars(select(model.code)))  # type: ignore[attr-defined]
    for row in rows:
        values = asdict(row)  # type: ignore[call-overload]
        if values["code"] not in known:
            session.add(model(**values))


def _add_schedule(uow: UnitOfWork, reference: ReferenceData) -> None:
    session = uow.session
    data = reference.schedule
    if session.scalar(select(TariffSchedule).where(TariffSchedule.code == data.code)):
        return
    schedule = TariffSchedule(**asdict(data) | {"status": ScheduleStatus(data.status)})
    session.add(schedule)
    session.flush()
    add_items(uow, schedule, reference.tariff)


def install_reference(uow: UnitOfWork, reference: ReferenceData) -> None:
    """Add the departments, categories, purposes and demo tariff the database lacks."""
    _add_missing(uow, Department, reference.departments)
    _add_missing(uow, ServiceCategory, reference.categories)
    uow.session.flush()
    _add_missing(uow, VisitPurpose, reference.purposes)
    _add_schedule(uow, reference)
    uow.commit()
