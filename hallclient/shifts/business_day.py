"""The hall's business day: the calendar day, or the day after the last one closed.

Once the shift manager closes the hall's day, nothing more can be added to it; a shift
opened afterwards, and every receipt it takes, belongs to the next business day.  So a
day closed by mistake (or early, before a late customer) never stops the hall taking
money: the counters carry on into the next business day, and every page says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from db.engine import Database
from db.models.shifts import DayClose
from hallclient.context import Context
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class BusinessDay:
    """The day a shift opened now belongs to, and the hall's calendar day."""

    day: date
    today: date

    @property
    def after_close(self) -> bool:
        """Today is closed: new shifts and receipts count for the next business day."""
        return self.day > self.today


def last_closed_day(uow: UnitOfWork, hall_code: str) -> date | None:
    return uow.session.scalar(
        select(func.max(DayClose.business_day)).where(DayClose.hall_code == hall_code)
    )


def open_business_day(uow: UnitOfWork, hall_code: str, today: date) -> date:
    """Today, unless today is closed already: then the day after (days close in order and
    never before they begin, so the last close is today at the latest)."""
    last = last_closed_day(uow, hall_code)
    return today if last is None or last < today else last + timedelta(days=1)


def business_day(database: Database, context: Context) -> BusinessDay:
    """Where the hall stands now: for the status bar and the pages that show it."""
    today = context.today()
    with UnitOfWork(database) as uow:
        return BusinessDay(open_business_day(uow, context.where.hall_code, today), today)
