"""The hall's day: visits with their wait and service times, and figures per counter.

Wait is from the ticket's issue to its call; service is from the call to the close.
A walk-in has no wait; an open visit has no service time yet.  Averages are over
the visits that have the figure, in whole seconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from db.domain import RatingLevel, TicketStatus, VisitOutcome
from db.engine import Database
from db.models import Rating, Ticket, Visit
from hallclient.access.permissions import Action
from hallclient.context import Context
from hallclient.ratings.rules import SCORES
from hallclient.uow import UnitOfWork


@dataclass(frozen=True)
class DayFilter:
    counter_code: str | None = None
    clerk_employee_no: str | None = None
    purpose_code: str | None = None
    outcome: VisitOutcome | None = None


@dataclass(frozen=True)
class DayVisit:
    visit_id: int
    counter_code: str
    clerk_employee_no: str
    ticket_label: str | None
    account_no: str | None
    purpose_code: str | None
    called_at: dt.datetime
    wait: dt.timedelta | None
    service: dt.timedelta | None
    outcome: VisitOutcome | None
    satisfaction: int | None


@dataclass(frozen=True)
class CounterFigures:
    counter_code: str
    visits: int
    average_wait: dt.timedelta | None
    average_service: dt.timedelta | None
    average_satisfaction: float | None


@dataclass(frozen=True)
class DayFigures:
    waiting_now: int
    counters: tuple[CounterFigures, ...]


def matches(visit: DayVisit, wanted: DayFilter) -> bool:
    return all(
        want is None or have == want
        for want, have in (
            (wanted.counter_code, visit.counter_code),
            (wanted.clerk_employee_no, visit.clerk_employee_no),
            (wanted.purpose_code, visit.purpose_code),
            (wanted.outcome, visit.outcome),
        )
    )


def day_visits(
    database: Database,
    context: Context,
    day: dt.date | None = None,
    wanted: DayFilter = DayFilter(),
) -> list[DayVisit]:
    """The hall's visits of ``day`` (default today), oldest first, as filtered."""
    context.require(Action.SERVE_CUSTOMERS)
    query = (
        select(Visit, Ticket.label, Ticket.issued_at, Rating.level)
        .outerjoin(Ticket, Ticket.id == Visit.ticket_id)
        .outerjoin(Rating, Rating.visit_id == Visit.id)
        .where(
            Visit.hall_code == context.where.hall_code,
            Visit.service_day == (day or context.today()),
        )
        .order_by(Visit.called_at, Visit.id)
    )
    with UnitOfWork(database) as uow:
        rows = [_day_visit(*row) for row in uow.session.execute(query)]
    return [row for row in rows if matches(row, wanted)]


def _day_visit(
    visit: Visit, label: str | None, issued: dt.datetime | None, level: RatingLevel | None
) -> DayVisit:
    wait = visit.called_at - issued if issued else None
    service = visit.closed_at - visit.called_at if visit.closed_at else None
    return DayVisit(
        visit.id,
        visit.counter_code,
        visit.clerk_employee_no,
        label,
        visit.account_no,
        visit.purpose_code,
        visit.called_at,
        wait,
        service,
        visit.outcome,
        None if level is None else SCORES[level],
    )


def _average(values: list[dt.timedelta]) -> dt.timedelta | None:
    if not values:
        return None
    seconds = sum(value.total_seconds() for value in values) / len(values)
    return dt.timedelta(seconds=round(seconds))


def _counter_figures(visits: list[DayVisit]) -> tuple[CounterFigures, ...]:
    counters = []
    for code in sorted({visit.counter_code for visit in visits}):
        mine = [visit for visit in visits if visit.counter_code == code]
        ratings = [visit.satisfaction for visit in mine if visit.satisfaction is not None]
        counters.append(
            CounterFigures(
                code,
                len(mine),
                _average([v.wait for v in mine if v.wait is not None]),
                _average([v.service for v in mine if v.service is not None]),
                round(sum(ratings) / len(ratings), 2) if ratings else None,
            )
        )
    return tuple(counters)


def day_report(
    database: Database, context: Context, day: dt.date | None = None
) -> tuple[list[DayVisit], DayFigures]:
    """All of the day's visits and its figures, read once (the day view filters locally)."""
    visits = day_visits(database, context, day)
    with UnitOfWork(database) as uow:
        waiting = uow.session.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(
                Ticket.hall_code == context.where.hall_code,
                Ticket.service_day == (day or context.today()),
                Ticket.status.in_((TicketStatus.WAITING, TicketStatus.TRANSFERRED)),
            )
        )
    return visits, DayFigures(waiting or 0, _counter_figures(visits))


def day_figures(database: Database, context: Context, day: dt.date | None = None) -> DayFigures:
    """Tickets waiting now, and per counter: visits, average wait, service and rating."""
    return day_report(database, context, day)[1]
