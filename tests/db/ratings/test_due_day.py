"""A bad rating given on Friday 26 September 2025 opens its case due on Thursday 23 October:
the National Day holiday (1-8 October) is skipped, the adjusted Sunday 28 September and
Saturday 11 October are counted as the working days they were."""

from __future__ import annotations

import datetime as dt

import pytest

from db.domain import RatingLevel, RatingSource, Role
from hallclient.clock import FixedClock
from hallclient.ratings import cases
from hallclient.ratings.record import GivenRating, record_rating

FRIDAY_2025 = dt.datetime(2025, 9, 26, 3, 0, tzinfo=dt.UTC)  # 11:00 in the hall


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FRIDAY_2025)


def test_a_bad_rating_before_national_day_2025_is_due_on_23_october(
    database, acting, clock, new_visit
):
    visit_id = new_visit()
    given = GivenRating(RatingLevel.DISSATISFIED, RatingSource.CLERK, "排队太久")
    case_id = record_rating(database, acting(), visit_id, given).case_id
    assert case_id is not None
    manager = acting(Role.SHIFT_MANAGER)
    case = cases.get_case(database, manager, case_id)
    assert (case.due_on, case.due_estimated) == (dt.date(2025, 10, 23), False)
    assert (case.clerk_employee_no, case.clerk_name) == ("1001", "测试1001")
    clock.advance(dt.timedelta(days=27))  # Thursday 23 October, 11:00: due today, not late
    assert cases.list_cases(database, manager, overdue_only=True) == []
    clock.advance(dt.timedelta(days=1))
    assert [c.id for c in cases.list_cases(database, manager, overdue_only=True)] == [case_id]
