"""The month's rating figures per counter and clerk, from ratings and cases as stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from db.domain import FollowUpStatus, RatingLevel, RatingSource, Role, VisitOutcome
from hallclient.access.permissions import PermissionDeniedError
from hallclient.intake import visits
from hallclient.ratings import screen
from hallclient.ratings.cases import advance_case, list_cases
from hallclient.ratings.monthly import monthly_ratings
from hallclient.ratings.record import GivenRating, record_rating
from tests.db.security_helpers import EMPLOYEE_NO, REQUESTER_NO

L = RatingLevel


def _rated(database, acting, new_visit, who, counter, score) -> None:
    visit_id = new_visit(who, counter)
    visits.close_visit(database, acting(who, counter), visit_id, VisitOutcome.RESOLVED, score)


def test_the_months_figures_per_counter_and_clerk(database, acting, clock, new_visit):
    for score in (5, 4, 2):
        _rated(database, acting, new_visit, Role.CLERK, "C01", score)
    for score in (1, 3):
        _rated(database, acting, new_visit, "requester", "C02", score)
    screen.set_customer_screen(database, acting(Role.ADMIN), "C03", True)
    unanswered = new_visit(Role.CLERK, "C03")
    visits.close_visit(database, acting(counter="C03"), unanswered, VisitOutcome.RESOLVED, None)
    record_rating(
        database, acting(counter="C03"), unanswered, GivenRating(None, RatingSource.TIMEOUT)
    )
    manager = acting(Role.SHIFT_MANAGER)
    fixed, still_open = list_cases(database, manager)
    for to in (FollowUpStatus.CALLED_BACK, FollowUpStatus.CAUSE_RECORDED, FollowUpStatus.FIXED):
        advance_case(database, manager, fixed.id, to, "处理")
    advance_case(database, manager, still_open.id, FollowUpStatus.CALLED_BACK, "已回访")
    clock.advance(dt.timedelta(days=10))  # October: a rating of the next month
    _rated(database, acting, new_visit, Role.CLERK, "C01", 1)
    clock.advance(dt.timedelta(days=30))  # 4 November: both September cases past due

    month = monthly_ratings(database, manager, 2026, 9)

    hall = month.hall
    assert (hall.rated, hall.not_rated, hall.bad, hall.overdue) == (5, 1, 2, 2)
    assert hall.satisfaction_rate == Decimal("0.6000")
    assert (hall.call_back_rate, hall.fix_rate) == (Decimal("1.0000"), Decimal("0.5000"))
    c01, c02, c03 = month.by_counter
    assert (c01.key, c01.levels[L.DISSATISFIED], c01.satisfaction_rate) == (
        "C01",
        1,
        Decimal("0.6667"),
    )
    assert (c02.levels[L.VERY_DISSATISFIED], c02.levels[L.FAIRLY_SATISFIED], c02.fix_rate) == (
        1,
        1,
        Decimal("0.0000"),
    )
    assert (c03.rated, c03.not_rated, c03.satisfaction_rate) == (0, 1, None)
    clerk, second_clerk = month.by_clerk
    assert (clerk.key, clerk.rated, clerk.not_rated) == (EMPLOYEE_NO[Role.CLERK], 3, 1)
    assert (second_clerk.key, second_clerk.bad) == (REQUESTER_NO, 1)
    october = monthly_ratings(database, manager, 2026, 10)  # rated on 5 October, due the 27th
    assert (october.hall.rated, october.hall.bad, october.hall.overdue) == (1, 1, 1)


def test_a_case_closed_after_its_due_day_counts_as_overdue(database, acting, clock, new_visit):
    _rated(database, acting, new_visit, Role.CLERK, "C01", 2)
    manager = acting(Role.SHIFT_MANAGER)
    (case,) = list_cases(database, manager)
    clock.advance(dt.timedelta(days=40))
    for to in list(FollowUpStatus)[1:]:
        advance_case(database, manager, case.id, to, "处理")
    assert monthly_ratings(database, manager, 2026, 9).hall.overdue == 1


def test_the_figures_are_the_managers(database, acting):
    with pytest.raises(PermissionDeniedError):
        monthly_ratings(database, acting(), 2026, 9)
