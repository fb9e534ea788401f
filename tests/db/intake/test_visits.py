"""The visit record: stages forward only with their times, closing with outcome and rating,
and hostile text in every field: a clear refusal or a safe value, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.domain import RatingLevel, RatingSource, Role, TicketStatus, VisitOutcome, VisitStage
from db.models import Rating, Visit
from hallclient.clock import FixedClock
from hallclient.intake import queue, visits
from hallclient.intake.visits import VisitError, VisitProblem
from hallclient.text_input import TextInputError
from hallclient.uow import UnitOfWork
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import START, add_users

HOSTILE = [
    "x" * 5000,
    "\x00\x07\x1b[31m红色\x1b[0m",
    "'; DROP TABLE visits; --",
    "😀🔥 燃气泄漏？",
    "１３８００００１１１１",
]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def clerk(database, clock):
    add_hall(database)
    people = add_users(database)
    return lambda counter="C01": at_counter(people[Role.CLERK], clock, counter)


@pytest.fixture
def visit_id(database, clerk) -> int:
    queue.issue_ticket(database, clerk(), "payment")
    return queue.call_next(database, clerk()).visit_id


def _row(database, visit_id: int) -> Visit:
    with UnitOfWork(database) as uow:
        row = uow.session.scalar(select(Visit).where(Visit.id == visit_id))
        uow.session.expunge(row)
        return row


def test_each_stage_keeps_the_time_it_was_first_reached(database, clerk, clock, visit_id):
    clock.advance(dt.timedelta(seconds=20))
    visits.advance(database, clerk(), visit_id, VisitStage.GREETED)
    clock.advance(dt.timedelta(seconds=40))
    view = visits.set_purpose(database, clerk(), visit_id, "pay_gas")
    assert (view.purpose_code, view.stage) == ("pay_gas", VisitStage.SERVING)
    visits.advance(database, clerk(), visit_id, VisitStage.CHARGING)
    with pytest.raises(VisitError) as caught:
        visits.advance(database, clerk(), visit_id, VisitStage.GREETED)
    assert caught.value.problem is VisitProblem.BACKWARDS
    clock.advance(dt.timedelta(minutes=3))
    closed = visits.close_visit(database, clerk(), visit_id, VisitOutcome.CHARGED, 5, "办理很快")
    row = _row(database, visit_id)
    assert (row.greeted_at - row.called_at, row.serving_at - row.called_at) == (
        dt.timedelta(seconds=20),
        dt.timedelta(seconds=60),
    )
    assert row.closed_at == row.closing_at == START + dt.timedelta(minutes=4)
    with UnitOfWork(database) as uow:
        rating = uow.session.scalar(select(Rating).where(Rating.visit_id == visit_id))
        assert rating is not None
        reason, level, source = rating.reason, rating.level, rating.source
    assert (closed.stage, closed.satisfaction) == (VisitStage.CLOSED, 5)
    assert (level, source, reason) == (RatingLevel.VERY_SATISFIED, RatingSource.CLERK, "办理很快")


def test_closing_asks_for_a_rating_unless_nobody_came(database, clerk, visit_id):
    for rating, problem in (
        (None, VisitProblem.RATING_REQUIRED),
        (6, VisitProblem.BAD_RATING),
        (0, VisitProblem.BAD_RATING),
    ):
        with pytest.raises(VisitError) as caught:
            visits.close_visit(database, clerk(), visit_id, VisitOutcome.RESOLVED, rating)
        assert caught.value.problem is problem
    visits.close_visit(database, clerk(), visit_id, VisitOutcome.RESOLVED, 4)
    with pytest.raises(VisitError) as caught:
        visits.set_notes(database, clerk(), visit_id, "late")
    assert caught.value.problem is VisitProblem.CLOSED


def test_closing_a_called_visit_finishes_its_ticket(database, clerk, visit_id):
    visits.close_visit(database, clerk(), visit_id, VisitOutcome.RESOLVED, 5)
    assert queue.waiting(database, clerk()) == []
    with UnitOfWork(database) as uow:
        from db.models import Ticket

        assert uow.session.scalar(select(Ticket.status)) is TicketStatus.DONE


def test_another_counter_cannot_change_the_visit(database, clerk, visit_id):
    with pytest.raises(VisitError) as caught:
        visits.set_notes(database, clerk("C02"), visit_id, "不是我的")
    assert caught.value.problem is VisitProblem.NOT_YOURS


def test_a_walk_in_without_a_ticket(database, clerk):
    view = visits.start_walk_in(database, clerk(), name="李女士", phone="138-0000 1111")
    assert (view.ticket_label, view.customer_name, view.customer_phone) == (
        None,
        "李女士",
        "13800001111",
    )
    with pytest.raises(VisitError):
        visits.start_walk_in(database, clerk(), account_no="000000000")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_notes_are_stored_safely_or_refused(database, clerk, visit_id, text):
    try:
        view = visits.set_notes(database, clerk(), visit_id, text)
    except TextInputError as error:
        assert error.problem.startswith("too_long") and len(text) > visits.NOTES_MAX
        assert _row(database, visit_id).notes == ""
        return
    assert not any(ord(char) < 32 and char != "\n" for char in view.notes)
    assert _row(database, visit_id).notes == view.notes


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_walk_in_name_and_phone_are_refused_or_cleaned(database, clerk, text):
    for field in ("name", "phone"):
        try:
            view = visits.start_walk_in(database, clerk(), **{field: text})
        except TextInputError:
            continue
        stored = getattr(view, f"customer_{field}")
        assert "\x00" not in stored and "\x1b" not in stored
    with UnitOfWork(database) as uow:
        phones = list(uow.session.scalars(select(Visit.customer_phone)))
    assert all(phone == "" or phone.isdigit() for phone in phones)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_account_numbers_and_purposes_are_refused(database, clerk, visit_id, text):
    with pytest.raises((VisitError, TextInputError)):
        visits.set_account(database, clerk(), visit_id, text)
    with pytest.raises((VisitError, TextInputError)):
        visits.set_purpose(database, clerk(), visit_id, text)
    row = _row(database, visit_id)
    assert (row.account_no, row.purpose_code) == (None, None)
