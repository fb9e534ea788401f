"""A bad rating's case: the manager takes its steps in order, each journaled; a step out of
order or without words is refused; a clerk sees only their own cases; overdue ones are listed."""

from __future__ import annotations

import datetime as dt

import pytest

from db.domain import FollowUpStatus, Role, VisitOutcome
from hallclient.access.permissions import PermissionDeniedError
from hallclient.intake import visits
from hallclient.ratings.cases import advance_case, get_case, list_cases
from hallclient.ratings.errors import RatingError, RatingProblem
from tests.db.security_helpers import EMPLOYEE_NO, REQUESTER_NO, journal

S = FollowUpStatus
MANAGER = Role.SHIFT_MANAGER


@pytest.fixture
def two_cases(database, acting, new_visit) -> tuple[int, int]:
    """A case of the clerk's visit at C01, then one of the second clerk's at C02."""
    mine = new_visit()
    visits.close_visit(database, acting(), mine, VisitOutcome.RESOLVED, 2, "等太久")
    theirs = new_visit("requester", "C02")
    visits.close_visit(database, acting("requester", "C02"), theirs, VisitOutcome.RESOLVED, 1)
    first, second = list_cases(database, acting(MANAGER))
    assert (first.visit_id, second.visit_id) == (mine, theirs)
    return first.id, second.id


def _refused(problem: RatingProblem, call) -> None:
    with pytest.raises(RatingError) as caught:
        call()
    assert caught.value.problem is problem


def test_the_manager_takes_each_step_in_order_and_each_is_journaled(
    database, acting, clock, two_cases
):
    case_id, _ = two_cases
    manager = acting(MANAGER)
    steps = [
        (S.CALLED_BACK, "已电话回访客户"),
        (S.CAUSE_RECORDED, "高峰期只开两个窗口"),
        (S.FIXED, "高峰期加开窗口"),
        (S.CLOSED, "客户表示满意"),
    ]
    for to, words in steps:
        clock.advance(dt.timedelta(hours=1))
        view = advance_case(database, manager, case_id, to, words)
        assert view.status is to
    assert (view.call_back_note, view.cause, view.fix, view.result) == tuple(w for _, w in steps)
    manager_no = EMPLOYEE_NO[MANAGER]
    entries = [(who, action) for who, action, target in journal(database) if target == "1"]
    assert entries[-4:] == [(manager_no, f"follow_up.{to.value}") for to, _ in steps]
    _refused(
        RatingProblem.OUT_OF_ORDER,
        lambda: advance_case(database, manager, case_id, S.CLOSED, "再关一次"),
    )


def test_a_step_out_of_order_or_without_words_is_refused_and_changes_nothing(
    database, acting, two_cases
):
    case_id, _ = two_cases
    manager = acting(MANAGER)
    _refused(
        RatingProblem.OUT_OF_ORDER,
        lambda: advance_case(database, manager, case_id, S.FIXED, "直接整改"),
    )
    _refused(
        RatingProblem.TEXT_REQUIRED,
        lambda: advance_case(database, manager, case_id, S.CALLED_BACK, " \x00 "),
    )
    _refused(
        RatingProblem.UNKNOWN_CASE,
        lambda: advance_case(database, manager, 999, S.CALLED_BACK, "回访"),
    )
    assert get_case(database, manager, case_id).status is S.OPENED


def test_a_clerk_sees_only_their_own_cases_and_acts_on_none(database, acting, two_cases):
    mine, theirs = two_cases
    clerk = acting()
    assert [case.id for case in list_cases(database, clerk)] == [mine]
    assert get_case(database, clerk, mine).reason == "等太久"
    _refused(RatingProblem.UNKNOWN_CASE, lambda: get_case(database, clerk, theirs))
    second_clerk = acting("requester", "C02")
    assert [case.clerk_employee_no for case in list_cases(database, second_clerk)] == [REQUESTER_NO]
    with pytest.raises(PermissionDeniedError):
        advance_case(database, clerk, mine, S.CALLED_BACK, "我自己回访")
    with pytest.raises(PermissionDeniedError):
        list_cases(database, acting(Role.DEPARTMENT_STAFF))


def test_cases_past_their_due_day_and_not_closed_are_listed_as_overdue(
    database, acting, clock, two_cases
):
    done, late = two_cases
    manager = acting(MANAGER)
    for to in (S.CALLED_BACK, S.CAUSE_RECORDED, S.FIXED, S.CLOSED):
        advance_case(database, manager, done, to, "处理")
    clock.advance(dt.timedelta(days=27))  # Thursday 22 October: the due day itself
    assert list_cases(database, manager, overdue_only=True) == []
    clock.advance(dt.timedelta(days=1))
    (overdue,) = list_cases(database, manager, overdue_only=True)
    assert (overdue.id, overdue.overdue, overdue.due_on) == (late, True, dt.date(2026, 10, 22))
    assert [case.id for case in list_cases(database, manager)] == [late]  # closed ones leave
