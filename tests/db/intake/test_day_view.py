"""The day view: wait and service times from the stored stage times, filters, counter figures."""

from __future__ import annotations

import datetime as dt

import pytest

from db.domain import Role, VisitOutcome
from hallclient.clock import FixedClock
from hallclient.intake import day_view, queue, visits
from hallclient.intake.day_view import DayFilter
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import START, add_users

MINUTE = dt.timedelta(minutes=1)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def clerk(database, clock):
    add_hall(database)
    people = add_users(database)
    return lambda counter="C01": at_counter(people[Role.CLERK], clock, counter)


def _serve(database, context, clock, wait: int, service: int, rating: int) -> None:
    clock.advance(wait * MINUTE)
    called = queue.call_next(database, context)
    visits.set_purpose(database, context, called.visit_id, "pay_gas")
    clock.advance(service * MINUTE)
    visits.close_visit(database, context, called.visit_id, VisitOutcome.CHARGED, rating)


def test_waits_services_and_figures_per_counter(database, clerk, clock):
    for _ in range(4):
        queue.issue_ticket(database, clerk(), "payment")
    _serve(database, clerk("C01"), clock, wait=2, service=4, rating=5)  # waited 2
    _serve(database, clerk("C02"), clock, wait=1, service=6, rating=3)  # waited 2+4+1 = 7
    walk_in = visits.start_walk_in(database, clerk("C01"))
    rows = day_view.day_visits(database, clerk())
    assert [(r.counter_code, r.wait, r.service) for r in rows] == [
        ("C01", 2 * MINUTE, 4 * MINUTE),
        ("C02", 7 * MINUTE, 6 * MINUTE),
        ("C01", None, None),
    ]
    figures = day_view.day_figures(database, clerk())
    assert figures.waiting_now == 2
    first, second = figures.counters
    assert (
        first.counter_code,
        first.visits,
        first.average_wait,
        first.average_service,
        first.average_satisfaction,
    ) == ("C01", 2, 2 * MINUTE, 4 * MINUTE, 5.0)
    assert (second.visits, second.average_satisfaction) == (1, 3.0)
    only_c02 = day_view.day_visits(database, clerk(), wanted=DayFilter(counter_code="C02"))
    assert [row.counter_code for row in only_c02] == ["C02"]
    open_ones = day_view.day_visits(database, clerk(), wanted=DayFilter(outcome=None))
    assert len(open_ones) == 3  # None means "any outcome"
    charged = day_view.day_visits(database, clerk(), wanted=DayFilter(outcome=VisitOutcome.CHARGED))
    assert walk_in.id not in [row.visit_id for row in charged] and len(charged) == 2
    paying = day_view.day_visits(database, clerk(), wanted=DayFilter(purpose_code="pay_gas"))
    assert [row.purpose_code for row in paying] == ["pay_gas", "pay_gas"]


def test_another_day_is_empty(database, clerk, clock):
    queue.issue_ticket(database, clerk(), "payment")
    _serve(database, clerk(), clock, wait=1, service=1, rating=4)
    yesterday = clerk().today() - dt.timedelta(days=1)
    assert day_view.day_visits(database, clerk(), yesterday) == []
    assert day_view.day_figures(database, clerk(), yesterday).counters == ()
