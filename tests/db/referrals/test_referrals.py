"""Referrals in the database: numbering without gaps (also with counters referring at once
on PostgreSQL), due times and lateness on a fake clock, the department's steps and who
may take them, the history, and what the counter sees when the customer comes back."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from db.domain import ReferralStatus, Role, Urgency
from db.models import Referral
from hallclient.access.permissions import PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.intake import queue
from hallclient.referrals import service
from hallclient.referrals.rules import Lateness
from hallclient.referrals.service import NewReferral, ReferralError, ReferralProblem
from hallclient.uow import UnitOfWork
from tests.db.intake_helpers import COUNTERS, add_hall, at_counter
from tests.db.receipt_helpers import ACCOUNT_NO, add_account
from tests.db.security_helpers import START, add_users, context_for

MATTER = "厨房燃气表不走字，客户要求上门检修"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def people(database):
    add_hall(database)
    return add_users(database)


@pytest.fixture
def clerk(people, clock):
    return at_counter(people[Role.CLERK], clock, "C01")


def _staff(people, clock, department: str):
    user = replace(people[Role.DEPARTMENT_STAFF], department_code=department)
    return context_for(user, clock)


def _refer(database, context, urgency=Urgency.NORMAL, department="emergency_repair", **more):
    return service.refer(database, context, NewReferral(department, urgency, MATTER, **more))


def test_a_referral_gets_its_number_and_due_time(database, clerk, clock):
    first = _refer(database, clerk, Urgency.URGENT)
    second = _refer(database, clerk, Urgency.EMERGENCY, department="complaints")
    assert (first.reference, second.reference) == ("ZB2026-000001", "ZB2026-000002")
    assert first.due_at == START + dt.timedelta(minutes=240)  # the repair centre's urgent target
    assert second.due_at == START + dt.timedelta(minutes=120)
    assert first.status is ReferralStatus.NEW and first.lateness is Lateness.ON_TIME


def test_numbering_starts_again_each_year(database, clerk, clock):
    _refer(database, clerk)
    clock.advance(
        dt.datetime(2026, 12, 31, 16, 30, tzinfo=dt.UTC) - clock.now()
    )  # 00:30 in Shanghai
    assert _refer(database, clerk).reference == "ZB2027-000001"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"department_code": "nowhere"}, ReferralProblem.UNKNOWN_DEPARTMENT),
        ({"matter": "  漏了  "}, ReferralProblem.MATTER_TOO_SHORT),
        ({"account_no": "0000000000"}, ReferralProblem.UNKNOWN_ACCOUNT),
        ({"visit_id": 99999}, ReferralProblem.UNKNOWN_VISIT),
    ],
)
def test_a_bad_referral_is_refused_and_uses_no_number(database, clerk, change, problem):
    bad = replace(NewReferral("emergency_repair", Urgency.NORMAL, MATTER), **change)
    with pytest.raises(ReferralError) as caught:
        service.refer(database, clerk, bad)
    assert caught.value.problem is problem
    assert _refer(database, clerk).reference == "ZB2026-000001"


def test_a_referral_from_a_visit_keeps_the_account(database, clerk):
    add_account(database)
    queue.issue_ticket(database, clerk, "payment")
    visit_id = queue.call_next(database, clerk).visit_id
    made = _refer(database, clerk, visit_id=visit_id, account_no=ACCOUNT_NO)
    assert [r.reference for r in service.for_account(database, clerk, ACCOUNT_NO)] == [
        made.reference
    ]
    assert service.for_account(database, clerk, "1028000000") == []


def test_the_department_acknowledges_works_and_closes_with_a_result(database, people, clerk, clock):
    made = _refer(database, clerk)
    repair = _staff(people, clock, "emergency_repair")
    assert [r.id for r in service.board(database, repair)] == [made.id]
    service.move(database, repair, made.id, ReferralStatus.ACKNOWLEDGED)
    service.move(database, repair, made.id, ReferralStatus.IN_PROGRESS, "已派师傅")
    with pytest.raises(ReferralError) as caught:
        service.move(database, repair, made.id, ReferralStatus.CLOSED, " ")
    assert caught.value.problem is ReferralProblem.OUTCOME_REQUIRED
    closed = service.move(database, repair, made.id, ReferralStatus.CLOSED, "更换表具,已恢复正常")
    assert closed.status is ReferralStatus.CLOSED and closed.outcome == "更换表具,已恢复正常"
    assert service.board(database, repair) == []
    steps = [(e.status, e.note) for e in service.history(database, clerk, made.id)]
    assert steps == [
        (ReferralStatus.NEW, ""),
        (ReferralStatus.ACKNOWLEDGED, ""),
        (ReferralStatus.IN_PROGRESS, "已派师傅"),
        (ReferralStatus.CLOSED, "更换表具,已恢复正常"),
    ]
    with pytest.raises(ReferralError) as caught:
        service.move(database, repair, made.id, ReferralStatus.RETURNED, "再退回大厅")
    assert caught.value.problem is ReferralProblem.BAD_STEP


def test_a_referral_returned_to_the_hall_says_why(database, people, clerk, clock):
    made = _refer(database, clerk, department="billing")
    billing = _staff(people, clock, "billing")
    back = service.move(database, billing, made.id, ReferralStatus.RETURNED, "不属于账务,应转抄表")
    assert back.status is ReferralStatus.RETURNED and back.outcome == "不属于账务,应转抄表"


def test_only_the_departments_own_staff_move_it(database, people, clerk, clock):
    made = _refer(database, clerk)
    with pytest.raises(ReferralError) as caught:
        service.move(
            database, _staff(people, clock, "billing"), made.id, ReferralStatus.ACKNOWLEDGED
        )
    assert caught.value.problem is ReferralProblem.NOT_YOUR_DEPARTMENT
    with pytest.raises(PermissionDeniedError):
        service.move(database, clerk, made.id, ReferralStatus.ACKNOWLEDGED)
    with pytest.raises(ReferralError):
        service.history(database, _staff(people, clock, "billing"), made.id)


def test_the_board_marks_lateness_as_the_clock_moves(database, people, clerk, clock):
    made = _refer(database, clerk, Urgency.EMERGENCY)  # the repair centre: 30 minutes
    repair = _staff(people, clock, "emergency_repair")
    seen = []
    for minutes in (0, 25, 30, 60):
        clock.advance(START + dt.timedelta(minutes=minutes) - clock.now())
        [row] = service.board(database, repair)
        seen.append(row.lateness)
    assert seen == [Lateness.ON_TIME, Lateness.DUE_SOON, Lateness.OVERDUE, Lateness.ESCALATED]
    assert made.id == row.id


def test_the_history_is_append_only(database, clerk):
    _refer(database, clerk)
    with pytest.raises(Exception, match="append-only"), database.engine.begin() as conn:
        conn.execute(text("UPDATE referral_events SET note = '改过'"))


def test_counters_referring_at_once_get_gapless_numbers(database, people, clock, backend):
    contexts = [at_counter(people[Role.CLERK], clock, code) for code in COUNTERS]
    per_counter = 6 if backend == "postgresql" else 3

    def number(context):
        return [int(_refer(database, context).reference[-6:]) for _ in range(per_counter)]

    with ThreadPoolExecutor(len(contexts)) as pool:
        numbers = sorted(n for batch in pool.map(number, contexts) for n in batch)
    assert numbers == list(range(1, len(contexts) * per_counter + 1))
    with UnitOfWork(database) as uow:
        stored = sorted(uow.session.scalars(select(Referral.number)))
    assert stored == numbers


def test_the_manager_is_told_of_escalated_referrals_at_the_hall(database, people, clerk, clock):
    late = _refer(database, clerk, Urgency.EMERGENCY)  # repair: 30 minutes
    _refer(database, clerk, Urgency.NORMAL)
    manager = context_for(people[Role.SHIFT_MANAGER], clock)
    assert service.escalated(database, manager) == []
    clock.advance(dt.timedelta(minutes=61))
    assert [r.id for r in service.escalated(database, manager)] == [late.id]
    with pytest.raises(PermissionDeniedError):
        service.escalated(database, clerk)
