"""The customer's rating: once per visit and never changed, refused to the clerk where a
customer screen is attached, and a bad one opens its follow-up case in the same stroke."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from db.domain import FollowUpStatus, RatingLevel, RatingSource, Role, VisitOutcome, VisitStage
from db.models import FollowUpCase, Rating
from hallclient.intake import visits
from hallclient.intake.visits import VisitError, VisitProblem
from hallclient.ratings import cases, screen
from hallclient.ratings.errors import RatingError, RatingProblem
from hallclient.ratings.record import GivenRating, record_rating
from hallclient.text_input import TextInputError
from hallclient.uow import UnitOfWork, run_write
from tests.db.security_helpers import EMPLOYEE_NO, journal

CLERK_NO = EMPLOYEE_NO[Role.CLERK]


def _count(database, model) -> int:
    with UnitOfWork(database) as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def _attach_screen(database, acting, counter="C01"):
    screen.set_customer_screen(database, acting(Role.ADMIN), counter, True)


def test_a_visit_is_rated_once_and_a_second_rating_is_refused(database, acting, new_visit):
    visit_id = new_visit()
    visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, 4, "  很耐心 ")
    again = GivenRating(RatingLevel.VERY_DISSATISFIED, RatingSource.CLERK, "改主意了")
    with pytest.raises(RatingError) as caught:
        record_rating(database, acting(), visit_id, again)
    assert caught.value.problem is RatingProblem.ALREADY_RATED
    with UnitOfWork(database) as uow:
        rating = uow.session.scalar(select(Rating))
        assert rating is not None
        assert (rating.level, rating.source, rating.reason, rating.recorded_by) == (
            RatingLevel.SATISFIED,
            RatingSource.CLERK,
            "很耐心",
            CLERK_NO,
        )
        rating_id = rating.id
    assert visits.get_visit(database, acting(), visit_id).satisfaction == 4
    assert [e for e in journal(database) if e[1] == "rating.recorded"] == [
        (CLERK_NO, "rating.recorded", str(rating_id))
    ]
    assert _count(database, FollowUpCase) == 0  # a good rating opens no case


def test_the_database_itself_keeps_one_rating_per_visit(database, acting, new_visit):
    visit_id = new_visit()
    given = GivenRating(RatingLevel.SATISFIED, RatingSource.CLERK)
    record_rating(database, acting(), visit_id, given)

    def second(uow: UnitOfWork) -> None:
        first = uow.session.scalar(select(Rating))
        assert first is not None
        uow.session.add(
            Rating(
                visit_id=visit_id,
                hall_code=first.hall_code,
                counter_code=first.counter_code,
                clerk_employee_no=first.clerk_employee_no,
                service_day=first.service_day,
                level=RatingLevel.DISSATISFIED,
                source=RatingSource.CLERK,
                reason="",
                recorded_by="x",
                recorded_at=first.recorded_at,
            )
        )
        uow.commit()

    with pytest.raises(IntegrityError):
        run_write(database, second)


def test_the_clerk_may_not_rate_where_a_customer_screen_is_attached(database, acting, new_visit):
    _attach_screen(database, acting)
    visit_id = new_visit()
    with pytest.raises(RatingError) as caught:
        visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, 5)
    assert caught.value.problem is RatingProblem.SCREEN_ATTACHED
    assert visits.get_visit(database, acting(), visit_id).stage is not VisitStage.CLOSED
    # the clerk closes without a rating; the customer rates on the screen
    visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, None)
    clerk_rating = GivenRating(RatingLevel.SATISFIED, RatingSource.CLERK)
    with pytest.raises(RatingError) as caught:
        record_rating(database, acting(), visit_id, clerk_rating)
    assert caught.value.problem is RatingProblem.SCREEN_ATTACHED
    on_screen = GivenRating(RatingLevel.VERY_SATISFIED, RatingSource.CUSTOMER_SCREEN)
    view = record_rating(database, acting(), visit_id, on_screen)
    assert (view.level, view.source, view.case_id) == (
        RatingLevel.VERY_SATISFIED,
        RatingSource.CUSTOMER_SCREEN,
        None,
    )
    # the next counter has no screen: its clerk records the answer, and no screen rates there
    other = new_visit(counter="C02")
    with pytest.raises(RatingError) as caught:
        record_rating(database, acting(counter="C02"), other, on_screen)
    assert caught.value.problem is RatingProblem.NO_SCREEN
    visits.close_visit(database, acting(counter="C02"), other, VisitOutcome.RESOLVED, 5)


def test_without_a_screen_closing_still_asks_the_clerk_for_a_rating(database, acting, new_visit):
    visit_id = new_visit()
    with pytest.raises(VisitError) as caught:
        visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, None)
    assert caught.value.problem is VisitProblem.RATING_REQUIRED
    assert _count(database, Rating) == 0


def test_a_screen_nobody_answers_records_not_rated(database, acting, new_visit):
    _attach_screen(database, acting)
    visit_id = new_visit()
    visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, None)
    with pytest.raises(RatingError) as caught:
        record_rating(
            database,
            acting(),
            visit_id,
            GivenRating(RatingLevel.SATISFIED, RatingSource.TIMEOUT),
        )
    assert caught.value.problem is RatingProblem.LEVEL_ON_TIMEOUT
    view = record_rating(database, acting(), visit_id, GivenRating(None, RatingSource.TIMEOUT))
    assert (view.level, view.source) == (None, RatingSource.TIMEOUT)
    assert visits.get_visit(database, acting(), visit_id).satisfaction is None


def test_a_rating_needs_its_level_and_a_short_clean_reason(database, acting, new_visit):
    visit_id = new_visit()
    with pytest.raises(RatingError) as caught:
        record_rating(database, acting(), visit_id, GivenRating(None, RatingSource.CLERK))
    assert caught.value.problem is RatingProblem.LEVEL_REQUIRED
    too_long = GivenRating(RatingLevel.DISSATISFIED, RatingSource.CLERK, "太慢" * 300)
    with pytest.raises(TextInputError):
        record_rating(database, acting(), visit_id, too_long)
    view = record_rating(
        database,
        acting(),
        visit_id,
        GivenRating(RatingLevel.DISSATISFIED, RatingSource.CLERK, "\x00排队\x1b[31m太久"),
    )
    assert view.reason == "排队[31m太久"
    assert _count(database, Rating) == 1


def test_another_counters_visit_cannot_be_rated_here(database, acting, new_visit):
    visit_id = new_visit(counter="C02")
    given = GivenRating(RatingLevel.SATISFIED, RatingSource.CLERK)
    with pytest.raises(RatingError) as caught:
        record_rating(database, acting(counter="C01"), visit_id, given)
    assert caught.value.problem is RatingProblem.UNKNOWN_VISIT


def test_a_bad_rating_opens_a_case_due_fifteen_working_days_later(database, acting, new_visit):
    visit_id = new_visit()
    visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, 1, "态度差")
    (case,) = cases.list_cases(database, acting(Role.SHIFT_MANAGER))
    # Friday 25 September; 1-7 October off, Saturday 10 October worked
    assert (case.visit_id, case.level, case.reason, case.status) == (
        visit_id,
        RatingLevel.VERY_DISSATISFIED,
        "态度差",
        FollowUpStatus.OPENED,
    )
    assert (case.due_on, case.due_estimated, case.overdue) == (
        dt.date(2026, 10, 22),
        False,
        False,
    )
    actions = [action for _, action, _ in journal(database)]
    assert actions[-2:] == ["rating.recorded", "follow_up.opened"]


def test_a_refused_case_leaves_no_rating_behind(database, acting, new_visit, monkeypatch):
    """The case is opened in the rating's transaction: no case, no rating."""
    visit_id = new_visit()

    def no_calendar(*_args):
        raise RuntimeError("calendar unreadable")

    monkeypatch.setattr(cases, "working_days_after", no_calendar)
    with pytest.raises(RuntimeError):
        visits.close_visit(database, acting(), visit_id, VisitOutcome.RESOLVED, 2)
    assert (_count(database, Rating), _count(database, FollowUpCase)) == (0, 0)
    assert visits.get_visit(database, acting(), visit_id).stage is not VisitStage.CLOSED
