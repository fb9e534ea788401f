"""The month's rating figures per counter and per clerk, for the shift manager.

Ratings count in the month of the visit's day.  A case counts as overdue if it is
still open past its due day, or was closed after it (both are the standard's lapse).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from db.domain import FollowUpStatus
from db.engine import Database
from db.models import FollowUpCase, Rating
from hallclient.access.permissions import Action
from hallclient.clock import local
from hallclient.context import Context
from hallclient.ratings.rules import RatedVisit, RatingFigures, figures_by, figures_of
from hallclient.uow import UnitOfWork

_DECEMBER = 12


@dataclass(frozen=True)
class MonthlyRatings:
    year: int
    month: int
    hall: RatingFigures
    by_counter: list[RatingFigures]
    by_clerk: list[RatingFigures]


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    after = dt.date(year + 1, 1, 1) if month == _DECEMBER else dt.date(year, month + 1, 1)
    return first, after


def _lapsed(case: FollowUpCase | None, today: dt.date, timezone: str) -> bool:
    if case is None:
        return False
    if case.status is FollowUpStatus.CLOSED and case.closed_at is not None:
        return local(case.closed_at, timezone).date() > case.due_on
    return case.due_on < today


def monthly_ratings(database: Database, context: Context, year: int, month: int) -> MonthlyRatings:
    """The hall's ratings of ``month``: levels, rates, bad ratings and their cases."""
    context.require(Action.FOLLOW_UP_RATINGS)
    first, after = _month(year, month)
    query = (
        select(Rating, FollowUpCase)
        .outerjoin(FollowUpCase, FollowUpCase.rating_id == Rating.id)
        .where(
            Rating.hall_code == context.where.hall_code,
            Rating.service_day >= first,
            Rating.service_day < after,
        )
    )
    today = context.today()
    with UnitOfWork(database) as uow:
        rows = [
            RatedVisit(
                rating.counter_code,
                rating.clerk_employee_no,
                rating.level,
                None if case is None else case.status,
                _lapsed(case, today, context.timezone),
            )
            for rating, case in uow.session.execute(query)
        ]
    return MonthlyRatings(
        year,
        month,
        figures_of(context.where.hall_code, rows),
        figures_by(rows, by_clerk=False),
        figures_by(rows, by_clerk=True),
    )
