"""The counter's side in the database: the hall's referrals of today and those not done,
returned ones first, then the overdue; the count for the status bar; taking a returned
referral up again (journaled, and only that step, only at this hall, only by the counter);
and the department's history of what it closed or returned."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from db.domain import ReferralStatus, Role, Urgency
from hallclient.access.audit import Where
from hallclient.access.permissions import PermissionDeniedError
from hallclient.clock import FixedClock
from hallclient.referrals import board_history, hall_list, service
from hallclient.referrals.informants import Informant
from hallclient.referrals.service import NewReferral, ReferralError, ReferralProblem
from tests.db.intake_helpers import add_hall, at_counter
from tests.db.security_helpers import START, add_users, context_for, journal

MATTER = "厨房燃气表不走字，客户要求上门检修"
CANARY_NAME, CANARY_PHONE = "甄秘密", "13912345678"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)  # 09:00 in Shanghai


@pytest.fixture
def people(database):
    add_hall(database)
    return add_users(database)


@pytest.fixture
def clerk(people, clock):
    return at_counter(people[Role.CLERK], clock, "C01")


def _staff(people, clock, department: str = "emergency_repair"):
    user = replace(people[Role.DEPARTMENT_STAFF], department_code=department)
    return context_for(user, clock)


def _refer(database, context, urgency=Urgency.NORMAL, department="emergency_repair", **more):
    return service.refer(database, context, NewReferral(department, urgency, MATTER, **more))


def _returned(database, people, clock, made, reason="地址不在本中心辖区,请转抄表中心"):
    staff = _staff(people, clock, made.department_code)
    return service.move(database, staff, made.id, ReferralStatus.RETURNED, reason)


def _closed(database, people, clock, made, result="已上门更换表具"):
    staff = _staff(people, clock, made.department_code)
    service.move(database, staff, made.id, ReferralStatus.ACKNOWLEDGED)
    return service.move(database, staff, made.id, ReferralStatus.CLOSED, result)


def test_returned_first_then_overdue_then_by_due_time(database, people, clerk, clock):
    normal = _refer(database, clerk)  # repair: due in 24 hours
    urgent = _refer(database, clerk, Urgency.URGENT)  # due in 4 hours
    late = _refer(database, clerk, Urgency.EMERGENCY)  # due in 30 minutes
    back = _refer(database, clerk, department="billing")
    done = _refer(database, clerk, Urgency.URGENT, department="complaints")
    _returned(database, people, clock, back)
    _closed(database, people, clock, done, "已向客户致歉并说明")
    clock.advance(dt.timedelta(minutes=45))
    listed = hall_list.hall_referrals(database, clerk)
    assert [r.id for r in listed] == [back.id, late.id, urgent.id, normal.id, done.id]
    assert listed[0].outcome == "地址不在本中心辖区,请转抄表中心"
    assert listed[-1].status is ReferralStatus.CLOSED and listed[-1].outcome == "已向客户致歉并说明"
    assert hall_list.needing_counter(database, clerk) == 2  # the returned one and the late one


def test_today_and_whatever_is_not_done_from_earlier_days(database, people, clerk, clock):
    closed_earlier = _refer(database, clerk)
    open_earlier = _refer(database, clerk, department="billing")
    returned_earlier = _refer(database, clerk, department="complaints")
    _closed(database, people, clock, closed_earlier)
    _returned(database, people, clock, returned_earlier)
    clock.advance(dt.timedelta(days=1))
    today = _refer(database, clerk, department="meter_reading")
    listed = {r.id for r in hall_list.hall_referrals(database, clerk)}
    assert listed == {open_earlier.id, returned_earlier.id, today.id}
    clock.advance(dt.datetime(2026, 11, 27, 15, 59, tzinfo=dt.UTC) - clock.now())  # 23:59
    assert today.id in {r.id for r in hall_list.hall_referrals(database, clerk)}
    clock.advance(dt.timedelta(minutes=2))  # the next day in Shanghai; done by now
    _closed(database, people, clock, today)
    assert today.id not in {r.id for r in hall_list.hall_referrals(database, clerk)}


def test_another_halls_referrals_are_never_shown(database, people, clerk, clock):
    elsewhere = replace(clerk, where=Where("H02", "C01"))
    theirs = _refer(database, elsewhere)
    _returned(database, people, clock, theirs)
    ours = _refer(database, clerk)
    assert [r.id for r in hall_list.hall_referrals(database, clerk)] == [ours.id]
    assert hall_list.needing_counter(database, clerk) == 0
    with pytest.raises(ReferralError) as caught:
        hall_list.take_up(database, clerk, theirs.id, "已电话联系客户")
    assert caught.value.problem is ReferralProblem.UNKNOWN_REFERRAL


def test_a_theft_report_shows_its_state_but_nothing_of_the_reporter(database, people, clerk):
    reporter = Informant(CANARY_NAME, CANARY_PHONE, "晚上方便联系")
    report = service.refer(
        database,
        clerk,
        NewReferral("inspection", Urgency.URGENT, "邻居家疑似绕表偷气，请稽查", informant=reporter),
    )
    inspection = _staff(people, clerk.clock, "inspection")
    service.move(database, inspection, report.id, ReferralStatus.RETURNED, "线索不足,请补充地址")
    [listed] = hall_list.hall_referrals(database, clerk)
    assert listed.confidential and listed.status is ReferralStatus.RETURNED
    assert (listed.matter, listed.outcome, listed.contact_name, listed.contact_phone) == (
        "",
        "",
        "",
        "",
    )
    assert CANARY_NAME not in repr(listed) and CANARY_PHONE not in repr(listed)
    taken = hall_list.take_up(database, clerk, report.id, "已电话联系稽查部")
    assert taken.status is ReferralStatus.TAKEN_UP and taken.matter == ""
    assert ("1001", "referral.taken_up", f"举报 {report.reference}") in journal(database)


def test_the_counter_takes_a_returned_referral_up_once_and_it_is_journaled(
    database, people, clerk, clock
):
    made = _refer(database, clerk, department="billing")
    _returned(database, people, clock, made)
    assert hall_list.needing_counter(database, clerk) == 1
    with pytest.raises(ReferralError) as caught:
        hall_list.take_up(database, clerk, made.id, "  ")
    assert caught.value.problem is ReferralProblem.NOTE_REQUIRED
    clock.advance(dt.timedelta(minutes=10))
    taken = hall_list.take_up(database, clerk, made.id, "已电话告知客户,改转抄表中心")
    assert taken.status is ReferralStatus.TAKEN_UP
    assert taken.outcome == "地址不在本中心辖区,请转抄表中心"  # the department's reason stays
    assert hall_list.needing_counter(database, clerk) == 0
    assert [r.id for r in hall_list.hall_referrals(database, clerk)] == [made.id]
    assert journal(database)[-1] == ("1001", "referral.taken_up", made.reference)
    last = service.history(database, clerk, made.id)[-1]
    assert (last.status, last.actor, last.note, last.at) == (
        ReferralStatus.TAKEN_UP,
        "1001",
        "已电话告知客户,改转抄表中心",
        START + dt.timedelta(minutes=10),
    )
    with pytest.raises(ReferralError) as caught:  # once
        hall_list.take_up(database, clerk, made.id, "再接手一次")
    assert caught.value.problem is ReferralProblem.BAD_STEP
    with pytest.raises(ReferralError) as caught:  # and the department cannot move it on
        service.move(
            database, _staff(people, clock, "billing"), made.id, ReferralStatus.ACKNOWLEDGED
        )
    assert caught.value.problem is ReferralProblem.BAD_STEP


@pytest.mark.parametrize("step", ["new", "acknowledged", "closed"])
def test_only_a_returned_referral_is_taken_up(database, people, clerk, clock, step):
    made = _refer(database, clerk)
    staff = _staff(people, clock)
    if step != "new":
        service.move(database, staff, made.id, ReferralStatus.ACKNOWLEDGED)
    if step == "closed":
        service.move(database, staff, made.id, ReferralStatus.CLOSED, "已上门处理完毕")
    before = journal(database)
    with pytest.raises(ReferralError) as caught:
        hall_list.take_up(database, clerk, made.id, "已电话联系客户")
    assert caught.value.problem is ReferralProblem.BAD_STEP
    assert journal(database) == before


def test_department_staff_do_not_take_up_for_the_counter(database, people, clerk, clock):
    made = _refer(database, clerk, department="billing")
    _returned(database, people, clock, made)
    for department in ("emergency_repair", "billing"):
        with pytest.raises(PermissionDeniedError):
            hall_list.take_up(database, _staff(people, clock, department), made.id, "我来处理吧")
        with pytest.raises(PermissionDeniedError):
            hall_list.hall_referrals(database, _staff(people, clock, department))
    assert hall_list.needing_counter(database, clerk) == 1


def test_the_departments_history_newest_first_for_thirty_days(database, people, clerk, clock):
    old = _refer(database, clerk)
    _closed(database, people, clock, old, "已上门处理完毕")
    clock.advance(dt.timedelta(days=20))
    back = _refer(database, clerk)
    _returned(database, people, clock, back)
    clock.advance(dt.timedelta(hours=1))
    closed = _refer(database, clerk)
    _closed(database, people, clock, closed)
    _refer(database, clerk)  # still open: on the board, not in the history
    theirs = _refer(database, clerk, department="billing")
    _closed(database, people, clock, theirs)
    hall_list.take_up(database, clerk, back.id, "已电话联系客户,另行转办")
    repair = _staff(people, clock)
    seen = [(f.referral.id, f.referral.status) for f in board_history.finished(database, repair)]
    assert seen == [
        (closed.id, ReferralStatus.CLOSED),
        (back.id, ReferralStatus.TAKEN_UP),
        (old.id, ReferralStatus.CLOSED),
    ]
    clock.advance(dt.timedelta(days=10))  # the first one closed 31 days ago
    assert [f.referral.id for f in board_history.finished(database, repair)] == [closed.id, back.id]
    with pytest.raises(PermissionDeniedError):
        board_history.finished(database, clerk)
