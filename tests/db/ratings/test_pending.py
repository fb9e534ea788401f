"""The next call waits for the last customer's rating where a customer screen is attached;
once the question's time is over the call records 'not rated' and goes on (issue 23)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.domain import RatingLevel, RatingSource, Role, VisitOutcome
from db.models import Rating
from hallclient.intake import queue, visits
from hallclient.ratings import screen
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.ratings.pending import DEFAULT_RATING_WAIT
from hallclient.ratings.record import GivenRating, record_rating
from hallclient.uow import UnitOfWork


def _ratings(database) -> list[tuple[int, RatingLevel | None, RatingSource]]:
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(Rating).order_by(Rating.id))
        return [(row.visit_id, row.level, row.source) for row in rows]


def _pending_seconds(call) -> int:
    with pytest.raises(RatingError) as caught:
        call()
    assert caught.value.problem is RatingProblem.RATING_PENDING
    return int(caught.value.detail)


@pytest.fixture
def closed_with_screen(database, acting, new_visit) -> int:
    """Counter C01 has a screen; its visit was just closed with F9, not rated yet."""
    screen.set_customer_screen(database, acting(Role.ADMIN), "C01", True)
    visit_id = new_visit()
    visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, None)
    queue.issue_ticket(database, acting(), "payment")
    return visit_id


def test_the_next_call_waits_for_the_rating_then_goes(database, acting, clock, closed_with_screen):
    def call():
        return queue.call_next(database, acting())

    assert _pending_seconds(call) == 30
    clock.advance(dt.timedelta(seconds=12))
    assert _pending_seconds(call) == 18
    walk_in = _pending_seconds(lambda: visits.start_walk_in(database, acting()))
    assert walk_in == 18  # a walk-in waits like a call
    given = GivenRating(RatingLevel.SATISFIED, RatingSource.CUSTOMER_SCREEN, "办得快")
    record_rating(database, acting(), closed_with_screen, given)
    assert call() is not None
    assert _ratings(database) == [
        (closed_with_screen, RatingLevel.SATISFIED, RatingSource.CUSTOMER_SCREEN)
    ]


def test_past_the_wait_the_call_records_not_rated_and_goes(
    database, acting, clock, closed_with_screen
):
    clock.advance(DEFAULT_RATING_WAIT)
    called = queue.call_next(database, acting())
    assert called is not None
    assert _ratings(database) == [(closed_with_screen, None, RatingSource.TIMEOUT)]
    late = GivenRating(RatingLevel.VERY_SATISFIED, RatingSource.CUSTOMER_SCREEN)
    with pytest.raises(RatingError) as caught:  # the screen's late answer: one rating per visit
        record_rating(database, acting(), closed_with_screen, late)
    assert caught.value.problem is RatingProblem.ALREADY_RATED


def test_the_wait_is_the_counters_setting(database, acting, clock, closed_with_screen):
    short = dt.timedelta(seconds=5)
    assert _pending_seconds(lambda: queue.call_next(database, acting(), short)) == 5
    clock.advance(short)
    assert queue.call_next(database, acting(), short) is not None


def test_no_shows_transfers_and_other_counters_do_not_wait(database, acting, new_visit):
    screen.set_customer_screen(database, acting(Role.ADMIN), "C01", True)
    for _ in range(4):
        queue.issue_ticket(database, acting(), "payment")
    skipped = queue.call_next(database, acting())
    assert skipped is not None
    queue.skip(database, acting(), skipped.ticket.id)
    moved = queue.call_next(database, acting())
    assert moved is not None
    queue.transfer(database, acting(), moved.ticket.id, "请到C02办理", counter_code="C02")
    interrupted = queue.call_next(database, acting())
    assert interrupted is not None  # neither a no-show nor a transfer was served here
    visits.close_visit(database, acting(), interrupted.visit_id, VisitOutcome.NO_SHOW, None)
    assert queue.call_next(database, acting()) is not None  # nor an interrupted visit
    assert queue.call_next(database, acting(Role.CLERK, "C02")) is not None  # C02: no screen
    assert _ratings(database) == []


def test_without_a_screen_nothing_waits(database, acting, new_visit):
    visit_id = new_visit()
    visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, 4)
    queue.issue_ticket(database, acting(), "payment")
    assert queue.call_next(database, acting()) is not None


def test_a_no_show_called_back_waits_like_a_call(database, acting, clock):
    screen.set_customer_screen(database, acting(Role.ADMIN), "C01", True)
    for _ in range(2):
        queue.issue_ticket(database, acting(), "payment")
    missed = queue.call_next(database, acting())
    assert missed is not None
    queue.skip(database, acting(), missed.ticket.id)
    served = queue.call_next(database, acting())
    assert served is not None
    visits.close_visit(database, acting(), served.visit_id, VisitOutcome.RESOLVED, None)

    def recall():
        return queue.recall(database, acting(), missed.ticket.id)

    assert _pending_seconds(recall) == 30
    clock.advance(DEFAULT_RATING_WAIT)
    assert recall().calls == 2
    assert _ratings(database) == [(served.visit_id, None, RatingSource.TIMEOUT)]
